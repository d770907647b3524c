// TCP on one node: ports, listening sockets, connections demultiplexed by their 4-tuple, RST for
// segments to closed ports (RFC 9293 3.10.7.1), and ICMP errors reported to connecting sockets.

import type { Simulator } from '../../engine/simulator.ts';
import type { NetNode } from '../../net/ip/netNode.ts';
import type { IcmpDispatcher } from '../../net/transport/icmpDispatcher.ts';
import { isValidPort, PortTable } from '../../net/transport/portTable.ts';
import {
  refuseCall,
  ok,
  type SocketErrorCode,
  type SocketResult,
} from '../../net/transport/socketTrace.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { IP_PROTOCOL, type Packet, type TcpHeader } from '../../net/wire/packet.ts';
import { resetReply } from '../../net/tcp/resetReply.ts';
import { DEFAULT_TCP_CONFIG, type TcpConfig } from './tcpConfig.ts';
import { TcpConnection, type ConnectionHost } from './tcpConnection.ts';
import { TcpListener } from './tcpListener.ts';
import './tcpTrace.ts';

type PortOwner = TcpListener | TcpConnection;

/**
 * Connections by their 4-tuple (the local address is the node's): the remote address, then both
 * ports as one number, so a segment finds its connection without building a key string.
 */
class ConnectionTable {
  private readonly byRemote = new Map<Ipv4Address, Map<number, TcpConnection>>();
  /** Every connection, in the order made (for the socket table). */
  private readonly all = new Set<TcpConnection>();

  get(localPort: number, remote: Ipv4Address, remotePort: number): TcpConnection | undefined {
    return this.byRemote.get(remote)?.get(localPort * 65536 + remotePort);
  }

  set(localPort: number, remote: Ipv4Address, remotePort: number, c: TcpConnection): void {
    let ports = this.byRemote.get(remote);
    if (!ports) this.byRemote.set(remote, (ports = new Map()));
    const old = ports.get(localPort * 65536 + remotePort);
    if (old) this.all.delete(old);
    ports.set(localPort * 65536 + remotePort, c);
    this.all.add(c);
  }

  delete(localPort: number, remote: Ipv4Address, remotePort: number): void {
    const ports = this.byRemote.get(remote);
    const c = ports?.get(localPort * 65536 + remotePort);
    if (!ports || !c) return;
    ports.delete(localPort * 65536 + remotePort);
    if (ports.size === 0) this.byRemote.delete(remote);
    this.all.delete(c);
  }

  values(): IterableIterator<TcpConnection> {
    return this.all.values();
  }

  clear(): void {
    this.byRemote.clear();
    this.all.clear();
  }
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
    this.host = {
      sim,
      net: node,
      config: this.config,
      released: (c) => this.forget(c),
      established: (c) => this.parents.get(c)?.enqueue(c),
    };
    node.onDeliver('tcp', (packet) => this.receive(packet));
    icmp.onError(IP_PROTOCOL.tcp, ({ header, quoted }) => {
      if (header.kind !== 'icmp' || quoted.srcPort === undefined || quoted.dstPort === undefined)
        return;
      const connection = this.connections.get(quoted.srcPort, quoted.ip.dst, quoted.dstPort);
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
    this.resetClosed(packet);
  }

  private acceptSyn(listener: TcpListener, packet: Packet): void {
    const h = packet.transport as TcpHeader;
    if (listener.full) {
      this.sim.record({
        t: this.sim.now(),
        type: 'tcp.synDropped',
        node: this.node.name,
        port: listener.port,
        pkt: packet.id,
        backlog: listener.backlog,
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
