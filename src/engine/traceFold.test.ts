import { describe, expect, it } from 'vitest';
import { Simulator } from './simulator.ts';
import { combineFolds, foldRecords, type TraceFold } from './traceFold.ts';
import type { TraceRecord } from './trace.ts';

/** Counts sim.start records and sums the seeds: enough to see which records reached it. */
function seedSum(): TraceFold<{ starts: number; seeds: number }> {
  let starts = 0;
  let seeds = 0;
  return {
    types: ['sim.start'],
    add(record) {
      if (record.type !== 'sim.start') return;
      starts++;
      seeds += record.seed;
    },
    result: () => ({ starts, seeds }),
  };
}

const start = (t: number, seed: number): TraceRecord => ({
  t,
  type: 'sim.start',
  scenario: 's',
  seed,
});
const end = (t: number): TraceRecord => ({ t, type: 'sim.end', reason: 'empty', events: 0 });

describe('trace folds', () => {
  it('fold only the record types they name', () => {
    const records = [start(0, 2), end(1), start(2, 5), end(3)];
    expect(foldRecords(seedSum(), records)).toEqual({ starts: 2, seeds: 7 });
  });

  it('follow a run live even when its records are not stored, and agree with a replay', () => {
    const sim = new Simulator({ trace: false });
    const live = seedSum();
    sim.trace.follow(live);
    sim.record(start(0, 3));
    sim.record(end(0));
    sim.record(start(0, 4));
    expect(sim.trace.length).toBe(0);
    expect(live.result()).toEqual({ starts: 2, seeds: 7 });

    const stored = new Simulator();
    const alsoLive = seedSum();
    stored.trace.follow(alsoLive);
    for (const r of [start(0, 3), end(0), start(0, 4)]) stored.record(r);
    expect(foldRecords(seedSum(), stored.trace.records)).toEqual(alsoLive.result());
  });

  it('stop following when unsubscribed', () => {
    const sim = new Simulator();
    const fold = seedSum();
    const stop = sim.trace.follow(fold);
    sim.record(start(0, 1));
    stop();
    sim.record(start(0, 1));
    expect(fold.result().starts).toBe(1);
  });

  it('combine into one pass that feeds each fold its own types', () => {
    const ends: TraceFold<number> = (() => {
      let n = 0;
      return { types: ['sim.end'], add: () => void n++, result: () => n };
    })();
    const both = combineFolds<unknown>([seedSum(), ends]);
    expect(foldRecords(both, [start(0, 1), end(1), end(2)])).toEqual([{ starts: 1, seeds: 1 }, 2]);
  });
});
