// The receiver's side of a TCP byte stream (RFC 9293 sections 3.3.1 and 3.10.7.4): RCV.NXT, the
// advertised window, out-of-order data kept for later, in-order bytes for the app, and the FIN.

import { ByteBlocks } from '../wire/byteBlocks.ts';
import { GrowableRing } from './growableRing.ts';
import { seqAdd, seqDiff, seqInWindow } from './seq.ts';

/** The outcome of `ReceiveBuffer.receive`. */
export interface ReceiveResult {
  /**
   * The segment passed RFC 9293's acceptability test. When false it was dropped and the caller
   * should answer with an ACK (unless it carried RST).
   */
  acceptable: boolean;
  /** Bytes of this segment stored for the first time (0 for a pure duplicate). */
  newBytes: number;
  /** Bytes that became readable in order: more than `newBytes` when the segment filled a gap. */
  delivered: number;
  /** The segment started beyond RCV.NXT, past a hole (RFC 5681 4.2: ACK it at once). */
  outOfOrder: boolean;
  /** The FIN became in order with this segment: RCV.NXT moved past it; the stream has ended. */
  finReceived: boolean;
}

const NOT_ACCEPTABLE: ReceiveResult = Object.freeze({
  acceptable: false,
  newBytes: 0,
  delivered: 0,
  outOfOrder: false,
  finReceived: false,
});

/**
 * The receive buffer of a connection whose peer's initial sequence number is `irs`; data byte k
 * has sequence number IRS + 1 + k. Out-of-order data is kept as sorted, disjoint, non-adjacent
 * intervals. The window is capacity minus the in-order bytes the app has not read yet, capped at
 * `maxWindow` (65 535: no window scaling). Out-of-order data lies inside that window, so it never
 * needs more room than `capacity` and the right edge never moves left (RFC 9293 3.8.6: a receiver
 * should not shrink the window).
 */
export class ReceiveBuffer {
  readonly irs: number;
  readonly capacity: number;
  readonly maxWindow: number;
  private readonly ring: GrowableRing;
  /**
   * In-order bytes [readPos, nxt) not yet read, held as a view of the segment that brought them
   * instead of in the ring: the common case (one segment arrives in order, the app reads it at
   * once) then costs one copy, in `read`. Packets are never changed, so the view stays valid.
   */
  private pending: Uint8Array | undefined = undefined;
  /** Where reads are copied to: each read's bytes are its own, without a new buffer each. */
  private readonly out = new ByteBlocks();
  private nxt = 0; // data bytes received in order
  private readPos = 0; // data bytes the app has read
  private oooStart: number[] = [];
  private oooEnd: number[] = [];
  private finAt: number | undefined = undefined; // data offset of a FIN seen in the window
  private finDone = false;

  constructor(options: { irs: number; capacity: number; maxWindow?: number }) {
    if (!Number.isSafeInteger(options.capacity) || options.capacity <= 0) {
      throw new RangeError('capacity must be a positive whole number of bytes');
    }
    this.irs = options.irs >>> 0;
    this.capacity = options.capacity;
    this.maxWindow = options.maxWindow ?? 65_535;
    this.ring = new GrowableRing(options.capacity);
  }

  /** RCV.NXT: the next sequence number expected (past the SYN, and past the FIN once received). */
  get rcvNxt(): number {
    return seqAdd(this.irs, 1 + this.nxt + (this.finDone ? 1 : 0));
  }

  /** RCV.WND to advertise, in bytes. */
  get window(): number {
    return Math.min(this.capacity - (this.nxt - this.readPos), this.maxWindow);
  }

  /** In-order bytes the app can read now. */
  get readable(): number {
    return this.nxt - this.readPos;
  }

  /** Bytes held out of order, waiting for a hole to fill. */
  get outOfOrderBytes(): number {
    let total = 0;
    for (let i = 0; i < this.oooStart.length; i++) {
      total += (this.oooEnd[i] as number) - (this.oooStart[i] as number);
    }
    return total;
  }

  /** Some data waits out of order, past a hole at RCV.NXT. */
  get hasOutOfOrder(): boolean {
    return this.oooStart.length > 0;
  }

  /** The out-of-order blocks as [first sequence number, one past the last] (as SACK reports). */
  outOfOrderRanges(): [number, number][] {
    return this.oooStart.map((start, i) => [
      seqAdd(this.irs, 1 + start),
      seqAdd(this.irs, 1 + (this.oooEnd[i] as number)),
    ]);
  }

