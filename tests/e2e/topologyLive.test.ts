// End-to-end test of the topology's live decorations in Debian's Chromium: listening ports as
// badges on node cards, and queue fill bars at link ends, both read from the trace at time t.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, coreRunOf } from './reference.ts';
import { appSession, openFile } from './appSession.ts';

const session = appSession();
const { openApp } = session;

const BULK = 'simulations/tcp-bulk-transfer.json';

async function timeNs(page: Page): Promise<number> {
  return Number(await page.getByTestId('time').getAttribute('data-ns'));
}

describe('live topology', () => {
  it('shows the listening port and a full queue at the moment the router drops a packet', async () => {
    const page = await openApp();
    await openFile(page, BULK);
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
    expect(session.errors).toEqual([]);
  });
});
