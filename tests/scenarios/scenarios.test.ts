// Every document in simulations/ is valid, runs headless, and its summary matches the committed
// snapshot (Observable Plot style: deterministic, seeded, reviewed in diffs). After an intended
// change, update with `npx vitest run tests/scenarios -u` and review the diff.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';

const DIR = join(process.cwd(), 'simulations');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('simulations/', () => {
  it('has scenarios', () => expect(files.length).toBeGreaterThan(0));

  it.each(files)('%s runs and matches its snapshot', async (file) => {
    const result = parseScenarioText(readFileSync(join(DIR, file), 'utf8'));
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    const { summary } = runScenario(result.scenario);
    expect(summary.reason).not.toBe('maxEvents');
    await expect(JSON.stringify(summary, null, 2) + '\n').toMatchFileSnapshot(
      `__snapshots__/${file.replace(/\.json$/, '.summary.json')}`,
    );
  });
});
