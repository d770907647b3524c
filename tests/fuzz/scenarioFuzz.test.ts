// Fuzz: thousands of documents made from the shipped scenarios by seeded mutation. Each one must
// either be rejected by validation, with every issue naming its JSON path, or validate and run to
// its limit. An exception from building or running a validated document is a bug (the CLI's exit
// status 1): the document should have been refused with a message, or run.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.ts';
import { DEFAULT_UNTIL_NS, runScenario, validateScenario } from '../../src/sim/index.ts';
import { mutateScenario } from '../support/scenarioMutator.ts';

const DOCUMENTS = 2500;
/** Each run stops at this many events or 5 simulated seconds: enough to reach every code path. */
const MAX_EVENTS = 3000;
const UNTIL_NS = 5_000_000_000;

const bases = readdirSync('simulations')
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({
    file,
    doc: JSON.parse(readFileSync(`simulations/${file}`, 'utf8')) as unknown,
  }));

describe('scenario fuzz', () => {
  it(`rejects with a path, or runs to its limit, each of ${DOCUMENTS} mutated documents`, () => {
    const random = new RandomStreams(20261205).stream('fuzz');
    const failures: string[] = [];
    let rejected = 0;
    let ran = 0;
    for (let i = 0; i < DOCUMENTS; i++) {
      const base = bases[random.integer(0, bases.length - 1)] as (typeof bases)[number];
      const { doc, edits } = mutateScenario(base.doc, random);
      const what = `#${i} ${base.file}: ${edits.join('; ')}`;
      try {
        const result = validateScenario(doc);
        if (!result.ok) {
          rejected++;
          if (result.issues.length === 0) failures.push(`${what}: rejected without an issue`);
          for (const issue of result.issues) {
            if (typeof issue.path !== 'string' || !issue.path.startsWith('$'))
              failures.push(`${what}: issue without a JSON path: ${JSON.stringify(issue)}`);
            if (typeof issue.message !== 'string' || issue.message.length === 0)
              failures.push(`${what}: issue without a message: ${JSON.stringify(issue)}`);
          }
          continue;
        }
        const until = Math.min(result.scenario.until ?? DEFAULT_UNTIL_NS, UNTIL_NS);
        const run = runScenario(result.scenario, { until, maxEvents: MAX_EVENTS });
        expect(['empty', 'until', 'maxEvents']).toContain(run.result.reason);
        ran++;
      } catch (error) {
        failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // Both sides are exercised: many documents are refused, and many still run.
    expect(rejected).toBeGreaterThan(DOCUMENTS / 5);
    expect(ran).toBeGreaterThan(DOCUMENTS / 10);
  }, 300_000);
});
