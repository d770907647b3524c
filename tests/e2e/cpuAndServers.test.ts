// End-to-end tests of the server and CPU views in Debian's Chromium: the web server's processes
// and CPU Gantt chart following the time shown, the "CPU n/m busy" badge, the request latency
// chart, and an HTTP request dissected in the packet inspector and named on the ladder.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appSession, openFile, shot, runAndShow } from './appSession.ts';

const session = appSession();
const { openApp } = session;

async function selectNode(page: Page, id: string): Promise<void> {
  const card = await page.locator(`[data-node="${id}"] .label`).boundingBox();
  await page.mouse.click(card!.x + card!.width / 2, card!.y + card!.height / 2);
}

const bars = async (page: Page) =>
  Number(await page.getByTestId('cpu-gantt').locator('svg').getAttribute('data-bars'));

describe('CPU and servers', () => {
  it('shows the web server’s workers and a Gantt chart that follows the time shown', async () => {
    const page = await openApp();
    await openFile(page, 'simulations/web-page-load.json');
    // 8 s run, 8 ms a tick. At tick 5 (40 ms) the first request has not reached the server (its
    // link latencies add to 20 ms each way after the handshake), so no job has run yet.
    await runAndShow(page, 11, '5');
    await selectNode(page, 'web');
    const node = page.getByTestId('node-inspector');
    await node.getByTestId('cpu-section').waitFor();
    expect(await bars(page)).toBe(0);
    const connections = node.getByTestId('server-connections');
    expect(await connections.count()).toBe(0);
    // At tick 16 (128 ms) the laptop's one keep-alive connection has had its first request
    // answered (the reply at 64.5 ms) and waits for the next (sent at 105 ms, arriving 152 ms):
    // its machine is in `reading`, and the statechart drawn from serverConnectionMachine lights it.
    await page.getByTestId('scrubber').fill('16');
    const conn = connections.locator('li[data-conn="192.168.1.10:50470"]');
    await expect.poll(() => conn.getAttribute('data-state')).toBe('reading');
    expect(await connections.locator('.state.lit').getAttribute('data-state')).toBe('reading');
    expect(await connections.locator('svg').getAttribute('aria-label')).toMatch(
      /^Connection 192\.168\.1\.10:50470 to web: a state machine with 8 states/,
    );
    // By tick 500 (4 s) the three visits have had their jobs run: bars with job ids on core 0.
    await page.getByTestId('scrubber').fill('500');
    await expect.poll(() => bars(page)).toBeGreaterThan(3);
    // By then the laptop has closed it (FIN at 2.63 s): none open, one closed, `closed` lit.
    expect(await connections.textContent()).toMatch(
      /No connection is open\.[\s\S]*1\s+connection has closed/,
    );
    expect(await connections.locator('.state.lit').getAttribute('data-state')).toBe('closed');
    const jobs = await page
      .getByTestId('cpu-gantt')
      .locator('[data-job]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-job') ?? ''));
    expect(jobs.every((j) => /^web\/t\d+#\d+$/.test(j))).toBe(true);
    // No context switch, though one costs 50 µs here: every job is a request on the laptop's one
    // keep-alive connection, run by its thread t1, so the core never changes process (and the
    // first job on a core switches from nothing).
    expect(jobs.every((j) => j.startsWith('web/t1#'))).toBe(true);
    expect(await page.getByTestId('cpu-gantt').locator('.bar.switch').count()).toBe(0);
    const atEnd = await bars(page);
    await page.getByTestId('scrubber').fill('100');
    await expect.poll(() => bars(page)).toBeLessThan(atEnd);
    // Each core's machine drawn from cpuCoreMachine, its state at the time shown lit: at 0.8 s
    // the page has loaded and core 0 is idle.
    const cores = node.getByTestId('core-states');
    await expect.poll(() => cores.locator('[data-state="idle"].lit').count()).toBe(1);
    expect(await cores.locator('li').first().textContent()).toBe('core 0: idle');
    expect(await cores.locator('[data-state="switching"]').count()).toBeGreaterThan(0);
    // Finished jobs: waiting, turnaround and response in a table.
    expect(await node.getByTestId('cpu-jobs').locator('tbody tr').count()).toBeGreaterThan(0);
    // The processes: the web app's counters (12 requests over the three visits by the end).
    await page.getByTestId('scrubber').fill('1000');
    await expect
      .poll(async () => (await node.getByTestId('server-counters').textContent()) ?? '')
      .toMatch(/Requests\s*12/);
    await shot(page, 'cpu-gantt');
    expect(session.errors).toEqual([]);
  });

  it('badges the server with its busy cores and charts request latency', async () => {
    const page = await openApp();
    await openFile(page, 'simulations/server-concurrency.json');
    await runAndShow(page, 1, '300');
    const badge = page.locator('[data-node="server"] [data-badge^="CPU "]');
    expect(await badge.getAttribute('data-badge')).toMatch(/^CPU \d+\/\d+ busy$/);
    // Two pool workers share one core: each change from w1's request to w2's (or back) is a
    // 100 µs context switch, hatched on the core's Gantt chart.
    await selectNode(page, 'server');
    await page.getByTestId('cpu-section').waitFor();
    expect(await page.getByTestId('cpu-gantt').locator('.bar.switch').count()).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Charts' }).click();
    const charts = page.getByTestId('charts');
    const picker = charts.getByTestId('chart-picker');
    await picker.selectOption('requests');
    const series = await charts.getByTestId('chart-series').locator('option').allTextContents();
    expect(series.some((s) => /server: request to reply/.test(s))).toBe(true);
    expect(series.some((s) => /client: request to response/.test(s))).toBe(true);
    expect(session.errors).toEqual([]);
  });

  it('names HTTP messages on the ladder and dissects their headers', async () => {
    const page = await openApp();
    await openFile(page, 'simulations/web-page-load.json');
    await runAndShow(page, 11, '1000');
    await page.getByRole('tab', { name: 'Ladder' }).click();
    const ladder = page.getByTestId('ladder-diagram');
    await ladder.getByTestId('ladder-node-a').selectOption('laptop');
    await ladder.getByTestId('ladder-node-b').selectOption('web');
    await ladder.getByRole('button', { name: 'Show' }).click();
    const get = ladder.locator('g[role="button"][aria-label*="GET /index.html"]').first();
    await get.waitFor();
    expect(
      await ladder.locator('g[role="button"][aria-label*="HTTP 200"]').count(),
    ).toBeGreaterThan(0);
    // Arrows sit close together over an 8 s run: pick it the keyboard way (focus, then Enter).
    await get.focus();
    await page.keyboard.press('Enter');
    const inspector = page.getByTestId('packet-inspector');
    const app = inspector.getByTestId('app-layer');
    await app.waitFor();
    // RFC 9112 section 3: method, request-target, HTTP-version on the request line.
    expect(await app.getByTestId('http-start-line').textContent()).toBe('GET /index.html HTTP/1.1');
    expect(await app.getByTestId('http-headers').textContent()).toMatch(/Host/i);
    await shot(page, 'packet-http');
    expect(session.errors).toEqual([]);
  });
});
