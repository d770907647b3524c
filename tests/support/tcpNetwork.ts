// Test support: two hosts, A (10.0.0.1) and B (10.0.0.2), joined by one link, each with ICMP,
// UDP and TCP layers; and a renderer of the trace as the (state, segment) lines of RFC 9293.

import { Simulator } from '../../src/engine/simulator.ts';
import type { TraceRecord } from '../../src/engine/trace.ts';
import { NetNode } from '../../src/net/ip/netNode.ts';
import {
  PointToPointLink,
  type PointToPointLinkConfig,
} from '../../src/net/link/pointToPointLink.ts';
import { IcmpDispatcher } from '../../src/net/transport/icmpDispatcher.ts';
import { UdpLayer } from '../../src/net/transport/udpLayer.ts';
import type { Packet } from '../../src/net/wire/packet.ts';
import type { TcpConfig } from '../../src/machines/tcp/tcpConfig.ts';
import { TcpLayer } from '../../src/machines/tcp/tcpLayer.ts';
import { carriesIp } from '../../src/net/link/linkRecords.ts';

export const A = 0x0a000001; // 10.0.0.1
export const B = 0x0a000002; // 10.0.0.2

export interface TwoHosts {
  sim: Simulator;
  link: PointToPointLink;
  a: { net: NetNode; tcp: TcpLayer; udp: UdpLayer };
  b: { net: NetNode; tcp: TcpLayer; udp: UdpLayer };
}

export interface TwoHostsOptions {
  seed?: number;
  link?: Partial<Omit<PointToPointLinkConfig, 'id'>>;
  tcp?: Partial<TcpConfig>;
  /** B's settings over `tcp` (for a side that offers less than the other). */
  tcpB?: Partial<TcpConfig>;
  /** Initial sequence numbers of A's and B's connections, in order of creation. */
  issA?: number[];
  issB?: number[];
}

/** Builds A and B on a 1 ms, 1 Gbit/s link unless told otherwise. */
export function twoHosts(options: TwoHostsOptions = {}): TwoHosts {
  const sim = new Simulator({ seed: options.seed ?? 1 });
  const host = (name: string, cidr: string, iss?: number[], tcp = options.tcp) => {
    const net = new NetNode(sim, name);
    net.addInterface('eth0', cidr);
    const icmp = new IcmpDispatcher(net);
    const next = iss ? () => iss.shift() ?? 0 : undefined;
    return {
      net,
      icmp,
      udp: new UdpLayer(sim, net, icmp),
      tcp: new TcpLayer(sim, net, icmp, tcp, next),
    };
  };
  const a = host('A', '10.0.0.1/24', options.issA);
  const b = host('B', '10.0.0.2/24', options.issB, { ...options.tcp, ...options.tcpB });
  const link = new PointToPointLink(sim, {
    id: 'ab',
    bandwidth: 1e9,
    delay: 1_000_000,
    ...options.link,
  });
  link.connect(a.net.iface('eth0'), b.net.iface('eth0'));
  return { sim, link, a, b };
}

/** A TCP segment in RFC 9293's notation: <SEQ=100><ACK=301><CTL=SYN,ACK><DATA>. */
export function segmentNotation(packet: Packet): string {
  const h = packet.transport;
  if (h.kind !== 'tcp') return `<${h.kind}>`;
  const ctl = (['syn', 'fin', 'rst', 'ack'] as const)
    .filter((f) => h.flags[f])
    .map((f) => f.toUpperCase());
  let text = `<SEQ=${h.seq}>`;
  if (h.flags.ack) text += `<ACK=${h.ack}>`;
  text += `<CTL=${ctl.join(',')}>`;
  if (packet.payload.length > 0) text += '<DATA>';
  return text;
}

/**
 * The trace as RFC 9293 figure lines: "A SYN-SENT" when A enters a state, "A --> <SEQ=..>" when
 * A puts a segment on the wire, "B <-- lost" when a segment to B is lost. ARP frames are left
 * out, but for their losses.
 */
export function figureLines(records: readonly TraceRecord[]): string[] {
  const lines: string[] = [];
  for (const r of records) {
    if (r.type === 'socket.state') lines.push(`${r.node} ${r.state}`);
    else if (r.type === 'link.txBegin' && carriesIp(r))
      lines.push(`${r.node} --> ${segmentNotation(r.packet)}`);
    else if (r.type === 'link.lost') lines.push(`${r.node} --> lost #${r.pkt}`);
  }
  return lines;
}
