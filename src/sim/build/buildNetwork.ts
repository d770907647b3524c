// Wires a validated scenario's network: a NetNode (host or router) or a LearningSwitch per node,
// its interfaces, routes and transport layers, a PointToPointLink per link, and timed link events.

import type { Simulator } from '../../engine/simulator.ts';
import { NetNode } from '../../net/ip/netNode.ts';
import type { Attachable } from '../../net/link/linkEndpoint.ts';
import { LearningSwitch } from '../../net/link/learningSwitch.ts';
import { PointToPointLink } from '../../net/link/pointToPointLink.ts';
import { IcmpDispatcher } from '../../net/transport/icmpDispatcher.ts';
import { UdpLayer } from '../../net/transport/udpLayer.ts';
import type { TcpConfig } from '../../machines/tcp/tcpConfig.ts';
import { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import { formatIpv4, formatPrefix } from '../../net/wire/ipv4Address.ts';
import { DEFAULT_BANDWIDTH, DEFAULT_QUEUE_PACKETS } from '../scenario/defaults.ts';
import { resolveLinkEnd } from '../scenario/resolveLinkEnd.ts';
import type { Scenario, ScenarioNode } from '../scenario/scenarioSchema.ts';

/** A host or router with its transport layers. */
export interface HostNode {
  kind: 'host';
  spec: ScenarioNode;
  net: NetNode;
  icmp: IcmpDispatcher;
  udp: UdpLayer;
  tcp: TcpLayer;
}

/** A switch. */
export interface SwitchNode {
  kind: 'switch';
  spec: ScenarioNode;
  sw: LearningSwitch;
}

export type BuiltNode = HostNode | SwitchNode;

export interface Network {
  nodes: Map<string, BuiltNode>;
  links: Map<string, PointToPointLink>;
}

/** Builds the nodes and links of a scenario that passed validation. */
export function buildNetwork(sim: Simulator, scenario: Scenario): Network {
  const nodes = new Map<string, BuiltNode>();
  const ends = new Map<string, Attachable>();
  for (const spec of scenario.nodes) {
    if (spec.role === 'switch') {
      const sw = new LearningSwitch(sim, spec.id);
      for (const iface of spec.interfaces ?? [])
        ends.set(`${spec.id}:${iface.name}`, sw.addPort(iface.name));
      nodes.set(spec.id, { kind: 'switch', spec, sw });
      continue;
    }
    const net = new NetNode(sim, spec.id, { router: spec.role === 'router' });
    for (const iface of spec.interfaces ?? []) {
      if (!iface.address) continue;
      const cidr = `${formatIpv4(iface.address.address)}/${iface.address.prefix.length}`;
      ends.set(`${spec.id}:${iface.name}`, net.addInterface(iface.name, cidr));
    }
    for (const route of spec.routes ?? [])
      net.addRoute(formatPrefix(route.to), { gateway: route.via });
    if (spec.gateway !== undefined) net.setDefaultGateway(spec.gateway);
    const icmp = new IcmpDispatcher(net);
    const udp = new UdpLayer(sim, net, icmp);
    const tcp = new TcpLayer(sim, net, icmp, tcpConfigOf(spec));
    nodes.set(spec.id, { kind: 'host', spec, net, icmp, udp, tcp });
  }

  const nodeIndex = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const links = new Map<string, PointToPointLink>();
  for (const spec of scenario.links) {
    const [a, b] = [spec.a, spec.b].map((end) => {
      const resolved = resolveLinkEnd(scenario, end, nodeIndex);
      if (!resolved.ok)
        throw new Error(`link ${spec.id}: ${resolved.error} (validation should have caught this)`);
      const node = scenario.nodes[resolved.nodeIndex] as ScenarioNode;
      const name = node.interfaces?.[resolved.interfaceIndex]?.name ?? '';
      const attachable = ends.get(`${node.id}:${name}`);
      if (!attachable)
        throw new Error(
          `link ${spec.id}: ${node.id}:${name} has no address (validation should have caught this)`,
        );
      return attachable;
    }) as [Attachable, Attachable];
    const link = new PointToPointLink(sim, {
      id: spec.id,
      bandwidth: spec.bandwidth ?? DEFAULT_BANDWIDTH,
      delay: spec.latency,
      loss: spec.loss ?? 0,
      duplicate: spec.duplicate ?? 0,
      ...(spec.reorder
        ? { reorder: { probability: spec.reorder.probability, extraDelay: spec.reorder.delay } }
        : {}),
      queue: spec.queue ?? { packets: DEFAULT_QUEUE_PACKETS },
    });
    link.connect(a, b);
    links.set(spec.id, link);
  }

  for (const event of scenario.events ?? []) {
    const link = links.get(event.link);
    if (link) sim.scheduleAt(event.at, () => link.setUp(event.type === 'linkUp'));
  }
  return { nodes, links };
}

/** The first interface address of a node, for apps that name their peer by node id. */
export function firstAddress(spec: ScenarioNode): number | undefined {
  return spec.interfaces?.find((i) => i.address)?.address?.address;
}

/** The node's TCP settings as the TCP layer takes them (unset ones keep their defaults). */
function tcpConfigOf(spec: ScenarioNode): Partial<TcpConfig> {
  const t = spec.tcp ?? {};
  const config: Partial<TcpConfig> = {};
  if (t.mss !== undefined) config.mss = t.mss;
  if (t.receiveWindow !== undefined) config.receiveWindow = t.receiveWindow;
  if (t.sendBuffer !== undefined) config.sendBuffer = t.sendBuffer;
  if (t.initialRto !== undefined) config.initialRto = t.initialRto;
  if (t.minRto !== undefined) config.minRto = t.minRto;
  if (t.maxRto !== undefined) config.maxRto = t.maxRto;
  if (t.msl !== undefined) config.msl = t.msl;
  if (t.synRetries !== undefined) config.synRetries = t.synRetries;
  if (t.retries !== undefined) config.retries = t.retries;
  return config;
}
