// The sending half of a TCP connection: the send buffer, RTO estimation (RFC 6298), congestion
// control (NewReno, RFC 6582, or Reno, RFC 5681), building and sending segments sized by the
// MSS and the path MTU (RFC 1191: Don't Fragment set, smaller after "fragmentation needed"), and
// the retransmission and persist timers. TcpReceiver extends it with segment arrival, TcpConnection
// with the machine and socket.

import type { EventId } from '../../engine/simulator.ts';
import { createCongestionControl } from '../../net/tcp/newRenoCongestion.ts';
import type { RenoCongestion } from '../../net/tcp/renoCongestion.ts';
import type { ReceiveBuffer } from '../../net/tcp/receiveBuffer.ts';
import { RtoEstimator } from '../../net/tcp/rtoEstimator.ts';
import { RttSampler } from '../../net/tcp/rttSampler.ts';
import { segmentLength, type OutgoingSegment } from '../../net/tcp/segment.ts';
import { SendBuffer } from '../../net/tcp/sendBuffer.ts';
import { MAX_SCALED_WINDOW } from '../../net/tcp/tcpExtensions.ts';
import { seqAdd, seqLt } from '../../net/tcp/seq.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { DEFAULT_MTU } from '../../net/ip/netInterface.ts';
import {
  IPV4_HEADER_LENGTH,
  TCP_HEADER_LENGTH,
  tcpFlags,
  type TcpFlags,
  type TcpHeader,
} from '../../net/wire/packet.ts';
import { DEFAULT_PEER_MSS } from './tcpConfig.ts';
import { DelayedAck } from './tcpDelayedAck.ts';
import { TcpExtensionState } from './tcpExtensionState.ts';
import type { Resend } from '../../net/tcp/sackScoreboard.ts';
import type { SackRecovery } from '../../net/tcp/sackRecovery.ts';
import type { ConnectionHost } from './tcpSocketTypes.ts';
import type { TcpConnectionEvent, TcpState } from './tcpConnectionMachine.ts';
import { connectionName, type RetransmitReason } from './tcpTrace.ts';

export const EMPTY = new Uint8Array(0);
/** The IPv4 and TCP headers without options: what a path MTU holds besides a segment's data. */
const HEADERS = IPV4_HEADER_LENGTH + TCP_HEADER_LENGTH;
/** The flags of data segments and ACKs, made once (a packet's flags are never changed). */
const DATA_FLAGS = [false, true].map((psh) =>
  [false, true].map((fin) => Object.freeze(tcpFlags({ ack: true, psh, fin }))),
) as [[TcpFlags, TcpFlags], [TcpFlags, TcpFlags]];
const ACK_FLAGS = (DATA_FLAGS[0] as [TcpFlags, TcpFlags])[0];

/** Sends a connection's segments and runs its timers; the subclass feeds it ACKs and states. */
export abstract class TcpSender {
  readonly name: string;
  state: TcpState = 'CLOSED';
  protected readonly sendBuffer: SendBuffer;
  protected receiveBuffer: ReceiveBuffer | undefined;
  protected readonly rto: RtoEstimator;
  protected readonly sampler = new RttSampler();
  protected readonly congestion: RenoCongestion;
  protected peerMss = DEFAULT_PEER_MSS;
  /**
   * The most a segment may carry for the path MTU (RFC 1191): the path MTU less the IP and TCP
   * headers, lowered when an ICMP "fragmentation needed" says the path is narrower.
   */
  protected pathMss: number;
  /** Why data below SND.MAX is being sent again: what rewound the send buffer last. */
  protected resendReason: RetransmitReason = 'timeout';
  protected timer: EventId = -1;
  /** The timer is the persist timer (RFC 9293 3.8.6.1): the peer's window is zero. */
  protected persisting = false;
  protected timeouts = 0;
  protected synRetransmitted = false;
  /** Made by a listener for a SYN: its SYN-ACK is retried `synAckRetries` times, not `synRetries`. */
  protected passive = false;
  /**
   * The connection reached CLOSED and was released: it sends nothing more, even when a handler
   * that closed it (abort in onData, say) returns into the middle of segment processing.
   */
  protected isReleased = false;
  /** The delayed-ACK counter and timer, when the node delays ACKs. */
  protected readonly delayedAck: DelayedAck | undefined;
  /** The acknowledgment number of the last segment we sent with ACK set (Last.ACK.sent). */
  protected lastAckSent = -1;
  /** Window scaling, timestamps and SACK, when the node offers any (else plain RFC 9293). */
  protected readonly extensions: TcpExtensionState | undefined;
  /** SACK loss recovery (RFC 6675), once both SYNs agreed on SACK. */
  protected sack: SackRecovery | undefined;
  private readonly timerEvent = (): void => this.onTimeout();

