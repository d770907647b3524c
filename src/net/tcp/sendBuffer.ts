// The sender's side of a TCP byte stream (RFC 9293 section 3.3.1): the bytes the app wrote, the
// send sequence variables, which segments may go now, and what each incoming ACK acknowledged.

import { freshBytes } from '../wire/freshBytes.ts';
import type { AckKind, AckResult, AckSegment, OutgoingSegment } from './segment.ts';
import { seqAdd, seqDiff, seqLe, seqLt } from './seq.ts';

const EMPTY = new Uint8Array(0);
const FIRST_BLOCK = 1024;
const LARGEST_BLOCK = 64 * 1024;

/**
 * The send buffer. Sequence space from ISS: the SYN at ISS, data byte k at ISS+1+k, the FIN right
 * after the last byte written before `close()`. Internally positions are offsets from ISS (plain
 * integers, no wrap); the getters give 32-bit sequence numbers. SND.MAX is the highest sequence
 * number sent, which stays put when `rewind()` moves SND.NXT back to SND.UNA (go-back-N).
 *
 * The bytes are copied once on `write` into blocks filled front to back and never written again
 * where they hold data: a segment inside one block carries a view of it (no copy), which stays
 * valid for as long as the packet lives (in the trace, for the whole run). Blocks grow from 1 KiB
 * to 64 KiB, so a short connection stays small; only a segment spanning two blocks is copied.
 * `writeShared` keeps the app's own bytes as a block, for bytes that never change.
 */
export class SendBuffer {
  readonly iss: number;
  readonly capacity: number;
  /** Blocks not yet fully acknowledged, from `head`; `starts[i]` is block i's first data byte. */
  private chunks: Uint8Array[] = [];
  private starts: number[] = [];
  private head = 0;
  /** The block the last segment was built from: segments go forward, so the search starts there. */
  private cursor = 0;
  /** Size of the last block made (the next is twice as big, up to LARGEST_BLOCK). */
  private lastBlock = FIRST_BLOCK / 2;
  private una = 0;
  private nxt = 0;
  private max = 0;
  private written = 0;
  /** The last block is the app's own bytes (`writeShared`), which a following view may extend. */
  private sharedTail = false;
  private closed = false;
  private wnd = 0;
  private windowKnown = false;
  private wl1 = 0;
  private wl2 = 0;
  private lastAckWindow: number | undefined = undefined;

  /** A buffer for a connection whose initial send sequence number is `iss`. */
  constructor(options: { iss: number; capacity: number }) {
    if (!Number.isSafeInteger(options.capacity) || options.capacity <= 0) {
      throw new RangeError('capacity must be a positive whole number of bytes');
    }
    this.iss = options.iss >>> 0;
    this.capacity = options.capacity;
  }

  /** SND.UNA: the oldest unacknowledged sequence number. */
  get sndUna(): number {
    return seqAdd(this.iss, this.una);
  }
  /** SND.NXT: the next sequence number `nextSegment` sends. */
  get sndNxt(): number {
    return seqAdd(this.iss, this.nxt);
  }
  /** SND.MAX: one past the highest sequence number ever sent. */
  get sndMax(): number {
    return seqAdd(this.iss, this.max);
  }
  /** SND.WND: the peer's advertised window, in bytes (0 until an ACK tells). */
  get sndWnd(): number {
    return this.wnd;
  }
  /** FlightSize (RFC 5681): SND.NXT - SND.UNA, in sequence numbers. */
  get flightSize(): number {
    return this.nxt - this.una;
  }
  /** Sequence numbers sent at least once and not yet acknowledged: SND.MAX - SND.UNA. */
  get outstanding(): number {
    return this.max - this.una;
  }
  /** Bytes the app has written in total. */
  get bytesWritten(): number {
    return this.written;
  }
  /** Bytes held (written, not yet acknowledged). */
  get bufferedBytes(): number {
    return this.written - this.dataAckedBefore(this.una);
  }
  /** Room for the app to write now (back-pressure when 0). */
  get freeSpace(): number {
    return this.capacity - this.bufferedBytes;
  }
  /** Written bytes at or after SND.NXT, not yet sent (or to be sent again after a rewind). */
  get unsentBytes(): number {
    return this.written + 1 - Math.max(this.nxt, 1);
  }
  /** The app closed the stream: a FIN follows the data. */
  get isClosed(): boolean {
    return this.closed;
  }
  /** The FIN's sequence number (ISS + 1 + bytes written), once `close()` was called. */
  get finSeq(): number | undefined {
    return this.closed ? seqAdd(this.iss, this.written + 1) : undefined;
  }
  /** The peer acknowledged our SYN. */
  get synAcked(): boolean {
    return this.una >= 1;
  }
  /** The peer acknowledged our FIN, so every byte arrived. */
  get finAcked(): boolean {
    return this.closed && this.una === this.written + 2;
  }

