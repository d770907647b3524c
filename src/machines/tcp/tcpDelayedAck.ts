// Delayed ACKs (RFC 5681 section 4.2, RFC 1122 section 4.2.3.2): a receiver that acknowledges
// every second in-order data segment, or when its delayed-ACK timer runs out, whichever is first.
// The connection acknowledges out-of-order segments and segments that fill a hole at once itself.

import type { EventId, Simulator } from '../../engine/simulator.ts';
import type { Nanos } from '../../engine/time.ts';

/** Segments that may wait for one ACK: RFC 5681 asks for an ACK at least every second one. */
export const SEGMENTS_PER_ACK = 2;

/**
 * Counts the in-order data segments received since our last ACK and runs the delayed-ACK timer
 * (a plain engine event). The connection tells it when any segment carrying an ACK leaves.
 */
export class DelayedAck {
  private pending = 0;
  private timer: EventId = -1;
  private readonly timerEvent = (): void => {
    this.timer = -1;
    this.pending = 0;
    this.onTimer();
  };

  constructor(
    private readonly sim: Simulator,
    private readonly timeout: Nanos,
    /** The timer ran out with segments unacknowledged: the connection sends an ACK now. */
    private readonly onTimer: () => void,
  ) {}

  /** In-order data segments waiting for an ACK. */
  get waiting(): number {
    return this.pending;
  }

  /**
   * An in-order data segment arrived that filled no hole. Returns true when it is the second
   * one waiting, so the ACK must go now; otherwise the timer runs (started by the first one).
   */
  onSegment(): boolean {
    if (++this.pending >= SEGMENTS_PER_ACK) return true;
    if (this.timer < 0) this.timer = this.sim.schedule(this.timeout, this.timerEvent);
    return false;
  }

  /** A segment carrying our ACK left (pure ACK, data or FIN): nothing waits any more. */
  acknowledged(): void {
    this.pending = 0;
    if (this.timer >= 0) {
      this.sim.cancel(this.timer);
      this.timer = -1;
    }
  }
}