  constructor(
    protected readonly host: ConnectionHost,
    readonly localAddress: Ipv4Address,
    readonly localPort: number,
    readonly remoteAddress: Ipv4Address,
    readonly remotePort: number,
    iss: number,
  ) {
    const { sim, config } = host;
    this.name = connectionName(
      formatIpv4(localAddress),
      localPort,
      formatIpv4(remoteAddress),
      remotePort,
    );
    this.sendBuffer = new SendBuffer({ iss, capacity: config.sendBuffer });
    this.pathMss = (host.net.pathMtu(remoteAddress) ?? DEFAULT_MTU) - HEADERS;
    this.rto = new RtoEstimator({
      initialRto: config.initialRto,
      minRto: config.minRto,
      maxRto: config.maxRto,
    });
    this.congestion = createCongestionControl(config.congestionControl, {
      smss: config.mss,
      iss,
      // RFC 5681 3.1: ssthresh starts at the largest window the peer could advertise.
      ...(config.windowScaling ? { initialSsthresh: MAX_SCALED_WINDOW } : {}),
      onChange: (e) =>
        sim.record({
          t: sim.now(),
          type: 'tcp.cwnd',
          node: host.net.name,
          conn: this.name,
          cwnd: e.cwnd,
          ssthresh: e.ssthresh,
          cause: e.cause,
        }),
    });
    this.delayedAck = config.delayedAck
      ? new DelayedAck(sim, config.delayedAckTimeout, () => {
          if (!this.isReleased && this.receiveBuffer) this.emitAck();
        })
      : undefined;
    this.extensions =
      config.windowScaling || config.timestamps || config.sack
        ? new TcpExtensionState({
            windowScaling: config.windowScaling,
            timestamps: config.timestamps,
            sack: config.sack,
            receiveBuffer: config.receiveWindow,
          })
        : undefined;
  }

  /**
   * The most data a segment carries: the smaller MSS, less the options our segments carry now
   * (timestamps, SACK blocks; RFC 6691: the sender leaves room for its options).
   */
  protected segmentMss(): number {
    const mss = Math.min(this.host.config.mss, this.peerMss, this.pathMss);
    return this.extensions ? mss - this.extensions.optionBytes(this.receiveBuffer) : mss;
  }

  /**
   * An ICMP "fragmentation needed" quoted our segment `seq`, and the node's path MTU to the peer is
   * now `mtu` (RFC 1191 section 6.4). If that lowers the segment size, segments are cut smaller
   * from now on and what is in flight is sent again at once at the new size, with the congestion
   * window left alone (the path is narrower, not congested), as Linux's tcp_simple_retransmit.
   * A message about a segment no longer in flight (`seq` outside SND.UNA..SND.MAX) is ignored.
   */
  pathMtuLowered(mtu: number, seq: number | undefined): void {
    const send = this.sendBuffer;
    if (this.isReleased || this.state === 'CLOSED') return;
    if (seq !== undefined && (seqLt(seq, send.sndUna) || !seqLt(seq, send.sndMax))) return;
    const mss = mtu - HEADERS;
    if (mss >= this.pathMss) return;
    this.pathMss = mss;
    const { sim, net } = this.host;
    const conn = this.name;
    sim.record({
      t: sim.now(),
      type: 'tcp.pathMtu',
      node: net.name,
      conn,
      mtu,
      mss: this.segmentMss(),
    });
    if (send.outstanding === 0) return;
    this.sack?.onTimeout(send.sndMax);
    this.resendReason = 'pathMtu';
    send.rewind();
    this.output();
    if (send.outstanding > 0 && !this.persisting) this.startTimer(true);
  }

  /** Raises a machine event (the subclass owns the machine). */
  protected abstract raise(event: TcpConnectionEvent): void;

  /** Records the RTO after an RTT sample or a backoff. */
  protected recordRto(cause: 'sample' | 'backoff'): void {
    const { sim, net } = this.host;
    sim.record({
      t: sim.now(),
      type: 'tcp.rto',
      node: net.name,
      conn: this.name,
      rto: this.rto.rto,
      srtt: this.rto.srtt ?? null,
      rttvar: this.rto.rttvar ?? null,
      cause,
    });
  }

