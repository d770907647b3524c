// The receiving half of a TCP connection: classifies each arriving segment (RFC 9293 3.10.7),
// processes ACKs and hands in-order bytes to the application. TcpConnection adds the socket API.

import { ReceiveBuffer } from '../../net/tcp/receiveBuffer.ts';
import { seqAdd, seqLe, seqLt } from '../../net/tcp/seq.ts';
import { SackRecovery } from '../../net/tcp/sackRecovery.ts';
import { MAX_UNSCALED_WINDOW } from '../../net/tcp/tcpExtensions.ts';
import { tcpFlags, type Packet, type TcpHeader } from '../../net/wire/packet.ts';
import type { SackBlock } from '../../net/wire/tcpOptions.ts';
import { DEFAULT_PEER_MSS } from './tcpConfig.ts';
import type { TcpState } from './tcpConnectionMachine.ts';
import { TcpSender } from './tcpSender.ts';
import type { TcpSocketHandlers } from './tcpSocketTypes.ts';

/** States in which the application may hand data to send. */
export const CAN_SEND = new Set<TcpState>(['ESTABLISHED', 'CLOSE-WAIT']);

/** Turns arriving segments into buffer updates, ACK processing and at most a few machine events. */
export abstract class TcpReceiver extends TcpSender {
  readonly handlers: TcpSocketHandlers = {};
  protected wantsDrain = false;
  /**
   * Whether an application holds this socket: an active open's caller from the start, a passive
   * open's once `accept()` took it from the listener's queue. Until then, bytes and the peer's
   * FIN that arrive wait in the receive buffer (its window shrinks), as in a real stack.
   */
  protected attached = false;
  /** The peer's FIN arrived but the application has not been told (onEnd) yet. */
  protected endPending = false;
  /** The application stopped reading (a slow reader): bytes wait and the window shrinks. */
  protected paused = false;

  /** Handles a segment of this connection (demultiplexed by the layer). */
  receive(packet: Packet): void {
    const h = packet.transport as TcpHeader;
    if (this.state === 'SYN-SENT') this.receiveInSynSent(h, packet);
    else if (this.state !== 'CLOSED' && this.state !== 'LISTEN')
      this.receiveSynchronized(h, packet.payload);
  }

  private receiveInSynSent(h: TcpHeader, packet: Packet): void {
    const send = this.sendBuffer;
    // RFC 9293 3.10.7.3: an ACK is acceptable when ISS < SEG.ACK <= SND.NXT.
    const ackAcceptable = h.flags.ack && seqLt(send.iss, h.ack) && seqLe(h.ack, send.sndMax);
    if (h.flags.ack && !ackAcceptable) {
      if (!h.flags.rst) this.emitControl(h.ack, 0, tcpFlags({ rst: true }));
      return;
    }
    if (h.flags.rst) {
      if (ackAcceptable) this.raise({ type: 'tcp.rst' });
      return;
    }
    if (!h.flags.syn) return;
    this.takeSyn(packet);
    if (ackAcceptable) {
      this.processAck(h, 0);
      this.raise({ type: 'tcp.synAck' });
    } else {
      this.raise({ type: 'tcp.syn' });
    }
  }

