// TCP on one node: ports, listening sockets, connections demultiplexed by their 4-tuple, RST for
// segments to closed ports (RFC 9293 3.10.7.1), and ICMP errors reported to connecting sockets.
// A listener's SYN queue is bounded by its backlog and the node's synBacklog; when it is full a
// SYN is dropped, or with synCookies answered by a SYN cookie (tcpSynCookies.ts). Taps see every
// arriving segment and ICMP error about TCP, as a packet capture would (a port scanner's view).

import type { Simulator } from '../../engine/simulator.ts';
import type { NetNode } from '../../net/ip/netNode.ts';
import type { IcmpDispatcher, IcmpErrorHandler } from '../../net/transport/icmpDispatcher.ts';
import { isValidPort, PortTable } from '../../net/transport/portTable.ts';
import {
  refuseCall,
  ok,
  type SocketErrorCode,
  type SocketResult,
} from '../../net/transport/socketTrace.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import {
  ICMP_UNREACHABLE,
  IP_PROTOCOL,
  type Packet,
  type TcpHeader,
} from '../../net/wire/packet.ts';
import { resetReply } from '../../net/tcp/resetReply.ts';
import { DEFAULT_TCP_CONFIG, type TcpConfig } from './tcpConfig.ts';
import { TcpConnection, type ConnectionHost } from './tcpConnection.ts';
import { TcpListener } from './tcpListener.ts';
import { ConnectionTable } from './tcpConnectionTable.ts';
import { SynCookies } from './tcpSynCookies.ts';
import './tcpTrace.ts';

type PortOwner = TcpListener | TcpConnection;

const FRAGMENTATION_NEEDED = ICMP_UNREACHABLE.fragmentationNeeded;

/**
 * Sees what reaches a node's TCP, before TCP handles it (the kernel still answers): every segment
 * and every ICMP error quoting a TCP segment. What a raw socket or a capture gives a scanner.
 */
export interface TcpTap {
  segment?(packet: Packet): void;
  icmpError?: IcmpErrorHandler;
}

/** The TCP layer of a node. */
export class TcpLayer {
  readonly config: TcpConfig;
  private readonly ports: PortTable<PortOwner>;
  private readonly listeners = new Map<number, TcpListener>();
  private readonly connections = new ConnectionTable();
  private readonly parents = new Map<TcpConnection, TcpListener>();
  private readonly host: ConnectionHost;
  private readonly nextIss: () => number;
  private readonly cookies: SynCookies;
  private readonly taps: TcpTap[] = [];

  constructor(
    private readonly sim: Simulator,
    readonly node: NetNode,
    icmp: IcmpDispatcher,
    config: Partial<TcpConfig> = {},
    /** Initial sequence numbers; default: random 32-bit numbers from the node's own stream. */
    initialSequence?: () => number,
  ) {
    this.config = { ...DEFAULT_TCP_CONFIG, ...config };
    this.ports = new PortTable(sim.random.stream(`node:${node.name}/tcp-ports`));
    const isn = sim.random.stream(`node:${node.name}/tcp-isn`);
    this.nextIss = initialSequence ?? (() => isn.nextUint32());
    this.cookies = new SynCookies(sim, node, this.config);
    this.host = {
      sim,
      net: node,
      config: this.config,
      released: (c) => this.forget(c),
      established: (c) => this.parents.get(c)?.enqueue(c),
    };
    node.onDeliver('tcp', (packet) => this.receive(packet));
    icmp.onError(IP_PROTOCOL.tcp, (error) => {
      for (const tap of this.taps) tap.icmpError?.(error);
      const { header, quoted } = error;
      if (header.kind !== 'icmp' || quoted.srcPort === undefined || quoted.dstPort === undefined)
        return;
      const connection = this.connections.get(quoted.srcPort, quoted.ip.dst, quoted.dstPort);
      if (header.message === 'destinationUnreachable' && header.code === FRAGMENTATION_NEEDED) {
        // RFC 1191: not an error but news of the path (the node has learned its MTU already).
        const mtu = this.node.pathMtu(quoted.ip.dst);
        if (connection && mtu !== undefined) connection.pathMtuLowered(mtu, quoted.seq);
        return;
      }
      // RFC 1122 4.2.3.9: hard errors abort only a connection that is still opening.
      if (connection?.state === 'SYN-SENT' && header.message === 'destinationUnreachable') {
        const error: SocketErrorCode = header.code === 3 ? 'ECONNREFUSED' : 'EHOSTUNREACH';
        this.refuse('connect', connection.name, error);
        connection.handlers.onError?.(error);
        connection.abort();
      }
    });
  }

