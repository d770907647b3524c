// Every figure of a run summary comes from the trace (DESIGN.md §3): the figures followed live,
// the figures of the same run with its records not stored, and the figures replayed from the
// stored records are one and the same, for every scenario in simulations/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runScenario, summariseRecords } from '../../src/sim/index.ts';

const DIR = join(process.cwd(), 'simulations');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('summaries come from the trace', () => {
  it.each(files)('%s: live, unstored and replayed figures agree', (file) => {
    const parsed = parseScenarioText(readFileSync(join(DIR, file), 'utf8'));
    if (!parsed.ok) throw new Error(file);
    const stored = runScenario(parsed.scenario);
    const unstored = runScenario(parsed.scenario, { trace: false });
    const records = stored.simulation.sim.trace.records;
    expect(summariseRecords(parsed.scenario, records)).toEqual(stored.summary);
    expect(unstored.summary).toEqual({ ...stored.summary, traceRecords: 0 });
  });
});
