// End-to-end accessibility checks with axe-core in Debian's Chromium: the app after a run and a
// refused file, and the simulator view with a packet selected, in both themes.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { appSession, file, rewind, runWithSeed, shot, startRun as run } from './appSession.ts';

const session = appSession();
const { openApp } = session;

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The part of axe-core's results these tests read. */
interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

describe('the Handshake app', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations (${colorScheme})`, async () => {
      // axe is injected as a script, which the page's CSP would refuse.
      const page = await openApp({ colorScheme, bypassCSP: true });
      await runWithSeed(page, 7);
      await page.getByTestId('show-states').check();
      await page.getByText('Trace fingerprint').click();
      await shot(page, `run-seed-7-${colorScheme}`);
      await page
        .getByLabel('Open a scenario file (JSON)')
        .setInputFiles(file('broken.json', '{"format": "handshake/scenario@1"}'));
      await page.getByTestId('load-problems').waitFor();
      await shot(page, `axe-${colorScheme}`);
      await page.addScriptTag({ path: AXE_PATH });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe;
        const results = await axe.run();
        return results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
          );
      });
      expect(violations).toEqual([]);
      expect(session.errors).toEqual([]);
    });
  }
});

describe('the animated simulator view', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      it(`has no serious or critical axe violations, ${colorScheme}, ${width} px wide`, async () => {
        const page = await openApp({
          colorScheme,
          bypassCSP: true,
          viewport: { width, height: 900 },
        });
        await run(page, 7);
        await rewind(page);
        await page.getByTestId('scrubber').fill('1');
        await page.locator('[data-testid="packets-in-flight"] summary').click();
        await page.locator('[data-testid="packets-in-flight"] li button').first().click();
        await shot(page, `playback-${colorScheme}-${width}`);
        await page.addScriptTag({ path: AXE_PATH });
        const violations = await page.evaluate(async () => {
          type Axe = {
            run: (context: { include: string[][] }) => Promise<{
              violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
            }>;
          };
          // The header, the run controls and the simulator: this view's own parts.
          const include = [['header'], ['.run'], ['.simulator']];
          const results = await (window as unknown as { axe: Axe }).axe.run({ include });
          return results.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map(
              (v) => `${v.impact} ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
            );
        });
        expect(violations).toEqual([]);
        expect(session.errors).toEqual([]);
      });
    }
  }
});
