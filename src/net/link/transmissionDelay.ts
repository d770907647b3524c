// Transmission (serialisation) delay: how long a link takes to put a packet's bits on the wire,
// in whole nanoseconds, rounded up so a link never sends faster than its configured rate.

import { NS_PER_S, type Nanos } from '../../engine/time.ts';

/**
 * The time to serialise `bytes` bytes at `bandwidth` bits/s: ceil(bytes * 8 * 1e9 / bandwidth) ns.
 * The rule is "round up": the last bit is on the wire only once the whole interval has passed, so
 * a packet never leaves early. When bandwidth divides bytes * 8e9 exactly, the result is exact.
 * `bandwidth` is a positive integer, or Infinity for a link with no serialisation delay.
 */
export function transmissionDelay(bytes: number, bandwidth: number): Nanos {
  if (bandwidth === Infinity) return 0;
  const numerator = bytes * 8 * NS_PER_S;
  if (!Number.isSafeInteger(numerator)) return Math.ceil(numerator / bandwidth);
  // The float quotient can be one off; step to the smallest q with q * bandwidth >= numerator.
  // Every product stays below 2^53 (q * bandwidth is within one bandwidth of numerator), so exact.
  let q = Math.ceil(numerator / bandwidth);
  while (q * bandwidth < numerator) q++;
  while (q > 0 && (q - 1) * bandwidth >= numerator) q--;
  return q;
}

/** Throws a RangeError unless `bandwidth` is a positive safe integer (bits/s) or Infinity. */
export function checkBandwidth(bandwidth: number): void {
  if (bandwidth !== Infinity && !(Number.isSafeInteger(bandwidth) && bandwidth > 0)) {
    throw new RangeError(
      `bandwidth must be a positive whole number of bits/s (or Infinity), got ${bandwidth}`,
    );
  }
}
