// Reno congestion control (RFC 5681): slow start, congestion avoidance, fast retransmit and fast
// recovery, with cwnd and ssthresh in bytes. The socket calls it on every ACK and on timeouts.
// NewReno (newRenoCongestion.ts, the default) extends it with RFC 6582's partial ACKs.

/** What the sender is doing: RFC 5681's two growth regimes, or fast recovery after 3 dup ACKs. */
export type CongestionPhase = 'slowStart' | 'congestionAvoidance' | 'fastRecovery';

/** Why cwnd or ssthresh changed; one per event, for the trace. */
export type CongestionCause =
  | 'slowStart' // an ACK of new data grew cwnd by min(N, SMSS) (eq. 2)
  | 'congestionAvoidance' // an ACK of new data grew cwnd by SMSS*SMSS/cwnd (eq. 3)
  | 'fastRetransmit' // the 3rd duplicate ACK: retransmit now, enter fast recovery
  | 'recoveryInflate' // a further duplicate ACK in fast recovery: cwnd += SMSS
  | 'partialAck' // NewReno: an ACK of some new data in fast recovery, not all up to `recover`
  | 'recoveryExit' // an ACK of new data in fast recovery (NewReno: all of it): cwnd = ssthresh
  | 'sackRecovery' // SACK loss recovery (RFC 6675) begins: ssthresh = cwnd = FlightSize / 2
  | 'timeout'; // the retransmission timer expired: cwnd = 1 SMSS

/** A change of the congestion state, returned by the call that caused it. */
export interface CongestionEvent {
  cause: CongestionCause;
  cwnd: number;
  ssthresh: number;
  previousCwnd: number;
  previousSsthresh: number;
  phase: CongestionPhase;
}

/** Settings of a Reno controller; sizes in bytes. */
export interface RenoOptions {
  /** Sender maximum segment size (SMSS), in bytes. */
  smss: number;
  /** Initial cwnd; default `initialWindow(smss)` (RFC 5681 section 3.1). */
  initialWindow?: number;
  /** Initial ssthresh; default 65 535, the largest window a peer can advertise without scaling. */
  initialSsthresh?: number;
  /** Called with every event as well as returning it (for tracing). */
  onChange?: (event: CongestionEvent) => void;
}

/** Duplicate ACKs that trigger fast retransmit (RFC 5681 section 3.2). */
export const DUP_ACK_THRESHOLD = 3;

/**
 * The initial window of RFC 5681 section 3.1, by SMSS: 2*SMSS above 2190 bytes, 3*SMSS above
 * 1095 bytes, else 4*SMSS. (RFC 3390's min(4*SMSS, max(2*SMSS, 4380)) agrees at SMSS 1460, 4380
 * bytes, but gives 4380 rather than 3*SMSS for SMSS between 1461 and 2190.)
 */
export function initialWindow(smss: number): number {
  if (smss > 2190) return 2 * smss;
  if (smss > 1095) return 3 * smss;
  return 4 * smss;
}

/**
 * RFC 5681 Reno. Decisions where the RFC leaves room:
 * - slow start while cwnd < ssthresh, congestion avoidance when cwnd >= ssthresh; a slow-start
 *   step may overshoot ssthresh (no clamp, as eq. 2 reads);
 * - congestion avoidance adds floor(SMSS*SMSS/cwnd) bytes per ACK, at least 1;
 * - Reno, not NewReno: the first ACK of new data in fast recovery, even a partial ACK that leaves
 *   other losses unacknowledged, deflates cwnd to ssthresh and ends recovery. Later losses in the
 *   same window need 3 new duplicate ACKs (another halving) or a timeout;
 * - a timeout repeated with no new data acknowledged in between keeps ssthresh (RFC 5681 eq. 4
 *   note: the segment was already retransmitted by the timer); cwnd becomes 1*SMSS each time;
 * - no limited transmit (RFC 3042) and no restart after idle (RFC 5681 section 4.1).
 */
export class RenoCongestion {
  readonly smss: number;
  protected cwndBytes: number;
  protected ssthreshBytes: number;
  protected dupAcks = 0;
  protected recovering = false;
  protected timedOutSinceAck = false;
  private readonly onChange: ((event: CongestionEvent) => void) | undefined;

  constructor(options: RenoOptions) {
    const { smss } = options;
    if (!Number.isSafeInteger(smss) || smss <= 0) {
      throw new RangeError('smss must be a positive whole number of bytes');
    }
    this.smss = smss;
    this.cwndBytes = options.initialWindow ?? initialWindow(smss);
    this.ssthreshBytes = options.initialSsthresh ?? 65_535;
    this.onChange = options.onChange;
  }

  /** Congestion window, in bytes. */
  get cwnd(): number {
    return this.cwndBytes;
  }

  /** Slow-start threshold, in bytes. */
  get ssthresh(): number {
    return this.ssthreshBytes;
  }

  /** Duplicate ACKs counted since the last ACK of new data (or timeout). */
  get duplicateAcks(): number {
    return this.dupAcks;
  }

  /** Partial ACKs in the current fast recovery: always 0 for Reno, which has none (NewReno). */
  get partialAcks(): number {
    return 0;
  }

