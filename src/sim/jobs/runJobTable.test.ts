// Tests of runJobTable against Silberschatz, Galvin, Gagne, Operating System Concepts 10th ed.,
// §5.3 (the RR q=4 and SRTF examples): Gantt chart, per-job figures and averages.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NS_PER_MS } from '../../engine/time.ts';
import { parseJobTableText, type JobTable } from './jobTable.ts';
import { runJobTable } from './runJobTable.ts';

function load(file: string): JobTable {
  const result = parseJobTableText(readFileSync(`simulations/jobs/${file}`, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.table;
}

const ticks = (ns: number): number => ns / NS_PER_MS;

describe('runJobTable', () => {
  it('RR q=4 (silberschatz-rr.json): average wait 17/3, the book chart', () => {
    const run = runJobTable(load('silberschatz-rr.json'));
    expect(run.gantt.map((s) => [s.job, ticks(s.start), ticks(s.end)])).toEqual([
      ['P1', 0, 4],
      ['P2', 4, 7],
      ['P3', 7, 10],
      ['P1', 10, 30],
    ]);
    expect(
      run.jobs.map((j) => [j.id, ticks(j.waiting), ticks(j.turnaround), ticks(j.response)]),
    ).toEqual([
      ['P1', 6, 30, 0],
      ['P2', 4, 7, 4],
      ['P3', 7, 10, 7],
    ]);
    expect(ticks(run.averages.waiting)).toBeCloseTo(17 / 3, 12);
    expect(run.utilization).toBe(1);
    expect(ticks(run.makespan)).toBe(30);
    expect(run.throughputPerNs * NS_PER_MS).toBeCloseTo(3 / 30, 12);
  });

  it('stops after maxSlices slices of the book chart, its figures those of the jobs done by then', () => {
    // The book's chart is P1 0-4, P2 4-7, P3 7-10, P1 10-30: two slices end at 7.
    const run = runJobTable(load('silberschatz-rr.json'), { maxSlices: 2 });
    expect(run.stopped).toEqual({ limit: 'slices', count: 2, at: 7 * NS_PER_MS });
    expect(run.gantt.map((s) => [s.job, ticks(s.start), ticks(s.end)])).toEqual([
      ['P1', 0, 4],
      ['P2', 4, 7],
    ]);
    // P2 is done (the book's 4, 7, 4); P1 and P3 are not: -1, "not yet". P3 starts at 7.
    expect(run.jobs.map((j) => [j.id, j.waiting, j.turnaround, j.response])).toEqual([
      ['P1', -1, -1, 0],
      ['P2', 4 * NS_PER_MS, 7 * NS_PER_MS, 4 * NS_PER_MS],
      ['P3', -1, -1, 7 * NS_PER_MS],
    ]);
    expect(ticks(run.makespan)).toBe(7);
    expect(run.utilization).toBe(1);
    // Four slices is the whole chart: no stop.
    expect(runJobTable(load('silberschatz-rr.json'), { maxSlices: 4 }).stopped).toBeUndefined();
  });

  it('stops a job alone with a 1 ns quantum, renewed with no bar drawn, at 10 events a slice', () => {
    const table = load('silberschatz-rr.json');
    const alone: JobTable = {
      ...table,
      cpu: { ...table.cpu, quantum: 1 },
      jobs: [{ id: 'A', arrival: 0, bursts: [1_000_000_000] }],
    };
    const run = runJobTable(alone, { maxSlices: 1000 });
    expect(run.stopped).toMatchObject({ limit: 'steps', count: 10_000 });
    // The arrival and the first decision at 0, then two events per renewed 1 ns quantum (its end
    // at k ns, the decision at k ns are events 2k+1 and 2k+2): the 10,000th is the decision at 4999.
    expect(run.stopped?.at).toBe(4999);
    expect(run.utilization).toBe(1);
    expect(run.jobs[0]).toMatchObject({ completion: -1, response: 0 });
  });

  it('SRTF from CSV: average wait 6.5', () => {
    const run = runJobTable(load('silberschatz-srtf.csv'));
    expect(ticks(run.averages.waiting)).toBe(6.5);
    expect(run.preemptions).toBe(1);
  });

  it('priority from CSV: average wait 8.2', () => {
    expect(ticks(runJobTable(load('silberschatz-priority.csv')).averages.waiting)).toBeCloseTo(
      8.2,
      12,
    );
  });

  it('is deterministic, I/O and switches included', () => {
    const a = runJobTable(load('io-bound-mix.json'));
    const b = runJobTable(load('io-bound-mix.json'));
    expect(a.records).toEqual(b.records);
    expect(a.jobs.every((j) => j.completion > 0)).toBe(true);
    expect(a.contextSwitches).toBeGreaterThan(0);
  });
});
