// Which switch ports face another switch, from the document's links: those are the ports that run
// the spanning tree; a switch's other ports are edge ports (hosts and routers behind them).

import { resolveLinkEnd } from '../../sim/scenario/resolveLinkEnd.ts';
import type { Scenario } from '../../sim/scenario/scenarioSchema.ts';

/** The ports of switch `id` whose link leads to another switch (or back to itself). */
export function switchFacingPorts(scenario: Scenario, id: string): Set<string> {
  const roles = new Map(scenario.nodes.map((n) => [n.id, n.role]));
  const nodeIndex = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const ports = new Set<string>();
  for (const link of scenario.links) {
    const [a, b] = [link.a, link.b].map((end) => {
      const r = resolveLinkEnd(scenario, end, nodeIndex);
      if (!r.ok) return undefined;
      const node = scenario.nodes[r.nodeIndex];
      return { node: node?.id ?? '', iface: node?.interfaces?.[r.interfaceIndex]?.name ?? '' };
    });
    if (!a || !b || roles.get(a.node) !== 'switch' || roles.get(b.node) !== 'switch') continue;
    if (a.node === id) ports.add(a.iface);
    if (b.node === id) ports.add(b.iface);
  }
  return ports;
}
