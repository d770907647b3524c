// SACK-based loss recovery (RFC 6675 section 5) as a pure state machine over the scoreboard: when
// recovery starts (DupThresh duplicate ACKs, or IsLost at the cumulative ACK), what to send next
// (NextSeg), the pipe, HighRxt and RecoveryPoint, and when recovery ends. The sender owns the
// congestion window and sends what this says.

import type { SackBlock } from '../wire/tcpOptions.ts';
import { SackScoreboard, type Resend } from './sackScoreboard.ts';
import { seqAdd, seqLe, seqLt, seqMax } from './seq.ts';

/** What NextSeg() chose: resend a range (rule 1 or 3), send new data (rule 2), or nothing. */
export type NextSegment = ({ kind: 'resend'; rule: 1 | 3 } & Resend) | { kind: 'new' } | undefined;

/** What an ACK did to loss recovery. */
export type SackAckOutcome = 'enter' | 'exit' | undefined;

/** One connection's SACK loss recovery. Sequence numbers are 32-bit. */
export class SackRecovery {
  readonly scoreboard: SackScoreboard;
  private recovering = false;
  private recoveryPoint: number;
  private highRxt: number;
  private dupAcks = 0;
  /** After a timeout: no new recovery before the cumulative ACK reaches this (RFC 6675 5.1). */
  private holdUntil: number | undefined = undefined;

  constructor(options: { iss: number; smss: number }) {
    this.scoreboard = new SackScoreboard(options);
    this.recoveryPoint = options.iss >>> 0;
    this.highRxt = options.iss >>> 0;
  }

  /** In loss recovery (between entering and the ACK of RecoveryPoint). */
  get inRecovery(): boolean {
    return this.recovering;
  }

  /** Duplicate ACKs by RFC 6675's definition (ACKs bringing new SACK information). */
  get duplicateAcks(): number {
    return this.dupAcks;
  }

  /** RecoveryPoint: SND.MAX when recovery began; its ACK ends recovery. */
  get recoverAt(): number {
    return this.recoveryPoint;
  }

  /**
   * An ACK arrived with SEG.ACK = `ack` and its SACK blocks, while SND.UNA was `sndUna` and
   * SND.MAX `sndMax`. Updates the scoreboard and returns `enter` when loss recovery must start
   * now (RFC 6675 5 steps 1, 2 and 4: the third duplicate ACK, or IsLost(HighACK + 1)), `exit`
   * when this ACK covers RecoveryPoint (step A), otherwise undefined.
   */
  onAck(ack: number, blocks: readonly SackBlock[], sndUna: number, sndMax: number): SackAckOutcome {
    const newlySacked = this.scoreboard.update(ack, blocks, sndMax);
    const cumulative = seqLt(sndUna, ack);
    if (this.recovering) {
      if (!seqLe(this.recoveryPoint, ack)) return undefined;
      this.recovering = false;
      this.dupAcks = 0;
      return 'exit';
    }
    if (this.holdUntil !== undefined && seqLe(this.holdUntil, ack)) this.holdUntil = undefined;
    if (cumulative) this.dupAcks = 0;
    // RFC 6675 section 2: an ACK is a duplicate when it SACKs octets not SACKed before, even if
    // it also moves the cumulative ACK.
    if (newlySacked === 0) return undefined;
    this.dupAcks++;
    if (this.holdUntil !== undefined) return undefined;
    return this.dupAcks >= this.scoreboard.dupThresh || this.scoreboard.isLost(ack)
      ? 'enter'
      : undefined;
  }

  /**
   * Enters loss recovery (step 4): RecoveryPoint = SND.MAX; the caller sets ssthresh and cwnd
   * and resends the segment at SND.UNA, which this returns (up to SMSS, stopping at SACKed data).
   */
  enter(sndUna: number, sndMax: number): Resend {
    this.recovering = true;
    this.recoveryPoint = sndMax >>> 0;
    this.highRxt = sndUna >>> 0;
    const lost = this.scoreboard.lostSegment(sndUna) ?? this.scoreboard.unsackedSegment(sndUna);
    return lost ?? { seq: sndUna >>> 0, length: this.scoreboard.smss };
  }

  /** NextSeg(): rule 1 (a lost range), else rule 2 (new data, when `canSendNew`), else rule 3. */
  next(canSendNew: boolean): NextSegment {
    const lost = this.scoreboard.lostSegment(this.highRxt);
    if (lost) return { kind: 'resend', rule: 1, ...lost };
    if (canSendNew) return { kind: 'new' };
    const unsacked = this.scoreboard.unsackedSegment(this.highRxt);
    return unsacked ? { kind: 'resend', rule: 3, ...unsacked } : undefined;
  }

  /** A range was resent (step C.2): HighRxt moves past it. */
  resent(seq: number, length: number): void {
    this.highRxt = seqMax(this.highRxt, seqAdd(seq, length));
  }

  /** SetPipe(): the bytes thought to be in the network up to SND.MAX. */
  pipe(sndMax: number): number {
    return this.scoreboard.pipe(sndMax, this.highRxt);
  }

  /**
   * The retransmission timer expired (RFC 6675 5.1): recovery ends, RecoveryPoint = SND.MAX, and
   * no new recovery starts until the cumulative ACK reaches it. The scoreboard is kept.
   */
  onTimeout(sndMax: number): void {
    this.recovering = false;
    this.dupAcks = 0;
    this.recoveryPoint = sndMax >>> 0;
    this.holdUntil = sndMax >>> 0;
  }
}
