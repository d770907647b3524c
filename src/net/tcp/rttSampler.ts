// RTT samples with Karn's rule (RFC 6298 section 3): remembers when each sequence range was sent and
// turns cumulative ACKs into RTT samples, refusing any ACK that covers retransmitted data.

import type { Nanos } from '../../engine/time.ts';
import { seqAdd, seqLe, seqLt } from './seq.ts';

/**
 * Send times of the outstanding sequence ranges, oldest first. A range sent again (any part of it
 * at or below the highest sequence number ever sent) is marked retransmitted; an ACK that newly
 * acknowledges any byte of a retransmitted range yields no sample (Karn). Otherwise the sample is
 * the time since the *oldest* newly acknowledged range was sent, as Linux times its RTO: with
 * delayed or lost ACKs this errs long, which is the safe side for a retransmission timer.
 * SYN and FIN occupy one sequence number each, so record them too to time the handshake.
 */
export class RttSampler {
  private starts: number[] = [];
  private ends: number[] = [];
  private sentAt: Nanos[] = [];
  private resent: boolean[] = [];
  private head = 0;
  private highest: number | undefined = undefined;

  /** Number of ranges still waiting for an ACK. */
  get pending(): number {
    return this.starts.length - this.head;
  }

  /** Records that `length` sequence numbers from `seq` were sent at `now`. */
  sent(seq: number, length: number, now: Nanos): void {
    if (length <= 0) return;
    const end = seqAdd(seq, length);
    const highest = this.highest;
    if (highest === undefined || seqLe(highest, seq)) {
      this.push(seq, end, now);
      this.highest = end;
      return;
    }
    // A retransmission: every range it touches becomes ambiguous. The ranges are disjoint and
    // in sequence order, so those touched are found by a binary search, not a scan of the window.
    const starts = this.starts;
    const ends = this.ends;
    let lo = this.head;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (seqLt(seq, ends[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < starts.length && seqLt(starts[i] as number, end); i++) {
      this.resent[i] = true;
    }
    if (seqLt(highest, end)) {
      // The tail beyond everything sent before is a first transmission.
      this.push(highest, end, now);
      this.highest = end;
    }
  }

  /**
   * Processes a cumulative ACK at `now`: forgets the acknowledged ranges and returns the RTT
   * sample they give, or undefined when the ACK acknowledges nothing new or covers retransmitted
   * data (Karn's rule).
   */
  acked(ack: number, now: Nanos): Nanos | undefined {
    let oldest: Nanos | undefined = undefined;
    let ambiguous = false;
    while (this.head < this.starts.length && seqLt(this.starts[this.head] as number, ack)) {
      const i = this.head;
      oldest ??= this.sentAt[i] as Nanos;
      if (this.resent[i]) ambiguous = true;
      if (seqLe(this.ends[i] as number, ack)) {
        this.head++;
      } else {
        this.starts[i] = ack; // partly acknowledged: the rest keeps its send time and mark
        break;
      }
    }
    this.compact();
    if (oldest === undefined || ambiguous) return undefined;
    return now - oldest;
  }

  /** Forgets everything (for a connection that starts over). */
  clear(): void {
    this.starts = [];
    this.ends = [];
    this.sentAt = [];
    this.resent = [];
    this.head = 0;
    this.highest = undefined;
  }

  private push(start: number, end: number, now: Nanos): void {
    this.starts.push(start);
    this.ends.push(end);
    this.sentAt.push(now);
    this.resent.push(false);
  }

  private compact(): void {
    if (this.head > 64 && this.head * 2 > this.starts.length) {
      this.starts.splice(0, this.head);
      this.ends.splice(0, this.head);
      this.sentAt.splice(0, this.head);
      this.resent.splice(0, this.head);
      this.head = 0;
    }
  }
}
