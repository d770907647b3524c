// The CPU view math on hand-made records of textbook schedules: Silberschatz, Operating System
// Concepts (10th ed.), 5.3.1 (FCFS: P1 24 ms, P2 3 ms, P3 3 ms all at 0) and 5.3.3 (RR, q = 4 ms).
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import {
  busyCoresAt,
  coreCount,
  coreStatesAt,
  cpuRecords,
  fullGantt,
  ganttAt,
  jobRows,
  readyQueueSeries,
  stepValueAt,
  utilizationAt,
} from './cpuView.ts';
import { recordList } from '../../engine/traceRecords.ts';

const MS = 1e6;
const N = 'web';
const arrive = (t: number, job: string, burst: number): TraceRecord => ({
  t: t * MS,
  type: 'cpu.arrive',
  node: N,
  job,
  burst: burst * MS,
  priority: 0,
});
const dispatch = (t: number, job: string, core = 0): TraceRecord => ({
  t: t * MS,
  type: 'cpu.dispatch',
  node: N,
  core,
  job,
  remaining: 0,
});
const preempt = (t: number, job: string, core = 0): TraceRecord => ({
  t: t * MS,
  type: 'cpu.preempt',
  node: N,
  core,
  job,
  remaining: 0,
  reason: 'quantum',
});
const complete = (t: number, job: string, core = 0): TraceRecord => ({
  t: t * MS,
  type: 'cpu.complete',
  node: N,
  core,
  job,
});

/** FCFS, Silberschatz 5.3.1: P1 0-24, P2 24-27, P3 27-30. */
const fcfs: TraceRecord[] = [
  arrive(0, 'P1', 24),
  arrive(0, 'P2', 3),
  arrive(0, 'P3', 3),
  dispatch(0, 'P1'),
  complete(24, 'P1'),
  dispatch(24, 'P2'),
  complete(27, 'P2'),
  dispatch(27, 'P3'),
  complete(30, 'P3'),
];

/** RR with q = 4 ms, Silberschatz 5.3.3: P1 0-4, P2 4-7, P3 7-10, P1 10-30 in 4 ms slices. */
const rr: TraceRecord[] = [
  arrive(0, 'P1', 24),
  arrive(0, 'P2', 3),
  arrive(0, 'P3', 3),
  dispatch(0, 'P1'),
  preempt(4, 'P1'),
  dispatch(4, 'P2'),
  complete(7, 'P2'),
  dispatch(7, 'P3'),
  complete(10, 'P3'),
  dispatch(10, 'P1'),
  complete(30, 'P1'),
];

