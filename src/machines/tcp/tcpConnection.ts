// One TCP connection: the XState machine holds its RFC 9293 state and TIME-WAIT; this object
// turns each arriving segment into at most a few machine events, processes ACKs, hands data to
// the application, and is the socket the application drives. Sending and timers: tcpSender.ts.

import { createActor, type Actor } from 'xstate';
import { NS_PER_MS } from '../../engine/time.ts';
import { ReceiveBuffer } from '../../net/tcp/receiveBuffer.ts';
import { seqAdd, seqLe, seqLt } from '../../net/tcp/seq.ts';
import {
  ok,
  refuseCall,
  type SocketErrorCode,
  type SocketResult,
} from '../../net/transport/socketTrace.ts';
import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { tcpFlags, type Packet, type TcpHeader } from '../../net/wire/packet.ts';
import { DEFAULT_PEER_MSS } from './tcpConfig.ts';
import {
  tcpConnectionMachineWithIo,
  type TcpConnectionIo,
  type TcpConnectionEvent,
  type TcpError,
  type TcpState,
} from './tcpConnectionMachine.ts';
import { TcpSender } from './tcpSender.ts';
import type { ConnectionHost, TcpSocketHandlers } from './tcpSocketTypes.ts';

export type { ConnectionHost, TcpSocketHandlers } from './tcpSocketTypes.ts';

/** States in which the application may hand data to send. */
const CAN_SEND = new Set<TcpState>(['ESTABLISHED', 'CLOSE-WAIT']);

/** A TCP connection and the socket an application uses to drive it. Calls never throw. */
export class TcpConnection extends TcpSender {
  readonly handlers: TcpSocketHandlers = {};
  /** Whether the handshake ever completed. */
  wasEstablished = false;
  private readonly actor: Actor<typeof tcpConnectionMachineWithIo>;
  private wantsDrain = false;
  /**
   * Whether an application holds this socket: an active open's caller from the start, a passive
   * open's once `accept()` took it from the listener's queue. Until then, bytes and the peer's
   * FIN that arrive wait in the receive buffer (its window shrinks), as in a real stack.
   */
  private attached = false;
  /** The peer's FIN arrived but the application has not been told (onEnd) yet. */
  private endPending = false;
  /** The application stopped reading (a slow reader): bytes wait and the window shrinks. */
  private paused = false;
  private readonly effects: (() => void)[] = [];
  private runningEffects = false;

  constructor(
    host: ConnectionHost,
    localAddress: Ipv4Address,
    localPort: number,
    remoteAddress: Ipv4Address,
    remotePort: number,
    iss: number,
  ) {
    super(host, localAddress, localPort, remoteAddress, remotePort, iss);
    const { sim, config } = host;
    // The machine's actions only queue their effects: they run once the new state is recorded
    // (XState tells observers after a transition's actions), so the trace reads "SYN-SENT, then
    // SYN" as RFC 9293 draws it, and callbacks such as onConnect see the state they announce.
    const io: TcpConnectionIo = {
      sendSyn: () => this.defer(() => this.emitSyn(false)),
      sendSynAck: () => this.defer(() => this.emitSyn(true)),
      sendAck: () => this.defer(() => this.emitAck()),
      sendFin: () =>
        this.defer(() => {
          this.sendBuffer.close();
          this.output();
        }),
      sendRst: () =>
        this.defer(() => this.emitControl(this.sendBuffer.sndMax, 0, tcpFlags({ rst: true }))),
      established: () => this.defer(() => this.onEstablished()),
      peerClosed: () =>
        this.defer(() => {
          this.endPending = true;
          this.deliver();
        }),
      failed: (error: TcpError) => this.defer(() => this.fail(error)),
      released: () => this.defer(() => this.release()),
    };
    this.actor = createActor(tcpConnectionMachineWithIo, {
      clock: sim.clock,
      input: { mslMs: config.msl / NS_PER_MS, io },
    });
    this.actor.subscribe((snapshot) => {
      const state = snapshot.value as TcpState;
      if (state !== this.state) {
        this.state = state;
        // A connection made for an arriving SYN passes through LISTEN; its listener is the one
        // a learner sees in LISTEN (TcpLayer records it).
        if (state !== 'LISTEN')
          sim.record({
            t: sim.now(),
            type: 'socket.state',
            node: host.net.name,
            conn: this.name,
            state,
          });
      }
      this.runEffects();
    });
    this.actor.start();
  }

  /** Active open: sends SYN. */
  connect(): void {
    this.attached = true;
    this.actor.send({ type: 'app.connect' });
  }

  /** Passive open for a SYN that reached a listener: answers SYN+ACK. */
  accept(syn: Packet): void {
    this.actor.send({ type: 'app.listen' });
    this.takeSyn(syn);
    this.actor.send({ type: 'tcp.syn' });
  }

  /**
   * @internal The application took this passive connection from its listener's accept queue.
   * What arrived before (bytes, the peer's FIN) is handed over by a zero-delay event, so that the
   * application has set its handlers first; a window update follows if bytes were waiting.
   */
  adopt(): void {
    if (this.attached) return;
    this.attached = true;
    this.handOverWaiting();
  }

  /**
   * Stops handing arriving bytes to onData, as a program that does not call recv(): they wait in
   * the receive buffer, the advertised window shrinks, and at zero the sender must stop and probe.
   */
  pauseReading(): void {
    this.paused = true;
  }

  /** Reads again: waiting bytes go to onData and the peer learns that the window reopened. */
  resumeReading(): void {
    if (!this.paused) return;
    this.paused = false;
    this.handOverWaiting();
  }

