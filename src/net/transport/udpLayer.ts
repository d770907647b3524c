// UDP (RFC 768) on one node: sockets bound to ports, datagrams demultiplexed by destination port,
// ICMP port unreachable for datagrams nobody listens for, and that ICMP error reported back to
// the sending socket as ECONNREFUSED (as Linux reports it to a connected UDP socket). Datagrams
// leave without Don't Fragment, so a router cuts one too big for a link into fragments, unless
// the socket sets it (`dontFragment`, Linux's IP_PMTUDISC_DO): then a datagram bigger than the
// path MTU fails with EMSGSIZE, at once or when a router's "fragmentation needed" comes back.

import type { Simulator } from '../../engine/simulator.ts';
import type { NetNode } from '../ip/netNode.ts';
import { formatIpv4, type Ipv4Address } from '../wire/ipv4Address.ts';
import { ICMP_UNREACHABLE, IP_PROTOCOL, type Packet } from '../wire/packet.ts';
import type { IcmpDispatcher } from './icmpDispatcher.ts';
import { isValidPort, PortTable } from './portTable.ts';
import { ok, refuseCall, type SocketErrorCode, type SocketResult } from './socketTrace.ts';

/** Largest UDP payload in one IPv4 datagram: 65535 - 20 (IP) - 8 (UDP). */
export const MAX_UDP_PAYLOAD = 65_507;

/** A datagram as the application sees it. */
export interface Datagram {
  from: Ipv4Address;
  fromPort: number;
  payload: Uint8Array;
  /** Id of the packet that carried it, for the trace. */
  packet: number;
  /** The node's interface it came in on (a DHCP server answers on that segment). */
  iface: string;
  /** Where it was sent: this node's address, or a broadcast. */
  to: Ipv4Address;
}

/** What `sendTo` did. */
export interface SentDatagram {
  bytes: number;
  packet: number;
}

/** A UDP socket. Calls return a result; they never throw. */
export interface UdpSocket {
  readonly port: number;
  /**
   * Sets Don't Fragment on the datagrams it sends (Linux's IP_MTU_DISCOVER = IP_PMTUDISC_DO, as
   * `ping -M do`): a router that cannot forward one whole drops it and answers "fragmentation
   * needed". Off by default: datagrams are fragmented where they must be.
   */
  dontFragment: boolean;
  /**
   * Sends a datagram: the bytes sent and the id of the packet that carries them. EBADF when
   * closed, EMSGSIZE when too large (for IPv4, or with dontFragment for the path MTU the node
   * knows), EHOSTUNREACH with no route.
   */
  sendTo(to: Ipv4Address, port: number, payload: Uint8Array): SocketResult<SentDatagram>;
  /** Gives the port back. Later calls fail with EBADF. */
  close(): void;
  /** Called with every datagram that arrives for this port. */
  onMessage: ((datagram: Datagram) => void) | undefined;
  /** Called when an ICMP error says a datagram this socket sent could not be delivered. */
  onError: ((error: SocketErrorCode, about: { to: Ipv4Address; port: number }) => void) | undefined;
}

/** The IP header fields of a datagram: Don't Fragment as the socket says. */
const DF = Object.freeze({ dontFragment: true });
const NO_DF = Object.freeze({ dontFragment: false });

/** The UDP layer of a node. */
export class UdpLayer {
  private readonly ports: PortTable<UdpSocketImpl>;

  constructor(
    private readonly sim: Simulator,
    readonly node: NetNode,
    icmp: IcmpDispatcher,
  ) {
    this.ports = new PortTable(sim.random.stream(`node:${node.name}/udp-ports`));
    node.onDeliver('udp', (packet, iface) => this.receive(packet, iface.name));
    icmp.onError(IP_PROTOCOL.udp, ({ header, quoted }) => {
      if (header.kind !== 'icmp' || header.message !== 'destinationUnreachable') return;
      const socket = quoted.srcPort === undefined ? undefined : this.ports.get(quoted.srcPort);
      const error: SocketErrorCode =
        header.code === ICMP_UNREACHABLE.port
          ? 'ECONNREFUSED'
          : header.code === ICMP_UNREACHABLE.fragmentationNeeded
            ? 'EMSGSIZE'
            : 'EHOSTUNREACH';
      if (socket && quoted.dstPort !== undefined)
        socket.reportError(error, quoted.ip.dst, quoted.dstPort);
    });
  }

