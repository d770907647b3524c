// A trace read through `TraceRecords` that counts how many records were built (`get` calls): how
// tests see that a scan skipped the types it does not read.
import type { TraceRecord, TraceRecords } from '../../src/engine/trace.ts';
import { recordList } from '../../src/engine/traceRecords.ts';

/** `items` through the interface, and how many records have been built from it so far. */
export function countingRecords(items: readonly TraceRecord[]): {
  list: TraceRecords;
  built: () => number;
} {
  let built = 0;
  const inner = recordList(items);
  return {
    list: {
      get length() {
        return inner.length;
      },
      get: (i) => (built++, inner.get(i)),
      timeAt: (i) => inner.timeAt(i),
      typeAt: (i) => inner.typeAt(i),
      [Symbol.iterator]: () => inner[Symbol.iterator](),
    },
    built: () => built,
  };
}
