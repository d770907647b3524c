// Test support: hosts A (10.0.0.1) and B (10.0.2.2), each with ICMP, UDP and TCP layers, joined
// through routers R1 and R2 whose link between them (10.0.1.0/24) has a smaller MTU than the
// hosts' own links: the classic setting of IPv4 fragmentation and Path MTU Discovery.

import { Simulator } from '../../src/engine/simulator.ts';
import { NetNode } from '../../src/net/ip/netNode.ts';
import { PointToPointLink } from '../../src/net/link/pointToPointLink.ts';
import { IcmpDispatcher } from '../../src/net/transport/icmpDispatcher.ts';
import { UdpLayer } from '../../src/net/transport/udpLayer.ts';
import type { TcpConfig } from '../../src/machines/tcp/tcpConfig.ts';
import { TcpLayer } from '../../src/machines/tcp/tcpLayer.ts';

export const HOST_A = 0x0a000001; // 10.0.0.1
export const HOST_B = 0x0a000202; // 10.0.2.2

export interface NarrowPathOptions {
  /** MTU of the link between the routers (default 576). */
  narrowMtu?: number;
  /** MTU of A's own link, at both its ends (default 1500). */
  mtuA?: number;
  /** Bandwidth of every link in bit/s (default 10 Mbit/s), each 1 ms long. */
  bandwidth?: number;
  tcp?: Partial<TcpConfig>;
  seed?: number;
}

export interface Host {
  net: NetNode;
  icmp: IcmpDispatcher;
  udp: UdpLayer;
  tcp: TcpLayer;
}

export interface NarrowPath {
  sim: Simulator;
  a: Host;
  b: Host;
  r1: NetNode;
  r2: NetNode;
}

/** A - R1 - R2 - B, links ab1 (10.0.0.0/24), narrow (10.0.1.0/24), b2 (10.0.2.0/24). */
export function narrowPath(options: NarrowPathOptions = {}): NarrowPath {
  const sim = new Simulator({ seed: options.seed ?? 1 });
  const host = (name: string): Host => {
    const net = new NetNode(sim, name);
    const icmp = new IcmpDispatcher(net);
    return {
      net,
      icmp,
      udp: new UdpLayer(sim, net, icmp),
      tcp: new TcpLayer(sim, net, icmp, options.tcp),
    };
  };
  const a = host('A');
  const b = host('B');
  const r1 = new NetNode(sim, 'R1', { router: true });
  const r2 = new NetNode(sim, 'R2', { router: true });
  new IcmpDispatcher(r1);
  new IcmpDispatcher(r2);
  const link = (id: string, bandwidth = options.bandwidth ?? 1e7) =>
    new PointToPointLink(sim, { id, bandwidth, delay: 1_000_000 });
  const mtuA = { mtu: options.mtuA ?? 1500 };
  const narrow = { mtu: options.narrowMtu ?? 576 };
  link('ab1').connect(
    a.net.addInterface('eth0', '10.0.0.1/24', mtuA),
    r1.addInterface('eth0', '10.0.0.2/24', mtuA),
  );
  link('narrow').connect(
    r1.addInterface('eth1', '10.0.1.1/24', narrow),
    r2.addInterface('eth0', '10.0.1.2/24', narrow),
  );
  link('b2').connect(
    r2.addInterface('eth1', '10.0.2.1/24'),
    b.net.addInterface('eth0', '10.0.2.2/24'),
  );
  a.net.setDefaultGateway('10.0.0.2');
  r1.setDefaultGateway('10.0.1.2');
  r2.addRoute('10.0.0.0/24', { gateway: '10.0.1.1' });
  b.net.setDefaultGateway('10.0.2.1');
  return { sim, a, b, r1, r2 };
}
