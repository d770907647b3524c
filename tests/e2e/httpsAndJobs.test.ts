// End-to-end tests in Debian's Chromium of HTTPS seen from an endpoint (the packet inspector shows
// ciphertext with a lock, and opens it with the client's session keys into the HTTP request), and
// of the CPU scheduling view: Silberschatz's RR q=4 table (average wait 17/3), the same jobs
// under FCFS (average wait (0 + 24 + 27) / 3 = 17), and a bad table's row named as text.
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
    expect(await lab.getByTestId('jobs-avg-waiting').textContent()).toBe('5.67 ms');
    expect(await lab.getByTestId('jobs-table').locator('tbody tr').count()).toBe(3);
    await lab.getByTestId('jobs-policy').selectOption('fcfs');
    await expect.poll(() => lab.getByTestId('jobs-avg-waiting').textContent()).toBe('17 ms');
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
});
