// Exponential backoff with jitter, as in AWS's "Exponential Backoff and Jitter" (Marc Brooker,
// 2015): before retry k (k = 1 for the first) the client sleeps min(cap, base * 2^(k-1)), spread by
// the jitter: none (exactly that), full (anywhere from 0 to it) or equal (half of it, plus
// anywhere up to the other half). Also the HTTP Retry-After header read as a delay (RFC 9110
// section 10.2.3). Pure functions: the random number comes from the caller's stream.

import type { Nanos } from '../../engine/time.ts';

export type Jitter = 'none' | 'full' | 'equal';

/** A client's retry settings, durations in ns. */
export interface RetryPolicy {
  /** Most tries of one request, the first included (1: never retry). */
  attempts: number;
  /** The first retry's sleep before jitter. */
  base: Nanos;
  /** No sleep is longer than this before jitter. */
  cap: Nanos;
  jitter: Jitter;
}

/** AWS SDKs' "standard" retry mode: 3 tries, 100 ms base, 20 s cap, full jitter. */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 3,
  base: 100_000_000,
  cap: 20_000_000_000,
  jitter: 'full',
};

/** The sleep before retry `retry` (1 for the first) before jitter: min(cap, base * 2^(retry-1)). */
export function backoffCeiling(policy: Pick<RetryPolicy, 'base' | 'cap'>, retry: number): Nanos {
  // 2^(retry-1) past 2^60 is past any cap a scenario can hold; stop doubling there.
  const factor = 2 ** Math.min(Math.max(retry - 1, 0), 60);
  return Math.min(policy.cap, policy.base * factor);
}

/**
 * The sleep before retry `retry`, in whole ns, given `u`, a uniform draw in [0, 1) (unused for
 * `none`), with `sleep` = backoffCeiling: none = sleep; full = floor(u * sleep), in [0, sleep);
 * equal = half + floor(u * (sleep - half)) with half = floor(sleep / 2), in [sleep/2, sleep).
 * (A product u * x can round up to x itself in floating point; the draws stay below the bound.)
 */
export function backoffDelay(policy: RetryPolicy, retry: number, u: number): Nanos {
  const sleep = backoffCeiling(policy, retry);
  const below = (bound: number): number => Math.max(0, Math.min(Math.floor(u * bound), bound - 1));
  switch (policy.jitter) {
    case 'none':
      return sleep;
    case 'full':
      return below(sleep);
    case 'equal': {
      const half = Math.floor(sleep / 2);
      return half + below(sleep - half);
    }
  }
}

/**
 * A Retry-After header as a delay in ns: its delay-seconds form ("120"). An HTTP-date, which a
 * run without a calendar cannot place, or anything else, gives null (the backoff alone decides).
 */
export function retryAfterNs(value: string | undefined): Nanos | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (!/^\d{1,9}$/.test(text)) return null;
  return Number(text) * 1_000_000_000;
}