  /** Listens on `port` with an accept queue of `backlog` connections. */
  listen(port: number, backlog = 128): SocketResult<TcpListener> {
    if (!isValidPort(port) || !Number.isInteger(backlog) || backlog < 1)
      return this.refuse('listen', `*:${port}`, 'EINVAL');
    const name = `*:${port}`;
    const listener = new TcpListener(port, backlog, (l) => {
      // Its connections still in SYN-RECEIVED go too (RST), as Linux drops its SYN queue: left
      // alone they would complete the handshake into a listener nobody accepts from.
      for (const [child, parent] of [...this.parents])
        if (parent === l && !child.wasEstablished) child.abort();
      this.listeners.delete(l.port);
      this.ports.release(l.port, l);
      this.sim.record({
        t: this.sim.now(),
        type: 'socket.state',
        node: this.node.name,
        conn: name,
        state: 'CLOSED',
      });
      this.sim.record({
        t: this.sim.now(),
        type: 'socket.release',
        node: this.node.name,
        protocol: 'tcp',
        port: l.port,
      });
    });
    if (!this.ports.bind(port, listener)) return this.refuse('listen', `*:${port}`, 'EADDRINUSE');
    this.listeners.set(port, listener);
    this.sim.record({
      t: this.sim.now(),
      type: 'socket.bind',
      node: this.node.name,
      protocol: 'tcp',
      port,
    });
    this.sim.record({
      t: this.sim.now(),
      type: 'socket.state',
      node: this.node.name,
      conn: name,
      state: 'LISTEN',
    });
    return ok(listener);
  }

  /**
   * Opens a connection to `remote:port`, from `localPort` if given (bind then connect) or else an
   * ephemeral port; the SYN leaves at once.
   */
  connect(remote: Ipv4Address, port: number, localPort?: number): SocketResult<TcpConnection> {
    const target = `${formatIpv4(remote)}:${port}`;
    if (!isValidPort(port) || (localPort !== undefined && !isValidPort(localPort)))
      return this.refuse('connect', target, 'EINVAL');
    const local = this.node.sourceAddressFor(remote);
    if (local === undefined) return this.refuse('connect', target, 'EHOSTUNREACH');
    const holder = {} as PortOwner;
    const bound =
      localPort === undefined
        ? this.ports.bindEphemeral(holder)
        : this.ports.bind(localPort, holder)
          ? localPort
          : undefined;
    if (bound === undefined)
      return this.refuse(
        'connect',
        target,
        localPort === undefined ? 'EADDRNOTAVAIL' : 'EADDRINUSE',
      );
    const connection = new TcpConnection(this.host, local, bound, remote, port, this.nextIss());
    this.ports.release(bound, holder);
    this.ports.bind(bound, connection);
    this.connections.set(bound, remote, port, connection);
    this.sim.record({
      t: this.sim.now(),
      type: 'socket.bind',
      node: this.node.name,
      protocol: 'tcp',
      port: bound,
    });
    connection.connect();
    return ok(connection);
  }

  /** Lets `tap` see what arrives from now on; the function returned stops it. */
  addTap(tap: TcpTap): () => void {
    this.taps.push(tap);
    return () => {
      const at = this.taps.indexOf(tap);
      if (at >= 0) this.taps.splice(at, 1);
    };
  }

  /**
   * The node crashed: every connection and listener is gone at once. Nothing is sent (a crashed
   * machine sends no FIN or RST) and no application is told (it is gone too); their timers are
   * the crashed node's scope's to cancel (src/engine/simulatorScope.ts). Each socket's end is
   * traced (CLOSED, its port released) so that tables of sockets empty. A segment that arrives
   * afterwards finds no connection and is answered with RST, as RFC 9293 says.
   */
  crash(): void {
    const { sim } = this;
    const node = this.node.name;
    const closed = (conn: string): void =>
      sim.record({ t: sim.now(), type: 'socket.state', node, conn, state: 'CLOSED' });
    const released = (port: number): void =>
      sim.record({ t: sim.now(), type: 'socket.release', node, protocol: 'tcp', port });
    for (const connection of this.connections.values()) {
      if (connection.state !== 'CLOSED') closed(connection.name);
      if (!this.parents.has(connection)) released(connection.localPort);
    }
    for (const listener of this.listeners.values()) {
      listener.closed = true;
      closed(`*:${listener.port}`);
      released(listener.port);
    }
    this.connections.clear();
    this.listeners.clear();
    this.parents.clear();
    this.ports.clear();
  }

  /** Connections in any state but CLOSED, for the socket table. */
  openConnections(): TcpConnection[] {
    return [...this.connections.values()];
  }

