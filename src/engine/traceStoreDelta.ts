// A packed trace copied elsewhere as it grows (a Web Worker's to the page): what a store appended
// since a cursor, in columns that move between threads by transfer rather than by copying objects.
// `TraceStore.delta` makes one and `TraceStore.applyDelta` takes it on a store that only ever took
// deltas of that one, so ids (types, strings, values, packed objects) are the same on both sides.

/**
 * What a store appended since a `DeltaCursor`, in columns that move between threads by
 * transfer (`transferables`): records, the types, strings, values and packed objects they use.
 * `TraceStore.applyDelta` on a store fed only by deltas keeps it a copy of the original, with
 * the same ids, so nothing is translated.
 */
export interface TraceStoreDelta {
  /** The first record's index; the records are `from` to `from + times.length`. */
  from: number;
  times: Float64Array;
  typeIds: Uint16Array;
  /** Each record's field values and kinds, one record after another, in its shape's order. */
  values: Int32Array;
  kinds: Uint8Array;
  /** Record types first seen, their ids following the ones sent before. */
  shapes: { type: string; fields: string[] }[];
  strings: string[];
  others: unknown[];
  doubles: Float64Array;
  /** Per field name with a packer, its `deltaFrom`. */
  packed: { field: string; data: unknown }[];
}

/** How much of a store has been sent as deltas. */
export interface DeltaCursor {
  records: number;
  shapes: number;
  strings: number;
  others: number;
  doubles: number;
  packed: Map<string, number>;
}

/** A cursor at the start of a store. */
export function deltaCursor(): DeltaCursor {
  return { records: 0, shapes: 0, strings: 0, others: 0, doubles: 0, packed: new Map() };
}

/** The buffers of a delta that can be transferred rather than copied (each its own). */
export function transferables(delta: TraceStoreDelta): ArrayBuffer[] {
  const buffers = [delta.times, delta.typeIds, delta.values, delta.kinds, delta.doubles].map(
    (a) => a.buffer as ArrayBuffer,
  );
  for (const p of delta.packed) {
    if (p.data instanceof Object && 'columns' in p.data && p.data.columns instanceof Int32Array)
      buffers.push(p.data.columns.buffer as ArrayBuffer);
  }
  return buffers;
}