  /**
   * Like `write`, but keeps a view of `chunk` instead of copying it: for bytes that nothing will
   * ever change (a bulk sender's constant pattern), so a 100 MB transfer allocates no blocks.
   */
  writeShared(chunk: Uint8Array): number {
    if (this.closed) throw new Error('cannot write after close()');
    const n = Math.min(chunk.length, this.freeSpace);
    if (n <= 0) return 0;
    const taken = n === chunk.length ? chunk : chunk.subarray(0, n);
    const last = this.chunks.length - 1;
    const tail = this.chunks[last];
    if (
      this.sharedTail &&
      last >= this.head &&
      tail !== undefined &&
      tail.buffer === taken.buffer &&
      tail.byteOffset + tail.length === taken.byteOffset
    ) {
      // It continues the last shared block in memory: one longer view, so segments need no copy.
      this.chunks[last] = new Uint8Array(tail.buffer, tail.byteOffset, tail.length + n);
    } else {
      // A copied block ends where its data ends: the shared view comes next in the stream.
      if (!this.sharedTail && last >= this.head && tail !== undefined) {
        const used = this.written - (this.starts[last] as number);
        if (used < tail.length) this.chunks[last] = tail.subarray(0, used);
      }
      // Pushed whole, it counts as full, so a later `write` starts a block of its own after it.
      this.chunks.push(taken);
      this.starts.push(this.written);
    }
    this.sharedTail = true;
    this.written += n;
    return n;
  }

  /** Appends as much of `chunk` as fits and returns how many bytes were taken. */
  write(chunk: Uint8Array): number {
    if (this.closed) throw new Error('cannot write after close()');
    const n = Math.min(chunk.length, this.freeSpace);
    for (let done = 0; done < n;) {
      const last = this.chunks.length - 1;
      const block = this.chunks[last];
      const used =
        last < this.head || block === undefined ? -1 : this.written - (this.starts[last] as number);
      if (block === undefined || used < 0 || used === block.length || this.sharedTail) {
        this.sharedTail = false;
        this.lastBlock = Math.min(LARGEST_BLOCK, this.lastBlock * 2);
        this.chunks.push(freshBytes(this.lastBlock));
        this.starts.push(this.written);
        continue;
      }
      const k = Math.min(n - done, block.length - used);
      block.set(chunk.subarray(done, done + k), used);
      done += k;
      this.written += k;
    }
    return Math.max(n, 0);
  }

  /** The app is done writing: the FIN takes the sequence number after the last byte. */
  close(): void {
    this.closed = true;
  }

  /** The SYN at ISS; SND.NXT moves past it the first time, later calls give it for a resend. */
  sendSyn(): OutgoingSegment {
    if (this.nxt === 0) this.nxt = 1;
    this.max = Math.max(this.max, this.nxt);
    return { seq: this.iss, data: EMPTY, syn: true, fin: false };
  }

  /**
   * Takes the next segment at SND.NXT that fits min(cwnd, SND.WND) - FlightSize and `mss`, and
   * advances SND.NXT; undefined when nothing may be sent. Full-MSS segments are preferred: a
   * shorter one goes only if it ends the written data, or if nothing is in flight (so a window
   * below one MSS still makes progress). The FIN rides on the last data if it fits the window.
   */
  nextSegment(cwnd: number, mss: number): OutgoingSegment | undefined {
    if (this.nxt === 0) return undefined; // the SYN goes first, through sendSyn()
    const dataEnd = this.written + 1;
    const usable = this.una + Math.min(cwnd, this.wnd) - this.nxt;
    const dataLeft = Math.max(0, dataEnd - this.nxt);
    if (usable <= 0 || (dataLeft === 0 && (!this.closed || this.nxt > dataEnd))) return undefined;
    const length = Math.min(mss, usable, dataLeft);
    if (length < mss && length < dataLeft && this.nxt > this.una) return undefined;
    const fin = this.closed && this.nxt + length === dataEnd && length + 1 <= usable;
    if (length === 0 && !fin) return undefined;
    const segment = this.build(this.nxt, length, fin);
    this.nxt += length + (fin ? 1 : 0);
    this.max = Math.max(this.max, this.nxt);
    return segment;
  }

  /**
   * The segment starting at `seq` (between SND.UNA and SND.MAX) with at most `maxData` bytes of
   * what was already sent, for a retransmission; SND.NXT does not move.
   */
  segmentAt(seq: number, maxData: number): OutgoingSegment {
    const at = this.una + seqDiff(seq, this.sndUna);
    if (at < this.una || at >= this.max) {
      throw new RangeError(`sequence number ${seq} is not outstanding`);
    }
    if (at === 0) return { seq: this.iss, data: EMPTY, syn: true, fin: false };
    const dataEnd = this.written + 1;
    const length = Math.max(0, Math.min(maxData, Math.min(this.max, dataEnd) - at));
    const fin = this.closed && this.max > dataEnd && at + length === dataEnd;
    return this.build(at, length, fin);
  }