  private receive(packet: Packet): void {
    for (let i = 0; i < this.taps.length; i++) this.taps[i]?.segment?.(packet);
    const h = packet.transport as TcpHeader;
    const connection = this.connections.get(h.dstPort, packet.ip.src, h.srcPort);
    if (connection) {
      connection.receive(packet);
      return;
    }
    const listener = this.listeners.get(h.dstPort);
    if (listener && h.flags.syn && !h.flags.ack && !h.flags.rst) {
      this.acceptSyn(listener, packet);
      return;
    }
    if (listener && h.flags.rst) return;
    if (listener && this.config.synCookies && h.flags.ack && !h.flags.syn) {
      if (this.acceptCookie(listener, packet)) return;
    }
    this.resetClosed(packet);
  }

  /**
   * A SYN for a listener: a new connection in SYN-RECEIVED, unless its queue is full (its backlog,
   * or synBacklog connections in SYN-RECEIVED). Then, as Linux, the SYN is dropped, or with SYN
   * cookies answered by a cookie while the accept queue itself has room.
   */
  private acceptSyn(listener: TcpListener, packet: Packet): void {
    const h = packet.transport as TcpHeader;
    const synQueueFull = listener.halfOpen >= this.config.synBacklog;
    if (listener.full || synQueueFull) {
      if (this.config.synCookies && listener.queued < listener.backlog) {
        this.cookies.answer(packet);
        return;
      }
      const t = this.sim.now();
      const { port } = listener;
      if (listener.full)
        this.sim.record({
          t,
          type: 'tcp.synDropped',
          node: this.node.name,
          port,
          pkt: packet.id,
          backlog: listener.backlog,
        });
      else
        this.sim.record({
          t,
          type: 'tcp.synQueueFull',
          node: this.node.name,
          port,
          pkt: packet.id,
          synBacklog: this.config.synBacklog,
        });
      return;
    }
    const connection = new TcpConnection(
      this.host,
      packet.ip.dst,
      h.dstPort,
      packet.ip.src,
      h.srcPort,
      this.nextIss(),
    );
    this.connections.set(h.dstPort, packet.ip.src, h.srcPort, connection);
    this.parents.set(connection, listener);
    listener.halfOpen++;
    connection.accept(packet);
  }

  /**
   * An ACK for a listener and no connection, with SYN cookies on: if it brings back a valid
   * cookie, the connection is made now (dropped if the accept queue is full). False if the
   * cookie is not valid (the caller answers with RST, as Linux does).
   */
  private acceptCookie(listener: TcpListener, packet: Packet): boolean {
    const mss = this.cookies.check(packet);
    if (mss === undefined) return false;
    const h = packet.transport as TcpHeader;
    const t = this.sim.now();
    if (listener.queued >= listener.backlog) {
      this.sim.record({
        t,
        type: 'tcp.cookieDropped',
        node: this.node.name,
        port: listener.port,
        pkt: packet.id,
        backlog: listener.backlog,
      });
      return true;
    }
    const iss = (h.ack - 1) >>> 0;
    const connection = new TcpConnection(
      this.host,
      packet.ip.dst,
      h.dstPort,
      packet.ip.src,
      h.srcPort,
      iss,
    );
    this.connections.set(h.dstPort, packet.ip.src, h.srcPort, connection);
    this.parents.set(connection, listener);
    listener.halfOpen++;
    this.sim.record({
      t,
      type: 'tcp.cookieAck',
      node: this.node.name,
      port: listener.port,
      pkt: packet.id,
      conn: connection.name,
      mss,
    });
    connection.acceptCookie(packet, mss);
    return true;
  }

  /** RFC 9293 3.10.7.1: a segment for no connection gets RST (unless it is an RST). */
  private resetClosed(packet: Packet): void {
    const h = packet.transport as TcpHeader;
    if (h.flags.rst) return;
    this.sim.record({
      t: this.sim.now(),
      type: 'tcp.refused',
      node: this.node.name,
      port: h.dstPort,
      pkt: packet.id,
    });
    this.node.send({
      dst: packet.ip.src,
      src: packet.ip.dst,
      transport: resetReply(h, packet.payload),
    });
  }

  private forget(connection: TcpConnection): void {
    this.connections.delete(connection.localPort, connection.remoteAddress, connection.remotePort);
    const parent = this.parents.get(connection);
    if (parent) {
      if (!connection.wasEstablished) parent.halfOpen = Math.max(0, parent.halfOpen - 1);
      this.parents.delete(connection);
    } else {
      this.ports.release(connection.localPort, connection);
      this.sim.record({
        t: this.sim.now(),
        type: 'socket.release',
        node: this.node.name,
        protocol: 'tcp',
        port: connection.localPort,
      });
    }
  }

  private refuse(
    op: string,
    socket: string,
    error: SocketErrorCode,
  ): { ok: false; error: SocketErrorCode } {
    return refuseCall(this.sim, { node: this.node.name, protocol: 'tcp', socket }, op, error);
  }
}
