import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SEQ_MODULUS,
  seqAdd,
  seqDiff,
  seqGe,
  seqGt,
  seqInWindow,
  seqLe,
  seqLt,
  seqMax,
} from './seq.ts';

const MAX = SEQ_MODULUS - 1; // 4294967295

describe('seqAdd', () => {
  it('adds modulo 2^32', () => {
    expect(seqAdd(10, 5)).toBe(15);
    // (2^32 - 1) + 1 = 2^32 = 0 (mod 2^32)
    expect(seqAdd(MAX, 1)).toBe(0);
    // (2^32 - 10) + 20 = 2^32 + 10 = 10 (mod 2^32)
    expect(seqAdd(SEQ_MODULUS - 10, 20)).toBe(10);
    // 5 - 10 = -5 = 2^32 - 5 (mod 2^32)
    expect(seqAdd(5, -10)).toBe(SEQ_MODULUS - 5);
    expect(seqAdd(0, SEQ_MODULUS)).toBe(0);
  });
});

describe('seqDiff and comparisons', () => {
  it('compares across the wrap', () => {
    // 3 - (2^32 - 2) = 5 (mod 2^32): 3 is five numbers after 2^32 - 2.
    expect(seqDiff(3, SEQ_MODULUS - 2)).toBe(5);
    expect(seqDiff(SEQ_MODULUS - 2, 3)).toBe(-5);
    expect(seqLt(MAX, 0)).toBe(true);
    expect(seqGt(0, MAX)).toBe(true);
    expect(seqLe(7, 7)).toBe(true);
    expect(seqGe(7, 7)).toBe(true);
    expect(seqLt(7, 7)).toBe(false);
    expect(seqGt(7, 7)).toBe(false);
    expect(seqLt(100, 200)).toBe(true);
    expect(seqMax(MAX, 2)).toBe(2);
    expect(seqMax(2, MAX)).toBe(2);
  });

  it('treats anything less than 2^31 ahead as later (RFC 1982)', () => {
    // 2^31 - 1 ahead of 0 is still "after"; 2^31 + 1 ahead is really 2^31 - 1 behind.
    expect(seqGt(2 ** 31 - 1, 0)).toBe(true);
    expect(seqLt(2 ** 31 + 1, 0)).toBe(true);
  });

  it('round-trips seqAdd and seqDiff for distances below 2^31', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX }),
        fc.integer({ min: -(2 ** 31) + 1, max: 2 ** 31 - 1 }),
        (a, n) => {
          const b = seqAdd(a, n);
          expect(b).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThan(SEQ_MODULUS);
          expect(seqDiff(b, a)).toBe(n);
          expect(seqLt(a, b)).toBe(n > 0);
          expect(seqGe(a, b)).toBe(n <= 0);
        },
      ),
    );
  });
});

describe('seqInWindow', () => {
  it('is start =< seq < start + length', () => {
    expect(seqInWindow(100, 100, 10)).toBe(true);
    expect(seqInWindow(109, 100, 10)).toBe(true);
    expect(seqInWindow(110, 100, 10)).toBe(false);
    expect(seqInWindow(99, 100, 10)).toBe(false);
    expect(seqInWindow(100, 100, 0)).toBe(false);
  });

  it('spans the wrap', () => {
    // Window [2^32 - 4, 2^32 - 4 + 8) = {2^32-4, ..., 2^32-1, 0, 1, 2, 3}.
    const start = SEQ_MODULUS - 4;
    expect(seqInWindow(MAX, start, 8)).toBe(true);
    expect(seqInWindow(0, start, 8)).toBe(true);
    expect(seqInWindow(3, start, 8)).toBe(true);
    expect(seqInWindow(4, start, 8)).toBe(false);
    expect(seqInWindow(start - 1, start, 8)).toBe(false);
  });
});
