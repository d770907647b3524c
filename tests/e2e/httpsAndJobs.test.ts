// End-to-end tests in Debian's Chromium of HTTPS seen from an endpoint (the packet inspector shows
// ciphertext with a lock, and opens it with the client's session keys into the HTTP request), and
// of the CPU scheduling view: Silberschatz's RR q=4 table (average wait 17/3), the same jobs
// under FCFS (average wait (0 + 24 + 27) / 3 = 17), and a bad table's row named as text; its
// context switches counted as the chart shows them, times in the table's unit (ticks read
// "ticks", never "ms"), an opened CSV titled by itself, and the conventions stated beside the chart.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appSession, shot } from './appSession.ts';
import { ROOT } from './reference.ts';

const session = appSession();
const { openApp } = session;

/** An HTTPS visit: laptop fetches /index.html from web over TLS. */
const HTTPS_SCENARIO = {
  format: 'handshake/scenario@1',
  name: 'HTTPS page',
  seed: 1,
  until: '2s',
  nodes: [
    {
      id: 'laptop',
      role: 'client',
      interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
      apps: [{ type: 'httpClient', server: 'web', https: true, page: '/index.html' }],
    },
    {
      id: 'web',
      role: 'server',
      interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
      apps: [
        {
          type: 'httpServer',
          site: [{ path: '/index.html', text: '<!doctype html><p>secret page</p>' }],
          tls: { certificate: { subject: 'web' } },
        },
      ],
    },
  ],
  links: [{ id: 'l1', a: 'laptop', b: 'web', latency: '20ms', bandwidth: '100Mbps' }],
};

/** Opens a scenario document through the page's file input, as a learner does. */
async function openDocument(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Open a scenario file (JSON)').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await page.getByText(`from ${name}`).waitFor();
}

async function runToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('metric-seed').waitFor();
  const play = page.getByTestId('play');
  if ((await play.textContent())?.includes('Pause')) await play.click();
  await page.getByTestId('scrubber').fill('1000');
}

