// The job table view on the built-in Silberschatz tables (Operating System Concepts 10th ed.,
// 5.3): RR q=4 waits 17/3 on average, FCFS on the same jobs (P1 24, P2 3, P3 3 in that order)
// waits (0 + 24 + 27) / 3 = 17, SJF (P2, P3, P1) waits (0 + 3 + 6) / 3 = 3.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJobTableText, type JobTable } from '../../sim/jobs/jobTable.ts';
import { choiceOf, formatIn, jobReport, withChoice } from './jobTableView.ts';

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
    expect(formatIn(17_000_000 / 3, 'ticks')).toBe('5.67 ms');
    expect(formatIn(1500, 'us')).toBe('1.5 µs');
  });

  it('reports RR q=4, then FCFS and SJF on the same jobs', () => {
    expect(value(rr, 'avg-waiting')).toBe('5.67 ms');
    expect(value(rr, 'utilization')).toBe('100%');
    // 3 jobs in 30 ticks.
    expect(value(rr, 'throughput')).toBe('0.1 jobs/ms');
    const fcfs = withChoice(rr, { ...choiceOf(rr), policy: 'fcfs' });
    expect(fcfs.ok && value(fcfs.table, 'avg-waiting')).toBe('17 ms');
    const sjf = withChoice(rr, { ...choiceOf(rr), policy: 'sjf' });
    expect(sjf.ok && value(sjf.table, 'avg-waiting')).toBe('3 ms');
    const lines = jobReport(rr).lines;
    expect(lines.map((l) => [l.id, l.burst, l.waiting, l.turnaround, l.response])).toEqual([
      ['P1', '24 ms', '6 ms', '30 ms', '0 ms'],
      ['P2', '3 ms', '4 ms', '7 ms', '4 ms'],
      ['P3', '3 ms', '7 ms', '10 ms', '7 ms'],
    ]);
  });

  it('counts a context switch in the waiting time', () => {
    // RR q=4 with a 1-tick switch before each of the 4 dispatches: P2 first runs at 1 + 4 + 1 = 6.
    const slow = withChoice(rr, { policy: 'rr', quantum: '4', contextSwitch: '1' });
    expect(slow.ok).toBe(true);
    if (!slow.ok) return;
    const p2 = jobReport(slow.table).lines.find((l) => l.id === 'P2');
    expect(p2?.response).toBe('6 ms');
  });

  it('names a bad quantum or context switch', () => {
    expect(withChoice(rr, { policy: 'rr', quantum: '0', contextSwitch: '0' })).toEqual({
      ok: false,
      error: 'The quantum must be a number greater than 0 (in ms).',
    });
    expect(withChoice(rr, { policy: 'rr', quantum: '4', contextSwitch: '-1' })).toMatchObject({
      ok: false,
    });
  });
});
