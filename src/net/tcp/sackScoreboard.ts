// The SACK scoreboard of a data sender (RFC 6675 section 4): which bytes above the cumulative ACK
// the receiver reported holding, and from it IsLost(), the estimate of bytes in flight (SetPipe)
// and the next segment to resend (NextSeg rules 1 and 3). Pure: no simulator, no timers.

import type { SackBlock } from '../wire/tcpOptions.ts';
import { seqDiff } from './seq.ts';

/** RFC 6675 DupThresh: 3, as RFC 5681's fast retransmit. */
export const DUP_THRESH = 3;

/** A range of sequence numbers to resend: its start and length (at most SMSS). */
export interface Resend {
  seq: number;
  length: number;
}

/**
 * The scoreboard of one connection. Sequence numbers are 32-bit; inside they are offsets from
 * the connection's ISS (plain integers, no wrap), as in SendBuffer. SACKed ranges are kept
 * sorted, disjoint and not adjacent, all above HighACK (SND.UNA).
 */
export class SackScoreboard {
  readonly smss: number;
  readonly dupThresh: number;
  private readonly iss: number;
  private una = 0;
  private starts: number[] = [];
  private ends: number[] = [];

  constructor(options: { iss: number; smss: number; dupThresh?: number }) {
    this.iss = options.iss >>> 0;
    this.smss = options.smss;
    this.dupThresh = options.dupThresh ?? DUP_THRESH;
  }

  /** Bytes SACKed above the cumulative ACK. */
  get sackedBytes(): number {
    let total = 0;
    for (let i = 0; i < this.starts.length; i++) {
      total += (this.ends[i] as number) - (this.starts[i] as number);
    }
    return total;
  }

  /** Whether any byte above the cumulative ACK was SACKed. */
  get hasSacks(): boolean {
    return this.starts.length > 0;
  }

  /** One past the highest SACKed sequence number, or undefined when nothing is SACKed. */
  get highestSacked(): number | undefined {
    const end = this.ends.at(-1);
    return end === undefined ? undefined : this.toSeq(end);
  }

  /** The SACKed ranges as blocks, lowest first (for tests and inspectors). */
  ranges(): SackBlock[] {
    return this.starts.map((s, i) => ({
      left: this.toSeq(s),
      right: this.toSeq(this.ends[i] as number),
    }));
  }

  /**
   * An ACK arrived: SEG.ACK moves HighACK, and each SACK block between it and SND.MAX is marked
   * (RFC 6675 Update()); blocks below the cumulative ACK (D-SACK, RFC 2883) or past SND.MAX are
   * ignored. Returns the bytes newly SACKed.
   */
  update(ack: number, blocks: readonly SackBlock[], sndMax: number): number {
    const ackAt = this.toOffset(ack);
    const max = this.toOffset(sndMax);
    if (ackAt > this.una) {
      this.una = ackAt;
      while (this.starts.length > 0 && (this.ends[0] as number) <= ackAt) {
        this.starts.shift();
        this.ends.shift();
      }
      if (this.starts.length > 0 && (this.starts[0] as number) < ackAt) this.starts[0] = ackAt;
    }
    let added = 0;
    for (const block of blocks) {
      const lo = Math.max(this.toOffset(block.left), this.una);
      const hi = Math.min(this.toOffset(block.right), max);
      if (hi > lo) added += this.insert(lo, hi);
    }
    return added;
  }

  /** Whether the byte at `seq` was SACKed. */
  isSacked(seq: number): boolean {
    const at = this.toOffset(seq);
    for (let i = 0; i < this.starts.length; i++) {
      if ((this.starts[i] as number) > at) return false;
      if (at < (this.ends[i] as number)) return true;
    }
    return false;
  }

  /**
   * RFC 6675 IsLost(SeqNum): DupThresh discontiguous SACKed ranges lie above it, or more than
   * (DupThresh - 1) * SMSS SACKed bytes do.
   */
  isLost(seq: number): boolean {
    return this.lostAt(this.toOffset(seq));
  }

