// Builds a node with an IP stack (a host or a router): its NetNode with the interfaces, routes
// and default gateway of its document (each interface with the MAC scenarioMacs.ts gives it; one
// configured by DHCP with no address yet), and its ICMP, UDP and TCP layers. The roles that have an
// IP stack (src/kinds/host, router, dns) build their nodes with it.

import type { Simulator } from '../../engine/simulator.ts';
import type { TcpConfig } from '../../machines/tcp/tcpConfig.ts';
import { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import { NetNode } from '../../net/ip/netNode.ts';
import type { Attachable } from '../../net/link/linkEndpoint.ts';
import { IcmpDispatcher } from '../../net/transport/icmpDispatcher.ts';
import { UdpLayer } from '../../net/transport/udpLayer.ts';
import { formatIpv4, formatPrefix } from '../../net/wire/ipv4Address.ts';
import type { BuiltRole } from '../kinds/roleKind.ts';
import type { ScenarioNode } from '../scenario/scenarioSchema.ts';
import { interfaceMac } from '../scenario/scenarioMacs.ts';
import type { MacAddress } from '../../net/wire/mac.ts';

/** A host (`router: false`: it never forwards) or a router, with its transport layers. */
export function buildHost(
  sim: Simulator,
  spec: ScenarioNode,
  options: { router: boolean; macs?: ReadonlyMap<string, MacAddress> },
): BuiltRole {
  const net = new NetNode(sim, spec.id, { router: options.router });
  const ends = new Map<string, Attachable>();
  for (const iface of spec.interfaces ?? []) {
    if (!iface.address && !iface.dhcp) continue;
    // An interface configured by DHCP starts with no address (src/kinds/dhcp gives it one).
    const cidr = iface.address
      ? `${formatIpv4(iface.address.address)}/${iface.address.prefix.length}`
      : undefined;
    const mac = options.macs && interfaceMac(options.macs, spec.id, iface.name);
    const ifaceOptions = {
      ...(iface.mtu === undefined ? {} : { mtu: iface.mtu }),
      ...(mac ? { mac } : {}),
    };
    ends.set(iface.name, net.addInterface(iface.name, cidr, ifaceOptions));
  }
  for (const route of spec.routes ?? [])
    net.addRoute(formatPrefix(route.to), { gateway: route.via });
  if (spec.gateway !== undefined) net.setDefaultGateway(spec.gateway);
  const icmp = new IcmpDispatcher(net);
  const udp = new UdpLayer(sim, net, icmp);
  const tcp = new TcpLayer(sim, net, icmp, tcpConfigOf(spec));
  return { node: { kind: 'host', spec, net, icmp, udp, tcp }, ends };
}

/** The node's TCP settings as the TCP layer takes them (unset ones keep their defaults). */
function tcpConfigOf(spec: ScenarioNode): Partial<TcpConfig> {
  const t = spec.tcp ?? {};
  const config: Partial<TcpConfig> = {};
  if (t.congestionControl !== undefined) config.congestionControl = t.congestionControl;
  if (t.mss !== undefined) config.mss = t.mss;
  if (t.receiveWindow !== undefined) config.receiveWindow = t.receiveWindow;
  if (t.sendBuffer !== undefined) config.sendBuffer = t.sendBuffer;
  if (t.initialRto !== undefined) config.initialRto = t.initialRto;
  if (t.minRto !== undefined) config.minRto = t.minRto;
  if (t.maxRto !== undefined) config.maxRto = t.maxRto;
  if (t.msl !== undefined) config.msl = t.msl;
  if (t.synRetries !== undefined) config.synRetries = t.synRetries;
  if (t.retries !== undefined) config.retries = t.retries;
  if (t.synAckRetries !== undefined) config.synAckRetries = t.synAckRetries;
  if (t.synBacklog !== undefined) config.synBacklog = t.synBacklog;
  if (t.synCookies !== undefined) config.synCookies = t.synCookies;
  if (t.delayedAck !== undefined) config.delayedAck = t.delayedAck;
  if (t.delayedAckTimeout !== undefined) config.delayedAckTimeout = t.delayedAckTimeout;
  if (t.windowScaling !== undefined) config.windowScaling = t.windowScaling;
  if (t.timestamps !== undefined) config.timestamps = t.timestamps;
  if (t.sack !== undefined) config.sack = t.sack;
  return config;
}
