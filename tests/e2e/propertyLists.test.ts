// End-to-end, in Debian's Chromium: adding and removing list items in the property panel. On the
// client–server template, "Add application to laptop" (kind httpClient) adds a web client pointed
// at the web server; after Run the summary has the core's lines for the document with that app
// (computed here in Node). "Remove application 1 of laptop" removes the first; Undo puts it back.
// Removing the laptop's only interface is refused with the validator's reason, changing nothing.
// axe finds nothing serious with the lists open, a refusal shown, and the New dialog open.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatSummaryLines, runScenario, validateScenario } from '../../src/sim/index.ts';
import { appSession, runWithSeed, shot, showTab } from './appSession.ts';
import { ROOT } from './reference.ts';

const session = appSession();
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious or critical axe violations in the page, as text. */
async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run: () => Promise<Result> } }).axe;
    const results = await axe.run();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  });
}

type Doc = { nodes: { id: string; apps?: object[] }[] };

/** The `client …` lines of the core's summary of `doc` with `seed`. */
function clientLines(doc: unknown, seed: number): string[] {
  const checked = validateScenario(doc);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return formatSummaryLines(runScenario(checked.scenario, { seed }).summary).filter((l) =>
    l.startsWith('client '),
  );
}

describe('list items in the property panel', () => {
  it(
    'adds an app, runs it, removes one, undoes; a breaking removal is refused',
    { timeout: 180_000 },
    async () => {
      const page = await session.openApp({ viewport: { width: 1366, height: 768 } });
      await page
        .getByLabel('New', { exact: true })
        .selectOption({ label: 'A client and a server' });
      await page
        .getByTestId('scenario-name')
        .filter({ hasText: 'A client and a server' })
        .waitFor();
      await page
        .locator('[data-testid="topology"] g[role="button"]')
        .filter({ hasText: 'Laptop' })
        .first()
        .focus();
      await page.keyboard.press('Enter');
      await showTab(page, 'Edit');
      const panel = page.getByTestId('property-panel');
      await expect
        .poll(() => panel.getByRole('heading').first().textContent())
        .toBe('Node Laptop (id laptop)');
      const apps = panel
        .locator('details', { has: page.locator(':scope > summary', { hasText: /^apps/ }) })
        .first();
      if ((await apps.getAttribute('open')) === null)
        await apps.locator(':scope > summary').click();

      // Add a web client by keyboard: choose the kind, then the labelled button.
      await panel.getByLabel('Kind of new application').selectOption('httpClient');
      const add = panel.getByRole('button', { name: 'Add application to laptop' });
      await add.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => apps.locator(':scope > summary').textContent()).toContain('(2)');
      expect(await page.getByTestId('undo').getAttribute('title')).toBe(
        'Undo: Add application 2 (Ctrl+Z)',
      );

      const original = JSON.parse(
        readFileSync(join(ROOT, 'simulations/templates/2-client-server.json'), 'utf8'),
      ) as Doc;
      const edited = structuredClone(original);
      // The new client talks to the node that runs the web server (defaults for the rest).
      edited.nodes[0]!.apps!.push({ type: 'httpClient', server: 'web' });
      const expected = clientLines(edited, 3);
      expect(expected).toHaveLength(2);
      await runWithSeed(page, 3);
      const summary = (await page.getByTestId('summary-lines').textContent()) ?? '';
      for (const line of expected) expect(summary).toContain(line);
      await shot(page, 'property-lists-added');

      // Remove the first application; Undo puts it back in its place.
      await showTab(page, 'Edit');
      await panel.getByRole('button', { name: 'Remove application 1 of laptop' }).click();
      await expect.poll(() => apps.locator(':scope > summary').textContent()).toContain('(1)');
      expect(await page.getByTestId('undo').getAttribute('title')).toBe(
        'Undo: Remove application 1 (Ctrl+Z)',
      );
      await page.getByTestId('undo').click();
      await expect.poll(() => apps.locator(':scope > summary').textContent()).toContain('(2)');
      const firstApp = apps.locator('details.item > summary').first();
      expect(await firstApp.textContent()).toBe('1: httpClient');

      // Removing the only interface would leave the laptop unaddressed: refused, with why; the
      // history is as it was (the undone removal can be redone, nothing new to undo).
      const interfaces = panel
        .locator('details', { has: page.locator(':scope > summary', { hasText: /^interfaces/ }) })
        .first();
      if ((await interfaces.getAttribute('open')) === null)
        await interfaces.locator(':scope > summary').click();
      await panel.getByRole('button', { name: 'Remove interface 1 of laptop' }).click();
      const alert = interfaces.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/^Refused: .*laptop/);
      expect(await interfaces.locator(':scope > summary').textContent()).toContain('(1)');
      expect(await page.getByTestId('undo').getAttribute('title')).toBe(
        'Undo: Add application 2 (Ctrl+Z)',
      );
      expect(session.errors).toEqual([]);
    },
  );

  for (const colorScheme of ['light', 'dark'] as const) {
    it(
      `has no serious axe violations with lists open and with the New dialog (${colorScheme})`,
      { timeout: 120_000 },
      async () => {
        // axe is injected as a script, which the page's CSP would refuse.
        const page = await session.openApp({
          colorScheme,
          bypassCSP: true,
          viewport: { width: 1366, height: 768 },
        });
        await page.locator('[data-node="laptop"]').focus();
        await page.keyboard.press('Enter');
        await showTab(page, 'Edit');
        const panel = page.getByTestId('property-panel');
        for (const name of [/^apps/, /^interfaces/]) {
          const group = panel
            .locator('details', { has: page.locator(':scope > summary', { hasText: name }) })
            .first();
          if ((await group.getAttribute('open')) === null)
            await group.locator(':scope > summary').click();
        }
        // A refused removal shows its reason too.
        await panel.getByRole('button', { name: 'Remove interface 1 of laptop' }).click();
        await panel.getByRole('alert').first().waitFor();
        await page.addScriptTag({ path: AXE_PATH });
        expect(await axeViolations(page)).toEqual([]);

        await panel.getByRole('button', { name: 'Add application to laptop' }).click();
        await page.getByLabel('New', { exact: true }).selectOption({ label: 'A web farm' });
        await page.getByRole('dialog').waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await shot(page, `property-lists-dialog-${colorScheme}`);
        expect(session.errors).toEqual([]);
      },
    );
  }
});
