// DHCP's warnings about a document, from the document alone: an interface that says "dhcp" with
// no server on its segment (it would wait for an OFFER forever). For the warnings about where
// traffic cannot go, `dhcpStandIns` gives each DHCP interface the address its server would give
// first (the pool's addresses in document order) and its node the server's router as gateway, so
// clients on such nodes are walked like others. Apart from the checks (dhcpStaticFeature.ts):
// the warnings are loaded with the panels that show them, not with the page's first code.

import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import type { Scenario, ScenarioNode } from '../../sim/scenario/scenarioSchema.ts';
import type { ScenarioWarning } from '../../sim/scenario/scenarioWarnings.ts';
import { dhcpCheckPhrases } from './dhcpCheckPhrases.ts';
import { serversOf, type ServerAt } from './dhcpStaticFeature.ts';

/** A warning for each interface that asks for DHCP on a segment with no DHCP server. */
export function dhcpWarnings(scenario: Scenario): ScenarioWarning[] {
  const { servers, segments } = serversOf(scenario);
  const served = new Set(servers.map((s) => s.segment));
  const warnings: ScenarioWarning[] = [];
  scenario.nodes.forEach((node, i) => {
    node.interfaces?.forEach((x, k) => {
      if (!x.dhcp || served.has(segments.get(`${i}:${x.name}`))) return;
      const phrase = bookPhrase(dhcpCheckPhrases, 'warn.noServer', {
        node: node.id,
        iface: x.name,
      });
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
  const { servers, segments } = serversOf(scenario);
  const next = new Map<string, { at: number; server: ServerAt }>();
  for (const server of servers)
    if (server.segment !== undefined && !next.has(server.segment))
      next.set(server.segment, { at: server.app.pool.first, server });
  const nodes = scenario.nodes.map((node, i) => {
    if (!node.interfaces?.some((x) => x.dhcp)) return node;
    let gateway = node.gateway;
    const interfaces = node.interfaces.map((x) => {
      const pool = x.dhcp ? next.get(segments.get(`${i}:${x.name}`) ?? '') : undefined;
      const own = pool?.server.iface?.address;
      if (!pool || !own || pool.at > pool.server.app.pool.last) return x;
      const address = { address: pool.at++, prefix: own.prefix };
      const serverNode = scenario.nodes[pool.server.nodeIndex] as ScenarioNode;
      gateway ??=
        pool.server.app.router ?? (forwarding.has(serverNode.role) ? own.address : undefined);
      const { dhcp, ...rest } = x;
      void dhcp; // the stand-in has an address instead
      return { ...rest, address };
    });
    return { ...node, interfaces, ...(gateway === undefined ? {} : { gateway }) };
  });
  return { ...scenario, nodes };
}
