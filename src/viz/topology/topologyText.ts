// The topology picture in words: each link end named by its node and interface, and the whole
// picture as one description for screen readers (the SVG itself is one image).

import type { Scenario, ScenarioNode } from '../../sim/index.ts';
import {
  formatInterfaceAddress,
  interfaceText,
  linkEndInterface,
  linkSettings,
  roleName,
  splitLinkEnd,
} from '../names/index.ts';

/** A scenario's nodes by id. */
export type NodesById = ReadonlyMap<string, ScenarioNode>;

function nameOf(nodes: NodesById, id: string): string {
  return nodes.get(id)?.label ?? id;
}

/** The interface name to write at a link end, when its node has several to choose from. */
export function linkEndLabel(nodes: NodesById, end: string): string | undefined {
  const node = nodes.get(splitLinkEnd(end).node);
  if ((node?.interfaces?.length ?? 0) < 2) return undefined;
  return linkEndInterface(node, end)?.name;
}

/** A link end in words: `Laptop wlan0 (192.168.1.10/24)`. */
export function linkEndText(nodes: NodesById, end: string): string {
  const id = splitLinkEnd(end).node;
  const iface = linkEndInterface(nodes.get(id), end);
  if (!iface) return nameOf(nodes, id);
  const address = iface.address ? ` (${formatInterfaceAddress(iface.address)})` : '';
  return `${nameOf(nodes, id)} ${iface.name}${address}`;
}

/** The whole picture in words: every node with its role and interfaces, every link's settings. */
export function topologyDescription(scenario: Pick<Scenario, 'nodes' | 'links'>): string {
  const nodes: NodesById = new Map(scenario.nodes.map((n) => [n.id, n]));
  return [
    `${scenario.nodes.length} ${scenario.nodes.length === 1 ? 'node' : 'nodes'}:`,
    scenario.nodes
      .map((n) => {
        const ifaces = (n.interfaces ?? []).map(interfaceText).join(', ');
        return `${n.label ?? n.id} (${roleName(n.role)}, id ${n.id}${ifaces ? `; ${ifaces}` : ''})`;
      })
      .join(', ') + '.',
    ...scenario.links.map(
      (l) =>
        `Link ${l.id} joins ${linkEndText(nodes, l.a)} and ${linkEndText(nodes, l.b)}: ${linkSettings(l).join(', ')}.`,
    ),
  ].join(' ');
}
