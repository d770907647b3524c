// Reading trace records by position (`TraceRecords`, declared in trace.ts): an array seen through
// the same interface as a packed trace, and the scans views share, which skip records of other
// types by `typeAt` without building them.

import type { TraceRecord, TraceRecords, TraceType } from './trace.ts';

/** An array of records read through `TraceRecords` (tests, small traces, a slice of a run). */
class RecordArray implements TraceRecords {
  constructor(private readonly items: readonly TraceRecord[]) {}

  get length(): number {
    return this.items.length;
  }

  get(i: number): TraceRecord {
    const record = this.items[i];
    if (record === undefined) throw new RangeError(`no trace record ${i}`);
    return record;
  }

  timeAt(i: number): number {
    return this.get(i).t;
  }

  typeAt(i: number): TraceType {
    return this.get(i).type;
  }

  [Symbol.iterator](): Iterator<TraceRecord> {
    return this.items[Symbol.iterator]();
  }
}

/** `items` read as `TraceRecords` (no copy: the array may go on growing). */
export function recordList(items: readonly TraceRecord[]): TraceRecords {
  return new RecordArray(items);
}

/** No records. */
export const NO_RECORDS: TraceRecords = recordList([]);

/**
 * The records whose type is one of `types`, in order, from `from` on; the others are skipped
 * without being built.
 */
export function recordsOfTypes<K extends TraceType>(
  records: TraceRecords,
  types: ReadonlySet<K> | readonly K[],
  from = 0,
): TraceRecord<K>[] {
  const wanted: ReadonlySet<string> = types instanceof Set ? types : new Set(types as readonly K[]);
  const out: TraceRecord<K>[] = [];
  for (let i = Math.max(0, from); i < records.length; i++) {
    if (wanted.has(records.typeAt(i))) out.push(records.get(i) as TraceRecord<K>);
  }
  return out;
}

/** The records whose type starts with `prefix` (`cpu.`, `link.`), in order. */
export function recordsWithPrefix(records: TraceRecords, prefix: string): TraceRecord[] {
  const out: TraceRecord[] = [];
  for (let i = 0; i < records.length; i++) {
    if (records.typeAt(i).startsWith(prefix)) out.push(records.get(i));
  }
  return out;
}

/** The first record of `type` that `test` accepts, or undefined. */
export function findRecord<K extends TraceType>(
  records: TraceRecords,
  type: K,
  test: (record: TraceRecord<K>) => boolean = () => true,
): TraceRecord<K> | undefined {
  for (let i = 0; i < records.length; i++) {
    if (records.typeAt(i) !== type) continue;
    const record = records.get(i) as TraceRecord<K>;
    if (test(record)) return record;
  }
  return undefined;
}

/** How many leading records have a time that `early` accepts (records come in time order). */
function countLeading(records: TraceRecords, early: (time: number) => boolean): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (early(records.timeAt(mid))) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many records have a time before `t`: a binary search. */
export function countBefore(records: TraceRecords, t: number): number {
  return countLeading(records, (time) => time < t);
}

/** How many records have a time at or before `t`. */
export function countUntil(records: TraceRecords, t: number): number {
  return countLeading(records, (time) => time <= t);
}

/** The last record, or undefined for none. */
export function lastRecord(records: TraceRecords): TraceRecord | undefined {
  return records.length === 0 ? undefined : records.get(records.length - 1);
}

/** `records` as `TraceRecords`: an array is wrapped (`recordList`), anything else is as it is. */
export function asRecords(records: TraceRecords | readonly TraceRecord[]): TraceRecords {
  return 'get' in records ? records : recordList(records);
}

/** The first `count` of `records`, read through the same interface (no copy). */
export function recordPrefix(records: TraceRecords, count: number): TraceRecords {
  const n = Math.max(0, Math.min(count, records.length));
  if (n === records.length) return records;
  const inRange = (i: number): number => {
    if (!(i >= 0 && i < n)) throw new RangeError(`no trace record ${i}`);
    return i;
  };
  return {
    length: n,
    get: (i) => records.get(inRange(i)),
    timeAt: (i) => records.timeAt(inRange(i)),
    typeAt: (i) => records.typeAt(inRange(i)),
    *[Symbol.iterator]() {
      for (let i = 0; i < n; i++) yield records.get(i);
    },
  };
}
