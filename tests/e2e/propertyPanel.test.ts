// End-to-end, in Debian's Chromium: the property panel edits the scenario document. On the busy
// server example, the server's concurrency model is switched to eventLoop in the panel; after Run
// the summary is the core's for the document with that change (computed here in Node), where it
// was the worker pool's before. Undo (Ctrl+Z) and Redo go back and forth; an edit the format
// refuses says why and changes nothing; Save downloads the edited document.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSummaryLines, runScenario, validateScenario } from '../../src/sim/index.ts';
import { appSession, runWithSeed, shot, showTab } from './appSession.ts';
import { ROOT } from './reference.ts';

const session = appSession();

/** The `server …` line of the core's summary of `doc` with `seed`. */
function serverLine(doc: unknown, seed: number): string {
  const checked = validateScenario(doc);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  const lines = formatSummaryLines(runScenario(checked.scenario, { seed }).summary);
  return lines.find((l) => l.startsWith('server '))!;
}

describe('the property panel', () => {
  it(
    'switches a server to eventLoop, and Run shows its figures; undo, redo, refuse, save',
    { timeout: 180_000 },
    async () => {
      const page = await session.openApp({ viewport: { width: 1366, height: 768 } });
      await page
        .getByLabel('Open a built-in example')
        .selectOption({ label: 'A busy server with a worker pool' });
      await page.getByTestId('scenario-name').filter({ hasText: 'A busy server' }).waitFor();
      await runWithSeed(page, 5);
      const lines = page.getByTestId('summary-lines');
      const original = JSON.parse(
        readFileSync(join(ROOT, 'simulations/server-concurrency.json'), 'utf8'),
      ) as { nodes: { apps?: { concurrency?: { model: string } }[] }[] };
      expect(await lines.textContent()).toContain(serverLine(original, 5));
      expect(await lines.textContent()).toContain('(workerPool)');

      // Select the server in the picture by keyboard, then its settings in the Edit tab.
      await page
        .locator('[data-testid="topology"] g[role="button"]')
        .filter({ hasText: 'App server' })
        .first()
        .focus();
      await page.keyboard.press('Enter');
      await showTab(page, 'Edit');
      const panel = page.getByTestId('property-panel');
      await expect
        .poll(() => panel.getByRole('heading').first().textContent())
        .toBe('Node App server (id server)');
      /** Opens the group whose summary starts with `name`, unless it is open already. */
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
      const model = panel.getByLabel('model', { exact: true });
      expect(await model.inputValue()).toBe('workerPool');
      // Its help text comes from the format's schema.
      expect(await panel.textContent()).toContain('eventLoop: one thread, non-blocking I/O');
      await model.selectOption('eventLoop');
      await page.getByTestId('edited-note').waitFor();
      expect(await page.locator('.source').first().textContent()).toMatch(
        /built-in example, edited/,
      );
      expect(await page.getByTestId('undo').getAttribute('title')).toBe(
        'Undo: Set model to "eventLoop" (Ctrl+Z)',
      );

      // Run: the summary is the core's for the edited document.
      const server = original.nodes.find((n) => n.apps?.some((a) => a.concurrency))!;
      server.apps!.find((a) => a.concurrency)!.concurrency!.model = 'eventLoop';
      const expected = serverLine(original, 5);
      expect(expected).toContain('(eventLoop)');
      await runWithSeed(page, 5);
      expect(await lines.textContent()).toContain(expected);
      await shot(page, 'property-panel-eventloop');

      // Undo by keyboard from outside a text field: the model is the worker pool again; Redo by button.
      await showTab(page, 'Edit');
      await page.locator('h1').click();
      await page.keyboard.press('Control+z');
      await expect.poll(() => model.inputValue()).toBe('workerPool');
      expect(await page.getByTestId('redo').isEnabled()).toBe(true);
      await page.getByTestId('redo').click();
      await expect.poll(() => model.inputValue()).toBe('eventLoop');

      // A value the format refuses: said beside the field, and the document is unchanged.
      const limit = panel.getByLabel('limit', { exact: true });
      await limit.fill('0');
      await limit.press('Enter');
      await expect.poll(() => limit.getAttribute('aria-invalid')).toBe('true');
      expect(await panel.locator('.problem[role="alert"]').first().textContent()).toMatch(
        /expected at least 1, found 0/,
      );
      expect(await page.getByTestId('undo').getAttribute('title')).toBe(
        'Undo: Set model to "eventLoop" (Ctrl+Z)',
      );

      // Save: the document as it stands, the edit included.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('save').click(),
      ]);
      expect(download.suggestedFilename()).toBe('a-busy-server-with-a-worker-pool.json');
      const text = readFileSync((await download.path())!, 'utf8');
      const saved = JSON.parse(text) as typeof original;
      // It names the schema the page serves (a saved file may land anywhere), first.
      const served = new URL('scenario.schema.json', page.url()).href;
      expect(text.startsWith(`{\n  "$schema": "${served}",`)).toBe(true);
      expect(saved).toEqual({ ...original, $schema: served });
      expect(session.errors).toEqual([]);
    },
  );

  it('keeps an edit across a reload, offered back until discarded', async () => {
    const page = await session.openApp({ viewport: { width: 1366, height: 768 } });
    await showTab(page, 'Edit');
    const panel = page.getByTestId('property-panel');
    const until = panel.getByLabel('until', { exact: true });
    expect(await until.inputValue()).toBe('15s');
    await until.fill('9s');
    await until.press('Enter');
    await expect.poll(() => page.getByTestId('undo').isEnabled()).toBe(true);
    // Nothing offered while the learner is at work.
    expect(await page.getByTestId('restore-session').count()).toBe(0);

    await page.reload();
    await page.getByTestId('scenario-name').waitFor();
    const offer = page.getByTestId('restore-session');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('You were editing “Ping over one link”');
    await page.getByTestId('restore-session-yes').click();
    await showTab(page, 'Edit');
    expect(await panel.getByLabel('until', { exact: true }).inputValue()).toBe('9s');
    expect(await offer.count()).toBe(0);

    // Discarded, it is not offered again.
    await page.reload();
    await page.getByTestId('scenario-name').waitFor();
    await offer.getByRole('button', { name: 'Discard' }).click();
    await page.reload();
    await page.getByTestId('scenario-name').waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('restore-session').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('shares a scenario in a link that opens it elsewhere, and refuses a damaged one', async () => {
    const page = await session.openApp({ viewport: { width: 1366, height: 768 } });
    await showTab(page, 'Edit');
    const until = page.getByTestId('property-panel').getByLabel('until', { exact: true });
    await until.fill('9s');
    await until.press('Enter');
    await expect.poll(() => page.getByTestId('undo').isEnabled()).toBe(true);
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/#s1\.[A-Za-z0-9_-]+$/);

    // In a fresh page (no storage, nothing shared but the link): the same scenario, edit included.
    const other = await page
      .context()
      .browser()!
      .newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const fresh = await other.newPage();
      await fresh.goto(link);
      await fresh.getByTestId('scenario-name').filter({ hasText: 'Ping over one link' }).waitFor();
      await fresh.getByRole('tab', { name: 'Edit', exact: true }).click();
      const shared = fresh.getByTestId('property-panel').getByLabel('until', { exact: true });
      await expect.poll(() => shared.inputValue()).toBe('9s');

      // One character changed, or the link cut in half: said so, and nothing opened.
      const at = Math.floor(link.length * 0.75);
      const tampered = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
      for (const bad of [tampered, link.slice(0, Math.floor(link.length * 0.6))]) {
        const broken = await other.newPage();
        await broken.goto(bad);
        const problems = broken.getByTestId('load-problems');
        await problems.waitFor();
        expect(await problems.textContent()).toMatch(/the share link was not loaded/);
        expect(await problems.textContent()).toMatch(/damaged/);
        await broken.getByRole('tab', { name: 'Edit', exact: true }).click();
        expect(
          await broken
            .getByTestId('property-panel')
            .getByLabel('until', { exact: true })
            .inputValue(),
        ).toBe('15s');
        await broken.close();
      }
    } finally {
      await other.close();
    }
    expect(session.errors).toEqual([]);
  });
});
