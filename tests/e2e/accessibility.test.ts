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
          // The header, the scenario bar with the run controls, and the workspace.
          const include = [['header'], ['.bar'], ['#workspace']];
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

describe('every inspector tab', () => {
  const TABS = ['Summary', 'Packet', 'Node', 'Ladder', 'Charts', 'Capture'];
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [width, height] of [
      [1366, 768],
      [390, 844],
    ] as const) {
      it(`has no serious or critical axe violations on any tab, ${colorScheme}, ${width} px`, async () => {
        const page = await openApp({ colorScheme, bypassCSP: true, viewport: { width, height } });
        await runWithSeed(page, 7);
        // A packet and a node selected, so the Packet and Node tabs show their panels.
        await page.locator('[data-node="server"]').focus();
        await page.keyboard.press('Enter');
        await page.addScriptTag({ path: AXE_PATH });
        const found: string[] = [];
        for (const tab of width < 900 ? ['Log', ...TABS] : TABS) {
          await page.getByRole('tab', { name: tab, exact: true }).click();
          await page.getByRole('tabpanel').waitFor();
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe;
            const results = await axe.run();
            return results.violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map(
                (v) => `${v.impact} ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
              );
          });
          found.push(...violations.map((v) => `${tab}: ${v}`));
        }
        expect(found).toEqual([]);
        expect(session.errors).toEqual([]);
      });
    }
  }
});

describe('the topology by keyboard', () => {
  it('lets a node take focus and be selected with Enter, with a visible focus ring', async () => {
    const page = await openApp();
    await runWithSeed(page, 7);
    const server = page.locator('[data-node="server"]');
    // Tab from the laptop's card to the server's: keyboard focus, so its ring shows.
    await page.locator('[data-node="laptop"]').focus();
    await page.keyboard.press('Tab');
    expect(await server.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(
      await server.locator('.card').evaluate((card) => getComputedStyle(card).strokeWidth),
    ).toBe('3px');
    await page.keyboard.press('Enter');
    expect(await server.getAttribute('aria-pressed')).toBe('true');
    // The Node tab comes forward with the selected node.
    expect(
      await page.getByRole('tab', { name: 'Node', exact: true }).getAttribute('aria-selected'),
    ).toBe('true');
    await page.keyboard.press(' ');
    expect(await server.getAttribute('aria-pressed')).toBe('false');
  });

  it('offers a skip link to the workspace as the first stop', async () => {
    const page = await openApp();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the simulator' });
    expect(await skip.evaluate((link) => link === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('workspace');
  });
});
