import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GrowableRing } from './growableRing.ts';

describe('GrowableRing', () => {
  it('starts empty, then small, and grows by doubling, never past its capacity', () => {
    const ring = new GrowableRing(10_000);
    expect(ring.size).toBe(0); // nothing until the first byte
    ring.ensure(0, 10, 0);
    expect(ring.size).toBe(1024);
    ring.ensure(0, 5000, 0);
    expect(ring.size).toBe(8192);
    ring.ensure(0, 10_000, 0);
    expect(ring.size).toBe(10_000);
    const small = new GrowableRing(100);
    small.ensure(0, 1, 0);
    expect(small.size).toBe(100);
  });

  it('keeps every held byte at its position through wrap-around and growth', () => {
    // A model: a sliding window of held positions [lo, hi) over a stream of position-derived
    // bytes; random writes and releases must always read back exactly what was written.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 })), {
          maxLength: 40,
        }),
        (steps) => {
          const capacity = 20_000;
          const ring = new GrowableRing(capacity);
          let lo = 0;
          let hi = 0;
          const byte = (p: number) => (p * 7 + 3) & 0xff;
          for (const [write, release] of steps) {
            const n = Math.min(write, capacity - (hi - lo));
            ring.ensure(lo, hi + n, hi);
            ring.write(
              hi,
              Uint8Array.from({ length: n }, (_, i) => byte(hi + i)),
              0,
              n,
            );
            hi += n;
            lo = Math.min(hi, lo + release);
            const out = new Uint8Array(hi - lo);
            ring.read(lo, out, 0, hi - lo);
            for (let i = 0; i < out.length; i++) if (out[i] !== byte(lo + i)) return false;
          }
          return true;
        },
      ),
    );
  });
});
