// A run cut into slices gives byte for byte the trace and the summary of runScenario, for every
// scenario in simulations/, any slice size, and runs that hit the event limit; the page's own
// limits (record budget, time limit on an injected clock) stop it between slices, and a run with
// less detail keeps only the packet records but sums up the whole run.
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { traceToJsonLines } from '../../engine/trace.ts';
import {
  parseScenarioText,
  runScenario,
  summariseRecords,
  type Scenario,
} from '../../sim/index.ts';
import type { WorkerMessage } from './messages.ts';
import { runHere } from './simClient.ts';
import { PACKET_RECORD_TYPES, packedRecords } from '../../viz/trace/index.ts';
import { doneMessage, moreAfter, SlicedRun } from './slicedRun.ts';

const DIR = new URL('../../../simulations/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

function load(name: string): { text: string; scenario: Scenario } {
  const text = readFileSync(new URL(name, DIR), 'utf8');
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(`${name} is invalid`);
  return { text, scenario: parsed.scenario };
}

function sliced(scenario: Scenario, seed: number, slice: number, maxEvents?: number) {
  const run = new SlicedRun(scenario, { seed, ...(maxEvents ? { maxEvents } : {}) });
  const copy = packedRecords();
  let steps = 0;
  while (!run.step(slice)) {
    copy.applyDelta(run.delta());
    steps++;
  }
  copy.applyDelta(run.delta());
  return { records: [...copy], summary: run.summary, steps };
}

describe('SlicedRun', () => {
  it.each(files)('%s: the same trace and summary as runScenario, in any slices', (name) => {
    const { scenario } = load(name);
    const whole = runScenario(scenario, { seed: 5 });
    const expected = traceToJsonLines(whole.simulation.sim.trace.records);
    for (const slice of [1, 7, 1000, Infinity]) {
      const run = sliced(scenario, 5, slice);
      expect(traceToJsonLines(run.records)).toBe(expected);
      expect(run.summary).toEqual(whole.summary);
      if (slice === 1) expect(run.steps).toBe(whole.summary.events);
    }
  });

  it('stops at the event limit exactly as runScenario does, keeping what was recorded', () => {
    const { scenario } = load('tcp-bulk-transfer.json');
    const total = runScenario(scenario, { seed: 1 }).summary.events;
    for (const maxEvents of [1, 500, 4999, 5000, 5001, total - 1, total, total + 1]) {
      const whole = runScenario(scenario, { seed: 1, maxEvents });
      for (const slice of [3, 5000]) {
        const run = sliced(scenario, 1, slice, maxEvents);
        expect(traceToJsonLines(run.records)).toBe(
          traceToJsonLines(whole.simulation.sim.trace.records),
        );
        expect(run.summary).toEqual(whole.summary);
      }
      expect(whole.summary.reason).toBe(maxEvents <= total ? 'maxEvents' : 'until');
    }
  });

  it('stops at the record budget between slices, keeping the trace so far and saying why', () => {
    const { scenario } = load('tcp-bulk-transfer.json');
    const whole = runScenario(scenario, { seed: 1 });
    const all = whole.simulation.sim.trace.records;
    const budget = 1000;
    const run = new SlicedRun(scenario, { seed: 1, maxRecords: budget });
    const copy = packedRecords();
    let slices = 0;
    while (!run.step(100)) {
      slices++;
      copy.applyDelta(run.delta());
    }
    copy.applyDelta(run.delta());
    const records = [...copy];
    // The slice that reached the budget was the last: before it fewer records, after it as many.
    const kept = records.length - 1; // the last is sim.end
    expect(kept).toBeGreaterThanOrEqual(budget);
    expect(records.slice(0, kept)).toEqual(all.slice(0, kept));
    expect(records[kept]).toMatchObject({ type: 'sim.end', reason: 'recordLimit' });
    expect(run.summary?.reason).toBe('recordLimit');
    expect(run.events).toBe((slices + 1) * 100);
    const before = new SlicedRun(scenario, { seed: 1 });
    for (let i = 0; i < slices; i++) before.step(100);
    expect(before.simulation.sim.trace.length).toBeLessThan(budget);
    // A budget the run never reaches changes nothing.
    const roomy = sliced(scenario, 1, 100);
    expect(roomy.summary?.reason).toBe(whole.summary.reason);
  });

  it('runHere posts the worker messages: progress with every record, then done', () => {
    const { text, scenario } = load('ping-over-a-link.json');
    const messages: WorkerMessage[] = [];
    runHere({ text, seed: 7, maxEvents: 50_000_000, maxRecords: 1_000_000 }, (m) =>
      messages.push(m),
    );
    expect(messages.map((m) => m.type)).toEqual(['progress', 'done', 'fingerprint']);
    const whole = runScenario(scenario, { seed: 7 });
    const progress = messages[0] as Extract<WorkerMessage, { type: 'progress' }>;
    const sent = packedRecords();
    sent.applyDelta(progress.delta);
    expect(traceToJsonLines([...sent])).toBe(traceToJsonLines(whole.simulation.sim.trace.records));
    expect(progress.until).toBe(scenario.until);
    // The worker's summary is the CLI's, and so is one folded from the records the page was sent.
    expect(messages[1]).toEqual({ type: 'done', summary: whole.summary });
    expect(summariseRecords(scenario, [...sent])).toEqual(whole.summary);
    // Then the fingerprint: SHA-256 of the JSON Lines the CLI's --trace writes.
    const lines = traceToJsonLines(whole.simulation.sim.trace.records);
    expect(messages[2]).toEqual({
      type: 'fingerprint',
      hex: createHash('sha256').update(lines).digest('hex'),
    });
    const bad: WorkerMessage[] = [];
    runHere({ text: '{"format": 1}', seed: 1, maxEvents: 10, maxRecords: 1000 }, (m) =>
      bad.push(m),
    );
    expect(bad[0]?.type).toBe('invalid');
  });

  it('stops at its time limit between slices, reading the clock it is given', () => {
    const { scenario } = load('tcp-bulk-transfer.json');
    const all = runScenario(scenario, { seed: 1 }).simulation.sim.trace.records;
    // A clock that moves 10 ms each time it is read: read once at the start, then per slice.
    let now = 1000;
    const clock = () => (now += 10);
    const run = new SlicedRun(scenario, { seed: 1, maxWallMs: 35, clock });
    const copy = packedRecords();
    let slices = 0;
    while (!run.step(100)) {
      slices++;
      copy.applyDelta(run.delta());
    }
    copy.applyDelta(run.delta());
    const records = [...copy];
    // Read at 1010 (the start), then 1020, 1030, 1040: 30 ms after the third slice, 40 after the
    // fourth, which is the last.
    expect(slices).toBe(3);
    expect(run.events).toBe(400);
    const kept = records.length - 1;
    expect(records.slice(0, kept)).toEqual(all.slice(0, kept));
    expect(records[kept]).toMatchObject({ type: 'sim.end', reason: 'wallLimit', events: 400 });
    expect(run.summary).toMatchObject({ reason: 'wallLimit', events: 400, traceRecords: kept + 1 });
    // The record budget is checked first; a clock that stands still never stops a run.
    const both = new SlicedRun(scenario, { seed: 1, maxRecords: 1, maxWallMs: 0, clock });
    while (!both.step(100));
    expect(both.summary?.reason).toBe('recordLimit');
    const still = new SlicedRun(scenario, { seed: 1, maxWallMs: 1, clock: () => 0 });
    while (!still.step(1000));
    expect(still.summary?.reason).toBe('until');
  });

  it('with less detail keeps only packet records, and its own summary is the whole run', () => {
    const { text, scenario } = load('database-service.json');
    const whole = runScenario(scenario, { seed: 3 });
    const full = whole.simulation.sim.trace.records;
    const types = new Set<string>(PACKET_RECORD_TYPES);
    const packets = full.filter((r) => types.has(r.type));
    expect(packets.length).toBeLessThan(full.length * 0.6);
    const run = new SlicedRun(scenario, { seed: 3, detail: 'packets' });
    const copy = packedRecords();
    while (!run.step(1000)) {
      expect(run.pendingRecords).toBeGreaterThan(0);
      copy.applyDelta(run.delta());
      expect(run.pendingRecords).toBe(0);
    }
    copy.applyDelta(run.delta());
    const records = [...copy];
    expect(records).toEqual(packets);
    expect(run.recordCount).toBe(packets.length);
    expect(run.summary).toEqual({ ...whole.summary, traceRecords: packets.length });
    // The summary goes in the done message: the page cannot fold it from the records it has.
    expect(doneMessage(run)).toEqual({ type: 'done', summary: run.summary });
    const messages: WorkerMessage[] = [];
    const options = { text, seed: 3, maxEvents: 50_000_000, maxRecords: 1_000_000 };
    runHere({ ...options, detail: 'packets' }, (m) => messages.push(m));
    expect(messages.at(-1)).toEqual({ type: 'done', summary: run.summary });
    // So the page stops listening after done with less detail, and waits for the fingerprint
    // after done with every record.
    const done = messages.at(-1)!;
    expect(moreAfter(done, 'packets')).toBe(false);
    expect(moreAfter(done, 'full')).toBe(true);
    expect(moreAfter(done, undefined)).toBe(true);
    expect(moreAfter({ type: 'fingerprint', hex: '' }, 'full')).toBe(false);
    // Its record budget counts the records it keeps, so it goes further than a full run.
    const budget = 2000;
    const lean = new SlicedRun(scenario, { seed: 3, detail: 'packets', maxRecords: budget });
    const rich = new SlicedRun(scenario, { seed: 3, maxRecords: budget });
    while (!lean.step(100));
    while (!rich.step(100));
    expect(lean.summary?.reason).toBe('recordLimit');
    expect(lean.now).toBeGreaterThan(rich.now);
    expect(lean.recordCount).toBeGreaterThanOrEqual(budget);
  });
});
