// The backoff of AWS's "Exponential Backoff and Jitter" against its formulas: sleep = min(cap,
// base * 2^(retry-1)) exactly without jitter; full jitter anywhere in [0, sleep), equal jitter in
// [sleep/2, sleep), each from one uniform draw (and never the bound itself, which a product in
// floating point can round up to); and Retry-After read as delay-seconds only.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random.ts';
import { backoffCeiling, backoffDelay, retryAfterNs, type RetryPolicy } from './backoff.ts';

const MS = 1_000_000;
const policy = (jitter: RetryPolicy['jitter']): RetryPolicy => ({
  attempts: 10,
  base: 100 * MS,
  cap: 1000 * MS,
  jitter,
});

describe('exponential backoff', () => {
  it('without jitter waits base, 2 base, 4 base, ... up to the cap', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((retry) => backoffDelay(policy('none'), retry, 0.7));
    expect(waits).toEqual([100, 200, 400, 800, 1000, 1000, 1000].map((ms) => ms * MS));
    // The draw is not used: the same with any u.
    expect(backoffDelay(policy('none'), 3, 0)).toBe(400 * MS);
  });

  it('never overflows: the thousandth retry waits the cap', () => {
    expect(backoffCeiling({ base: 1, cap: 20_000 * MS }, 1000)).toBe(20_000 * MS);
    expect(backoffDelay(policy('full'), 1000, 0.5)).toBe(500 * MS);
  });

  it('with full jitter waits floor(u * sleep): 0 at u = 0, half at u = 0.5, under sleep', () => {
    const full = policy('full');
    expect(backoffDelay(full, 3, 0)).toBe(0);
    expect(backoffDelay(full, 3, 0.5)).toBe(200 * MS);
    expect(backoffDelay(full, 3, 0.25)).toBe(100 * MS);
    expect(backoffDelay(full, 3, 1 - 2 ** -53)).toBe(400 * MS - 1);
  });

  it('with equal jitter waits half + floor(u * (sleep - half)): from half the sleep to under it', () => {
    const equal = policy('equal');
    expect(backoffDelay(equal, 3, 0)).toBe(200 * MS);
    expect(backoffDelay(equal, 3, 0.5)).toBe(300 * MS);
    expect(backoffDelay(equal, 5, 0.5)).toBe(750 * MS);
    expect(backoffDelay(equal, 3, 1 - 2 ** -53)).toBe(400 * MS - 1);
  });

  it('keeps every jittered wait within its bounds over many draws, averaging as the formulas say', () => {
    const stream = new RandomStreams(42).stream('test');
    for (const retry of [1, 2, 3, 4, 5, 6]) {
      const sleep = Math.min(1000, 100 * 2 ** (retry - 1)) * MS;
      const n = 4000;
      const full = Array.from({ length: n }, () =>
        backoffDelay(policy('full'), retry, stream.float()),
      );
      const equal = Array.from({ length: n }, () =>
        backoffDelay(policy('equal'), retry, stream.float()),
      );
      expect(Math.min(...full)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...full)).toBeLessThan(sleep);
      expect(Math.min(...equal)).toBeGreaterThanOrEqual(sleep / 2);
      expect(Math.max(...equal)).toBeLessThan(sleep);
      expect([...full, ...equal].every(Number.isInteger)).toBe(true);
      const fullSum = full.reduce((a, b) => a + b, 0);
      const equalSum = equal.reduce((a, b) => a + b, 0);
      // Means sleep/2 and 3 sleep/4; the standard error is under 1% of sleep for 4000 draws.
      expect(Math.abs(fullSum / n - sleep / 2)).toBeLessThan(0.03 * sleep);
      expect(Math.abs(equalSum / n - (3 * sleep) / 4)).toBeLessThan(0.03 * sleep);
    }
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds, and nothing else', () => {
    expect(retryAfterNs('120')).toBe(120_000_000_000);
    expect(retryAfterNs(' 1 ')).toBe(1_000_000_000);
    expect(retryAfterNs('0')).toBe(0);
    expect(retryAfterNs(undefined)).toBeNull();
    expect(retryAfterNs('Wed, 21 Oct 2015 07:28:00 GMT')).toBeNull();
    expect(retryAfterNs('-1')).toBeNull();
    expect(retryAfterNs('1.5')).toBeNull();
  });
});