  private receiveSynchronized(h: TcpHeader, data: Uint8Array): void {
    const receive = this.receiveBuffer as ReceiveBuffer;
    if (h.flags.rst) {
      // RFC 9293 with RFC 5961: only an RST at exactly RCV.NXT resets; one elsewhere in the
      // window gets a challenge ACK.
      if (h.seq === receive.rcvNxt) this.raise({ type: 'tcp.rst' });
      else if (
        receive.window > 0 &&
        seqLt(receive.rcvNxt, h.seq) &&
        seqLt(h.seq, seqAdd(receive.rcvNxt, receive.window))
      )
        this.emitAck();
      return;
    }
    if (h.flags.syn) {
      // Simultaneous open (RFC 9293 figure 7): the peer's SYN+ACK acknowledging our SYN, as
      // Linux accepts it in SYN-RECEIVED (or in FIN-WAIT-1, if the app closed in SYN-RECEIVED:
      // the FIN waits for this ACK); any other SYN here gets a challenge ACK (RFC 5961).
      const send = this.sendBuffer;
      if (
        !send.synAcked &&
        h.flags.ack &&
        seqAdd(h.seq, 1) === receive.rcvNxt &&
        h.ack === send.sndNxt
      ) {
        this.processAck(h, 0);
        this.raise({ type: 'tcp.synAck' });
        this.output();
      } else {
        this.emitAck();
      }
      return;
    }
    if (this.state === 'TIME-WAIT') {
      // Our last ACK was lost, so the peer sends its FIN again (acknowledge it and restart 2 MSL)
      // or, after a timeout, data before the FIN (RFC 9293 3.10.7.4: an unacceptable segment is
      // answered with an ACK); left unanswered it would retransmit until it gives up.
      if (h.flags.fin) this.raise({ type: 'tcp.fin' });
      else if (data.length > 0) this.emitAck();
      return;
    }
    const hadHole = receive.hasOutOfOrder;
    const result = receive.receive(h.seq, data, h.flags.fin);
    if (!result.acceptable) {
      this.emitAck();
      return;
    }
    const extensions = this.extensions;
    if (extensions) {
      extensions.onSegment(h, this.lastAckSent);
      if (result.outOfOrder && data.length > 0) extensions.onOutOfOrder(h.seq, receive);
    }
    if (!h.flags.ack) return;
    if (this.state === 'SYN-RECEIVED') {
      const send = this.sendBuffer;
      if (!(seqLt(send.sndUna, h.ack) && seqLe(h.ack, send.sndNxt))) {
        this.emitControl(h.ack, 0, tcpFlags({ rst: true }));
        return;
      }
      this.processAck(h, data.length);
      this.raise({ type: 'tcp.ackOfSyn' });
    } else if (!this.processAck(h, data.length)) {
      return;
    }
    if (result.delivered > 0) this.deliver();
    if (result.finReceived) {
      this.raise({ type: 'tcp.fin' }); // acknowledges the FIN (and any data with it)
    } else if (data.length > 0 || h.flags.fin) {
      // RFC 5681 4.2: out of order, filling a hole (or an early FIN): acknowledged at once.
      this.acknowledge(result.outOfOrder || hadHole || h.flags.fin || result.newBytes === 0);
    }
    this.output();
  }

  /**
   * Acknowledges a data segment: at once without delayed ACKs or when `now`; else on the second
   * segment waiting, or when the delayed-ACK timer runs out. Nothing when a reply the application
   * sent from onData already carried the ACK.
   */
  private acknowledge(now: boolean): void {
    const delayed = this.delayedAck;
    if (!delayed || now) this.emitAck();
    else if (this.lastAckSent !== this.receiveBuffer?.rcvNxt && delayed.onSegment()) this.emitAck();
  }

  /**
   * ACK processing (RFC 9293 3.10.7.4 fifth, RFC 5681, RFC 6298). Returns false when the segment
   * must be dropped (it acknowledges something never sent).
   */
  private processAck(h: TcpHeader, dataLength: number): boolean {
    const { sim } = this.host;
    const send = this.sendBuffer;
    const flightBefore = send.flightSize;
    const unaBefore = send.sndUna;
    const result = send.onAck({
      seq: h.seq,
      ack: h.ack,
      window: this.extensions ? this.extensions.peerWindow(h.window, h.flags.syn) : h.window,
      dataLength,
      syn: h.flags.syn,
      fin: h.flags.fin,
    });
    if (result.kind === 'unsent') {
      this.emitAck();
      return false;
    }
    // The peer answers while nothing is outstanding (a window probe): it is alive, so a
    // persisting sender keeps probing as long as the window stays zero (RFC 9293 3.8.6.1).
    if (send.outstanding === 0) this.timeouts = 0;
    const congestion = this.congestion;
    // With SACK agreed, RFC 6675 decides loss recovery: no duplicate-ACK count, no partial ACKs.
    const sack = this.sack;
    const sackDecides = sack !== undefined && this.sackAck(sack, h, unaBefore, flightBefore);
    if (result.kind === 'duplicate') {
      if (sack) return true;
      const event = congestion.onDuplicateAck(flightBefore, h.ack, send.sndMax);
      if (event?.cause === 'fastRetransmit') this.retransmitOldest('fastRetransmit');
      return true;
    }
    if (result.kind !== 'advanced') return true;
    this.timeouts = 0;
    const timed = this.sampler.acked(h.ack, sim.now());
    const sample = this.extensions?.rttSample(h, sim.now()) ?? timed;
    if (sample !== undefined) {
      this.rto.addSample(sample);
      this.recordRto('sample');
    }
    // In fast recovery an ACK of only our FIN still ends (or advances) recovery.
    const recovering = congestion.phase === 'fastRecovery';
    const event =
      !sackDecides && (result.dataBytesAcked > 0 || recovering)
        ? congestion.onAck(result.dataBytesAcked, h.ack)
        : undefined;
    if (event?.cause === 'partialAck') {
      // NewReno (RFC 6582 3.2 step 5): resend the next hole at once; restart the timer on the
      // first partial ACK of the recovery only ("Impatient", as ns-3), so that a window with
      // many holes falls back on the timeout instead of taking one round trip per hole.
      this.retransmitOldest('partialAck');
      if (congestion.partialAcks === 1) this.startTimer(true);
    } else if (send.outstanding > 0) this.startTimer(true);
    else this.stopTimer();
    if (result.finAcked) {
      this.raise({ type: 'tcp.ackOfFin' });
      this.handlers.onAllAcknowledged?.();
    }
    if (this.wantsDrain && send.freeSpace > 0 && CAN_SEND.has(this.state)) {
      this.wantsDrain = false;
      this.handlers.onDrain?.();
    }
    return true;
  }

