// Rate limiting at a server: a token bucket per client address (or one for all clients) that
// holds at most `burst` tokens, starts full and refills at `rate` tokens a second; a request takes
// one token or, finding none, is answered at once with 503 (or 429) without being worked on.
// This is nginx's limit_req with `nodelay` (excess requests are refused, never queued to be
// served later); nginx's `burst=N` admits N + 1 requests at once, which is `burst: N + 1` here.
// The arithmetic is exact: a token is 10^12 units and the bucket gains `rate * 1000` units each
// nanosecond, so rates are kept to a thousandth of a request per second.

import type { Nanos } from '../../engine/time.ts';

/** A server's rate limit, as a scenario gives it. */
export interface RateLimitSettings {
  /** Tokens added per second (requests per second in the long run). */
  rate: number;
  /** The bucket's size: the most requests admitted at one instant. */
  burst: number;
  /** One bucket per client address (`client`), or one for everyone (`all`). */
  key: 'client' | 'all';
  /** The status of a refused request. */
  status: 429 | 503;
  /** A Retry-After header (whole seconds) on refused HTTP requests, when set. */
  retryAfter?: number;
}

/** Units in one token: 10^9 ns times 1000 (rates in thousandths of a request per second). */
const UNIT = 1_000_000_000_000;

/** One token bucket: full at first, refilled continuously, never above its size. */
export class TokenBucket {
  private level: number;
  private readonly size: number;
  private readonly perNs: number;

  constructor(
    rate: number,
    burst: number,
    private at: Nanos,
  ) {
    this.perNs = Math.max(1, Math.round(rate * 1000));
    this.size = burst * UNIT;
    this.level = this.size;
  }

  /** Tokens in the bucket at `now` (not before the last call), whole and fraction. */
  tokens(now: Nanos): number {
    this.refill(now);
    return this.level / UNIT;
  }

  /** Takes a token at `now` if there is one. */
  take(now: Nanos): boolean {
    this.refill(now);
    if (this.level < UNIT) return false;
    this.level -= UNIT;
    return true;
  }

  private refill(now: Nanos): void {
    const elapsed = Math.max(0, now - this.at);
    this.at = Math.max(this.at, now);
    const missing = this.size - this.level;
    if (missing <= 0) return;
    // Full once the time to fill it has passed; else exactly what `elapsed` ns brought (whole
    // numbers below 2^53: `elapsed` is at most about missing / perNs here).
    this.level =
      elapsed > missing / this.perNs
        ? this.size
        : Math.min(this.size, this.level + elapsed * this.perNs);
  }
}

/** The buckets of one server. */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(readonly settings: RateLimitSettings) {}

  /** The bucket a request from `peer` ("address:port") draws on: its address, or "all". */
  keyOf(peer: string): string {
    if (this.settings.key === 'all') return 'all';
    const colon = peer.lastIndexOf(':');
    return colon < 0 ? peer : peer.slice(0, colon);
  }

  /** Whether a request from `peer` at `now` is admitted (taking a token if so). */
  admit(peer: string, now: Nanos): boolean {
    const key = this.keyOf(peer);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.settings.rate, this.settings.burst, now);
      this.buckets.set(key, bucket);
    }
    return bucket.take(now);
  }
}
