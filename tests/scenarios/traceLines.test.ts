// The trace file's lines, for every scenario in simulations/: streamed as a run appends its
// records (the trace not stored, as the CLI runs) they are the lines of the stored trace, and each
// line reads back to exactly the record it was written from, packet bytes included.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../src/engine/trace.ts';
import { parseTraceLine, traceLineWriter, recordsToJsonLines } from '../../src/engine/traceJson.ts';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';

const DIR = join(process.cwd(), 'simulations');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('trace lines of every scenario', () => {
  it.each(files)('%s: streamed unstored = stored, and every line reads back', (file) => {
    const parsed = parseScenarioText(readFileSync(join(DIR, file), 'utf8'));
    if (!parsed.ok) throw new Error(file);
    const stored = runScenario(parsed.scenario).simulation.sim.trace.records;
    const write = traceLineWriter();
    const lines: string[] = [];
    let count = 0;
    const unstored = runScenario(parsed.scenario, {
      trace: false,
      onRecord: (record) => {
        count++;
        lines.push(write(record));
      },
    });
    expect(unstored.simulation.sim.trace.length).toBe(0);
    expect(count).toBe(stored.length);
    expect(lines.join('')).toBe(recordsToJsonLines(stored));
    lines.forEach((line, i) => {
      const back = parseTraceLine(line);
      const record = stored[i] as TraceRecord;
      // A Uint8Array must come back a Uint8Array, and nothing may be added or lost. (toStrictEqual
      // says the same, but only where `same` fails: it is slow on 100k records.)
      if (!same(back, record)) expect(back, `${file} line ${i + 1}`).toStrictEqual(record);
    });
  });
});

/** Deep equality as JSON keeps values: same classes, a Uint8Array by its bytes, an undefined
 * field the same as a missing one. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Uint8Array) {
    const other = b as Uint8Array;
    return a.length === other.length && a.every((byte, i) => byte === other[i]);
  }
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => same(item, other[i]));
  }
  const keys = (o: object) =>
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
  const ka = keys(a);
  const kb = keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k, i) => k === kb[i] && same((a as never)[k], (b as never)[k]))
  );
}
