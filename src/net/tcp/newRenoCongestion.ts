// NewReno congestion control (RFC 6582), the default: Reno's fast recovery made to repair several
// losses in one window. A partial ACK retransmits the next hole and stays in recovery; `recover`
// keeps duplicate ACKs caused by a timeout's go-back-N from starting another fast retransmit.

import { DUP_ACK_THRESHOLD, RenoCongestion, type CongestionEvent } from './renoCongestion.ts';
import type { RenoOptions } from './renoCongestion.ts';
import { seqLe } from './seq.ts';

/** The congestion controls a socket can run; `newreno` unless a scenario asks for `reno`. */
export const CONGESTION_ALGORITHMS = ['newreno', 'reno'] as const;
export type CongestionAlgorithm = (typeof CONGESTION_ALGORITHMS)[number];

/** Settings of a NewReno controller: Reno's, and the connection's initial send sequence number. */
export interface NewRenoOptions extends RenoOptions {
  /** ISS: `recover` starts here (RFC 6582 3.2 step 1). */
  iss: number;
}

/**
 * RFC 6582 NewReno on top of RenoCongestion. `recover` holds SND.MAX (one past the highest
 * sequence number sent) as ns-3's TcpSocketBase does (m_recover = m_highTxMark), so RFC 6582's
 * "the ACK covers more than recover" (recover being the highest byte sent) reads SEG.ACK >= it.
 * Decisions where the RFC leaves room:
 * - step 1: only the third duplicate ACK may start fast retransmit (as ns-3: dupAcks == 3); one
 *   refused because it does not cover `recover` is not retried on the fourth; no heuristics of
 *   RFC 6582 section 4 (the ACK-heuristic or timestamp checks);
 * - step 5, full ACK: cwnd = ssthresh (the RFC's second choice, as ns-3 does), not
 *   min(ssthresh, max(FlightSize, SMSS) + SMSS);
 * - step 5, partial ACK: cwnd -= new data acknowledged (not below 0), then += SMSS if that was at
 *   least SMSS; the retransmit timer is restarted on the first partial ACK of a recovery only
 *   ("Impatient", as ns-3's m_isFirstPartialAck): the sender reads `partialAcks`, and a recovery
 *   with more holes than one RTO has time for ends with a timeout.
 */
export class NewRenoCongestion extends RenoCongestion {
  private recoverSeq: number;
  private partialAckCount = 0;

  constructor(options: NewRenoOptions) {
    super(options);
    this.recoverSeq = options.iss >>> 0;
  }

  /** `recover`: SND.MAX when fast recovery began or the timer last expired; ISS at first. */
  get recover(): number {
    return this.recoverSeq;
  }

  /** Partial ACKs in the current fast recovery (0 outside it). */
  override get partialAcks(): number {
    return this.partialAckCount;
  }

  /**
   * An ACK of `bytesAcked` new data bytes with SEG.ACK = `ack`. In fast recovery: a full ACK
   * (ack >= recover) ends it with cwnd = ssthresh (`recoveryExit`); a partial ACK deflates cwnd
   * and stays (`partialAck`: the caller retransmits the segment at the new SND.UNA). Elsewhere as
   * Reno.
   */
  override onAck(bytesAcked: number, ack?: number): CongestionEvent {
    if (!this.recovering || ack === undefined || seqLe(this.recoverSeq, ack)) {
      this.partialAckCount = 0;
      return super.onAck(bytesAcked);
    }
    const before = this.cwndBytes;
    this.dupAcks = 0;
    this.timedOutSinceAck = false;
    this.partialAckCount++;
    this.cwndBytes = Math.max(0, this.cwndBytes - bytesAcked);
    if (bytesAcked >= this.smss) this.cwndBytes += this.smss;
    return this.emit('partialAck', before, this.ssthreshBytes);
  }

  /**
   * A duplicate ACK with SEG.ACK = `ack` while `flightSize` bytes were outstanding and SND.MAX
   * was `sndMax`. In fast recovery it inflates cwnd (Reno's step 4). The third one starts fast
   * retransmit only if `ack` covers more than `recover` (RFC 6582 3.2 step 1); then recover =
   * SND.MAX (step 2). Otherwise, as the first two, it changes nothing (undefined).
   */
  override onDuplicateAck(
    flightSize: number,
    ack?: number,
    sndMax?: number,
  ): CongestionEvent | undefined {
    if (this.recovering) return super.onDuplicateAck(flightSize);
    this.dupAcks++;
    if (this.dupAcks !== DUP_ACK_THRESHOLD) return undefined;
    if (ack !== undefined && !seqLe(this.recoverSeq, ack)) return undefined;
    if (sndMax !== undefined) this.recoverSeq = sndMax >>> 0;
    this.partialAckCount = 0;
    return this.enterRecovery(flightSize, this.cwndBytes, this.ssthreshBytes);
  }

  /**
   * The retransmission timer expired: as Reno, and recover = SND.MAX (`sndMax`), so duplicate
   * ACKs caused by resending what the peer already holds start no fast retransmit (RFC 6582
   * 3.2: "After a retransmit timeout, record the highest sequence number transmitted in the
   * variable recover, and exit the fast recovery procedure if applicable").
   */
  override onTimeout(flightSize: number, sndMax?: number): CongestionEvent {
    if (sndMax !== undefined) this.recoverSeq = sndMax >>> 0;
    this.partialAckCount = 0;
    return super.onTimeout(flightSize);
  }
}

/** A congestion controller of the named algorithm. */
export function createCongestionControl(
  algorithm: CongestionAlgorithm,
  options: NewRenoOptions,
): RenoCongestion {
  return algorithm === 'reno' ? new RenoCongestion(options) : new NewRenoCongestion(options);
}