describe('cpuView', () => {
  it('cuts the Gantt chart at t: a running segment ends at t, later ones are absent', () => {
    const full = fullGantt(fcfs, N);
    expect(ganttAt(full, 30 * MS).map((s) => [s.job, s.start / MS, s.end / MS])).toEqual([
      ['P1', 0, 24],
      ['P2', 24, 27],
      ['P3', 27, 30],
    ]);
    expect(ganttAt(full, 25 * MS).map((s) => [s.job, s.start / MS, s.end / MS])).toEqual([
      ['P1', 0, 24],
      ['P2', 24, 25],
    ]);
    expect(busyCoresAt(full, 25 * MS)).toBe(1);
    expect(busyCoresAt(full, 31 * MS)).toBe(0);
  });

  it('keeps a segment still open at the end of the trace running to the time shown', () => {
    const open = fcfs.slice(0, 6); // P2 dispatched at 24, nothing after
    const segs = ganttAt(fullGantt(open, N), 26 * MS);
    expect(segs.at(-1)).toMatchObject({ job: 'P2', start: 24 * MS, end: 26 * MS });
  });

  it('gives FCFS waiting 0, 24, 27 ms (average 17) and turnaround 24, 27, 30', () => {
    const rows = jobRows(fcfs, 30 * MS, true);
    expect(rows.map((r) => r.waiting / MS)).toEqual([0, 24, 27]);
    expect(rows.map((r) => r.turnaround / MS)).toEqual([24, 27, 30]);
    expect(rows.map((r) => r.response / MS)).toEqual([0, 24, 27]);
    // At 25 ms only P1 has finished.
    expect(jobRows(fcfs, 25 * MS, true).map((r) => r.job)).toEqual(['P1']);
    expect(jobRows(fcfs, 25 * MS).find((r) => r.job === 'P2')?.cpu).toBe(1 * MS);
  });

  it('gives RR (q = 4) waiting 6, 4, 7 ms: P1 10 - 4, P2 4, P3 7 (average 5.66)', () => {
    const rows = jobRows(rr, 30 * MS, true);
    const by = Object.fromEntries(rows.map((r) => [r.job, r]));
    expect(by['P1']?.waiting).toBe(6 * MS);
    expect(by['P2']?.waiting).toBe(4 * MS);
    expect(by['P3']?.waiting).toBe(7 * MS);
    expect(by['P1']?.response).toBe(0);
  });

  it('follows the ready queue: 3 at 0, one taken at once, back up on a preemption', () => {
    const q = readyQueueSeries(rr);
    // At 0 three arrive and P1 is dispatched: 2 wait. At 4 P1 is preempted and P2 taken: still 2.
    expect(stepValueAt(q, 0)).toBe(2);
    expect(stepValueAt(q, 4 * MS)).toBe(2);
    expect(stepValueAt(q, 7 * MS)).toBe(1); // P3 taken
    expect(stepValueAt(q, 10 * MS)).toBe(0); // P1 taken
    expect(stepValueAt(q, -1)).toBe(0);
  });

  it('draws nothing for a switch that costs no time, but lights the core running', () => {
    // RR as above with free switches: the scheduler records cpu.switch at 4, 7 and 10, each
    // followed by the dispatch at the same instant. The chart is the book's four bars.
    const sw = (t: number, job: string): TraceRecord => ({
      t: t * MS,
      type: 'cpu.switch',
      node: N,
      core: 0,
      job,
    });
    const free = rr.flatMap((r) =>
      r.type === 'cpu.dispatch' && r.t > 0 ? [sw(r.t / MS, r.job), r] : [r],
    );
    const segs = fullGantt(free, N);
    expect(segs.map((s) => [s.kind, s.job, s.start / MS, s.end / MS])).toEqual([
      ['run', 'P1', 0, 4],
      ['run', 'P2', 4, 7],
      ['run', 'P3', 7, 10],
      ['run', 'P1', 10, 30],
    ]);
    expect(coreStatesAt(free, 1, 7 * MS)).toEqual([{ state: 'running', job: 'P3' }]);
    expect(stepValueAt(readyQueueSeries(free), 7 * MS)).toBe(1);
  });

  it('counts a switch, not the dispatch after it, as the job leaving the queue', () => {
    const recs: TraceRecord[] = [
      arrive(0, 'A', 5),
      { t: 0, type: 'cpu.switch', node: N, core: 0, job: 'A' },
      dispatch(1, 'A'),
      complete(6, 'A'),
    ];
    const q = readyQueueSeries(recs);
    expect(q.v).toEqual([0]);
    const segs = ganttAt(fullGantt(recs, N), 6 * MS);
    expect(segs.map((s) => s.kind)).toEqual(['switch', 'run']);
    // The switch is overhead: utilization counts 5 of 6 ms.
    expect(utilizationAt(segs, 1, 6 * MS)[0]).toBeCloseTo(5 / 6, 12);
  });

  it('lights each core in its machine’s state at t: switching, running, idle', () => {
    const recs: TraceRecord[] = [
      arrive(0, 'A', 5),
      { t: 0, type: 'cpu.switch', node: N, core: 0, job: 'A' },
      dispatch(1, 'A'),
      complete(6, 'A'),
    ];
    expect(coreStatesAt(recs, 1, 0)).toEqual([{ state: 'switching', job: 'A' }]);
    expect(coreStatesAt(recs, 1, 3 * MS)).toEqual([{ state: 'running', job: 'A' }]);
    expect(coreStatesAt(recs, 1, 6 * MS)).toEqual([{ state: 'idle', job: null }]);
    // RR: at 4 ms P1 is preempted and P2 dispatched at the same instant; the core runs P2.
    expect(coreStatesAt(rr, 1, 4 * MS)).toEqual([{ state: 'running', job: 'P2' }]);
    expect(coreStatesAt(rr, 1, -1)).toEqual([{ state: 'idle', job: null }]);
  });

  it('computes utilization per core over [0, t], idle gaps included', () => {
    const twoCores: TraceRecord[] = [
      arrive(0, 'A', 4),
      arrive(0, 'B', 2),
      dispatch(0, 'A', 0),
      dispatch(0, 'B', 1),
      complete(2, 'B', 1),
      complete(4, 'A', 0),
    ];
    expect(coreCount(twoCores)).toBe(2);
    const segs = ganttAt(fullGantt(twoCores, N), 8 * MS);
    expect(utilizationAt(segs, 2, 8 * MS)).toEqual([0.5, 0.25]);
    expect(utilizationAt([], 1, 0)).toEqual([0]);
  });

  it('reads only the node’s cpu records', () => {
    const other = { ...(dispatch(0, 'X') as object), node: 'db' } as TraceRecord;
    expect(cpuRecords(recordList([...fcfs, other]), N)).toHaveLength(fcfs.length);
  });
});
