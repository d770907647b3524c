import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TraceStore } from './traceStore.ts';

describe('TraceStore', () => {
  it('gives back every record as written: field order, strings, null, booleans, absent, objects', () => {
    const store = new TraceStore();
    const packet = { id: 7, flags: ['SYN'] };
    const records = [
      { t: 0, type: 'a', node: 'client', n: 1, ok: true, rtt: null, packet },
      { t: 5, type: 'b', reason: 'loss' },
      { t: 5, type: 'a', node: 'server', n: -2.5, ok: false, rtt: 40, packet: undefined },
    ];
    for (const r of records) store.push(r);
    expect(store.length).toBe(3);
    expect(store.get(0)).toEqual(records[0]);
    expect(Object.keys(store.get(0))).toEqual(['t', 'type', 'node', 'n', 'ok', 'rtt', 'packet']);
    expect(store.get(0).packet).toBe(packet);
    expect(store.get(1)).toEqual(records[1]);
    expect(store.get(2)).toEqual({ t: 5, type: 'a', node: 'server', n: -2.5, ok: false, rtt: 40 });
    expect(store.typeAt(1)).toBe('b');
    expect(store.timeAt(2)).toBe(5);
  });

  it('keeps numbers that are not 32-bit integers exactly: -0, fractions, ns past 2^31, infinities', () => {
    const store = new TraceStore();
    const numbers = [0, -0, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 5_000_000_123, -2.5, 1e-9, Infinity];
    for (const [i, n] of numbers.entries()) store.push({ t: i, type: 'n', n });
    numbers.forEach((n, i) => expect(Object.is(store.get(i).n, n)).toBe(true));
  });

  it('gives back strings exactly when a field of one-off names stops interning them', () => {
    // 1,000 records: `job` is new every time (stops interning after its trial), `node` repeats
    // among three names (keeps interning), and `mixed` goes from one-off names to repeats.
    const store = new TraceStore();
    const expected = [];
    for (let i = 0; i < 1000; i++) {
      const record = {
        t: i,
        type: 'job',
        job: `web/t${i % 7}#${i}`,
        node: ['a', 'b', 'c'][i % 3] as string,
        mixed: i < 600 ? `once-${i}` : `again-${i % 2}`,
      };
      expected.push(record);
      store.push(record);
    }
    expected.forEach((record, i) => expect(store.get(i)).toEqual(record));
  });

  it('keeps records intact across chunk boundaries (300k records, 1-9 fields each)', () => {
    const store = new TraceStore();
    const fieldCounts = 9;
    for (let i = 0; i < 300_000; i++) {
      const k = (i % fieldCounts) + 1;
      const record: { t: number; type: string; [f: string]: unknown } = { t: i, type: `k${k}` };
      for (let f = 0; f < k; f++) record[`f${f}`] = f % 2 === 0 ? i * 10 + f : `s${i % 100}`;
      store.push(record);
    }
    for (const i of [0, 65_535, 65_536, 131_071, 131_072, 200_000, 262_143, 262_144, 299_999]) {
      const k = (i % fieldCounts) + 1;
      const got = store.get(i);
      expect(got.t).toBe(i);
      expect(got.type).toBe(`k${k}`);
      for (let f = 0; f < k; f++)
        expect(got[`f${f}`]).toBe(f % 2 === 0 ? i * 10 + f : `s${i % 100}`);
    }
  });

  it('round-trips arbitrary records of fixed shapes (property)', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), value, value), { maxLength: 200 }), (rows) => {
        const store = new TraceStore();
        const written = rows.map(([kind, a, b], i) => ({ t: i, type: `type${kind}`, a, b }));
        written.forEach((r) => store.push(r));
        written.forEach((r, i) => expect(store.get(i)).toEqual(r));
      }),
    );
  });
});
