// Reading records by position: an array through the interface, and the shared scans checked
// against plain array code on a hand-made trace (including that skipped types are never built).

import { describe, expect, it } from 'vitest';
import type { TraceRecord } from './trace.ts';
import { countingRecords } from '../../tests/support/countingRecords.ts';
import { Trace } from './trace.ts';
import {
  asRecords,
  countBefore,
  countUntil,
  findRecord,
  lastRecord,
  recordList,
  recordPrefix,
  recordsOfTypes,
  recordsWithPrefix,
} from './traceRecords.ts';

const records: TraceRecord[] = [
  { t: 0, type: 'sim.start', scenario: 'hand-made', seed: 1 },
  { t: 5, type: 'sim.end', reason: 'until', events: 1 },
  { t: 5, type: 'sim.start', scenario: 'again', seed: 2 },
  { t: 9, type: 'sim.end', reason: 'empty', events: 2 },
];

describe('recordList', () => {
  it('reads the array by position without copying it', () => {
    const items = records.slice(0, 2);
    const list = recordList(items);
    expect(list.length).toBe(2);
    expect(list.get(1)).toBe(items[1]);
    expect(list.timeAt(1)).toBe(5);
    expect(list.typeAt(0)).toBe('sim.start');
    items.push(records[2] as TraceRecord);
    expect(list.length).toBe(3);
    expect([...list]).toEqual(items);
  });

  it('refuses a position outside the records', () => {
    expect(() => recordList(records).get(4)).toThrow(RangeError);
    expect(() => recordList(records).timeAt(-1)).toThrow(RangeError);
  });

  it('leaves a TraceRecords as it is', () => {
    const trace = new Trace();
    expect(asRecords(trace)).toBe(trace);
    expect(asRecords(records).get(3)).toBe(records[3]);
  });
});

describe('scans', () => {
  it('builds only the records of the types asked for', () => {
    const { list, built } = countingRecords(records);
    expect(recordsOfTypes(list, ['sim.end'])).toEqual([records[1], records[3]]);
    expect(built()).toBe(2);
    expect(recordsOfTypes(list, new Set(['sim.start'] as const), 1)).toEqual([records[2]]);
    expect(recordsWithPrefix(list, 'sim.')).toEqual(records);
  });

  it('finds the first record of a type that passes a test', () => {
    const list = recordList(records);
    expect(findRecord(list, 'sim.start', (r) => r.seed === 2)).toBe(records[2]);
    expect(findRecord(list, 'sim.end')).toBe(records[1]);
    expect(findRecord(list, 'sim.start', () => false)).toBeUndefined();
    expect(lastRecord(list)).toBe(records[3]);
    expect(lastRecord(recordList([]))).toBeUndefined();
  });

  it('counts records before and up to a time as a linear count does', () => {
    const list = recordList(records);
    for (const t of [-1, 0, 1, 5, 6, 9, 10]) {
      expect(countBefore(list, t), `before ${t}`).toBe(records.filter((r) => r.t < t).length);
      expect(countUntil(list, t), `until ${t}`).toBe(records.filter((r) => r.t <= t).length);
    }
  });

  it('reads a prefix of the records, refusing positions past it', () => {
    const list = recordList(records);
    const first = recordPrefix(list, 2);
    expect(first.length).toBe(2);
    expect([...first]).toEqual(records.slice(0, 2));
    expect(first.typeAt(1)).toBe('sim.end');
    expect(() => first.get(2)).toThrow(RangeError);
    expect(recordPrefix(list, 10)).toBe(list);
    expect(recordPrefix(list, -3).length).toBe(0);
  });
});
