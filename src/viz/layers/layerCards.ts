// What a node's card lists at one layer, from the document: at the application layer its
// programs ("Web client", "DNS resolver"), at the transport layer its sockets (`TCP :80 LISTEN`,
// `→ 10.0.0.20:80 TCP`) and any NAT or firewall that reads ports, at the network layer its
// addresses, gateway and routes, at the link layer its interfaces' MAC addresses (a switch's
// ports, which have none, by the links they plug into).
// A node with nothing at the layer (a switch above the link layer) is dimmed on the picture.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import type { MacAddress } from '../../net/wire/mac.ts';
import { formatMac } from '../../net/wire/macText.ts';
import {
  interfaceMac,
  kindOf,
  scenarioMacs,
  type Scenario,
  type ScenarioNode,
} from '../../sim/index.ts';
import { appKindName, interfaceText, splitLinkEnd } from '../names/index.ts';
import { cardLines, MAX_CARD_LINES } from '../topology/index.ts';
import { NET_LAYERS, type NetLayer } from './layerChoice.ts';
import { layerPhrases } from './layerPhrases.ts';

/** A card at one layer: its lines, and whether the node takes part at that layer at all. */
export interface LayerCard {
  lines: string[];
  matters: boolean;
}

/** Longest line, in characters, that fits the card's width (as nodeCard.ts). */
const LINE_CHARS = 26;

/** The card of `node` at `layer`. */
export function layerCard(
  scenario: Pick<Scenario, 'links' | 'nodes'>,
  node: ScenarioNode,
  layer: NetLayer,
  language: Language = ENGLISH,
): LayerCard {
  const { say } = layerPhrases.in(language);
  const found = counted(facts(scenario, node, layer, language));
  if (found.length === 0) return { lines: [say(`card.nothing.${layer}`)], matters: false };
  const shown = found.length <= MAX_CARD_LINES ? found : found.slice(0, MAX_CARD_LINES - 1);
  const lines = shown.map(([line, n]) => {
    const times = n > 1 ? ` ×${n}` : '';
    return clipLine(line, LINE_CHARS - times.length) + times;
  });
  if (shown.length < found.length)
    lines.push(say('card.more', { count: found.length - shown.length }));
  return { lines, matters: true };
}

/**
 * How many lines the node's card makes room for while one layer is shown: the most of any
 * layer's card and of the usual card, so switching between layers moves nothing.
 */
export function layerCardRoom(
  scenario: Pick<Scenario, 'links' | 'nodes'>,
  node: ScenarioNode,
): number {
  return Math.max(
    cardLines(node).length,
    ...NET_LAYERS.map((layer) => layerCard(scenario, node, layer).lines.length),
  );
}

/** Equal lines once, counted: three web clients are one line, `Web client ×3`. */
function counted(lines: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts];
}

function clipLine(line: string, chars: number): string {
  return line.length <= chars ? line : `${line.slice(0, chars - 1)}…`;
}

function facts(
  scenario: Pick<Scenario, 'links' | 'nodes'>,
  node: ScenarioNode,
  layer: NetLayer,
  language: Language,
): string[] {
  switch (layer) {
    case 'application':
      return programs(node, language);
    case 'transport':
      return sockets(node, language);
    case 'network':
      return addresses(node, language);
    case 'link':
      return interfaces(scenario, node, language);
  }
}

function programs(node: ScenarioNode, language: Language): string[] {
  const lines = (node.apps ?? []).map((app) => appKindName(app.type, language));
  if (node.dns) lines.push(layerPhrases.in(language).say('card.resolver'));
  return lines;
}

function sockets(node: ScenarioNode, language: Language): string[] {
  const { say } = layerPhrases.in(language);
  const lines: string[] = [];
  for (const app of node.apps ?? []) {
    const kind = kindOf(app);
    const listens = kind.listens?.(app);
    if (listens) lines.push(`${listens.protocol.toUpperCase()} :${listens.port} LISTEN`);
    // A client without a server socket (the pinger) sends UDP, as socketOwner.ts reads it.
    const target = kind.target?.(app);
    if (target?.socket) {
      lines.push(`→ ${target.value}:${target.socket.port} ${target.socket.protocol.toUpperCase()}`);
    } else if (target) lines.push(`→ ${target.value} UDP`);
  }
  if (node.dns) lines.push(`→ ${node.dns.server}:53 UDP`);
  if (node.nat) lines.push(say('card.nat'));
  if (node.firewall) lines.push(say('card.firewall'));
  return lines;
}

function addresses(node: ScenarioNode, language: Language): string[] {
  const { say } = layerPhrases.in(language);
  const lines = (node.interfaces ?? []).filter((i) => i.address).map((i) => interfaceText(i));
  if (lines.length === 0) return [];
  if (node.gateway !== undefined)
    lines.push(say('card.gateway', { address: formatIpv4(node.gateway) }));
  const routes = node.routes?.length ?? 0;
  if (routes > 0) lines.push(say('card.routes', { count: routes }));
  return lines;
}

function interfaces(
  scenario: Pick<Scenario, 'links' | 'nodes'>,
  node: ScenarioNode,
  language: Language,
): string[] {
  const { say } = layerPhrases.in(language);
  const list = node.interfaces ?? [];
  const macs = macsOf(scenario);
  return list.map((iface) => {
    // A switch forwards frames as they came: its ports' own MACs (the spanning tree's BPDUs'
    // source) are not where frames go, so its card names the link on each port instead.
    const mac = node.role === 'switch' ? undefined : interfaceMac(macs, node.id, iface.name);
    if (mac !== undefined) return `${iface.name} ${formatMac(mac)}`;
    const link = scenario.links.find((l) =>
      [l.a, l.b].some((end) => {
        const { node: id, iface: name } = splitLinkEnd(end);
        return id === node.id && (name === iface.name || (name === undefined && list.length === 1));
      }),
    );
    return link ? say('card.linkTo', { iface: iface.name, link: link.id }) : iface.name;
  });
}

const MACS = new WeakMap<object, ReadonlyMap<string, MacAddress>>();

/** The scenario's MACs, worked out once per document. */
function macsOf(scenario: Pick<Scenario, 'nodes'>): ReadonlyMap<string, MacAddress> {
  let macs = MACS.get(scenario.nodes);
  if (!macs) MACS.set(scenario.nodes, (macs = scenarioMacs(scenario)));
  return macs;
}
