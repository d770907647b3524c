// What a schema cannot see of DHCP in a scenario, from the document alone: a server's pool must
// lie inside the subnet of one of its node's interfaces (the one it serves), hold no static
// address of its segment, and its router must be on that subnet (errors, naming the node); an
// interface that says "dhcp" with no server on its segment is a warning (it would wait for an
// OFFER forever). For the warnings about where traffic cannot go, `dhcpStandIns` gives each DHCP
// interface the address its server would give first (the pool's addresses in document order)
// and its node the server's router as gateway, so clients on such nodes are walked like others.

import {
  contains,
  formatIpv4,
  formatPrefix,
  type Ipv4Address,
} from '../../net/wire/ipv4Address.ts';
import type { ValidationIssue } from '../../sim/schema/schema.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { resolveLinkEnd } from '../../sim/scenario/resolveLinkEnd.ts';
import type { Scenario, ScenarioNode } from '../../sim/scenario/scenarioSchema.ts';
import type { ScenarioWarning } from '../../sim/scenario/scenarioWarnings.ts';
import { dhcpPhrases } from './dhcpPhrases.ts';
import type { DhcpServerApp } from './dhcpSchemas.ts';
import { leaseRangeProblems } from './leasePool.ts';

/** A DHCP server of the document: where it is and the interface it serves, if any. */
interface ServerAt {
  nodeIndex: number;
  appIndex: number;
  app: DhcpServerApp;
  /** The interface whose subnet holds the pool's first address. */
  iface: string | undefined;
}

/** The DHCP servers of the document, each with the interface its pool's first address is on. */
function serversOf(scenario: Scenario): ServerAt[] {
  const servers: ServerAt[] = [];
  scenario.nodes.forEach((node, nodeIndex) => {
    node.apps?.forEach((app, appIndex) => {
      if (app.type !== 'dhcpServer') return;
      const iface = node.interfaces?.find(
        (x) => x.address && contains(x.address.prefix, app.pool.first),
      )?.name;
      servers.push({ nodeIndex, appIndex, app, iface });
    });
  });
  return servers;
}

/**
 * The segment of every interface, as `node:iface` to a segment number: each link joins its two
 * ends, and a node without addresses of its own (a switch) joins all its ports.
 */
function segmentsOf(scenario: Scenario): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(k, root);
    return root;
  };
  const join = (a: string, b: string) => parent.set(find(a), find(b));
  const byId = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const keyOf = (end: string): string | undefined => {
    const at = resolveLinkEnd(scenario, end, byId);
    if (!at.ok) return undefined;
    const node = scenario.nodes[at.nodeIndex] as ScenarioNode;
    return `${node.id}:${node.interfaces?.[at.interfaceIndex]?.name}`;
  };
  for (const link of scenario.links) {
    const a = keyOf(link.a);
    const b = keyOf(link.b);
    if (a && b) join(a, b);
  }
  for (const node of scenario.nodes) {
    const ports = node.interfaces ?? [];
    if (ports.some((x) => x.address || x.dhcp)) continue;
    for (const p of ports.slice(1)) join(`${node.id}:${p.name}`, `${node.id}:${ports[0]?.name}`);
  }
  const segments = new Map<string, string>();
  for (const node of scenario.nodes)
    for (const x of node.interfaces ?? [])
      segments.set(`${node.id}:${x.name}`, find(`${node.id}:${x.name}`));
  return segments;
}

const range = (app: DhcpServerApp) =>
  `${formatIpv4(app.pool.first)} to ${formatIpv4(app.pool.last)}`;