  /** Opens a socket on `port`, or on a free ephemeral port when none is given. */
  bind(port?: number): SocketResult<UdpSocket> {
    if (port !== undefined && !isValidPort(port)) return this.refuse('bind', `*:${port}`, 'EINVAL');
    const socket = new UdpSocketImpl(this);
    const bound =
      port === undefined
        ? this.ports.bindEphemeral(socket)
        : this.ports.bind(port, socket)
          ? port
          : undefined;
    if (bound === undefined)
      return this.refuse(
        'bind',
        `*:${port ?? 'ephemeral'}`,
        port === undefined ? 'EADDRNOTAVAIL' : 'EADDRINUSE',
      );
    socket.port = bound;
    this.sim.record({
      t: this.sim.now(),
      type: 'socket.bind',
      node: this.node.name,
      protocol: 'udp',
      port: bound,
    });
    return ok(socket);
  }

  /**
   * The node crashed: every socket is gone at once (traced as released), with nothing sent and
   * nobody told; a datagram that reaches a port afterwards finds no socket.
   */
  crash(): void {
    for (const port of this.ports.ports()) {
      const socket = this.ports.get(port) as UdpSocketImpl;
      socket.closed = true;
      this.release(socket);
    }
    this.ports.clear();
  }

  /** Ports with a socket, ascending (for the socket table). */
  boundPorts(): number[] {
    return this.ports.ports();
  }

  /** @internal */
  release(socket: UdpSocketImpl): void {
    this.ports.release(socket.port, socket);
    this.sim.record({
      t: this.sim.now(),
      type: 'socket.release',
      node: this.node.name,
      protocol: 'udp',
      port: socket.port,
    });
  }

  /** @internal */
  transmit(
    socket: UdpSocketImpl,
    to: Ipv4Address,
    port: number,
    payload: Uint8Array,
  ): SocketResult<SentDatagram> {
    if (!isValidPort(port)) return this.refuse('sendto', socket.name(), 'EINVAL');
    if (payload.length > MAX_UDP_PAYLOAD) return this.refuse('sendto', socket.name(), 'EMSGSIZE');
    const sent = this.node.send({
      dst: to,
      transport: { kind: 'udp', srcPort: socket.port, dstPort: port },
      payload,
      ip: socket.dontFragment ? DF : NO_DF,
    });
    if (!sent.ok && sent.reason === 'noRoute')
      return this.refuse('sendto', socket.name(), 'EHOSTUNREACH');
    if (!sent.ok && sent.reason === 'tooBig')
      return this.refuse('sendto', socket.name(), 'EMSGSIZE');
    return ok({ bytes: payload.length, packet: sent.packet.id });
  }

  /** @internal Records a refused call and returns the error. */
  refuse(
    op: string,
    socket: string,
    error: SocketErrorCode,
  ): { ok: false; error: SocketErrorCode } {
    return refuseCall(this.sim, { node: this.node.name, protocol: 'udp', socket }, op, error);
  }

  private receive(packet: Packet, iface: string): void {
    const header = packet.transport;
    if (header.kind !== 'udp') return;
    const socket = this.ports.get(header.dstPort);
    if (!socket) {
      this.node.sendPortUnreachable(packet);
      return;
    }
    socket.onMessage?.({
      from: packet.ip.src,
      fromPort: header.srcPort,
      payload: packet.payload,
      packet: packet.id,
      iface,
      to: packet.ip.dst,
    });
  }
}

class UdpSocketImpl implements UdpSocket {
  port = 0;
  closed = false;
  dontFragment = false;
  onMessage: UdpSocket['onMessage'] = undefined;
  onError: UdpSocket['onError'] = undefined;

  constructor(private readonly layer: UdpLayer) {}

  name(): string {
    return `udp *:${this.port}`;
  }

  sendTo(to: Ipv4Address, port: number, payload: Uint8Array): SocketResult<SentDatagram> {
    if (this.closed) return this.layer.refuse('sendto', this.name(), 'EBADF');
    return this.layer.transmit(this, to, port, payload);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.layer.release(this);
  }

  reportError(error: SocketErrorCode, to: Ipv4Address, port: number): void {
    this.layer.refuse('recv', `${this.name()} -> ${formatIpv4(to)}:${port}`, error);
    this.onError?.(error, { to, port });
  }
}