  /** Sends whatever the windows allow: new data, data to resend after a rewind, the FIN. */
  protected output(): void {
    if (
      !this.receiveBuffer ||
      this.state === 'CLOSED' ||
      this.state === 'SYN-SENT' ||
      this.state === 'SYN-RECEIVED'
    )
      return;
    const send = this.sendBuffer;
    const mss = this.segmentMss();
    if (this.sack?.inRecovery) this.outputSackRecovery(this.sack, mss);
    for (;;) {
      if (this.sack?.inRecovery) break;
      const highest = send.sndMax;
      const segment = send.nextSegment(this.congestion.cwnd, mss);
      if (!segment) break;
      const resend = seqLt(segment.seq, highest);
      this.emitSegment(segment, resend ? this.resendReason : undefined);
    }
    // Nothing in flight, something to send, and a zero window: only the peer's window update
    // can restart us, and it may be lost, so the persist timer probes the window.
    const waiting = send.unsentBytes > 0 || (send.isClosed && !send.finAcked);
    if (this.timer < 0 && send.outstanding === 0 && send.sndWnd === 0 && waiting) {
      this.startTimer(false);
      this.persisting = true;
    }
  }

  /**
   * RFC 6675 5 step C: while cwnd - pipe allows a full segment, send what NextSeg() chooses: a
   * range the SACK blocks show lost, else new data, else a range not yet SACKed.
   */
  private outputSackRecovery(sack: SackRecovery, mss: number): void {
    const send = this.sendBuffer;
    while (this.congestion.cwnd - sack.pipe(send.sndMax) >= mss) {
      let next = sack.next(true);
      if (next?.kind === 'new') {
        // Rule 2: one segment of new data, if the peer's window allows it.
        const segment = send.nextSegment(send.flightSize + mss, mss);
        if (segment) {
          this.emitSegment(segment);
          continue;
        }
        next = sack.next(false);
      }
      if (next?.kind !== 'resend') return;
      this.resend(next, 'sackRecovery');
    }
  }

  /** Resends up to one segment of `range` (SACK recovery) and moves HighRxt past it. */
  protected resend(range: Resend, reason: RetransmitReason): void {
    const segment = this.sendBuffer.segmentAt(range.seq, Math.min(range.length, this.segmentMss()));
    this.emitSegment(segment, reason);
    this.sack?.resent(segment.seq, segmentLength(segment));
  }

  protected retransmitOldest(reason: RetransmitReason): void {
    const send = this.sendBuffer;
    if (send.outstanding === 0) return;
    const mss = this.segmentMss();
    this.emitSegment(send.segmentAt(send.sndUna, mss), reason);
  }

  protected emitSegment(segment: OutgoingSegment, retransmit?: RetransmitReason): void {
    const { sim, net } = this.host;
    const length = segmentLength(segment);
    this.sampler.sent(segment.seq, length, sim.now());
    if (retransmit) {
      sim.record({
        t: sim.now(),
        type: 'tcp.retransmit',
        node: net.name,
        conn: this.name,
        seq: segment.seq,
        bytes: segment.data.length,
        reason: retransmit,
      });
    }
    const flags = DATA_FLAGS[segment.data.length > 0 ? 1 : 0][segment.fin ? 1 : 0];
    this.transmit(segment.seq, flags, segment.data);
    if (length > 0 && (this.timer < 0 || this.persisting)) this.startTimer(true);
  }

  protected emitSyn(withAck: boolean): void {
    const send = this.sendBuffer;
    const segment = send.sndMax === send.iss ? send.sendSyn() : send.segmentAt(send.iss, 0);
    this.sampler.sent(segment.seq, 1, this.host.sim.now());
    const { config, sim, net } = this.host;
    // The MSS we announce: ours, no more than the interface's MTU allows (Linux's advmss).
    const linkMss = (net.interfaceMtu(this.remoteAddress) ?? DEFAULT_MTU) - HEADERS;
    const mss = Math.min(config.mss, linkMss);
    const options = this.extensions
      ? this.extensions.synOptions(mss, withAck, sim.now())
      : [{ kind: 'mss' as const, value: mss }];
    this.transmit(segment.seq, tcpFlags({ syn: true, ack: withAck }), EMPTY, options);
    this.startTimer(true);
  }