/** Adds an issue for each DHCP server whose pool or router does not fit its node and segment. */
export function checkDhcp(scenario: Scenario, issues: ValidationIssue[]): void {
  const segments = segmentsOf(scenario);
  for (const server of serversOf(scenario)) {
    const node = scenario.nodes[server.nodeIndex] as ScenarioNode;
    const path = `$.nodes[${server.nodeIndex}].apps[${server.appIndex}]`;
    const { app } = server;
    const subnets = (node.interfaces ?? []).flatMap((x) => (x.address ? [x.address.prefix] : []));
    const served = node.interfaces?.find((x) => x.name === server.iface)?.address;
    const problems = served ? leaseRangeProblems(app.pool.first, app.pool.last, served.prefix) : [];
    if (!served || problems.length > 0) {
      issues.push(
        phrased(
          `${path}.pool`,
          bookPhrase(dhcpPhrases, 'check.poolOutside', {
            node: node.id,
            range: range(app),
            subnets: subnets.map(formatPrefix).join(', ') || '-',
            problems: problems.join('; ') || `${formatIpv4(app.pool.first)} is on none of them`,
          }),
        ),
      );
      continue;
    }
    const segment = segments.get(`${node.id}:${server.iface}`);
    for (const other of scenario.nodes) {
      for (const x of other.interfaces ?? []) {
        if (!x.address || segments.get(`${other.id}:${x.name}`) !== segment) continue;
        const address = x.address.address;
        if (address < app.pool.first || address > app.pool.last) continue;
        issues.push(
          phrased(
            `${path}.pool`,
            bookPhrase(dhcpPhrases, 'check.poolHoldsStatic', {
              node: node.id,
              range: range(app),
              address: formatIpv4(address),
              owner: `${other.id}:${x.name}`,
            }),
          ),
        );
      }
    }
    if (app.router !== undefined && !contains(served.prefix, app.router)) {
      issues.push(
        phrased(
          `${path}.router`,
          bookPhrase(dhcpPhrases, 'check.routerOffSubnet', {
            node: node.id,
            router: formatIpv4(app.router),
            subnet: formatPrefix(served.prefix),
          }),
        ),
      );
    }
  }
}

/** A warning for each interface that asks for DHCP on a segment with no DHCP server. */
export function dhcpWarnings(scenario: Scenario): ScenarioWarning[] {
  const segments = segmentsOf(scenario);
  const served = new Set(
    serversOf(scenario).flatMap((s) => {
      const node = scenario.nodes[s.nodeIndex] as ScenarioNode;
      return s.iface === undefined ? [] : [segments.get(`${node.id}:${s.iface}`)];
    }),
  );
  const warnings: ScenarioWarning[] = [];
  scenario.nodes.forEach((node, i) => {
    node.interfaces?.forEach((x, k) => {
      if (!x.dhcp || served.has(segments.get(`${node.id}:${x.name}`))) return;
      const phrase = bookPhrase(dhcpPhrases, 'warn.noServer', { node: node.id, iface: x.name });
      const { message } = phrased('', phrase);
      warnings.push({ path: `$.nodes[${i}].interfaces[${k}].address`, message, phrase });
    });
  });
  return warnings;
}

/**
 * The scenario as the static checks should see it: each DHCP interface with the address its
 * segment's server would lease first (in document order, from the bottom of the pool) and, on a
 * node without a gateway, the server's router (`forwarding` roles default to their own address).
 */
export function dhcpStandIns(scenario: Scenario, forwarding: ReadonlySet<string>): Scenario {
  if (!scenario.nodes.some((n) => n.interfaces?.some((x) => x.dhcp))) return scenario;
  const segments = segmentsOf(scenario);
  const next = new Map<string, { at: Ipv4Address; server: ServerAt }>();
  for (const server of serversOf(scenario)) {
    const node = scenario.nodes[server.nodeIndex] as ScenarioNode;
    const segment = segments.get(`${node.id}:${server.iface}`);
    if (server.iface !== undefined && segment !== undefined && !next.has(segment))
      next.set(segment, { at: server.app.pool.first, server });
  }
  const nodes = scenario.nodes.map((node) => {
    if (!node.interfaces?.some((x) => x.dhcp)) return node;
    let gateway = node.gateway;
    const interfaces = node.interfaces.map((x) => {
      const pool = x.dhcp ? next.get(segments.get(`${node.id}:${x.name}`) ?? '') : undefined;
      if (!pool || pool.at > pool.server.app.pool.last) return x;
      const serverNode = scenario.nodes[pool.server.nodeIndex] as ScenarioNode;
      const own = serverNode.interfaces?.find((y) => y.name === pool.server.iface)?.address;
      if (!own) return x;
      const address = { address: pool.at, prefix: own.prefix };
      pool.at++;
      const router =
        pool.server.app.router ?? (forwarding.has(serverNode.role) ? own.address : undefined);
      gateway ??= router;
      const { dhcp, ...rest } = x;
      void dhcp; // the stand-in has an address instead
      return { ...rest, address };
    });
    return { ...node, interfaces, ...(gateway === undefined ? {} : { gateway }) };
  });
  return { ...scenario, nodes };
}
