// axe-core in the page under test: the serious and critical violations inside one part of it.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations inside the elements with data-testid `testId`. */
export async function axeViolations(page: Page, testId: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (id) => {
    type Axe = {
      run: (context: { include: string[][] }) => Promise<{
        violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
      }>;
    };
    const results = await (window as unknown as { axe: Axe }).axe.run({
      include: [[`[data-testid="${id}"]`]],
    });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  }, testId);
}
