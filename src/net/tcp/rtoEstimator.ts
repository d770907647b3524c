// The retransmission timeout of RFC 6298: SRTT and RTTVAR from RTT samples, the clamped RTO,
// and exponential backoff on timer expiry. Pure arithmetic in integer nanoseconds; no timers.

import type { Nanos } from '../../engine/time.ts';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';

/** Settings of an RTO estimator; every duration is in integer nanoseconds. */
export interface RtoOptions {
  /** RTO before any RTT sample (RFC 6298 (2.1)): 1 s. */
  initialRto?: Nanos;
  /** Lower bound on the RTO (RFC 6298 (2.4)): 1 s. Linux uses 200 ms. */
  minRto?: Nanos;
  /** Upper bound on the RTO, also capping backoff (RFC 6298 (2.5)): 60 s; must be >= 60 s. */
  maxRto?: Nanos;
  /** Clock granularity G in RTO = SRTT + max(G, K*RTTVAR): 1 ms (a 1000 Hz timer tick). */
  granularity?: Nanos;
}

/** K in RFC 6298 (2.2)/(2.3). */
export const RTO_K = 4;

/** The RTO data starts with after a SYN timed out (RFC 6298 (5.7)): 3 s. */
export const SYN_TIMEOUT_RTO: Nanos = 3 * NS_PER_S;

/** The smallest upper bound RFC 6298 (2.5) allows: 60 s. */
export const RFC6298_MIN_MAX_RTO: Nanos = 60 * NS_PER_S;

/**
 * RFC 6298 round-trip estimation, exact in integer nanoseconds. Rounding: each new SRTT and
 * RTTVAR is computed from the previous integer values with the RFC's fractions as one exact
 * fraction and then rounded to the nearest nanosecond, halves up:
 * RTTVAR = round(R/2) on the first sample, then RTTVAR = round((3*RTTVAR + |SRTT - R'|) / 4) and
 * SRTT = round((7*SRTT + R') / 8) with α = 1/8, β = 1/4 (RTTVAR uses the old SRTT).
 */
export class RtoEstimator {
  readonly initialRto: Nanos;
  readonly minRto: Nanos;
  readonly maxRto: Nanos;
  readonly granularity: Nanos;
  private srttNs: Nanos | undefined = undefined;
  private rttvarNs: Nanos | undefined = undefined;
  private currentRto: Nanos;
  private backoffCount = 0;

  constructor(options: RtoOptions = {}) {
    this.initialRto = options.initialRto ?? NS_PER_S;
    this.minRto = options.minRto ?? NS_PER_S;
    this.maxRto = options.maxRto ?? RFC6298_MIN_MAX_RTO;
    this.granularity = options.granularity ?? NS_PER_MS;
    for (const [name, value] of [
      ['initialRto', this.initialRto],
      ['minRto', this.minRto],
      ['maxRto', this.maxRto],
      ['granularity', this.granularity],
    ] as const) {
      if (!Number.isSafeInteger(value) || value <= 0) {
        throw new RangeError(`${name} must be a positive whole number of nanoseconds`);
      }
    }
    if (this.maxRto < RFC6298_MIN_MAX_RTO) {
      throw new RangeError('maxRto must be at least 60 s (RFC 6298 (2.5))');
    }
    if (this.minRto > this.maxRto) throw new RangeError('minRto must not exceed maxRto');
    this.currentRto = this.clamp(this.initialRto);
  }

  /** The RTO to arm the retransmission timer with now, backoff included. */
  get rto(): Nanos {
    return this.currentRto;
  }

  /** The smoothed RTT, or undefined before the first sample. */
  get srtt(): Nanos | undefined {
    return this.srttNs;
  }

  /** The RTT variation, or undefined before the first sample. */
  get rttvar(): Nanos | undefined {
    return this.rttvarNs;
  }

  /** How many times the RTO has been doubled since the last sample (or since the start). */
  get backoffs(): number {
    return this.backoffCount;
  }

  /**
   * Takes a valid RTT sample (the caller applies Karn's rule, see `RttSampler`), updates SRTT and
   * RTTVAR by RFC 6298 (2.2) or (2.3), recomputes the RTO (which ends any backoff) and returns it.
   */
  addSample(rtt: Nanos): Nanos {
    if (!Number.isSafeInteger(rtt) || rtt < 0) {
      throw new RangeError('an RTT sample must be a non-negative whole number of nanoseconds');
    }
    if (this.srttNs === undefined || this.rttvarNs === undefined) {
      this.srttNs = rtt;
      this.rttvarNs = Math.round(rtt / 2);
    } else {
      // RTTVAR first: it uses the SRTT from before this sample.
      this.rttvarNs = Math.round((3 * this.rttvarNs + Math.abs(this.srttNs - rtt)) / 4);
      this.srttNs = Math.round((7 * this.srttNs + rtt) / 8);
    }
    this.currentRto = this.clamp(this.srttNs + Math.max(this.granularity, RTO_K * this.rttvarNs));
    this.backoffCount = 0;
    return this.currentRto;
  }

  /**
   * RFC 6298 (5.7): the handshake completed after the SYN (or SYN-ACK) timer had expired, so the
   * RTO goes back to 3 s for the data, backoff cleared, when the initial RTO is below 3 s.
   */
  afterSynTimeout(): Nanos {
    if (this.initialRto < SYN_TIMEOUT_RTO) {
      this.currentRto = this.clamp(SYN_TIMEOUT_RTO);
      this.backoffCount = 0;
    }
    return this.currentRto;
  }

  /** The retransmission timer expired: doubles the RTO up to `maxRto` (RFC 6298 (5.5)). */
  backoff(): Nanos {
    this.currentRto = Math.min(this.currentRto * 2, this.maxRto);
    this.backoffCount++;
    return this.currentRto;
  }

  private clamp(rto: Nanos): Nanos {
    return Math.min(Math.max(rto, this.minRto), this.maxRto);
  }
}