  /** The current phase. */
  get phase(): CongestionPhase {
    if (this.recovering) return 'fastRecovery';
    return this.cwndBytes < this.ssthreshBytes ? 'slowStart' : 'congestionAvoidance';
  }

  /**
   * An ACK acknowledged `bytesAcked` (> 0) new bytes (N in RFC 5681 eq. 2): grows cwnd, or ends
   * fast recovery. Resets the duplicate-ACK count. `ack` (the ACK's SEG.ACK) matters to NewReno
   * only.
   */
  onAck(bytesAcked: number, _ack?: number): CongestionEvent {
    const before = this.cwndBytes;
    const ssthreshBefore = this.ssthreshBytes;
    this.dupAcks = 0;
    this.timedOutSinceAck = false;
    if (this.recovering) {
      this.recovering = false;
      this.cwndBytes = this.ssthreshBytes;
      return this.emit('recoveryExit', before, ssthreshBefore);
    }
    if (this.cwndBytes < this.ssthreshBytes) {
      this.cwndBytes += Math.min(bytesAcked, this.smss);
      return this.emit('slowStart', before, ssthreshBefore);
    }
    this.cwndBytes += Math.max(1, Math.floor((this.smss * this.smss) / this.cwndBytes));
    return this.emit('congestionAvoidance', before, ssthreshBefore);
  }

  /**
   * A duplicate ACK (RFC 5681's definition; `SendBuffer.onAck` tells) arrived while
   * `flightSize` bytes were outstanding. Returns a `fastRetransmit` event on the third one (the
   * caller must retransmit the segment at SND.UNA now), `recoveryInflate` on later ones, and
   * undefined for the first two, which change nothing. `ack` (SEG.ACK = SND.UNA) and `sndMax`
   * (SND.MAX) matter to NewReno only.
   */
  onDuplicateAck(flightSize: number, _ack?: number, _sndMax?: number): CongestionEvent | undefined {
    const before = this.cwndBytes;
    const ssthreshBefore = this.ssthreshBytes;
    this.dupAcks++;
    if (this.recovering) {
      this.cwndBytes += this.smss;
      return this.emit('recoveryInflate', before, ssthreshBefore);
    }
    if (this.dupAcks < DUP_ACK_THRESHOLD) return undefined;
    return this.enterRecovery(flightSize, before, ssthreshBefore);
  }

  /** RFC 5681 3.2 steps 2-3: ssthresh = max(FlightSize/2, 2*SMSS), cwnd = ssthresh + 3*SMSS. */
  protected enterRecovery(
    flightSize: number,
    before: number,
    ssthreshBefore: number,
  ): CongestionEvent {
    this.ssthreshBytes = this.reducedSsthresh(flightSize);
    this.cwndBytes = this.ssthreshBytes + DUP_ACK_THRESHOLD * this.smss;
    this.recovering = true;
    return this.emit('fastRetransmit', before, ssthreshBefore);
  }

  /**
   * SACK loss recovery begins (RFC 6675 5 step 4.2): ssthresh = cwnd = max(FlightSize/2, 2*SMSS),
   * no inflation (the sender counts what is in flight, the pipe, instead). ACKs change nothing
   * until `exitSackRecovery`.
   */
  enterSackRecovery(flightSize: number): CongestionEvent {
    const before = this.cwndBytes;
    const ssthreshBefore = this.ssthreshBytes;
    this.ssthreshBytes = this.reducedSsthresh(flightSize);
    this.cwndBytes = this.ssthreshBytes;
    this.recovering = true;
    this.dupAcks = 0;
    return this.emit('sackRecovery', before, ssthreshBefore);
  }

  /** SACK loss recovery ended (RecoveryPoint acknowledged): cwnd = ssthresh, growth resumes. */
  exitSackRecovery(): CongestionEvent {
    const before = this.cwndBytes;
    this.recovering = false;
    this.cwndBytes = this.ssthreshBytes;
    return this.emit('recoveryExit', before, this.ssthreshBytes);
  }

  /**
   * The retransmission timer expired with `flightSize` bytes outstanding (before any go-back):
   * ssthresh = max(FlightSize/2, 2*SMSS) (kept on a repeated timeout), cwnd = 1*SMSS. `sndMax`
   * (SND.MAX) matters to NewReno only.
   */
  onTimeout(flightSize: number, _sndMax?: number): CongestionEvent {
    const before = this.cwndBytes;
    const ssthreshBefore = this.ssthreshBytes;
    if (!this.timedOutSinceAck) this.ssthreshBytes = this.reducedSsthresh(flightSize);
    this.timedOutSinceAck = true;
    this.cwndBytes = this.smss;
    this.recovering = false;
    this.dupAcks = 0;
    return this.emit('timeout', before, ssthreshBefore);
  }

  protected reducedSsthresh(flightSize: number): number {
    return Math.max(Math.floor(flightSize / 2), 2 * this.smss);
  }

  protected emit(
    cause: CongestionCause,
    previousCwnd: number,
    previousSsthresh: number,
  ): CongestionEvent {
    const event: CongestionEvent = {
      cause,
      cwnd: this.cwndBytes,
      ssthresh: this.ssthreshBytes,
      previousCwnd,
      previousSsthresh,
      phase: this.phase,
    };
    this.onChange?.(event);
    return event;
  }
}
