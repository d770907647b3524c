// Figures computed from the trace (DESIGN.md §3): a fold reads the records of the types it names,
// in trace order, and gives its figures at any moment. The same fold runs live, while a run
// records (Trace.watch, even with storage off), and over records already kept (foldRecords), so
// the CLI, the page and the tests get the same figures by construction.

import type { TraceRecord, TraceType } from './trace.ts';

/** A left fold over trace records. */
export interface TraceFold<R> {
  /** The record types it reads; no other record reaches `add`. */
  readonly types: readonly TraceType[];
  /** Takes the next record of one of `types`. */
  add(record: TraceRecord): void;
  /** The figures so far (a fresh value each call; the fold may keep going). */
  result(): R;
}

/** Feeds `records` (oldest first) to `fold` and returns its figures. */
export function foldRecords<R>(fold: TraceFold<R>, records: Iterable<TraceRecord>): R {
  const types = new Set<string>(fold.types);
  for (const record of records) if (types.has(record.type)) fold.add(record);
  return fold.result();
}

/** A fold of folds: one pass feeds each of `folds` the records it reads. */
export function combineFolds<R>(folds: readonly TraceFold<R>[]): TraceFold<R[]> {
  const byType = new Map<string, TraceFold<R>[]>();
  for (const fold of folds) {
    for (const type of new Set(fold.types)) {
      const list = byType.get(type);
      if (list) list.push(fold);
      else byType.set(type, [fold]);
    }
  }
  return {
    types: [...byType.keys()] as TraceType[],
    add(record) {
      const list = byType.get(record.type) as TraceFold<R>[];
      for (let i = 0; i < list.length; i++) (list[i] as TraceFold<R>).add(record);
    },
    result: () => folds.map((fold) => fold.result()),
  };
}
