// Which interfaces of a scenario share a segment (one broadcast domain: what a frame sent out of
// one reaches), from the document alone: each link joins its two ends, and a node that is not
// addressed (a switch) joins all its ports. The reachability walk and the DHCP checks (which
// server a DHCP interface hears) both ask this.

import { resolveLinkEnd } from './resolveLinkEnd.ts';
import type { Scenario } from './scenarioSchema.ts';

/**
 * The segment of every interface, as `nodeIndex:iface` to a key that is the same for every
 * interface of that segment. `addressed[i]` says whether node i is addressed (its ports are its
 * own) or not (a switch: its ports are one segment).
 */
export function segmentsOf(scenario: Scenario, addressed: readonly boolean[]): Map<string, string> {
  const { nodes } = scenario;
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(k, root);
    return root;
  };
  const join = (a: string, b: string) => parent.set(find(a), find(b));
  const byId = new Map(nodes.map((n, i) => [n.id, i]));
  const keyOf = (end: string): string | undefined => {
    const at = resolveLinkEnd(scenario, end, byId);
    if (!at.ok) return undefined;
    return `${at.nodeIndex}:${nodes[at.nodeIndex]?.interfaces?.[at.interfaceIndex]?.name}`;
  };
  for (const link of scenario.links) {
    const a = keyOf(link.a);
    const b = keyOf(link.b);
    if (a && b) join(a, b);
  }
  nodes.forEach((n, i) => {
    if (addressed[i]) return;
    const ports = (n.interfaces ?? []).map((x) => `${i}:${x.name}`);
    for (const p of ports.slice(1)) join(p, ports[0] as string);
  });
  const segments = new Map<string, string>();
  nodes.forEach((n, i) => {
    for (const x of n.interfaces ?? []) segments.set(`${i}:${x.name}`, find(`${i}:${x.name}`));
  });
  return segments;
}