describe('HTTPS from an endpoint’s point of view', () => {
  it('shows ciphertext with a lock, and the request once decrypted with the client’s keys', async () => {
    const page = await openApp();
    // The built-in HTTPS scenario when there is one (the main engineer adds it), else our own.
    const builtIn = join(ROOT, 'simulations/https-login.json');
    const ours = !existsSync(builtIn);
    await openDocument(
      page,
      ours ? 'https-page.json' : 'https-login.json',
      ours ? JSON.stringify(HTTPS_SCENARIO) : readFileSync(builtIn, 'utf8'),
    );
    await runToEnd(page);
    await page.getByRole('tab', { name: 'Ladder' }).click();
    const ladder = page.getByTestId('ladder-diagram');
    await ladder.getByTestId('ladder-node-a').selectOption('laptop');
    await ladder.getByTestId('ladder-node-b').selectOption('web');
    await ladder.getByRole('button', { name: 'Show' }).click();
    // The ladder names handshake records and marks ciphertext.
    await ladder.locator('g[role="button"][aria-label*="TLS ClientHello"]').first().waitFor();
    const data = ladder
      .locator('g[role="button"][aria-label*="TLS application data (encrypted)"]')
      .first();
    await data.focus();
    await page.keyboard.press('Enter');
    const inspector = page.getByTestId('packet-inspector');
    const wire = inspector.getByTestId('app-layer');
    await wire.waitFor();
    expect(await wire.textContent()).toMatch(/application data, encrypted/);
    // Encrypted by default; the client's keys open it into the HTTP request.
    const tls = inspector.getByTestId('tls-decrypt');
    expect(await tls.getByTestId('tls-encrypted').getAttribute('aria-pressed')).toBe('true');
    expect(await inspector.getByTestId('tls-plaintext').count()).toBe(0);
    await tls.getByRole('button', { name: 'Decrypt with the client’s keys' }).click();
    const plain = inspector.getByTestId('tls-plaintext');
    expect(await plain.textContent()).toMatch(
      ours
        ? /As laptop sees it\s*\(decrypted with its session keys\)/
        : /As Ada's laptop sees it\s*\(decrypted with its session keys\)/,
    );
    // RFC 9112 section 3: the request line, now readable.
    expect(await plain.getByTestId('http-start-line').first().textContent()).toMatch(
      /^(?:(?:GET|POST) \S+ HTTP\/1\.1|HTTP\/1\.1 \d{3} .+)$/,
    );
    await shot(page, 'https-decrypted');
    // Before the client's handshake finishes (time 0) it has no keys: no decrypt control.
    await page.getByTestId('scrubber').fill('0');
    await expect
      .poll(() => tls.getByRole('button', { name: 'Decrypt with the client’s keys' }).count())
      .toBe(0);
    expect(await inspector.getByTestId('tls-plaintext').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});

describe('CPU scheduling from a job table', () => {
  it('runs Silberschatz RR q=4, compares FCFS, and names a bad row as text', async () => {
    const page = await openApp();
    await page.getByTestId('mode-jobs').click();
    const lab = page.getByTestId('job-lab');
    await lab.getByTestId('jobs-builtin').selectOption('silberschatz-rr.json');
    // The book's chart: P1 0-4, P2 4-7, P3 7-10, P1 10-30.
    const svg = lab.getByTestId('cpu-gantt').locator('svg');
    expect(await svg.getAttribute('data-bars')).toBe('4');
    expect(await lab.getByTestId('jobs-avg-waiting').textContent()).toBe('5.67 ticks');
    expect(await lab.getByTestId('jobs-table').locator('tbody tr').count()).toBe(3);
    await lab.getByTestId('jobs-policy').selectOption('fcfs');
    await expect.poll(() => lab.getByTestId('jobs-avg-waiting').textContent()).toBe('17 ticks');
    expect(await svg.getAttribute('data-bars')).toBe('3');
    await shot(page, 'jobs-fcfs');
    // A negative burst: the row is named, as text, and the learner's text stays.
    const bad = JSON.stringify({
      format: 'handshake/jobs@1',
      jobs: [
        { id: 'P1', arrival: 0, burst: 5 },
        { id: '<i>P2</i>', arrival: 1, burst: -3 },
      ],
    });
    await lab.getByTestId('jobs-text').fill(bad);
    await lab.getByTestId('jobs-run').click();
    const problems = lab.getByTestId('jobs-problems');
    await problems.waitFor();
    expect(await problems.locator('li').first().textContent()).toBe(
      'jobs[1] (<i>P2</i>): burst must be >= 0, got -3',
    );
    expect(await problems.locator('i').count()).toBe(0);
    expect(await lab.getByTestId('jobs-text').inputValue()).toBe(bad);
    expect(session.errors).toEqual([]);
  });

  it('counts the switches the Gantt chart shows, in the table’s unit, with the conventions', async () => {
    const page = await openApp();
    await page.getByTestId('mode-jobs').click();
    const lab = page.getByTestId('job-lab');
    await lab.getByTestId('jobs-builtin').selectOption('silberschatz-rr.json');
    const svg = lab.getByTestId('cpu-gantt').locator('svg');
    // The book's chart P1 0-4, P2 4-7, P3 7-10, P1 10-30 changes job at 4, 7 and 10: 3 switches
    // (none at 0, the core's first job), each free here, so no hatched bar, but counted.
    expect(await svg.getAttribute('data-bars')).toBe('4');
    expect(await lab.getByTestId('jobs-switches').textContent()).toBe('3');
    expect(await lab.getByTestId('jobs-preemptions').textContent()).toBe('1');
    // With a 1-tick switch: P1 0-4, cs 4-5, P2 5-8, cs 8-9, P3 9-12, cs 12-13, P1 13-33.
    await lab.getByTestId('jobs-switch').fill('1');
    await expect.poll(() => svg.locator('.bar.switch').count()).toBe(3);
    expect(await lab.getByTestId('jobs-switches').textContent()).toBe('3');
    expect(await lab.getByTestId('jobs-makespan').textContent()).toBe('33 ticks');
    // Ticks read as ticks everywhere: labels, figures, the chart's axis and its description.
    expect(await lab.getByText('Quantum (ticks)').count()).toBe(1);
    expect(await lab.getByTestId('jobs-avg-waiting').textContent()).toBe('7.67 ticks');
    const axis = await svg.locator('text.tick').allTextContents();
    expect(axis.length).toBeGreaterThan(1);
    expect(axis.every((label) => /^\d+(\.\d+)?$/.test(label))).toBe(true);
    expect(await svg.getAttribute('aria-label')).toMatch(/P2 5 ticks–8 ticks/);
    const shown = (await lab.getByTestId('jobs-summary').textContent()) ?? '';
    expect(shown).not.toMatch(/\bms\b/);
    expect((await lab.getByTestId('jobs-table').textContent()) ?? '').not.toMatch(/\bms\b/);
    // The conventions, in plain words, next to the chart.
    const conventions = lab.getByTestId('jobs-conventions');
    expect(await conventions.locator('li').count()).toBe(7);
    expect(await conventions.textContent()).toMatch(
      /first job a core runs costs no context switch/,
    );
    expect(session.errors).toEqual([]);
  });

  it('titles an opened CSV by itself, not by the table shown before', async () => {
    const page = await openApp();
    await page.getByTestId('mode-jobs').click();
    const lab = page.getByTestId('job-lab');
    await lab.getByTestId('jobs-builtin').selectOption('silberschatz-rr.json');
    await expect
      .poll(() => lab.getByTestId('jobs-name').textContent())
      .toMatch(/^Round robin, quantum 4/);
    const input = lab.getByLabel('Open a job table file');
    const csv = (name: string, text: string) => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(text, 'utf8'),
    });
    // No "# name:" line: the file's name is the title.
    await input.setInputFiles(csv('exercise-3.csv', 'id,arrival,burst\nA,0,5\nB,1,2\n'));
    await expect.poll(() => lab.getByTestId('jobs-name').textContent()).toBe('exercise-3');
    // FCFS in ms (the default unit): A 0-5, B 5-7.
    expect(await lab.getByTestId('jobs-makespan').textContent()).toBe('7 ms');
    // A "# name:" line names it.
    await input.setInputFiles(
      csv('e4.csv', '# name: Exercise 4\n# unit: ticks\nid,arrival,burst\nA,0,1\n'),
    );
    await expect.poll(() => lab.getByTestId('jobs-name').textContent()).toBe('Exercise 4');
    expect(await lab.getByTestId('jobs-makespan').textContent()).toBe('1 tick');
    // A spreadsheet's CSV whose header is not a job table's: the problem is named, the title is
    // the opened file's (it used to stay "Exercise 4"), and the results say whose they still are.
    await input.setInputFiles(
      csv('textbook.csv', 'Process,Arrival Time,Burst Time\nP1,0,5\nP2,1,3\n'),
    );
    await lab.getByTestId('jobs-problems').waitFor();
    expect(await lab.getByTestId('jobs-name').textContent()).toBe('textbook');
    expect(await lab.getByTestId('jobs-problems').locator('li').first().textContent()).toBe(
      'row 1: the header has no "id" column',
    );
    expect(await lab.getByTestId('jobs-still').textContent()).toMatch(/“Exercise 4”/);
    expect(await lab.getByTestId('jobs-text').inputValue()).toMatch(/^Process,Arrival Time/);
    expect(session.errors).toEqual([]);
  });
});