  /** After zero delay, hands waiting bytes (and a waiting end) to the app and updates the window. */
  private handOverWaiting(): void {
    const waiting = this.receiveBuffer?.readable ?? 0;
    if (waiting === 0 && !this.endPending) return;
    this.host.sim.schedule(0, () => {
      this.deliver();
      if (waiting > 0 && this.state !== 'CLOSED') this.emitAck();
    });
  }

  /** Queues bytes to send; returns how many fit (EAGAIN when none, EPIPE after close). */
  send(bytes: Uint8Array): SocketResult<number> {
    if (this.state === 'CLOSED') return this.refuse('send', 'EBADF');
    if (this.sendBuffer.isClosed) return this.refuse('send', 'EPIPE');
    if (!CAN_SEND.has(this.state)) return this.refuse('send', 'ENOTCONN');
    const taken = this.sendBuffer.write(bytes);
    if (this.sendBuffer.freeSpace === 0) this.wantsDrain = true;
    if (taken === 0 && bytes.length > 0) return this.refuse('send', 'EAGAIN');
    this.output();
    return ok(taken);
  }

  /** Bytes that can be written now without waiting. */
  get writable(): number {
    return this.sendBuffer.isClosed ? 0 : this.sendBuffer.freeSpace;
  }

  /** Graceful close: FIN after the queued data. Reading goes on until the peer's FIN. */
  close(): void {
    this.actor.send({ type: 'app.close' });
  }

  /** Abort: RST (when synchronized) and CLOSED at once. */
  abort(): void {
    this.actor.send({ type: 'app.abort' });
  }

  /** Congestion window, slow-start threshold, RTO and bytes in flight, for inspectors. */
  get stats(): {
    cwnd: number;
    ssthresh: number;
    rto: number;
    srtt: number | undefined;
    inFlight: number;
  } {
    return {
      cwnd: this.congestion.cwnd,
      ssthresh: this.congestion.ssthresh,
      rto: this.rto.rto,
      srtt: this.rto.srtt,
      inFlight: this.sendBuffer.flightSize,
    };
  }

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
    const result = receive.receive(h.seq, data, h.flags.fin);
    if (!result.acceptable) {
      this.emitAck();
      return;
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
      this.emitAck(); // every segment with data or an early FIN is acknowledged at once
    }
    this.output();
  }

  /**
   * ACK processing (RFC 9293 3.10.7.4 fifth, RFC 5681, RFC 6298). Returns false when the segment
   * must be dropped (it acknowledges something never sent).
   */
  private processAck(h: TcpHeader, dataLength: number): boolean {
    const { sim } = this.host;
    const send = this.sendBuffer;
    const flightBefore = send.flightSize;
    const result = send.onAck({
      seq: h.seq,
      ack: h.ack,
      window: h.window,
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
    if (result.kind === 'duplicate') {
      const event = this.congestion.onDuplicateAck(flightBefore);
      if (event?.cause === 'fastRetransmit') this.retransmitOldest('fastRetransmit');
      return true;
    }
    if (result.kind !== 'advanced') return true;
    this.timeouts = 0;
    const sample = this.sampler.acked(h.ack, sim.now());
    if (sample !== undefined) {
      this.rto.addSample(sample);
      this.recordRto('sample');
    }
    if (result.dataBytesAcked > 0) this.congestion.onAck(result.dataBytesAcked);
    if (send.outstanding > 0) this.startTimer(true);
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

  /** Learns the peer's initial sequence number and MSS from its SYN. */
  private takeSyn(packet: Packet): void {
    const h = packet.transport as TcpHeader;
    const mss = h.options.find((o) => o.kind === 'mss');
    this.peerMss = mss?.kind === 'mss' ? mss.value : DEFAULT_PEER_MSS;
    this.receiveBuffer = new ReceiveBuffer({
      irs: h.seq,
      capacity: this.host.config.receiveWindow,
    });
  }

  private onEstablished(): void {
    this.wasEstablished = true;
    // RFC 6298 (5.7): after a SYN timed out, data starts with an RTO of 3 s.
    if (this.synRetransmitted) this.rto.afterSynTimeout();
    this.timeouts = 0;
    this.stopTimer();
    if (this.sendBuffer.outstanding > 0) this.startTimer(true);
    this.host.established(this);
    this.handlers.onConnect?.();
    this.output();
  }

  /**
   * Hands the in-order bytes to the application (onData), then the end of the stream (onEnd)
   * once every byte before the FIN is read; nothing while no application holds the socket.
   */
  private deliver(): void {
    const receive = this.receiveBuffer;
    if (!this.attached || this.paused || !receive) return;
    if (receive.readable > 0) {
      const bytes = receive.read();
      this.handlers.onData?.(bytes);
    }
    if (this.endPending && receive.readable === 0) {
      this.endPending = false;
      this.handlers.onEnd?.();
    }
  }

  protected raise(event: TcpConnectionEvent): void {
    this.actor.send(event);
  }

  private defer(effect: () => void): void {
    this.effects.push(effect);
  }

  /** Runs queued effects in order; effects that raise events queue more, run in this loop. */
  private runEffects(): void {
    if (this.runningEffects) return;
    this.runningEffects = true;
    try {
      for (let effect = this.effects.shift(); effect; effect = this.effects.shift()) effect();
    } finally {
      this.runningEffects = false;
    }
  }

  private fail(error: TcpError): void {
    refuseCall(this.host.sim, this.where(), 'connection', error);
    this.handlers.onError?.(error);
  }

  private refuse(op: string, error: SocketErrorCode): SocketResult<never> {
    return refuseCall(this.host.sim, this.where(), op, error);
  }

  private where(): { node: string; protocol: 'tcp'; socket: string } {
    return { node: this.host.net.name, protocol: 'tcp', socket: this.name };
  }

  private release(): void {
    this.isReleased = true;
    this.stopTimer();
    this.host.released(this);
    this.handlers.onClose?.();
  }
}