  /** The peer's FIN arrived in order: no more data will come. */
  get finReceived(): boolean {
    return this.finDone;
  }

  /** The FIN arrived and the app has read every byte. */
  get atEnd(): boolean {
    return this.finDone && this.readable === 0;
  }

  /**
   * Takes an incoming segment's text and FIN bit (RFC 9293 section 3.10.7.4, steps one and
   * seven/eight): checks acceptability against RCV.NXT and RCV.WND, trims to the window, stores
   * the new bytes in order or out of order, and consumes a FIN once everything before it arrived.
   * A FIN that would fall past the window is dropped with the trimmed part (it comes again).
   */
  receive(seq: number, data: Uint8Array, fin = false): ReceiveResult {
    const length = data.length + (fin ? 1 : 0);
    const window = this.window;
    const rcvNxt = this.rcvNxt;
    const acceptable =
      length === 0
        ? window === 0
          ? seq >>> 0 === rcvNxt
          : seqInWindow(seq, rcvNxt, window)
        : window > 0 &&
          (seqInWindow(seq, rcvNxt, window) ||
            seqInWindow(seqAdd(seq, length - 1), rcvNxt, window));
    if (!acceptable) return NOT_ACCEPTABLE;
    const before = this.nxt;
    const start = this.nxt + (this.finDone ? 1 : 0) + seqDiff(seq, rcvNxt);
    const end = start + data.length;
    let newBytes = 0;
    if (!this.finDone) {
      const rightEdge = this.nxt + window;
      const lo = Math.max(start, this.nxt);
      const hi = Math.min(end, rightEdge, this.finAt ?? Infinity);
      if (hi > lo) {
        this.store(data, lo - start, lo, hi - lo);
        if (lo === this.nxt && this.oooStart.length === 0) {
          newBytes = hi - lo; // in order with nothing held out of order: no intervals to merge
          this.nxt = hi;
        } else {
          newBytes = this.insert(lo, hi);
        }
      }
      if (fin && this.finAt === undefined && end >= this.nxt && end < rightEdge) this.finAt = end;
      while (this.oooStart.length > 0 && this.oooStart[0] === this.nxt) {
        this.nxt = this.oooEnd.shift() as number;
        this.oooStart.shift();
      }
    }
    const finReceived = !this.finDone && this.finAt === this.nxt;
    if (finReceived) this.finDone = true;
    return {
      acceptable: true,
      newBytes,
      delivered: this.nxt - before,
      outOfOrder: start > before,
      finReceived,
    };
  }

  /** Hands the app up to `max` in-order bytes (its own copy), which opens the window again. */
  read(max = Infinity): Uint8Array {
    const n = Math.min(max, this.readable);
    const out = this.out.take(n);
    const pending = this.pending;
    if (pending !== undefined) {
      out.set(n === pending.length ? pending : pending.subarray(0, n));
      this.pending = n === pending.length ? undefined : pending.subarray(n);
    } else {
      this.ring.read(this.readPos, out, 0, n);
    }
    this.readPos += n;
    return out;
  }

  /**
   * Consumes up to `max` in-order bytes without copying them, for an app that only counts what it
   * reads (a sink): the window opens as after `read`. Returns how many bytes it consumed.
   */
  discard(max = Infinity): number {
    const n = Math.min(max, this.readable);
    const pending = this.pending;
    if (pending !== undefined) {
      this.pending = n === pending.length ? undefined : pending.subarray(n);
    }
    this.readPos += n;
    return n;
  }

  private store(data: Uint8Array, from: number, offset: number, n: number): void {
    if (this.pending === undefined) {
      if (offset === this.readPos && this.nxt === this.readPos && this.oooStart.length === 0) {
        this.pending = data.subarray(from, from + n); // in order, nothing else held
        return;
      }
    } else {
      // More bytes arrive while the view is unread: the view moves into the ring first.
      const held = this.pending;
      this.pending = undefined;
      this.ring.ensure(this.readPos, this.nxt, this.readPos);
      this.ring.write(this.readPos, held, 0, held.length);
    }
    const held = Math.max(this.nxt, this.oooEnd[this.oooEnd.length - 1] ?? 0);
    this.ring.ensure(this.readPos, Math.max(offset + n, held), held);
    this.ring.write(offset, data, from, n);
  }

  /** Adds [lo, hi) to the intervals, merging overlaps and neighbours; returns the bytes new. */
  private insert(lo: number, hi: number): number {
    const starts = this.oooStart;
    const ends = this.oooEnd;
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
}
