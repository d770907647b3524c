// Tests of the scheduling policy functions alone, with textbook cases (Silberschatz, Galvin, Gagne,
// Operating System Concepts, 10th ed., §5.3): no simulator, just keys and choices.

import { describe, expect, it } from 'vitest';
import { SCHEDULING_POLICIES } from './cpuConfig.ts';
import {
  isFifo,
  isPreemptive,
  jobKey,
  isContextSwitch,
  preemptReason,
  preempts,
  quantumGoesBack,
  sliceLength,
  victim,
} from './schedulingPolicy.ts';

/** The order jobs leave a ready queue keyed by `jobKey`, ties in entry order. */
function order(policy: (typeof SCHEDULING_POLICIES)[number], jobs: [string, number, number][]) {
  return jobs
    .map(([id, burst, priority], seq) => ({ id, key: jobKey(policy, burst, priority), seq }))
    .sort((a, b) => a.key - b.key || a.seq - b.seq)
    .map((j) => j.id);
}

describe('scheduling policy', () => {
  it('only SRTF and preemptive priority preempt; FCFS and RR keep a plain FIFO queue', () => {
    expect(SCHEDULING_POLICIES.filter(isPreemptive)).toEqual(['srtf', 'priorityPreemptive']);
    expect(SCHEDULING_POLICIES.filter(isFifo)).toEqual(['fcfs', 'rr']);
  });

  it('keys: SJF P1=6, P2=8, P3=7, P4=3 runs P4, P1, P3, P2 (§5.3.2)', () => {
    const jobs: [string, number, number][] = [
      ['P1', 6, 0],
      ['P2', 8, 0],
      ['P3', 7, 0],
      ['P4', 3, 0],
    ];
    expect(order('sjf', jobs)).toEqual(['P4', 'P1', 'P3', 'P2']);
    expect(order('srtf', jobs)).toEqual(['P4', 'P1', 'P3', 'P2']);
    expect(order('fcfs', jobs)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(order('rr', jobs)).toEqual(['P1', 'P2', 'P3', 'P4']);
  });

  it('keys: priority P1 10/3, P2 1/1, P3 2/4, P4 1/5, P5 5/2: P2, P5, P1, P3, P4 (§5.3.4)', () => {
    const jobs: [string, number, number][] = [
      ['P1', 10, 3],
      ['P2', 1, 1],
      ['P3', 2, 4],
      ['P4', 1, 5],
      ['P5', 5, 2],
    ];
    expect(order('priority', jobs)).toEqual(['P2', 'P5', 'P1', 'P3', 'P4']);
    expect(order('priorityPreemptive', jobs)).toEqual(['P2', 'P5', 'P1', 'P3', 'P4']);
  });

  it('SRTF: P2 (4) at 1 preempts P1 (7 of 8 left); P3 (9) at 2 not P2 (3 left)', () => {
    expect(preempts('srtf', jobKey('srtf', 4, 0), jobKey('srtf', 8 - 1, 0))).toBe(true);
    expect(preempts('srtf', jobKey('srtf', 9, 0), jobKey('srtf', 4 - 1, 0))).toBe(false);
    expect(preemptReason('srtf')).toBe('shorter');
  });

  it('equal keys never preempt, and non-preemptive policies never do', () => {
    expect(preempts('srtf', 5, 5)).toBe(false);
    expect(preempts('priorityPreemptive', 2, 2)).toBe(false);
    expect(preempts('priorityPreemptive', 1, 2)).toBe(true);
    expect(preemptReason('priorityPreemptive')).toBe('priority');
    for (const policy of ['fcfs', 'sjf', 'priority', 'rr'] as const)
      expect(preempts(policy, 0, 100)).toBe(false);
  });

  it('the victim is the worst running job, the lowest core among equals', () => {
    expect(victim([3, null, 7, 7, 5])).toBe(2);
    expect(victim([null, 0])).toBe(1);
    expect(victim([null, null])).toBe(-1);
    expect(victim([])).toBe(-1);
  });

  it('RR: an expired quantum goes back only when more jobs are ready than cores idle', () => {
    // P1 alone (§5.3.3, after P2 and P3 finish): it keeps the core.
    expect(quantumGoesBack(0, 0)).toBe(false);
    // P2 waiting: P1 goes to the tail.
    expect(quantumGoesBack(1, 0)).toBe(true);
    // Another core is idle and takes the waiting job: P1 keeps its core.
    expect(quantumGoesBack(1, 1)).toBe(false);
    expect(quantumGoesBack(2, 1)).toBe(true);
  });

  it('a slice is one quantum under RR (or what is left, if less), else the whole burst', () => {
    expect(sliceLength('rr', 4, 24)).toBe(4);
    expect(sliceLength('rr', 4, 3)).toBe(3);
    expect(sliceLength('rr', 4, 4)).toBe(4);
    for (const policy of ['fcfs', 'sjf', 'srtf', 'priority', 'priorityPreemptive'] as const)
      expect(sliceLength(policy, 4, 24)).toBe(24);
  });

  it('a switch happens before a job of another process, never before a core’s first job', () => {
    expect(isContextSwitch('A', null)).toBe(false);
    expect(isContextSwitch('A', 'B')).toBe(true);
    expect(isContextSwitch('A', 'A')).toBe(false);
  });
});
