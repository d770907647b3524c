// The topology picture in words: each link end named by its node and interface, and the whole
// picture as one description for screen readers (the SVG itself is one image), in a language.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { Scenario, ScenarioNode } from '../../sim/index.ts';
import {
  formatInterfaceAddress,
  interfaceText,
  linkEndInterface,
  linkSettings,
  roleName,
  splitLinkEnd,
} from '../names/index.ts';
import { topologyPhrases } from './topologyPhrases.ts';

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
export function topologyDescription(
  scenario: Pick<Scenario, 'nodes' | 'links'>,
  language: Language = ENGLISH,
): string {
  const { say } = topologyPhrases.in(language);
  const nodes: NodesById = new Map(scenario.nodes.map((n) => [n.id, n]));
  return [
    say('description.nodes', { count: scenario.nodes.length }),
    scenario.nodes
      .map((n) => {
        const interfaces = (n.interfaces ?? []).map(interfaceText).join(', ');
        const words = { name: n.label ?? n.id, role: roleName(n.role, language), id: n.id };
        return interfaces
          ? say('description.nodeWithInterfaces', { ...words, interfaces })
          : say('description.node', words);
      })
      .join(', ') + '.',
    ...scenario.links.map((l) =>
      say('description.link', {
        link: l.id,
        a: linkEndText(nodes, l.a),
        b: linkEndText(nodes, l.b),
        settings: linkSettings(l, language).join(', '),
      }),
    ),
  ].join(' ');
}

/**
 * A node card's tooltip: `Laptop (client, id laptop): wlan0 192.168.1.10/24`, and that it has
 * crashed when it has.
 */
export function nodeTitle(
  node: ScenarioNode,
  language: Language = ENGLISH,
  crashed = false,
): string {
  const { say } = topologyPhrases.in(language);
  const words = { name: node.label ?? node.id, role: roleName(node.role, language), id: node.id };
  const interfaces = (node.interfaces ?? []).map(interfaceText).join(', ');
  const title = interfaces
    ? say('node.titleWithInterfaces', { ...words, interfaces })
    : say('node.title', words);
  return crashed ? say('node.crashed', { title }) : title;
}