  /**
   * Feeds an ACK to SACK loss recovery (RFC 6675 section 5): enters it (ssthresh = cwnd = half the
   * flight, the first hole resent), or leaves it. Returns true while recovery is in charge of
   * the congestion window (in recovery, or this ACK began or ended it).
   */
  private sackAck(sack: SackRecovery, h: TcpHeader, unaBefore: number, flight: number): boolean {
    const send = this.sendBuffer;
    const blocks = sackBlocksOf(h);
    const outcome = sack.onAck(h.ack, blocks, unaBefore, send.sndMax);
    if (outcome === 'enter') {
      this.congestion.enterSackRecovery(flight);
      this.resend(sack.enter(send.sndUna, send.sndMax), 'fastRetransmit');
    } else if (outcome === 'exit') {
      this.congestion.exitSackRecovery();
    }
    return outcome !== undefined || sack.inRecovery;
  }

  /** Learns the peer's initial sequence number and MSS from its SYN. */
  protected takeSyn(packet: Packet): void {
    const h = packet.transport as TcpHeader;
    const mss = h.options.find((o) => o.kind === 'mss');
    this.peerMss = mss?.kind === 'mss' ? mss.value : DEFAULT_PEER_MSS;
    const agreed = this.extensions?.takeSyn(h.options);
    if (agreed?.sack) {
      const smss = Math.min(this.host.config.mss, this.peerMss) - (agreed.timestamps ? 12 : 0);
      this.sack = new SackRecovery({ iss: this.sendBuffer.iss, smss });
    }
    this.receiveBuffer = new ReceiveBuffer({
      irs: h.seq,
      capacity: this.host.config.receiveWindow,
      maxWindow: MAX_UNSCALED_WINDOW * 2 ** (agreed?.rcvShift ?? 0),
    });
  }

  /**
   * Learns the peer from the ACK that brought a SYN cookie back: its ISN is the ACK's seq - 1 and
   * its MSS what the cookie says; the SYN's other options are lost (plain RFC 9293 segments). Our
   * SYN counts as sent, so the ACK acknowledges it.
   */
  protected takeCookie(ack: Packet, peerMss: number): void {
    const h = ack.transport as TcpHeader;
    this.peerMss = peerMss;
    this.extensions?.takeSyn([]);
    this.sendBuffer.sendSyn();
    this.receiveBuffer = new ReceiveBuffer({
      irs: seqAdd(h.seq, -1),
      capacity: this.host.config.receiveWindow,
      maxWindow: MAX_UNSCALED_WINDOW,
    });
  }

  /**
   * Hands the in-order bytes to the application (onData), then the end of the stream (onEnd)
   * once every byte before the FIN is read; nothing while no application holds the socket.
   */
  protected deliver(): void {
    const receive = this.receiveBuffer;
    if (!this.attached || this.paused || !receive) return;
    if (receive.readable > 0) {
      const { onDiscard } = this.handlers;
      if (onDiscard) onDiscard(receive.discard());
      else this.handlers.onData?.(receive.read());
    }
    if (this.endPending && receive.readable === 0) {
      this.endPending = false;
      this.handlers.onEnd?.();
    }
  }
}

const NO_BLOCKS: readonly SackBlock[] = [];

/** The SACK blocks a segment carries (none when it has no SACK option). */
function sackBlocksOf(h: TcpHeader): readonly SackBlock[] {
  for (const option of h.options) if (option.kind === 'sack') return option.blocks;
  return NO_BLOCKS;
}
