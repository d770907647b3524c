// End-to-end test of a scenario's warnings in Debian's Chromium: switches cabled in a loop get
// the core's warning, as text, in a status region beside the scenario; a run that then stops at
// its event limit names the loop as the likely cause; a scenario without a loop shows nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, scenarioWarnings } from '../../src/sim/index.ts';
import { ROOT } from './reference.ts';
import { appSession, openFile, shot, startRun } from './appSession.ts';

const session = appSession();
const { openApp } = session;

const RING = 'tests/fixtures/switch-ring.json';

describe('a scenario with switches cabled in a loop', () => {
  it('shows its warning when loaded, and the likely cause when the run stops at its limit', async () => {
    const parsed = parseScenarioText(readFileSync(join(ROOT, RING), 'utf8'));
    if (!parsed.ok) throw new Error('invalid fixture');
    const [warning] = scenarioWarnings(parsed.scenario);
    if (!warning?.eventLimitCause) throw new Error('the fixture should have a loop');

    const page = await openApp();
    const warnings = page.getByTestId('scenario-warnings');
    expect(await warnings.getAttribute('role')).toBe('status');
    expect((await warnings.textContent())?.trim()).toBe('');

    await openFile(page, RING);
    await warnings.getByText('Warning', { exact: true }).waitFor();
    const shown = ((await warnings.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    expect(shown).toBe(`Warning ${warning.path} ${warning.message}.`);
    expect(shown).toContain('switches s1, s2, s3 are cabled in a loop (links s1-s2, s2-s3, s3-s1)');
    // Text, not markup: the list holds one item and no element came from the message.
    expect(await warnings.locator('li').count()).toBe(1);
    expect(await warnings.locator('li > *').count()).toBe(1); // the path's <code>

    await page.getByText('Run options').click();
    await page.getByTestId('max-events').fill('20000');
    await startRun(page, 1);
    await page.getByTestId('run-limit').waitFor();
    const cause = page.getByTestId('scenario-warning-cause');
    await cause.waitFor();
    expect(((await cause.textContent()) ?? '').replace(/\s+/g, ' ').trim()).toBe(
      `This run stopped at its event limit. The likely cause: ${warning.eventLimitCause}.`,
    );
    await shot(page, 'switch-loop-warning');

    // Back to a scenario without a loop: nothing to say.
    await page.getByTestId('builtin-scenario').selectOption('two-subnets.json');
    await page.getByTestId('scenario-name').filter({ hasText: 'Two subnets' }).waitFor();
    expect((await warnings.textContent())?.trim()).toBe('');
    expect(session.errors).toEqual([]);
  });
});
