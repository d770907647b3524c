// Where a valid scenario's packets can go, worked out from the document alone, the way the
// simulator moves them (src/net/ip/netNode.ts): a node sends out of the interface its routing
// table's longest-prefix match gives (connected subnets, static routes, the default gateway);
// the next hop is the route's gateway, or the destination itself on a connected subnet, and only
// the interface on that link (the link's other end, or any port behind the switches joining a
// segment) that has the next hop's address takes the packet, since only it answers the sender's
// ARP request (src/net/ip/arpLayer.ts: a node answers for its own address on the interface asked
// on). Nobody answering drops the packet; the node owning the destination takes it, a router
// forwards it by its own table, a host drops it. Scenario warnings use this to say "office1 cannot
// reach the server" before the learner presses Run.

import { RoutingTable } from '../../net/ip/routingTable.ts';
import { contains, formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { ROLE_KINDS } from '../kinds/kindRegistry.ts';
import { segmentsOf } from './scenarioSegments.ts';
import { phrase, sayPhrase, type Phrase } from '../schema/phrase.ts';
import type { Scenario, ScenarioNode } from './scenarioSchema.ts';

/** An interface of a node: `node` is its index in the scenario. */
interface Port {
  node: number;
  iface: string;
}

/** A node a packet leaves on its way, and the interface it leaves by. */
export interface Hop {
  node: number;
  iface: string;
}

/**
 * Whether a packet gets there (and by which nodes and interfaces: the sender's, then each
 * router's), and if not, why, in words.
 */
export type PathOutcome =
  { ok: true; via: readonly Hop[] } | { ok: false; reason: string; phrase?: Phrase };

/** Most routers a path may cross: a packet's TTL (64) would run out before. */
const MAX_HOPS = 64;

/** The scenario's nodes, segments and routing tables, made once and asked many times. */
export class NetworkMap {
  /** Ports on each port's segment (itself left out), by "node:iface" of the addressed nodes. */
  private readonly segmentOf = new Map<string, Port[]>();
  private readonly tables: (RoutingTable | undefined)[];
  private readonly owner = new Map<Ipv4Address, number>();
  /** The address of each addressed interface, by "node:iface". */
  private readonly addressOf = new Map<string, Ipv4Address>();
  private readonly forwards: boolean[];
  private readonly memo = new Map<string, PathOutcome>();

  constructor(private readonly scenario: Scenario) {
    const roles = new Map<string, { addressed: boolean; forwards?: boolean }>(
      ROLE_KINDS.map((r) => [r.role, r]),
    );
    const addressed = scenario.nodes.map((n) => roles.get(n.role)?.addressed ?? true);
    this.forwards = scenario.nodes.map((n) => roles.get(n.role)?.forwards === true);
    this.tables = scenario.nodes.map((n, i) => (addressed[i] ? routingTable(n) : undefined));
    scenario.nodes.forEach((n, i) => {
      for (const x of n.interfaces ?? []) {
        if (!x.address) continue;
        this.owner.set(x.address.address, i);
        this.addressOf.set(`${i}:${x.name}`, x.address.address);
      }
    });
    this.joinSegments(addressed);
  }

  /** The node (index) that has `address`, if any. */
  ownerOf(address: Ipv4Address): number | undefined {
    return this.owner.get(address);
  }

  /** Whether the node is joined to any other by a link. */
  isLinked(node: number): boolean {
    const id = this.scenario.nodes[node]?.id;
    return this.scenario.links.some((l) => nodeOf(l.a) === id || nodeOf(l.b) === id);
  }

  /** The address `from` sends with to `dst`: its outgoing interface's (as netNode does). */
  sourceFor(from: number, dst: Ipv4Address): Ipv4Address | undefined {
    const node = this.scenario.nodes[from];
    const route = this.tables[from]?.lookup(dst);
    return node?.interfaces?.find((x) => x.name === route?.iface)?.address?.address;
  }

  /** Whether a packet from node `from` to `dst` arrives, and if not, where and why it stops. */
  path(from: number, dst: Ipv4Address): PathOutcome {
    const key = `${from}>${dst}`;
    let outcome = this.memo.get(key);
    if (!outcome) {
      outcome = this.trace(from, dst);
      this.memo.set(key, outcome);
    }
    return outcome;
  }

  private trace(from: number, dst: Ipv4Address): PathOutcome {
    const nodes = this.scenario.nodes;
    const name = (i: number) => nodes[i]?.id ?? '?';
    const target = formatIpv4(dst);
    if (this.owner.get(dst) === from) return { ok: true, via: [] };
    const firstFailure: Phrase[] = [];
    const fail = (reason: Phrase) => {
      if (firstFailure.length === 0) firstFailure.push(reason);
    };
    // Breadth first over the nodes holding the packet: the sender, then the routers on the way.
    type Holder = { node: number; via: Hop[] };
    let holders: Holder[] = [{ node: from, via: [] }];
    const seen = new Set<number>([from]);
    for (let hop = 0; hop <= MAX_HOPS && holders.length > 0; hop++) {
      const next: Holder[] = [];
      for (const { node, via } of holders) {
        const route = this.tables[node]?.lookup(dst);
        const who = hop === 0 ? name(node) : phrase('path.router', { node: name(node) });
        if (!route) {
          fail(phrase(hop === 0 ? 'path.noRouteFirst' : 'path.noRoute', { who, target }));
          continue;
        }
        const receivers = this.segmentOf.get(`${node}:${route.iface}`) ?? [];
        if (receivers.length === 0) {
          fail(phrase('path.unlinked', { node: name(node), interface: route.iface, target }));
          continue;
        }
        // Only the next hop's interface answers ARP for it, and so takes the packet.
        const nextHop = route.gateway ?? dst;
        const taker = receivers.find((p) => this.addressOf.get(`${p.node}:${p.iface}`) === nextHop);
        // On a connected subnet this does not arise in a valid scenario today (a link's ends share
        // a subnet and a node's subnets never overlap), but the simulator would drop it so.
        if (!taker) {
          const at = { node: name(node), interface: route.iface, target };
          fail(
            route.gateway === undefined
              ? phrase('path.noArpOnLink', at)
              : phrase('path.noArp', { ...at, nextHop: formatIpv4(route.gateway) }),
          );
          continue;
        }
        const hops = [...via, { node, iface: route.iface }];
        if (this.owner.get(dst) === taker.node) return { ok: true, via: hops };
        if (!this.forwards[taker.node]) {
          fail(
            phrase('path.noForward.one', {
              target,
              node: name(node),
              interface: route.iface,
              hosts: name(taker.node),
            }),
          );
          continue;
        }
        if (seen.has(taker.node)) {
          fail(phrase('path.loop', { target, node: name(taker.node) }));
          continue;
        }
        seen.add(taker.node);
        next.push({ node: taker.node, via: hops });
      }
      holders = next;
    }
    const why = firstFailure[0] ?? phrase('path.tooFar', { target });
    return { ok: false, reason: sayPhrase(why), phrase: why };
  }

  /** Groups interfaces into segments: each link joins its ends, each switch joins its ports. */
  private joinSegments(addressed: readonly boolean[]): void {
    const members = new Map<string, Port[]>();
    for (const [key, root] of segmentsOf(this.scenario, addressed)) {
      const colon = key.indexOf(':');
      const node = Number(key.slice(0, colon));
      if (!addressed[node]) continue;
      const list = members.get(root) ?? [];
      list.push({ node, iface: key.slice(colon + 1) });
      members.set(root, list);
    }
    for (const list of members.values())
      for (const p of list)
        this.segmentOf.set(
          `${p.node}:${p.iface}`,
          list.filter((q) => q !== p),
        );
  }
}

/** The node's routing table as buildHost makes it: connected subnets, routes, default gateway. */
function routingTable(node: ScenarioNode): RoutingTable {
  const table = new RoutingTable();
  const connected: { prefix: { network: number; length: number }; iface: string }[] = [];
  for (const x of node.interfaces ?? []) {
    if (!x.address) continue;
    connected.push({ prefix: x.address.prefix, iface: x.name });
    addOnce(table, { prefix: x.address.prefix, iface: x.name, source: 'connected' });
  }
  const ifaceFor = (via: Ipv4Address) => connected.find((c) => contains(c.prefix, via))?.iface;
  const statics = [
    ...(node.routes ?? []).map((r) => ({ prefix: r.to, via: r.via })),
    ...(node.gateway === undefined
      ? []
      : [{ prefix: { network: 0, length: 0 }, via: node.gateway }]),
  ];
  for (const s of statics) {
    const iface = ifaceFor(s.via);
    if (iface !== undefined)
      addOnce(table, { prefix: s.prefix, iface, gateway: s.via, source: 'static' });
  }
  return table;
}

function addOnce(table: RoutingTable, route: Parameters<RoutingTable['add']>[0]): void {
  const { network, length } = route.prefix;
  if (!table.routes().some((r) => r.prefix.network === network && r.prefix.length === length))
    table.add(route);
}

function nodeOf(end: string): string {
  return end.split(':')[0] ?? end;
}
