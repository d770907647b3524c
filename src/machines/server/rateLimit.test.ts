// The token bucket against hand-worked figures: it admits exactly burst + rate * t requests over t
// when asked often enough that it never fills up again, whatever the rate's fraction, never holds
// more than burst tokens, and a rate limit keeps one bucket per client address or one for all.
import { describe, expect, it } from 'vitest';
import { RateLimiter, TokenBucket } from './rateLimit.ts';

const MS = 1_000_000;
const S = 1_000_000_000;

/** The times (ns) at which requests at `times` are admitted by a fresh bucket. */
function admitted(rate: number, burst: number, times: number[]): number[] {
  const bucket = new TokenBucket(rate, burst, 0);
  return times.filter((t) => bucket.take(t));
}

const every = (stepNs: number, untilNs: number): number[] =>
  Array.from({ length: Math.floor(untilNs / stepNs) + 1 }, (_, i) => i * stepNs);

describe('a token bucket', () => {
  it('admits burst + rate * t requests asked every 100 ms for 2 s (rate 2/s, burst 3)', () => {
    // Worked by hand: the full bucket (3) pays for the requests at 0, 0.1 and 0.2 s; it then
    // holds 3 - 3 + 2 x 0.2 = 0.4 tokens, a whole one again at 0.5 s, and one more every 0.5 s:
    // admitted at 0, 0.1, 0.2, 0.5, 1.0, 1.5 and 2.0 s, 7 = 3 + 2 x 2 of the 21 requests.
    const times = every(100 * MS, 2 * S);
    expect(times).toHaveLength(21);
    expect(admitted(2, 3, times)).toEqual(
      [0, 100, 200, 500, 1000, 1500, 2000].map((ms) => ms * MS),
    );
  });

  it('admits exactly burst at one instant', () => {
    const bucket = new TokenBucket(5, 4, 0);
    const answers = Array.from({ length: 10 }, () => bucket.take(0));
    expect(answers.filter(Boolean)).toHaveLength(4);
    expect(answers.slice(0, 4).every(Boolean)).toBe(true);
  });

  it('admits burst + rate * t under a flood, for whole and fractional rates', () => {
    // Asked every millisecond for 10 s (both ends included): 4 + 3 x 10 = 34 requests.
    expect(admitted(3, 4, every(MS, 10 * S))).toHaveLength(34);
    // Half a request a second, burst 1, for 9 s: 1 + 0.5 x 9 = 5.5, so 5 (at 0, 2, 4, 6, 8 s).
    expect(admitted(0.5, 1, every(MS, 9 * S))).toEqual([0, 2, 4, 6, 8].map((s) => s * S));
    // 7 a second does not divide a second into whole ns: still exactly 2 + 7 x 3 = 23 in 3 s.
    expect(admitted(7, 2, every(MS / 4, 3 * S))).toHaveLength(23);
    // With burst 1 the bucket is full from a token's arrival to the next request, and what
    // comes meanwhile is lost (a full bucket takes no more): 21 here, not 1 + 21.
    expect(admitted(7, 1, every(MS / 4, 3 * S))).toHaveLength(21);
  });

  it('holds at most burst tokens however long it waits, and counts fractions of a token', () => {
    const bucket = new TokenBucket(2, 3, 0);
    expect(bucket.tokens(0)).toBe(3);
    expect(bucket.take(0) && bucket.take(0) && bucket.take(0)).toBe(true);
    expect(bucket.tokens(250 * MS)).toBe(0.5);
    expect(bucket.take(250 * MS)).toBe(false);
    expect(bucket.tokens(3600 * S)).toBe(3);
  });
});

describe('a rate limit', () => {
  const limit = (key: 'client' | 'all') => new RateLimiter({ rate: 1, burst: 2, key, status: 503 });

  it('keeps one bucket per client address, whatever its port', () => {
    const limiter = limit('client');
    expect(limiter.keyOf('10.0.0.1:49152')).toBe('10.0.0.1');
    const answers = ['10.0.0.1:1', '10.0.0.1:2', '10.0.0.1:3', '10.0.0.2:1', '10.0.0.2:2'].map(
      (peer) => limiter.admit(peer, 0),
    );
    expect(answers).toEqual([true, true, false, true, true]);
  });

  it('or one bucket for all clients', () => {
    const limiter = limit('all');
    expect(limiter.keyOf('10.0.0.1:49152')).toBe('all');
    const answers = ['10.0.0.1:1', '10.0.0.2:1', '10.0.0.3:1'].map((peer) =>
      limiter.admit(peer, 0),
    );
    expect(answers).toEqual([true, true, false]);
    expect(limiter.admit('10.0.0.3:1', S)).toBe(true);
  });
});
