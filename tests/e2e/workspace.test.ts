// End-to-end: the page is a workspace on one screen. At 1366x768 the Play button, the topology
// and the current log entry are all in view without scrolling, and stay so while playing; the
// log covers every record of the longest built-in example (virtualised, a few dozen rows in the
// page); the figures are those of the moment shown (zero at t = 0, the whole run's at the end);
// a log entry's time seeks; the panels resize by keyboard and remember it; a phone gets no
// sideways scrolling.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appSession, logCount, logEntries, rewind, shot, startRun, timeNs } from './appSession.ts';
import { coreRun } from './reference.ts';

const session = appSession();

/** Whether the element's box lies wholly inside the viewport. */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return (
        box.width > 0 &&
        box.height > 0 &&
        box.top >= 0 &&
        box.left >= 0 &&
        box.bottom <= window.innerHeight &&
        box.right <= window.innerWidth
      );
    });
}

/** The link's caption counters, e.g. `3 sent · 2 delivered · 1 lost`. */
async function linkCounts(page: Page, link: string): Promise<string> {
  return (await page.locator(`[data-link="${link}"] .counts`).first().textContent()) ?? '';
}

describe('the workspace', () => {
  it('keeps Play, the topology and the current log entry in view at 1366x768', async () => {
    const page = await session.openApp({ viewport: { width: 1366, height: 768 } });
    await startRun(page, 7);
    for (let sample = 0; sample < 4; sample++) {
      expect(await page.getByTestId('play').textContent()).toBe('Pause');
      expect(await inView(page, '[data-testid="play"]')).toBe(true);
      expect(await inView(page, '[data-testid="topology"]')).toBe(true);
      await page.locator('[data-testid="event-log"] li.current').first().waitFor();
      expect(await inView(page, '[data-testid="event-log"] li.current')).toBe(true);
      // One screen: the page itself does not scroll.
      const [height, inner] = await page.evaluate(() => [
        document.documentElement.scrollHeight,
        window.innerHeight,
      ]);
      expect(height).toBeLessThanOrEqual(inner);
      await page.waitForTimeout(600);
    }
    await shot(page, 'workspace-1366x768');
    expect(session.errors).toEqual([]);
  });

  it('narrates the longest built-in example to its last record, a few rows in the page', async () => {
    const page = await session.openApp({ viewport: { width: 1366, height: 768 } });
    await page
      .getByLabel('Open a built-in example')
      .selectOption({ label: "TCP's options on a long, fast path" });
    await page.getByTestId('scenario-name').filter({ hasText: "TCP's options" }).waitFor();
    await page.getByTestId('show-states').check();
    await startRun(page, 1);
    // The narration is told a slice at a time; wait until it is whole.
    await expect
      .poll(async () => (await page.getByTestId('log-count').textContent()) ?? '', {
        timeout: 60_000,
      })
      .not.toContain('telling the run');
    const records = Number(await page.getByTestId('metric-trace').textContent());
    await page.getByTestId('play').filter({ hasText: 'Pause' }).click();
    await page.locator('h1').click();
    await page.keyboard.press('End');
    expect(await logCount(page)).toBeGreaterThan(50_000);
    const log = page.getByTestId('event-log');
    await log.evaluate((element) => (element.scrollTop = element.scrollHeight));
    await expect
      .poll(() => log.locator('li').last().locator('.text').textContent())
      .toMatch(/^The run ends because /);
    expect(Number(await log.locator('li').last().getAttribute('aria-posinset'))).toBe(
      await logCount(page),
    );
    // Whole-run figures at the end: every record is in the log.
    await page.getByTestId('summary-whole-run').click();
    expect(await logCount(page)).toBe(Number(await page.getByTestId('metric-trace').textContent()));
    expect(await logCount(page)).toBeGreaterThanOrEqual(records);
    // Virtualised: a few dozen rows in the page, not one per record.
    const nodes = await log.evaluate((element) => element.querySelectorAll('*').length);
    expect(nodes).toBeLessThan(600);
    await shot(page, 'workspace-long-log');
    expect(session.errors).toEqual([]);
  });

  it('shows the figures of the moment: zero at t = 0, the whole run at the end', async () => {
    const page = await session.openApp();
    await startRun(page, 25);
    await rewind(page);
    expect(await linkCounts(page, 'wifi')).toBe('0 sent · 0 delivered · 0 lost');
    expect(await page.getByTestId('metric-trace').textContent()).toBe('0');
    expect(await page.getByTestId('timeline-counts').textContent()).toMatch(/0 of \d+\s+drops/);
    const whole = coreRun(25).summary.links[0]!.directions;
    const total = (key: 'sent' | 'delivered' | 'lost') => whole[0][key] + whole[1][key];
    // At the very moment packet #7 (request 3, the run's first loss, at 2.144094524 s) is lost,
    // the loss is not counted yet: it counts from just after.
    const entries = await logEntries(page);
    const loss = entries.findIndex((e) => e.text === 'Packet #7 is lost on link wifi.');
    expect(loss).toBeGreaterThan(0);
    await page
      .getByTestId('event-log')
      .evaluate(
        (log, at) => (log.scrollTop = at * Number(log.getAttribute('data-row-height'))),
        loss,
      );
    await page
      .locator(`[data-testid="event-log"] li[aria-posinset="${loss + 1}"] button.time`)
      .click();
    expect(await linkCounts(page, 'wifi')).toMatch(/ 0 lost$/);
    expect(await page.getByTestId('timeline-counts').textContent()).toMatch(
      new RegExp(`0 of ${total('lost')} drops`),
    );
    await page.getByTestId('step').click();
    expect(await linkCounts(page, 'wifi')).toMatch(/ 1 lost$/);
    expect(await page.getByTestId('timeline-counts').textContent()).toMatch(
      new RegExp(`1 of ${total('lost')} drops`),
    );
    await page.locator('h1').click();
    await page.keyboard.press('End');
    expect(await page.getByTestId('timeline-counts').textContent()).toMatch(
      new RegExp(`${total('lost')} of ${total('lost')} drops`),
    );
    expect(await linkCounts(page, 'wifi')).toBe(
      `${total('sent')} sent · ${total('delivered')} delivered · ${total('lost')} lost`,
    );
    expect(total('lost')).toBeGreaterThan(0);
    expect(session.errors).toEqual([]);
  });

  it('goes to the moment of a log entry when its time is clicked', async () => {
    const page = await session.openApp();
    await startRun(page, 7);
    await rewind(page);
    const entries = await logEntries(page);
    const target = entries.findIndex((e) => e.text.includes('times out waiting for reply 1'));
    expect(target).toBeGreaterThan(0);
    // Scroll the list to the entry (rows are drawn only in view), as a learner would.
    await page
      .getByTestId('event-log')
      .evaluate(
        (log, at) => (log.scrollTop = at * Number(log.getAttribute('data-row-height'))),
        target,
      );
    const row = page.locator(`[data-testid="event-log"] li[aria-posinset="${target + 1}"]`);
    await row.waitFor();
    await row.locator('button.time').click();
    const reference = coreRun(7).log.find((e) => e.text.includes('times out waiting for reply 1'));
    expect(await timeNs(page)).toBe(reference!.t);
    // The entry is now the current one (or shares its moment with the current one).
    const current = page.locator('[data-testid="event-log"] li.current .time');
    expect(await current.textContent()).toBe(reference!.time);
    expect(session.errors).toEqual([]);
  });

  it('resizes the inspector and the log by keyboard and remembers it after a reload', async () => {
    const page = await session.openApp({ viewport: { width: 1366, height: 768 } });
    const side = page.getByRole('separator', { name: 'Resize the inspector' });
    const before = Number(await side.getAttribute('aria-valuenow'));
    const width = () => page.locator('#inspector-column').evaluate((e) => e.clientWidth);
    const widthBefore = await width();
    await side.focus();
    // The handle is on the inspector's left edge: moving it left widens the inspector.
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(Number(await side.getAttribute('aria-valuenow'))).toBe(before + 128);
    expect(await width()).toBeGreaterThan(widthBefore + 100);
    const log = page.getByRole('separator', { name: 'Resize the event log' });
    await log.focus();
    await page.keyboard.press('Home');
    const smallest = Number(await log.getAttribute('aria-valuenow'));
    expect(smallest).toBe(Number(await log.getAttribute('aria-valuemin')));
    await page.reload();
    await page.getByTestId('scenario-name').waitFor();
    expect(Number(await side.getAttribute('aria-valuenow'))).toBe(before + 128);
    expect(Number(await log.getAttribute('aria-valuenow'))).toBe(smallest);
    expect(session.errors).toEqual([]);
  });

  it('has no sideways scrolling on a phone, the log a tab of the inspector', async () => {
    const page = await session.openApp({ viewport: { width: 390, height: 844 } });
    await startRun(page, 7);
    const [scrollWidth, inner] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(inner);
    expect(await page.getByTestId('play').isVisible()).toBe(true);
    // The panels are tabs here, the log among them.
    await page.getByRole('tab', { name: 'Log', exact: true }).click();
    expect(await logCount(page)).toBeGreaterThan(0);
    const [logWidth, panelWidth] = await page.evaluate(() => [
      document.querySelector('[data-testid="event-log"]')!.scrollWidth,
      document.querySelector('[data-testid="event-log"]')!.clientWidth,
    ]);
    expect(logWidth).toBeLessThanOrEqual(panelWidth);
    // Scrolled down to the panels, the picture and the time controls stay in view.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    expect(await inView(page, '[data-testid="play"]')).toBe(true);
    expect(await inView(page, '[data-testid="topology"]')).toBe(true);
    await shot(page, 'workspace-phone');
    expect(session.errors).toEqual([]);
  });
});

