// End-to-end, in Debian's Chromium: failures at a moment (issue 17). The built-in "A web server
// that crashes" draws the server crashed (dashed, badged) from its crash until its restart, as
// the timeline's markers go there; the editor takes the laptop's interface down and changes a
// link's bandwidth at a moment, each listed, replayed and drawn in the picture.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appSession, runWithSeed, shot, showTab, timeNs } from './appSession.ts';

const session = appSession();

/** Selects a node of the picture by keyboard (focus its button, Enter). */
async function selectNode(page: Page, name: string): Promise<void> {
  await page
    .locator('[data-testid="topology"] g[role="button"]')
    .filter({ hasText: name })
    .first()
    .focus();
  await page.keyboard.press('Enter');
}

/** Whether the picture draws the web server crashed, and its badges. */
async function server(page: Page): Promise<{ crashed: boolean; badges: string[] }> {
  const card = page.locator('[data-testid="topology"] g[data-node="web"]');
  return {
    crashed: (await card.getAttribute('data-crashed')) === 'true',
    badges: await card
      .locator('[data-badge]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-badge') ?? '')),
  };
}

describe('failures at a moment', () => {
  it(
    'draws the crashed server, and adds an interface down and a link change',
    {
      timeout: 240_000,
    },
    async () => {
      const page = await session.openApp({ viewport: { width: 1366, height: 900 } });
      await page
        .getByLabel('Open a built-in example')
        .selectOption({ label: 'A web server that crashes' });
      await page.getByTestId('scenario-name').filter({ hasText: 'crashes' }).waitFor();
      await runWithSeed(page, 3);

      // The timeline's markers: the crash at 4.5 s, the restart at 7 s.
      const play = page.getByTestId('play');
      if ((await play.textContent())?.includes('Pause')) await play.click();
      await page.getByRole('button', { name: 'Go to 4.5 s: Web server crashes' }).click();
      await expect.poll(() => timeNs(page)).toBe(4_500_000_000);
      await expect.poll(async () => (await server(page)).crashed).toBe(true);
      expect((await server(page)).badges).toContain('crashed');
      await shot(page, 'failures-crashed');
      await page.getByRole('button', { name: 'Go to 7 s: Web server restarts' }).click();
      await expect.poll(() => timeNs(page)).toBe(7_000_000_000);
      await expect.poll(async () => (await server(page)).crashed).toBe(false);
      expect((await server(page)).badges).toContain('TCP 80 LISTEN');

      // The laptop's interface down at 9 s: listed, replayed at 9 s, crossed out in the picture.
      await selectNode(page, 'Laptop');
      await showTab(page, 'Edit');
      const actions = page.getByTestId('actions-panel');
      await actions.getByLabel('At', { exact: true }).fill('9s');
      await actions.getByRole('button', { name: 'Interface down at 9s' }).click();
      const listed = actions.getByTestId('timed-events');
      await expect
        .poll(async () => (await listed.textContent()) ?? '')
        .toMatch(/9 s\s*Interface eth0 of Laptop goes down/);
      await expect.poll(() => timeNs(page)).toBe(9_000_000_000);
      const crossed = page.locator('[data-testid="topology"] [data-iface-down]');
      await expect.poll(() => crossed.count()).toBe(1);
      expect(await crossed.getAttribute('aria-label')).toBe('eth0 of Laptop is down');

      // The access link at 1 Mbit/s from 10 s: a bad rate is refused with its field named.
      await actions.getByLabel('Link', { exact: true }).selectOption('access');
      await actions.getByLabel('At', { exact: true }).fill('10s');
      const change = actions.getByTestId('failure-link-change');
      await change.getByLabel('New bandwidth').fill('fast');
      await change.getByRole('button', { name: 'Change at 10s' }).click();
      expect(await actions.getByTestId('failure-problem').textContent()).toMatch(/^bandwidth: /);
      await change.getByLabel('New bandwidth').fill('1Mbps');
      await change.getByRole('button', { name: 'Change at 10s' }).click();
      await expect
        .poll(async () => (await listed.textContent()) ?? '')
        .toMatch(/10 s\s*Link access changes to 1 Mbit\/s/);
      await expect.poll(() => timeNs(page)).toBe(10_000_000_000);
      const access = page.locator('[data-testid="topology"] g[data-link="access"]');
      await expect.poll(async () => (await access.textContent()) ?? '').toMatch(/1 Mbit\/s/);
      expect(await page.getByTestId('undo').getAttribute('title')).toMatch(/^Undo: Add change/);
      await shot(page, 'failures-edited');
      expect(session.errors).toEqual([]);
    },
  );
});
