// The canvas editor's picture, as math: where each node is drawn (its document position, or the
// topology picture's own layout for a document with none), how big the canvas is, which node is
// under a point, which nodes a rubber band takes in, and each node's warnings by document path.

import type { Scenario } from '../../sim/index.ts';
import {
  byPosition,
  cardHeight,
  cardLines,
  layoutTopology,
  NODE_WIDTH,
  type PlacedNode,
} from '../topology/index.ts';
import type { Point } from './canvasDocument.ts';

/** Each node's card on the canvas, in document coordinates. */
export function canvasPlacement(scenario: Scenario): PlacedNode[] {
  const nodes = scenario.nodes.map((n) => ({
    id: n.id,
    height: cardHeight(cardLines(n).length),
    position: n.position,
  }));
  if (nodes.some((n) => n.position)) return byPosition(nodes);
  const links = scenario.links.map((l) => ({
    id: l.id,
    a: l.a.split(':')[0] ?? l.a,
    b: l.b.split(':')[0] ?? l.b,
  }));
  return layoutTopology({ nodes, links }).nodes;
}

/** The canvas's size: room for every card and some more to place new ones. */
export function canvasSize(placed: readonly PlacedNode[]): { width: number; height: number } {
  return {
    width: Math.max(1100, ...placed.map((n) => n.x + NODE_WIDTH / 2 + 280)),
    height: Math.max(520, ...placed.map((n) => n.y + n.height / 2 + 200)),
  };
}

/** The node whose card holds `point` (the last drawn, on top, when cards overlap). */
export function nodeAt(placed: readonly PlacedNode[], point: Point): string | undefined {
  for (let i = placed.length - 1; i >= 0; i--) {
    const n = placed[i] as PlacedNode;
    if (Math.abs(point.x - n.x) <= NODE_WIDTH / 2 && Math.abs(point.y - n.y) <= n.height / 2)
      return n.id;
  }
  return undefined;
}

/** The nodes whose centres lie in the rectangle with corners `a` and `b`. */
export function nodesInRect(placed: readonly PlacedNode[], a: Point, b: Point): string[] {
  const [left, right] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [top, bottom] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return placed
    .filter((n) => n.x >= left && n.x <= right && n.y >= top && n.y <= bottom)
    .map((n) => n.id);
}

/**
 * The messages of the warnings about each node, by node index: those whose path is the node's
 * (`$.nodes[3]`) or inside it (`$.nodes[3].apps[0].server`), never another's (`$.nodes[31]`).
 */
export function warningsByNode(
  warnings: readonly { path: string; message: string }[],
): Map<number, string[]> {
  const byNode = new Map<number, string[]>();
  for (const w of warnings) {
    const match = /^\$\.nodes\[(\d+)\](?=$|[.[])/.exec(w.path);
    if (!match) continue;
    const index = Number(match[1]);
    byNode.set(index, [...(byNode.get(index) ?? []), w.message]);
  }
  return byNode;
}
