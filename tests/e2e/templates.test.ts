// End-to-end, in Debian's Chromium: New from a template. New → "A client, a router and a server"
// opens the template; Run shows the laptop's HTTP exchanges, the same as the core's summary of the
// file computed here in Node. After an edit, New asks in a modal dialog first: Cancel (or Escape)
// keeps the work, Replace opens the template; choosing an example or a file asks the same way. The built-in example's Download gives the file in
// simulations/ byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSummaryLines, parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { appSession, runWithSeed, shot, showTab } from './appSession.ts';
import { ROOT } from './reference.ts';

const session = appSession();

/** The core's summary lines of a template with `seed`. */
function coreLines(file: string, seed: number): string[] {
  const parsed = parseScenarioText(readFileSync(join(ROOT, 'simulations/templates', file), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return formatSummaryLines(runScenario(parsed.scenario, { seed }).summary);
}

describe('New from a template', () => {
  it(
    'opens client–router–server, and Run shows its HTTP exchanges',
    { timeout: 120_000 },
    async () => {
      const page = await session.openApp({ viewport: { width: 1366, height: 768 } });
      const menu = page.getByLabel('New', { exact: true });
      // Keyboard: focus the menu and choose with the arrow keys' equivalent, selectOption.
      await menu.focus();
      await menu.selectOption({ label: 'A client, a router and a server' });
      await page
        .getByTestId('scenario-name')
        .filter({ hasText: 'A client, a router and a server' })
        .waitFor();
      // Nothing was edited, so no question was asked.
      expect(await page.getByTestId('unsaved-dialog').isVisible()).toBe(false);
      await runWithSeed(page, 1);
      const client = coreLines('3-client-router-server.json', 1).find((l) =>
        l.startsWith('client '),
      )!;
      expect(client).toMatch(/laptop -> web: 2 visits, 8\/8 answered \(8x200\), 0 failed/);
      expect(await page.getByTestId('summary-lines').textContent()).toContain(client);
      await shot(page, 'template-client-router-server');
      expect(session.errors).toEqual([]);
    },
  );

  it(
    'asks before replacing unsaved edits; Cancel keeps them, Replace opens the template',
    { timeout: 120_000 },
    async () => {
      const page = await session.openApp({ viewport: { width: 1366, height: 768 } });
      await showTab(page, 'Edit');
      const until = page.getByTestId('property-panel').getByLabel('until', { exact: true });
      await until.fill('9s');
      await until.press('Enter');
      await expect.poll(() => page.getByTestId('undo').isEnabled()).toBe(true);

      const menu = page.getByLabel('New', { exact: true });
      await menu.selectOption({ label: 'A client and a server' });
      const dialog = page.getByRole('dialog', { name: 'Replace the scenario?' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(
        '“Ping over one link” has edits that are not saved',
      );
      await shot(page, 'template-unsaved-dialog');
      // Focus is inside the modal dialog.
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(
        true,
      );
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await page.getByTestId('scenario-name').textContent()).toContain('Ping over one link');
      expect(await until.inputValue()).toBe('9s');
      expect(await page.getByTestId('undo').isEnabled()).toBe(true);

      // Escape cancels too; then Replace.
      await menu.selectOption({ label: 'A client and a server' });
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await until.inputValue()).toBe('9s');
      await menu.selectOption({ label: 'A client and a server' });
      await dialog.getByRole('button', { name: 'Replace' }).click();
      await page
        .getByTestId('scenario-name')
        .filter({ hasText: 'A client and a server' })
        .waitFor();
      expect(await page.getByTestId('undo').isEnabled()).toBe(false);
      expect(session.errors).toEqual([]);
    },
  );

  it(
    'asks before an example or a file replaces unsaved edits too',
    { timeout: 120_000 },
    async () => {
      const page = await session.openApp({ viewport: { width: 1366, height: 768 } });
      await showTab(page, 'Edit');
      const until = page.getByTestId('property-panel').getByLabel('until', { exact: true });
      await until.fill('9s');
      await until.press('Enter');
      await expect.poll(() => page.getByTestId('undo').isEnabled()).toBe(true);
      const dialog = page.getByRole('dialog', { name: 'Replace the scenario?' });

      await page.getByLabel('Open a built-in example').selectOption({ label: 'Looking up a name' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('Opening the example “Looking up a name”');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await page.getByTestId('scenario-name').textContent()).toContain('Ping over one link');
      expect(await until.inputValue()).toBe('9s');

      await page.getByLabel('Open a scenario file (JSON)').setInputFiles({
        name: 'other.json',
        mimeType: 'application/json',
        buffer: readFileSync(join(ROOT, 'simulations/templates/1-empty.json')),
      });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('Opening the file other.json');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await until.inputValue()).toBe('9s');

      await page.getByLabel('Open a built-in example').selectOption({ label: 'Looking up a name' });
      await dialog.getByRole('button', { name: 'Replace' }).click();
      await page.getByTestId('scenario-name').filter({ hasText: 'Looking up a name' }).waitFor();
      expect(session.errors).toEqual([]);
    },
  );

  it('no longer asks once the edits are saved', { timeout: 120_000 }, async () => {
    const page = await session.openApp();
    await showTab(page, 'Edit');
    const until = page.getByTestId('property-panel').getByLabel('until', { exact: true });
    await until.fill('9s');
    await until.press('Enter');
    await expect.poll(() => page.getByTestId('undo').isEnabled()).toBe(true);
    await Promise.all([page.waitForEvent('download'), page.getByTestId('save').click()]);
    await page.getByLabel('New', { exact: true }).selectOption({ label: 'An empty network' });
    await page.getByTestId('scenario-name').filter({ hasText: 'An empty network' }).waitFor();
    expect(await page.getByTestId('unsaved-dialog').isVisible()).toBe(false);
    expect(session.errors).toEqual([]);
  });
});

describe('Download example', () => {
  it('gives the open built-in file as shipped, byte for byte', { timeout: 60_000 }, async () => {
    const page = await session.openApp();
    for (const [label, file] of [
      ['Ping over one link', 'ping-over-a-link.json'],
      ['Looking up a name', 'dns-lookup.json'],
    ] as const) {
      if (file !== 'ping-over-a-link.json') {
        await page.getByLabel('Open a built-in example').selectOption({ label });
        await page.getByTestId('scenario-name').filter({ hasText: label }).waitFor();
      }
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-example').click(),
      ]);
      expect(download.suggestedFilename()).toBe(file);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(text).toBe(readFileSync(join(ROOT, 'simulations', file), 'utf8'));
    }
    // A template is not a built-in example: no such button.
    await page.getByLabel('New', { exact: true }).selectOption({ label: 'An empty network' });
    await page.getByTestId('scenario-name').filter({ hasText: 'An empty network' }).waitFor();
    expect(await page.getByTestId('download-example').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
