// TCP sequence-number arithmetic modulo 2^32 (RFC 9293 section 3.4, serial numbers per RFC 1982):
// comparisons look at the signed 32-bit distance, so they stay right across the wrap from 2^32-1 to 0.

/** Size of the sequence space: sequence numbers are unsigned 32-bit integers. */
export const SEQ_MODULUS = 2 ** 32;

/** `seq + n` modulo 2^32; `n` may be negative (any safe integer). */
export function seqAdd(seq: number, n: number): number {
  // ToUint32 reduces any integer modulo 2^32; a + n stays exact below 2^53.
  return (seq + n) >>> 0;
}

/**
 * The signed distance `a - b` in [-2^31, 2^31): positive when `a` comes after `b`. Two numbers
 * exactly 2^31 apart are not comparable in RFC 1982; this returns -2^31 for them.
 */
export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

/** `a < b` in sequence space. */
export function seqLt(a: number, b: number): boolean {
  return seqDiff(a, b) < 0;
}

/** `a =< b` in sequence space. */
export function seqLe(a: number, b: number): boolean {
  return seqDiff(a, b) <= 0;
}

/** `a > b` in sequence space. */
export function seqGt(a: number, b: number): boolean {
  return seqDiff(a, b) > 0;
}

/** `a >= b` in sequence space. */
export function seqGe(a: number, b: number): boolean {
  return seqDiff(a, b) >= 0;
}

/**
 * Whether `seq` lies in the window `[start, start + length)`, i.e. `start =< seq < start + length`
 * as RFC 9293 writes it; an empty window (`length` 0) holds nothing. `length` may be up to 2^32.
 */
export function seqInWindow(seq: number, start: number, length: number): boolean {
  return (seq - start) >>> 0 < length;
}

/** The later of two sequence numbers. */
export function seqMax(a: number, b: number): number {
  return seqDiff(a, b) >= 0 ? a : b;
}