  /**
   * A pure ACK. Its sequence number is SND.MAX, RFC 9293's SND.NXT: after a timeout our go-back-N
   * moves `sndNxt` back to SND.UNA, but the peer may already hold bytes up to SND.MAX, and an ACK
   * numbered below its RCV.NXT would be unacceptable there (answered by an ACK, its own ACK field
   * ignored): two rewound peers then bounce ACKs forever and never learn what the other received.
   */
  protected emitAck(): void {
    this.transmit(this.sendBuffer.sndMax, ACK_FLAGS, EMPTY);
  }

  protected emitControl(seq: number, ack: number, flags: TcpFlags): void {
    this.transmit(seq, flags, EMPTY, [], ack);
  }

  protected transmit(
    seq: number,
    flags: TcpFlags,
    payload: Uint8Array,
    synOptions: TcpHeader['options'] = [],
    ack?: number,
  ): void {
    if (this.isReleased) return;
    const receive = this.receiveBuffer;
    const ackNumber = flags.ack ? (receive?.rcvNxt ?? 0) : (ack ?? 0);
    if (flags.ack) {
      this.lastAckSent = ackNumber;
      this.delayedAck?.acknowledged();
    }
    let window = receive ? receive.window : Math.min(this.host.config.receiveWindow, 65_535);
    let options = synOptions;
    const extensions = this.extensions;
    if (extensions) {
      window = extensions.windowField(window, flags.syn);
      if (!flags.syn && !flags.rst)
        options = extensions.segmentOptions(this.host.sim.now(), receive);
    }
    this.host.net.send({
      dst: this.remoteAddress,
      src: this.localAddress,
      transport: {
        kind: 'tcp',
        srcPort: this.localPort,
        dstPort: this.remotePort,
        seq: seq >>> 0,
        ack: ackNumber,
        flags,
        window,
        urgentPointer: 0,
        options,
      },
      payload,
    });
  }

  protected startTimer(restart: boolean): void {
    if (this.timer >= 0) {
      if (!restart) return;
      this.host.sim.cancel(this.timer);
    }
    this.persisting = false;
    this.timer = this.host.sim.schedule(this.rto.rto, this.timerEvent);
  }

  protected stopTimer(): void {
    if (this.timer >= 0) this.host.sim.cancel(this.timer);
    this.timer = -1;
    this.persisting = false;
  }

  /**
   * The retransmission timer ran out (RFC 6298 5.4-5.7, RFC 5681 eq. 4), or the persist timer
   * (RFC 9293 3.8.6.1), which backs off the same way and sends a window probe.
   */
  protected onTimeout(): void {
    this.timer = -1;
    const persisting = this.persisting;
    this.persisting = false;
    const { sim, net, config } = this.host;
    // Still opening while our SYN is unacknowledged, also after a close in SYN-RECEIVED.
    const opening = this.state === 'SYN-SENT' || !this.sendBuffer.synAcked;
    const synLimit = this.passive ? config.synAckRetries : config.synRetries;
    if (++this.timeouts > (opening ? synLimit : config.retries)) {
      this.raise({ type: 'tcp.giveUp' });
      return;
    }
    this.rto.backoff();
    this.recordRto('backoff');
    if (opening) {
      this.synRetransmitted = true;
      sim.record({
        t: sim.now(),
        type: 'tcp.retransmit',
        node: net.name,
        conn: this.name,
        seq: this.sendBuffer.iss,
        bytes: 0,
        reason: 'timeout',
      });
      this.emitSyn(this.state !== 'SYN-SENT');
      return;
    }
    if (persisting) {
      // A window probe the peer must answer: as Linux does, an ACK numbered SND.UNA - 1, which
      // the peer finds unacceptable and acknowledges with its current window.
      this.transmit(seqAdd(this.sendBuffer.sndUna, -1), tcpFlags({ ack: true }), EMPTY);
      this.startTimer(false);
      this.persisting = true;
      return;
    }
    this.congestion.onTimeout(this.sendBuffer.flightSize, this.sendBuffer.sndMax);
    this.sack?.onTimeout(this.sendBuffer.sndMax);
    this.resendReason = 'timeout';
    this.sendBuffer.rewind();
    this.output();
    if (this.timer < 0 && this.sendBuffer.outstanding > 0) this.startTimer(false);
  }
}
