// The figures at the moment shown: zero before anything happened, the whole run's at its end,
// and in between the count of what happened before t, counted here straight from the records.
import { describe, expect, it } from 'vitest';
import { summariseRecords } from '../../sim/index.ts';
import { recordsOfType, runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { SummaryAtTime, recordsBefore } from './summaryAt.ts';
import { recordList } from '../../engine/traceRecords.ts';

describe('SummaryAtTime', () => {
  const { scenario, records } = runSimulationFile('ping-over-a-link.json');
  const whole = summariseRecords(scenario, records);
  const end = records[records.length - 1]!.t;

  it('reads zero on every link counter at t = 0, though packet #1 leaves at 0', () => {
    // The pinger's first request starts transmission at 0: it counts from just after 0.
    expect(recordsOfType(records, 'link.txBegin')[0]!.t).toBe(0);
    const at = new SummaryAtTime(scenario, recordList(records)).at(0);
    for (const link of at.links) {
      for (const d of link.directions) {
        expect([d.sent, d.delivered, d.lost, d.queueDrops]).toEqual([0, 0, 0, 0]);
      }
    }
    expect(at.reason).toBe('running');
    expect(at.simulatedNs).toBe(0);
  });

  it('counts what happened before t, in both directions of the link', () => {
    const summaries = new SummaryAtTime(scenario, recordList(records));
    for (const t of [1, 20_000_000, 250_000_000, 1_000_000_000, end - 1]) {
      const at = summaries.at(t);
      const before = <T extends 'link.txBegin' | 'link.rx' | 'link.lost'>(type: T) =>
        recordsOfType(records, type).filter((r) => r.t < t).length;
      const sum = (key: 'sent' | 'delivered' | 'lost') =>
        at.links[0]!.directions[0][key] + at.links[0]!.directions[1][key];
      expect([sum('sent'), sum('delivered'), sum('lost')]).toEqual([
        before('link.txBegin'),
        before('link.rx'),
        before('link.lost'),
      ]);
      expect(at.traceRecords).toBe(records.filter((r) => r.t < t).length);
    }
  });

  it('goes back in time as well as forward', () => {
    const summaries = new SummaryAtTime(scenario, recordList(records));
    const late = summaries.at(end);
    const early = summaries.at(20_000_000);
    expect(early.links[0]!.directions[0].sent).toBeLessThan(late.links[0]!.directions[0].sent);
    expect(summaries.at(end)).toEqual(late);
  });

  it('is the whole run at its last record', () => {
    expect(new SummaryAtTime(scenario, recordList(records)).at(end)).toEqual(whole);
    expect(recordsBefore(recordList(records), end)).toBe(records.length);
    expect(recordsBefore(recordList(records), end + 5)).toBe(records.length);
    expect(recordsBefore(recordList([]), 0)).toBe(0);
  });
});

describe('SummaryAtTime with the run summary known', () => {
  it('gives that summary back at the end without folding again', () => {
    const { scenario, records } = runSimulationFile('ping-over-a-link.json');
    const known = summariseRecords(scenario, records);
    const summaries = new SummaryAtTime(scenario, recordList(records), known);
    expect(summaries.at(records[records.length - 1]!.t)).toBe(known);
    expect(summaries.at(0).links[0]!.directions[0].sent).toBe(0);
  });
});
