// A store copied by deltas: every kind of value (ints, doubles, -0, interned and one-off strings,
// null, booleans, absent fields, objects, packed objects) comes back the same on the copy, in any
// cut of the records into deltas, across record and value chunk boundaries, and after a
// structured clone with the delta's buffers transferred (what postMessage does).

import { describe, expect, it } from 'vitest';
import { TraceStore, type FieldPacker } from './traceStore.ts';
import { deltaCursor, transferables, type TraceStoreDelta } from './traceStoreDelta.ts';

type Rec = { t: number; type: string } & { [field: string]: unknown };

/** A packer of `{ n }` objects into a column of numbers, with deltas. */
class Boxes implements FieldPacker {
  readonly column: number[] = [];
  pack(value: object): number {
    const n = (value as { n?: unknown }).n;
    if (typeof n !== 'number') return -1;
    return this.column.push(n) - 1;
  }
  unpack(handle: number): unknown {
    return { n: this.column[handle] };
  }
  deltaFrom(from: number) {
    return {
      next: this.column.length,
      data: { from, columns: new Int32Array(this.column.slice(from)) },
    };
  }
  applyDelta(data: unknown): void {
    const d = data as { from: number; columns: Int32Array };
    expect(d.from).toBe(this.column.length);
    for (const n of d.columns) this.column.push(n);
  }
}

/** Records of three types that use every kind of value; `i` makes each one different. */
function record(i: number): Rec {
  switch (i % 3) {
    case 0:
      return {
        t: i,
        type: 'a',
        n: i,
        half: i / 2,
        zero: -0,
        name: `node${i % 4}`,
        on: i % 2 === 0,
      };
    case 1:
      return { t: i, type: 'b', job: `job-${i}`, gone: null, maybe: undefined, box: { n: i } };
    default:
      return { t: i + 0.5, type: 'c', other: { deep: [i] }, big: 2 ** 40 + i, box: { s: 'x' } };
  }
}

function copyInPieces(
  count: number,
  cuts: number[],
  clone: boolean,
): { original: TraceStore; copy: TraceStore } {
  const original = new TraceStore();
  original.usePacker('box', new Boxes());
  const copy = new TraceStore();
  copy.usePacker('box', new Boxes());
  const cursor = deltaCursor();
  let at = 0;
  for (const cut of [...cuts, count]) {
    for (; at < cut; at++) original.push(record(at));
    let delta: TraceStoreDelta = original.delta(cursor);
    if (clone) delta = structuredClone(delta, { transfer: transferables(delta) });
    copy.applyDelta(delta);
  }
  return { original, copy };
}

describe('TraceStore deltas', () => {
  it('copy every kind of value, in any cut into deltas', () => {
    for (const cuts of [[], [1], [0, 2, 3, 50, 51], [299]]) {
      const { original, copy } = copyInPieces(300, cuts, false);
      expect(copy.length).toBe(300);
      for (let i = 0; i < 300; i++) {
        expect(copy.get(i), `record ${i}, cuts ${cuts.join(',')}`).toEqual(original.get(i));
        expect(Object.is(copy.get(i).zero, original.get(i).zero)).toBe(true);
        expect(Object.keys(copy.get(i))).toEqual(Object.keys(original.get(i)));
      }
    }
  });

  it('cross record and value chunks, and survive a transferring structured clone', () => {
    // 2^16 records a chunk, 2^18 value slots a chunk: 200,000 records of 2 to 5 fields cross both.
    const count = 200_000;
    const { original, copy } = copyInPieces(count, [65_535, 65_537, 131_072, 150_001], true);
    expect(copy.length).toBe(count);
    for (const i of [0, 65_535, 65_536, 65_537, 87_380, 87_381, 131_071, 131_072, 199_999]) {
      expect(copy.get(i)).toEqual(original.get(i));
      expect(copy.timeAt(i)).toBe(original.timeAt(i));
      expect(copy.typeAt(i)).toBe(original.typeAt(i));
    }
  });

  it('refuses a delta out of order, and a packer that cannot be copied', () => {
    const original = new TraceStore();
    const cursor = deltaCursor();
    original.push(record(0));
    original.delta(cursor);
    original.push(record(3));
    const later = original.delta(cursor);
    expect(() => new TraceStore().applyDelta(later)).toThrow(/from record 1 on a copy of 0/);
    const plain = new TraceStore();
    plain.usePacker('box', { pack: () => -1, unpack: () => null });
    expect(() => plain.delta(deltaCursor())).toThrow(/cannot be copied/);
  });
});
