// The run in the page (pageRun.ts): the worker's messages in slices, yielding between them, the
// same records as the CLI's run, and nothing after it is stopped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceToJsonLines } from '../../engine/trace.ts';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import { packedRecords } from '../../viz/trace/index.ts';
import type { WorkerMessage } from './messages.ts';
import { startPageRun } from './pageRun.ts';

function load(file: string) {
  const text = readFileSync(new URL(`../../../simulations/${file}`, import.meta.url), 'utf8');
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(`${file} does not validate`);
  return { text, scenario: parsed.scenario };
}

/** A yield that queues the next slice, run by hand. */
function manualYield() {
  const queue: (() => void)[] = [];
  return {
    yieldNow: (next: () => void) => void queue.push(next),
    runAll(): number {
      let tasks = 0;
      for (let next = queue.shift(); next; next = queue.shift()) {
        next();
        tasks++;
      }
      return tasks;
    },
  };
}

describe('a run in the page', () => {
  it('yields before its first slice and between slices, and sends the CLI run', () => {
    const { text, scenario } = load('classroom-rush.json');
    const messages: WorkerMessage[] = [];
    const clock = manualYield();
    startPageRun(
      { text, seed: 3, maxEvents: 50_000_000, maxRecords: 1_000_000 },
      (m) => messages.push(m),
      { yieldNow: clock.yieldNow, sliceMs: 0, sliceEvents: 100 },
    );
    expect(messages).toEqual([]);
    const tasks = clock.runAll();
    // One slice a task: a bulk transfer takes many (100 events each), each sending progress.
    expect(tasks).toBeGreaterThan(1);
    const types = messages.map((m) => m.type);
    expect(types.at(-1)).toBe('done');
    expect(types.slice(0, -1).every((type) => type === 'progress')).toBe(true);
    const sent = packedRecords();
    for (const m of messages) if (m.type === 'progress') sent.applyDelta(m.delta);
    const whole = runScenario(scenario, { seed: 3 });
    expect(traceToJsonLines([...sent])).toBe(traceToJsonLines(whole.simulation.sim.trace.records));
    expect(messages.at(-1)).toEqual({ type: 'done', summary: whole.summary });
  });

  it('sends nothing once stopped, and says why a document is refused', () => {
    const { text } = load('tcp-bulk-transfer.json');
    const messages: WorkerMessage[] = [];
    const clock = manualYield();
    const stop = startPageRun(
      { text, seed: 1, maxEvents: 50_000_000, maxRecords: 1_000_000 },
      (m) => {
        messages.push(m);
        stop();
      },
      { yieldNow: clock.yieldNow, sliceMs: 0, sliceEvents: 100 },
    );
    clock.runAll();
    expect(messages.map((m) => m.type)).toEqual(['progress']);
    const bad: WorkerMessage[] = [];
    startPageRun(
      { text: '{"format": 1}', seed: 1, maxEvents: 10, maxRecords: 10 },
      (m) => bad.push(m),
      { yieldNow: clock.yieldNow, sliceMs: 0, sliceEvents: 100 },
    );
    expect(bad[0]?.type).toBe('invalid');
  });
});
