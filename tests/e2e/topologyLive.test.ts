// End-to-end test of the topology's live decorations in Debian's Chromium: listening ports as
// badges on node cards, and queue fill bars at link ends, both read from the trace at time t.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectPageErrors, launchChromium } from './browser.ts';
import { ROOT, coreRunOf } from './reference.ts';

const baseUrl = inject('baseUrl');
const BULK = 'simulations/tcp-bulk-transfer.json';

let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function timeNs(page: Page): Promise<number> {
  return Number(await page.getByTestId('time').getAttribute('data-ns'));
}

describe('live topology', () => {
  it('shows the listening port and a full queue at the moment the router drops a packet', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(baseUrl);
    await page.getByTestId('scenario-name').waitFor();
    await page.getByLabel('Open a scenario file (JSON)').setInputFiles({
      name: 'tcp-bulk-transfer.json',
      mimeType: 'application/json',
      buffer: readFileSync(join(ROOT, BULK)),
    });
    await page.getByText('from tcp-bulk-transfer.json').waitFor();
    await page.getByLabel('Seed').fill('1');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('metric-seed').filter({ hasText: '1' }).waitFor();
    const play = page.getByTestId('play');
    if ((await play.textContent())?.includes('Pause')) await play.click();

    // The server listens on TCP 5001 from the start.
    await page.getByTestId('scrubber').fill('0');
    await page
      .locator('[data-node="server"] [data-badge="TCP 5001 LISTEN"]')
      .waitFor({ state: 'attached' });

    // The first drop at the router's 20-packet queue, from the same run in the core.
    const core = coreRunOf(JSON.parse(readFileSync(join(ROOT, BULK), 'utf8')), 1);
    const drop = core.records.find((r) => r.type === 'queue.drop');
    expect(drop).toBeDefined();
    const end = core.summary.simulatedNs;
    await page.getByTestId('scrubber').fill(String(Math.floor(((drop?.t ?? 0) / end) * 1000)));
    await page.getByTestId('step').focus();
    for (let i = 0; i < 2000 && (await timeNs(page)) < (drop?.t ?? 0); i++)
      await page.keyboard.press('.');
    expect(await timeNs(page)).toBe(drop?.t);
    const full = page.locator('[data-queue][aria-label*="20 of 20 packets"]');
    await full.waitFor({ state: 'attached' });
    expect(await full.getAttribute('aria-label')).toMatch(
      /queue at Router eth1.*: 20 of 20 packets/,
    );
    await page.screenshot({
      path: join(ROOT, 'test-results', 'e2e', 'topology-live.png'),
      fullPage: false,
    });
    expect(errors).toEqual([]);
  });
});
