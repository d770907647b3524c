// One TCP connection: the XState machine holds its RFC 9293 state and TIME-WAIT; this object runs
// the machine's effects and is the socket the application drives. Segment arrival and ACK
// processing: tcpReceiver.ts; sending and timers: tcpSender.ts.

import { NS_PER_MS } from '../../engine/time.ts';
import { FlatMachineActor } from '../flatMachineActor.ts';
import {
  ok,
  refuseCall,
  type SocketErrorCode,
  type SocketResult,
} from '../../net/transport/socketTrace.ts';
import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { tcpFlags, type Packet } from '../../net/wire/packet.ts';
import {
  tcpConnectionMachineWithIo,
  type TcpConnectionIo,
  type TcpConnectionEvent,
  type TcpError,
  type TcpState,
} from './tcpConnectionMachine.ts';
import { CAN_SEND, TcpReceiver } from './tcpReceiver.ts';
import type { ConnectionHost } from './tcpSocketTypes.ts';

export type { ConnectionHost, TcpSocketHandlers } from './tcpSocketTypes.ts';

/** A TCP connection and the socket an application uses to drive it. Calls never throw. */
export class TcpConnection extends TcpReceiver {
  /** Whether the handshake ever completed. */
  wasEstablished = false;
  private readonly actor: FlatMachineActor<typeof tcpConnectionMachineWithIo>;
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
    this.actor = new FlatMachineActor(tcpConnectionMachineWithIo, {
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
    this.passive = true;
    this.actor.send({ type: 'app.listen' });
    this.takeSyn(syn);
    this.actor.send({ type: 'tcp.syn' });
  }

  /**
   * Passive open from a valid SYN cookie (RFC 4987 3.6): `ack` is the segment that brought it
   * back (its ack - 1 is our ISN, its seq - 1 the peer's), `peerMss` the MSS the cookie encodes.
   * The SYN+ACK was sent without state, so the connection enters SYN-RECEIVED without sending
   * it, and `ack` is then processed as the ACK of our SYN (with any data it carries).
   */
  acceptCookie(ack: Packet, peerMss: number): void {
    this.passive = true;
    this.actor.send({ type: 'app.listen' });
    this.takeCookie(ack, peerMss);
    this.actor.send({ type: 'tcp.validCookie' });
    this.receive(ack);
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
    return this.queue(bytes, false);
  }

  /**
   * `send` for bytes nothing will ever change (a constant pattern): the send buffer keeps a view
   * of them rather than a copy. Writing into them afterwards would change data already sent.
   */
  sendShared(bytes: Uint8Array): SocketResult<number> {
    return this.queue(bytes, true);
  }

  private queue(bytes: Uint8Array, shared: boolean): SocketResult<number> {
    if (this.state === 'CLOSED') return this.refuse('send', 'EBADF');
    if (this.sendBuffer.isClosed) return this.refuse('send', 'EPIPE');
    if (!CAN_SEND.has(this.state)) return this.refuse('send', 'ENOTCONN');
    const taken = shared ? this.sendBuffer.writeShared(bytes) : this.sendBuffer.write(bytes);
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
    this.delayedAck?.acknowledged();
    this.host.released(this);
    this.handlers.onClose?.();
  }
}