/** A thousand pingers behind twenty switches: a network too big to draw or tabulate whole. */
function thousandPingers(): string {
  const nodes: unknown[] = [
    {
      id: 'core',
      role: 'switch',
      interfaces: Array.from({ length: 21 }, (_, i) => ({ name: `p${i}` })),
    },
    {
      id: 'srv',
      role: 'server',
      interfaces: [{ name: 'eth0', address: '10.0.0.1/16' }],
      apps: [{ type: 'echo', port: 7 }],
    },
  ];
  const links: unknown[] = [{ id: 'l-srv', a: 'srv', b: 'core:p0', latency: '1ms' }];
  for (let s = 0; s < 20; s++) {
    nodes.push({
      id: `sw${s}`,
      role: 'switch',
      interfaces: Array.from({ length: 51 }, (_, i) => ({ name: `p${i}` })),
    });
    links.push({ id: `up${s}`, a: `sw${s}:p0`, b: `core:p${s + 1}`, latency: '1ms' });
    for (let j = 0; j < 50; j++) {
      const i = s * 50 + j;
      nodes.push({
        id: `h${i}`,
        role: 'client',
        interfaces: [
          { name: 'eth0', address: `10.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}/16` },
        ],
        apps: [{ type: 'pinger', peer: '10.0.0.1', port: 7, count: 3 }],
      });
      links.push({ id: `l${i}`, a: `h${i}`, b: `sw${s}:p${j + 1}`, latency: '1ms' });
    }
  }
  return JSON.stringify({
    format: 'handshake/scenario@1',
    name: 'A thousand pingers',
    until: '5s',
    nodes,
    links,
  });
}