  /**
   * RFC 6675 SetPipe: the bytes between HighACK and HighData (SND.MAX) thought to be in the
   * network: each byte not SACKed counts once unless IsLost says it left the network, and once
   * more if it lies below HighRxt (it was sent again). `highRxt` is one past the highest byte
   * resent in this recovery (HighACK when none was).
   */
  pipe(highData: number, highRxt: number): number {
    const end = this.toOffset(highData);
    const rxt = Math.max(this.toOffset(highRxt), this.una);
    let pipe = 0;
    let gapStart = this.una;
    for (let i = 0; i <= this.starts.length; i++) {
      const gapEnd = Math.min(i < this.starts.length ? (this.starts[i] as number) : end, end);
      if (gapEnd > gapStart) {
        // IsLost is the same for every byte of a gap: the SACKed bytes above them are the same.
        if (!this.lostAt(gapStart)) pipe += gapEnd - gapStart;
        pipe += Math.max(0, Math.min(gapEnd, rxt) - gapStart);
      }
      if (i < this.starts.length) gapStart = this.ends[i] as number;
    }
    return pipe;
  }

  /**
   * NextSeg rule 1: the lowest byte S2 not SACKed, at or above `highRxt` and below the highest
   * SACKed byte, for which IsLost holds: up to SMSS bytes from there, stopping at the next SACKed
   * range. Undefined when there is none.
   */
  lostSegment(highRxt: number): Resend | undefined {
    return this.unsacked(highRxt, true);
  }

  /** NextSeg rule 3: as rule 1 without IsLost (when no lost segment and no new data can go). */
  unsackedSegment(highRxt: number): Resend | undefined {
    return this.unsacked(highRxt, false);
  }

  /** Forgets every SACK (after a retransmission timeout, RFC 6675 section 5.1). */
  clear(): void {
    this.starts = [];
    this.ends = [];
  }

  private unsacked(highRxt: number, mustBeLost: boolean): Resend | undefined {
    const top = this.ends.at(-1);
    if (top === undefined) return undefined;
    let at = Math.max(this.toOffset(highRxt), this.una);
    for (let i = 0; i < this.starts.length && at < top; i++) {
      const start = this.starts[i] as number;
      const end = this.ends[i] as number;
      if (at >= end) continue;
      if (at < start) {
        if (mustBeLost && !this.lostAt(at)) return undefined; // IsLost only weakens to the right
        return { seq: this.toSeq(at), length: Math.min(this.smss, start - at) };
      }
      at = end;
    }
    return undefined;
  }

  private lostAt(at: number): boolean {
    let ranges = 0;
    let bytes = 0;
    for (let i = this.starts.length - 1; i >= 0; i--) {
      const start = this.starts[i] as number;
      const end = this.ends[i] as number;
      if (end <= at) break;
      ranges++;
      bytes += end - Math.max(start, at + 1);
    }
    return ranges >= this.dupThresh || bytes > (this.dupThresh - 1) * this.smss;
  }

  /** Adds [lo, hi) to the ranges, merging overlaps and neighbours; returns the bytes new. */
  private insert(lo: number, hi: number): number {
    const starts = this.starts;
    const ends = this.ends;
    let i = 0;
    while (i < starts.length && (ends[i] as number) < lo) i++;
    let j = i;
    let covered = 0;
    let mergedLo = lo;
    let mergedHi = hi;
    while (j < starts.length && (starts[j] as number) <= hi) {
      const s = starts[j] as number;
      const e = ends[j] as number;
      covered += Math.max(0, Math.min(e, hi) - Math.max(s, lo));
      mergedLo = Math.min(mergedLo, s);
      mergedHi = Math.max(mergedHi, e);
      j++;
    }
    starts.splice(i, j - i, mergedLo);
    ends.splice(i, j - i, mergedHi);
    return hi - lo - covered;
  }

  private toOffset(seq: number): number {
    return this.una + seqDiff(seq, this.toSeq(this.una));
  }

  private toSeq(offset: number): number {
    return (this.iss + offset) % 2 ** 32;
  }
}
