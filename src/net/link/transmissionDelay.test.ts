import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBandwidth, transmissionDelay } from './transmissionDelay.ts';

describe('transmissionDelay', () => {
  it('is exact when the bandwidth divides the bits', () => {
    // 1000 B = 8000 bits at 1 Mb/s: 8000 / 1e6 s = 8 ms = 8,000,000 ns.
    expect(transmissionDelay(1000, 1_000_000)).toBe(8_000_000);
    // 1500 B = 12,000 bits at 100 Mb/s: 12,000 / 1e8 s = 120 µs.
    expect(transmissionDelay(1500, 100_000_000)).toBe(120_000);
    // 1500 B at 10 Gb/s: 12,000 / 1e10 s = 1.2 µs = 1200 ns.
    expect(transmissionDelay(1500, 10_000_000_000)).toBe(1200);
    // 40 B = 320 bits at 64 kb/s: 320 / 64,000 s = 5 ms.
    expect(transmissionDelay(40, 64_000)).toBe(5_000_000);
  });

  it('rounds a fractional nanosecond up', () => {
    // 100 B = 800 bits at 3 Mb/s: 800e9 / 3e6 = 266,666.67 ns -> 266,667.
    expect(transmissionDelay(100, 3_000_000)).toBe(266_667);
    // 1 B = 8 bits at 3 b/s: 8e9 / 3 = 2,666,666,666.67 ns -> 2,666,666,667.
    expect(transmissionDelay(1, 3)).toBe(2_666_666_667);
    // 1 B at 1,000,000,007 b/s: 8e9 / 1,000,000,007 = 7.99999994 ns -> 8.
    expect(transmissionDelay(1, 1_000_000_007)).toBe(8);
    // 1500 B at 1 Tb/s: 12,000e9 / 1e12 = 12 ns exactly; at 1e12 + 1 b/s just under 12 -> 12.
    expect(transmissionDelay(1500, 1_000_000_000_000)).toBe(12);
    expect(transmissionDelay(1500, 1_000_000_000_001)).toBe(12);
  });

  it('is the exact ceiling for any size and integer bandwidth (checked with BigInt)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 65_535 }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (bytes, bandwidth) => {
          const q = BigInt(transmissionDelay(bytes, bandwidth));
          const bits = BigInt(bytes) * 8n * 1_000_000_000n;
          const r = BigInt(bandwidth);
          expect(q * r >= bits).toBe(true);
          expect(q === 0n || (q - 1n) * r < bits).toBe(true);
        },
      ),
    );
  });

  it('is zero on an infinitely fast link', () => {
    expect(transmissionDelay(1500, Infinity)).toBe(0);
  });

  it('accepts only positive integer bandwidths or Infinity', () => {
    expect(() => checkBandwidth(0)).toThrow(RangeError);
    expect(() => checkBandwidth(1.5)).toThrow(RangeError);
    expect(() => checkBandwidth(NaN)).toThrow(RangeError);
    expect(() => checkBandwidth(Infinity)).not.toThrow();
  });
});
