// The job table view on the built-in Silberschatz tables (Operating System Concepts 10th ed.,
// 5.3): RR q=4 waits 17/3 on average, FCFS on the same jobs (P1 24, P2 3, P3 3 in that order)
// waits (0 + 24 + 27) / 3 = 17, SJF (P2, P3, P1) waits (0 + 3 + 6) / 3 = 3.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJobTableText, type JobTable } from '../../sim/jobs/jobTable.ts';
import {
  choiceOf,
  formatIn,
  jobReport,
  unitLabel,
  unitTickFormat,
  withChoice,
} from './jobTableView.ts';

function load(file: string): JobTable {
  const text = readFileSync(new URL(`../../../simulations/jobs/${file}`, import.meta.url), 'utf8');
  const result = parseJobTableText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.table;
}

const value = (table: JobTable, key: string) =>
  jobReport(table).summary.find((s) => s.key === key)?.value;

describe('jobTableView', () => {
  const rr = load('silberschatz-rr.json');

  it('shows the table’s own settings in its unit', () => {
    expect(choiceOf(rr)).toEqual({ policy: 'rr', quantum: '4', contextSwitch: '0' });
    expect(formatIn(17_000_000 / 3, 'ticks')).toBe('5.67 ticks');
    expect(formatIn(1_000_000, 'ticks')).toBe('1 tick');
    expect(formatIn(1500, 'us')).toBe('1.5 µs');
    expect(formatIn(2_500_000, 'ms')).toBe('2.5 ms');
    expect(formatIn(2_500_000_000, 's')).toBe('2.5 s');
  });

  it('shows a run stopped at its slice limit as what it has, "not yet" for jobs unfinished', () => {
    // Two slices of the book's chart (P1 0-4, P2 4-7): only P2 (waiting 4 in the book) is done.
    const report = jobReport(rr, { maxSlices: 2 });
    expect(report.lines.map((l) => [l.id, l.completion, l.waiting])).toEqual([
      ['P1', 'not yet', 'not yet'],
      ['P2', '7 ticks', '4 ticks'],
      ['P3', 'not yet', 'not yet'],
    ]);
    expect(report.summary.find((s) => s.key === 'makespan')).toEqual({
      key: 'makespan',
      label: 'Stopped at (after 2 slices, the limit)',
      value: '7 ticks',
    });
  });

  it('labels a table in ticks in ticks, never in ms (the simulator’s 1 ms per tick)', () => {
    expect(unitLabel('ticks')).toBe('ticks');
    const report = jobReport(rr);
    const shown = [
      ...report.summary.map((s) => s.value),
      ...report.lines.flatMap((l) => [l.arrival, l.burst, l.completion, l.waiting]),
    ];
    expect(shown.some((v) => /\bms\b/.test(v))).toBe(false);
    expect(withChoice(rr, { policy: 'rr', quantum: '0', contextSwitch: '0' })).toEqual({
      ok: false,
      error: 'The quantum must be a number greater than 0 (in ticks).',
    });
  });

  it('writes the Gantt chart’s axis in the table’s unit', () => {
    // Silberschatz's RR chart has 0, 4, 7, 10, 30 under it: plain numbers of time units.
    const ticks = unitTickFormat('ticks');
    expect([0, 4, 7.5, 30].map((t) => ticks(t * 1e6, 5e6))).toEqual(['0', '4', '8', '30']);
    expect(ticks(7.5e6, 0.5e6)).toBe('7.5');
    // A table in µs spanning 2 ms still reads in µs: 500 µs, not 0.5 ms.
    expect(unitTickFormat('us')(500_000, 250_000)).toBe('500 µs');
    expect(unitTickFormat('ms')(10_000_000, 5_000_000)).toBe('10 ms');
  });

  it('reports RR q=4, then FCFS and SJF on the same jobs', () => {
    expect(value(rr, 'avg-waiting')).toBe('5.67 ticks');
    expect(value(rr, 'utilization')).toBe('100%');
    // 3 jobs in 30 ticks.
    expect(value(rr, 'throughput')).toBe('0.1 jobs/tick');
    const fcfs = withChoice(rr, { ...choiceOf(rr), policy: 'fcfs' });
    expect(fcfs.ok && value(fcfs.table, 'avg-waiting')).toBe('17 ticks');
    const sjf = withChoice(rr, { ...choiceOf(rr), policy: 'sjf' });
    expect(sjf.ok && value(sjf.table, 'avg-waiting')).toBe('3 ticks');
    const lines = jobReport(rr).lines;
    expect(lines.map((l) => [l.id, l.burst, l.waiting, l.turnaround, l.response])).toEqual([
      ['P1', '24 ticks', '6 ticks', '30 ticks', '0 ticks'],
      ['P2', '3 ticks', '4 ticks', '7 ticks', '4 ticks'],
      ['P3', '3 ticks', '7 ticks', '10 ticks', '7 ticks'],
    ]);
  });

  it('counts the context switches the chart shows, even those that take no time', () => {
    // The book's RR chart P1 0-4, P2 4-7, P3 7-10, P1 10-30 changes job 3 times (at 4, 7, 10);
    // the switch costs 0 here, so no switch bar is drawn, but the count is 3, not 0.
    expect(value(rr, 'switches')).toBe('3');
    expect(value(rr, 'preemptions')).toBe('1');
    // FCFS on the same jobs: P1 0-24, P2 24-27, P3 27-30: 2 switches, no preemption.
    const fcfs = withChoice(rr, { ...choiceOf(rr), policy: 'fcfs' });
    expect(fcfs.ok && value(fcfs.table, 'switches')).toBe('2');
    expect(fcfs.ok && value(fcfs.table, 'preemptions')).toBe('0');
  });

  it('counts a context switch in the waiting time', () => {
    // RR q=4 with a 1-tick switch: P1 0-4 (the core's first job: no switch), cs 4-5, P2 5-8:
    // P2 first runs at 5.
    const slow = withChoice(rr, { policy: 'rr', quantum: '4', contextSwitch: '1' });
    expect(slow.ok).toBe(true);
    if (!slow.ok) return;
    const report = jobReport(slow.table);
    expect(report.lines.find((l) => l.id === 'P2')?.response).toBe('5 ticks');
    // Switches to P2 (4), P3 (8) and P1 (12): 3, as many as the chart's switch bars.
    expect(report.run.gantt.filter((s) => s.kind === 'switch')).toHaveLength(3);
    expect(report.summary.find((s) => s.key === 'switches')?.value).toBe('3');
  });

  it('names a bad quantum or context switch', () => {
    expect(withChoice(rr, { policy: 'rr', quantum: '4', contextSwitch: '-1' })).toMatchObject({
      ok: false,
    });
  });
});