describe('a network too big to draw whole', () => {
  it('shows progress while it runs and says what it leaves out', async () => {
    const page = await session.openApp({ viewport: { width: 1366, height: 768 } });
    await page.getByLabel('Open a scenario file (JSON)').setInputFiles({
      name: 'thousand.json',
      mimeType: 'application/json',
      buffer: Buffer.from(thousandPingers(), 'utf8'),
    });
    await page.getByTestId('scenario-name').filter({ hasText: 'A thousand pingers' }).waitFor();
    // 1,022 nodes: the picture draws some and says so.
    expect(await page.locator('figcaption').first().textContent()).toMatch(
      /the picture shows the first \d+ nodes/,
    );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('run-progress').waitFor();
    await page.getByTestId('run-status').filter({ hasText: 'Ran' }).waitFor({ timeout: 120_000 });
    await page.getByRole('tab', { name: 'Summary', exact: true }).click();
    await page.getByTestId('summary-whole-run').click();
    // 1 + 20 + 1,000 = 1,021 links: the summary tabulates the busiest and says where the rest are.
    expect(await page.getByTestId('summary-links-capped').textContent()).toContain(
      'busiest of 1021 links',
    );
    expect(await page.locator('[data-testid="summary"] table').count()).toBe(24);
    // 1,000 pingers and an echo server: the first 24 programs get cards (and the overall figures).
    expect(await page.getByTestId('summary-cards-capped').textContent()).toMatch(
      /The first 24 of 1,001 programs and CPUs are shown/,
    );
    expect(await page.locator('[data-testid="summary"] dl.metrics').count()).toBe(25);
    // The workspace still answers: the play button toggles.
    const play = page.getByTestId('play');
    const before = await play.textContent();
    await play.click();
    await play.filter({ hasText: before === 'Play' ? 'Pause' : 'Play' }).waitFor();
    expect(session.errors).toEqual([]);
  });
});
