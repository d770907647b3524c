// The stage the packets move on: each drawn link's ends and which node and interface is which
// (LinkGeometry for packetMotion.ts), and the part of the layout worth showing.

import type { Scenario } from '../../sim/index.ts';
import { linkEndInterface, splitLinkEnd } from '../names/index.ts';
import type { LinkGeometry } from './packetMotion.ts';
import type { TopologyLayout } from '../topology/index.ts';

/** Room a link's captions take above its line; below it, captions and falling packets. */
export const CAPTION_ABOVE = 45;
export const CAPTION_BELOW = 80;
const MARGIN = 16;

/** The geometry of every drawn link, by id. */
export function linkGeometries(
  scenario: Pick<Scenario, 'nodes' | 'links'>,
  layout: Pick<TopologyLayout, 'links'>,
): Map<string, LinkGeometry> {
  const nodeById = new Map(scenario.nodes.map((n) => [n.id, n]));
  const linkById = new Map(scenario.links.map((l) => [l.id, l]));
  const out = new Map<string, LinkGeometry>();
  for (const placed of layout.links) {
    const link = linkById.get(placed.id);
    if (!link) continue;
    const a = splitLinkEnd(link.a);
    const b = splitLinkEnd(link.b);
    out.set(placed.id, {
      ax: placed.ax,
      ay: placed.ay,
      bx: placed.bx,
      by: placed.by,
      aNode: a.node,
      aIface: linkEndInterface(nodeById.get(a.node), link.a)?.name ?? a.iface,
      bNode: b.node,
      bIface: linkEndInterface(nodeById.get(b.node), link.b)?.name ?? b.iface,
      latency: link.latency,
    });
  }
  return out;
}

/** A rectangle of the layout, in its units. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of the layout to show: all of its width, and from the top of the highest card or
 * link caption to the bottom of the lowest, with room under links for dropped packets to fall.
 */
export function visibleArea(
  layout: Pick<TopologyLayout, 'width' | 'height' | 'nodes' | 'links'>,
): Area {
  const tops = [
    ...layout.nodes.map((n) => n.y - n.height / 2),
    ...layout.links.map((l) => l.midY - CAPTION_ABOVE),
  ];
  const bottoms = [
    ...layout.nodes.map((n) => n.y + n.height / 2),
    ...layout.links.map((l) => l.midY + CAPTION_BELOW),
  ];
  const y = Math.max(0, Math.min(layout.height, ...tops) - MARGIN);
  const bottom = Math.min(layout.height, Math.max(0, ...bottoms) + MARGIN);
  return { x: 0, y, width: layout.width, height: Math.max(1, bottom - y) };
}
