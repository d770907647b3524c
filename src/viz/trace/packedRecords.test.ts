// The page's packed copy of a run: records cloned as the worker posts them (v8's structured
// clone, the algorithm postMessage uses) and appended to it come back as the same JSON Lines as
// the core's own trace, packets, payloads and TCP options included.

import { deserialize, serialize } from 'node:v8';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceToJsonLines, type TraceRecord } from '../../engine/trace.ts';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import { deltaCursor, transferables } from '../../engine/traceStoreDelta.ts';
import { packedRecords } from './packedRecords.ts';

/** The core's records of a shipped scenario, and the page's packed copy made from batches. */
function copied(file: string, batch: number) {
  const parsed = parseScenarioText(readFileSync(`simulations/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} is invalid`);
  const records = runScenario(parsed.scenario).simulation.sim.trace.records;
  const page = packedRecords();
  for (let i = 0; i < records.length; i += batch) {
    const cloned = deserialize(serialize(records.slice(i, i + batch))) as TraceRecord[];
    for (const record of cloned) page.append(record);
  }
  return { records, page };
}

describe('packedRecords', () => {
  for (const [file, batch] of [
    ['tcp-options.json', 64],
    ['https-login.json', 500],
    ['dns-lookup.json', 1],
  ] as const) {
    it(`gives back ${file}'s records as the core wrote them (batches of ${batch})`, () => {
      const { records, page } = copied(file, batch);
      expect(page.length).toBe(records.length);
      expect(traceToJsonLines([...page])).toBe(traceToJsonLines(records));
      const last = records.length - 1;
      expect(page.timeAt(last)).toBe(records[last]?.t);
      expect(page.typeAt(last)).toBe(records[last]?.type);
    });
  }
});

describe('packedRecords fed by deltas', () => {
  it('is a copy of the run it follows, packets and payloads included', () => {
    const parsed = parseScenarioText(readFileSync('simulations/web-page-load.json', 'utf8'));
    if (!parsed.ok) throw new Error('invalid scenario');
    const source = runScenario(parsed.scenario).simulation.sim.trace;
    const copy = packedRecords();
    const cursor = deltaCursor();
    // The whole trace at once here (the worker sends pieces; the store test cuts them).
    const delta = source.delta(cursor);
    copy.applyDelta(structuredClone(delta, { transfer: transferables(delta) }));
    expect(traceToJsonLines([...copy])).toBe(traceToJsonLines(source.records));
  });
});