  /** Go-back-N after a timeout: SND.NXT = SND.UNA, so `nextSegment` resends from the oldest. */
  rewind(): void {
    this.nxt = this.una;
  }

  /**
   * Processes the acknowledgment in an incoming segment (RFC 9293 section 3.10.7.4): advances
   * SND.UNA on a new cumulative ACK, updates SND.WND by the SND.WL1/SND.WL2 rule, and classifies
   * the ACK. A duplicate (RFC 5681 section 2) has outstanding data, no payload, no SYN or FIN,
   * SEG.ACK = SND.UNA, and the same window as the previous ACK.
   */
  onAck(segment: AckSegment): AckResult {
    const at = this.una + seqDiff(segment.ack, this.sndUna);
    if (at > this.max) return this.result('unsent', 0, false);
    if (at < this.una) return this.result('nothingNew', 0, false);
    const windowChanged = this.updateWindow(segment);
    const sameWindow = this.lastAckWindow === segment.window;
    this.lastAckWindow = segment.window;
    if (at > this.una) {
      const before = this.una;
      this.una = at;
      this.nxt = Math.max(this.nxt, at);
      this.release(this.dataAckedBefore(at));
      return this.result('advanced', at - before, windowChanged, before);
    }
    const duplicate =
      this.max > this.una &&
      (segment.dataLength ?? 0) === 0 &&
      !segment.syn &&
      !segment.fin &&
      sameWindow;
    return this.result(duplicate ? 'duplicate' : 'nothingNew', 0, windowChanged);
  }

  private updateWindow(segment: AckSegment): boolean {
    const seq = segment.seq >>> 0;
    const ack = segment.ack >>> 0;
    const newer = seqLt(this.wl1, seq) || (this.wl1 === seq && seqLe(this.wl2, ack));
    if (this.windowKnown && !newer) return false;
    const changed = !this.windowKnown || this.wnd !== segment.window;
    this.windowKnown = true;
    this.wnd = segment.window;
    this.wl1 = seq;
    this.wl2 = ack;
    return changed;
  }

  private result(
    kind: AckKind,
    newlyAcked: number,
    windowChanged: boolean,
    before = this.una,
  ): AckResult {
    const after = before + newlyAcked;
    return {
      kind,
      newlyAcked,
      dataBytesAcked: this.dataAckedBefore(after) - this.dataAckedBefore(before),
      synAcked: newlyAcked > 0 && before === 0,
      finAcked: newlyAcked > 0 && this.closed && after === this.written + 2,
      windowChanged,
    };
  }

  /** Data bytes whose offsets lie below `offset` (data byte k sits at offset k + 1). */
  private dataAckedBefore(offset: number): number {
    return Math.min(Math.max(offset - 1, 0), this.written);
  }

  private build(at: number, length: number, fin: boolean): OutgoingSegment {
    const data = length === 0 ? EMPTY : this.bytesAt(at - 1, length);
    return { seq: seqAdd(this.iss, at), data, syn: false, fin };
  }

  /** Data bytes [from, from + length): a view when they lie in one chunk, else a copy. */
  private bytesAt(from: number, length: number): Uint8Array {
    const chunks = this.chunks;
    const starts = this.starts;
    let i = this.cursor;
    if (i < this.head || i >= chunks.length || (starts[i] as number) > from) i = this.head;
    while (from >= (starts[i] as number) + (chunks[i] as Uint8Array).length) i++;
    this.cursor = i;
    const chunk = chunks[i] as Uint8Array;
    const offset = from - (starts[i] as number);
    if (offset + length <= chunk.length) return chunk.subarray(offset, offset + length);
    const out = freshBytes(length);
    for (let done = 0; done < length; i++) {
      const piece = chunks[i] as Uint8Array;
      const start = from + done - (starts[i] as number);
      const n = Math.min(length - done, piece.length - start);
      out.set(piece.subarray(start, start + n), done);
      done += n;
    }
    return out;
  }

  /** Forgets the chunks whose every byte lies below data byte `acked`. */
  private release(acked: number): void {
    const chunks = this.chunks;
    let head = this.head;
    while (
      head < chunks.length &&
      (this.starts[head] as number) + (chunks[head] as Uint8Array).length <= acked
    )
      head++;
    if (head === chunks.length) {
      this.chunks = [];
      this.starts = [];
      this.cursor = head = 0;
    } else if (head >= 64 && head * 2 >= chunks.length) {
      this.chunks = chunks.slice(head);
      this.starts = this.starts.slice(head);
      this.cursor = Math.max(0, this.cursor - head);
      head = 0;
    } else {
      for (let i = this.head; i < head; i++) chunks[i] = EMPTY; // let the bytes go
    }
    this.head = head;
  }
}
