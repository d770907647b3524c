// End-to-end, in Debian's Chromium: actions at a moment (issue 14). On the busy server example the
// server is switched to eventLoop in the property panel and the latency figures change after Run
// (the property panel's own steps); then, at 2 s, Office 1 fetches /index.html: the action is a
// timed event of the document, the run is replayed with the same seed and shown at 2 s, the
// ladder between Office 1 and the server shows the GET a few milliseconds after 2 s, the timeline
// marks it, and Remove (undoable) takes it out. A form's bad value is refused with a message.
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

/** The `server …` line of the summary. */
async function serverLine(page: Page): Promise<string> {
  await showTab(page, 'Summary');
  const lines = (await page.getByTestId('summary-lines').textContent()) ?? '';
  return /^server\s.*$/m.exec(lines)?.[0] ?? '';
}

/** The accessible names of the ladder's arrows between Office 1 and the server from..to ms. */
async function ladderArrows(page: Page, from: string, to: string): Promise<string[]> {
  await page.getByRole('tab', { name: 'Ladder' }).click();
  const ladder = page.getByTestId('ladder-diagram');
  await ladder.getByTestId('ladder-node-a').selectOption('office1');
  await ladder.getByTestId('ladder-node-b').selectOption('server');
  await ladder.getByRole('button', { name: 'Show' }).click();
  const form = ladder.getByRole('form', { name: 'Time window' });
  await form.getByLabel('From (ms)').fill(from);
  await form.getByLabel('To (ms)').fill(to);
  await form.getByLabel('To (ms)').press('Enter');
  await ladder.getByTestId('ladder-counts').filter({ hasText: 'in the window' }).waitFor();
  return ladder
    .locator('g[role="button"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

/** Pauses and shows the end of the run (End, with focus on the page). */
async function showEnd(page: Page): Promise<void> {
  const play = page.getByTestId('play');
  if ((await play.textContent())?.includes('Pause')) await play.click();
  await page.getByTestId('step').focus();
  await page.keyboard.press('End');
}

describe('actions at a moment', () => {
  it(
    'adds "Office 1 fetches /index.html" at 2 s to the eventLoop server; the ladder shows it',
    { timeout: 240_000 },
    async () => {
      const page = await session.openApp({ viewport: { width: 1366, height: 900 } });
      await page
        .getByLabel('Open a built-in example')
        .selectOption({ label: 'A busy server with a worker pool' });
      await page.getByTestId('scenario-name').filter({ hasText: 'A busy server' }).waitFor();
      await runWithSeed(page, 5);
      const before = await serverLine(page);
      expect(before).toContain('(workerPool)');

      // The property panel's steps: the server's concurrency model becomes eventLoop.
      await selectNode(page, 'App server');
      await showTab(page, 'Edit');
      const panel = page.getByTestId('property-panel');
      const open = async (name: RegExp) => {
        const group = panel
          .locator('details', { has: page.locator(':scope > summary', { hasText: name }) })
          .first();
        if ((await group.getAttribute('open')) === null)
          await group.locator(':scope > summary').click();
      };
      await open(/^apps/);
      await open(/^1: httpServer/);
      await open(/^concurrency/);
      await panel.getByLabel('model', { exact: true }).selectOption('eventLoop');
      await page.getByTestId('edited-note').waitFor();
      await runWithSeed(page, 5);
      const eventLoop = await serverLine(page);
      expect(eventLoop).toContain('(eventLoop)');
      // The latency figures changed with the model.
      const latency = (line: string) => /latency[^;]*/.exec(line)?.[0] ?? line;
      expect(latency(eventLoop)).not.toBe(latency(before));
      // Before the action, Office 1 asks only for /api/status: no /index.html near 2 s.
      await showEnd(page);
      expect((await ladderArrows(page, '1990', '2030')).join('\n')).not.toMatch(/index\.html/);

      // Office 1, at 2 s: Fetch… /index.html from the App server.
      await selectNode(page, 'Office 1');
      await showTab(page, 'Edit');
      const actions = page.getByTestId('actions-panel');
      await actions.getByLabel('At', { exact: true }).fill('2s');
      await actions.getByRole('button', { name: 'Fetch…' }).click();
      expect(
        await actions.getByRole('button', { name: 'Fetch…' }).getAttribute('aria-expanded'),
      ).toBe('true');
      await actions.getByLabel('Fetch from').selectOption('server');
      await actions.getByLabel('Path').fill('/index.html');
      // A path without its "/" is refused, with the field named, and nothing is added.
      await actions.getByLabel('Path').fill('index.html');
      await actions.getByRole('button', { name: 'Add fetch at 2s' }).click();
      expect(await actions.getByTestId('action-problem').textContent()).toMatch(
        /path: "index\.html" is not a path/,
      );
      expect(await actions.getByTestId('timed-events').count()).toBe(0);
      await actions.getByLabel('Path').fill('/index.html');
      await actions.getByLabel('Path').press('Enter');

      // Listed, undoable, and the run replayed with the same seed, shown paused at 2 s.
      const listed = actions.getByTestId('timed-events');
      await expect
        .poll(async () => (await listed.textContent()) ?? '')
        .toMatch(/2 s\s*Office 1 fetches \/index\.html from App server/);
      expect(await page.getByTestId('undo').getAttribute('title')).toMatch(/^Undo: Add fetch/);
      await expect.poll(() => timeNs(page)).toBe(2_000_000_000);
      expect(await page.getByTestId('play').textContent()).toBe('Play');
      await showTab(page, 'Summary');
      await page.getByTestId('trace-sha256').waitFor({ state: 'attached' });
      expect(await page.getByTestId('metric-seed').textContent()).toContain('5');

      // The timeline marks it; its marker goes to 2 s.
      const marker = page.getByRole('button', {
        name: 'Go to 2 s: Office 1 fetches /index.html from App server',
      });
      await showEnd(page);
      await expect.poll(() => timeNs(page)).not.toBe(2_000_000_000);
      await marker.click();
      await expect.poll(() => timeNs(page)).toBe(2_000_000_000);

      // The ladder: Office 1's GET /index.html, sent a round trip after 2 s (the handshake).
      await showEnd(page);
      const arrows = await ladderArrows(page, '2000', '2030');
      const gets = arrows.filter((a) => /GET \/index\.html/.test(a));
      expect(gets.length).toBe(1);
      const syn = arrows.findIndex((a) => /\bSYN\b(?!-)/.test(a));
      expect(syn).toBeGreaterThanOrEqual(0);
      expect(arrows.indexOf(gets[0]!)).toBeGreaterThan(syn);
      // Nothing of it before 2 s.
      const earlier = await ladderArrows(page, '1900', '1999');
      expect(earlier.length).toBeGreaterThan(0); // Office 1's own users are at work then
      expect(earlier.join('\n')).not.toMatch(/index\.html/);

      // Remove it: gone from the list and the timeline; Undo puts it back.
      await showTab(page, 'Edit');
      await actions
        .getByRole('button', {
          name: 'Remove: Office 1 fetches /index.html from App server at 2 s',
        })
        .click();
      await expect.poll(() => listed.count()).toBe(0);
      expect(await page.getByTestId('timeline-event').count()).toBe(0);
      await page.getByTestId('undo').click();
      await expect.poll(() => listed.count()).toBe(1);
      await shot(page, 'actions-at-a-moment');
      expect(session.errors).toEqual([]);
    },
  );

  it('takes a link down at the time typed, and refuses a time that is not one', async () => {
    const page = await session.openApp({ viewport: { width: 1366, height: 900 } });
    await runWithSeed(page, 7);
    await showTab(page, 'Edit');
    const actions = page.getByTestId('actions-panel');
    await actions.getByLabel('Link', { exact: true }).selectOption('wifi');
    const at = actions.getByLabel('At', { exact: true });
    await at.fill('soon');
    await actions.getByRole('button', { name: 'Take down at soon' }).click();
    expect(await actions.getByTestId('action-problem').textContent()).toMatch(
      /at: "soon" is not a duration/,
    );
    await at.fill('3s');
    await actions.getByRole('button', { name: 'Take down at 3s' }).click();
    await expect
      .poll(async () => (await actions.getByTestId('timed-events').textContent()) ?? '')
      .toMatch(/3 s\s*Link wifi goes down/);
    await expect.poll(() => timeNs(page)).toBe(3_000_000_000);
    await showTab(page, 'Summary');
    await page.getByTestId('trace-sha256').waitFor({ state: 'attached' });
    expect(await page.getByTestId('summary-lines').textContent()).toMatch(/wifi/);
    expect(session.errors).toEqual([]);
  });
});
