// Where the topology picture puts nodes and links: a row for one or two nodes, a hub with spokes
// when one node links to all others, else columns by hops along the network (layeredLayout.ts).
// Nodes the canvas editor placed (a `position` in the document) keep their place. Cards grow with
// a node's interfaces. Pure view math: the SVG only draws this.

import { layered } from './layeredLayout.ts';

/** The smallest shape of a node or link that the layout needs (link ends are node ids). */
export interface LayoutInput {
  /** `height`: the card's height, NODE_HEIGHT when absent (cards grow with their interfaces). */
  /** `position`: where the document places the card's centre (the canvas editor writes it). */
  nodes: readonly { id: string; height?: number; position?: { x: number; y: number } }[];
  links: readonly { id: string; a: string; b: string }[];
}

export interface PlacedNode {
  id: string;
  /** Centre of the node's card. */
  x: number;
  y: number;
  /** Height of the card (its width is NODE_WIDTH). */
  height: number;
}

export interface PlacedLink {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Where the line leaves the card of end a and of end b: labels of the ends go there. */
  ax: number;
  ay: number;
  bx: number;
  by: number;
  /** Midpoint of the link, where its caption is centred. */
  midX: number;
  midY: number;
  /** Rotation of the caption in degrees, within [-90, 90] so text never reads upside down. */
  angle: number;
  /** Which of several links between the same two nodes this is (0 for the first). */
  parallel: number;
}

export interface TopologyLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  links: PlacedLink[];
  /** Nodes left out of the picture because there are too many to draw legibly. */
  hiddenNodes: number;
}

/** Width of a node's card and its smallest height (user units of the SVG's viewBox). */
export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 72;
/** Most nodes the first view draws; the rest are counted, not drawn. */
export const MAX_DRAWN_NODES = 48;

const MARGIN = 24;
/** Room a link needs between two cards for its captions (settings above, counts below). */
export const LINK_GAP = 240;
/** Distance between the centres of a hub and a spoke. */
const SPOKE = NODE_WIDTH + LINK_GAP;

/** Lays out the nodes (up to MAX_DRAWN_NODES) and the links between drawn nodes. */
export function layoutTopology(input: LayoutInput): TopologyLayout {
  const drawn = input.nodes.slice(0, MAX_DRAWN_NODES);
  const placed = drawn.some((n) => n.position)
    ? translated(byPosition(drawn))
    : drawn.length <= 2
      ? row(drawn)
      : ring(drawn, input.links);
  const byId = new Map(placed.nodes.map((n) => [n.id, n]));
  const pairCount = new Map<string, number>();
  const links: PlacedLink[] = [];
  for (const link of input.links) {
    const a = byId.get(link.a);
    const b = byId.get(link.b);
    if (!a || !b) continue;
    const pair = link.a < link.b ? `${link.a}\u0000${link.b}` : `${link.b}\u0000${link.a}`;
    const parallel = pairCount.get(pair) ?? 0;
    pairCount.set(pair, parallel + 1);
    let angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle < -90) angle += 180;
    const [ax, ay] = exit(a, b);
    const [bx, by] = exit(b, a);
    links.push({
      id: link.id,
      x1: a.x,
      y1: a.y,
      x2: b.x,
      y2: b.y,
      ax,
      ay,
      bx,
      by,
      midX: (a.x + b.x) / 2,
      midY: (a.y + b.y) / 2,
      angle: round(angle),
      parallel,
    });
  }
  return { ...placed, links, hiddenNodes: input.nodes.length - drawn.length };
}

/** Where the line from the centre of `from` towards `to` leaves `from`'s card. */
function exit(from: PlacedNode, to: PlacedNode): [number, number] {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return [from.x, from.y];
  const t = Math.min(
    dx === 0 ? Infinity : NODE_WIDTH / 2 / Math.abs(dx),
    dy === 0 ? Infinity : from.height / 2 / Math.abs(dy),
    1,
  );
  return [round(from.x + dx * t), round(from.y + dy * t)];
}

type Placement = { width: number; height: number; nodes: PlacedNode[] };
type InputNode = LayoutInput['nodes'][number];

function heightOf(node: InputNode): number {
  return Math.max(NODE_HEIGHT, node.height ?? NODE_HEIGHT);
}

/**
 * Nodes at their document positions; any node without one goes in a row under the others, one
 * card and a gap apart (the canvas editor gives every node a position as soon as it edits).
 * The coordinates are the document's: `translated` moves them into the picture's box.
 */
export function byPosition(nodes: readonly InputNode[]): PlacedNode[] {
  const positioned = nodes.flatMap((n) => (n.position ? [n.position] : []));
  const left = Math.min(...positioned.map((p) => p.x));
  const below = Math.max(...positioned.map((p) => p.y)) + NODE_HEIGHT + LINK_GAP / 2;
  let next = 0;
  return nodes.map((n) => {
    const at = n.position ?? { x: left + (NODE_WIDTH + LINK_GAP / 2) * next++, y: below };
    return { id: n.id, x: at.x, y: at.y, height: heightOf(n) };
  });
}

/** Nodes moved so that their cards' box starts at the margin, and the picture's size around them. */
function translated(nodes: PlacedNode[]): Placement {
  const left = Math.min(...nodes.map((n) => n.x - NODE_WIDTH / 2));
  const top = Math.min(...nodes.map((n) => n.y - n.height / 2));
  const moved = nodes.map((n) => ({
    ...n,
    x: round(n.x - left + MARGIN),
    y: round(n.y - top + MARGIN),
  }));
  return {
    width: round(Math.max(...moved.map((n) => n.x + NODE_WIDTH / 2)) + MARGIN),
    height: round(Math.max(150, Math.max(...moved.map((n) => n.y + n.height / 2)) + MARGIN)),
    nodes: moved,
  };
}

/** One or two nodes side by side. */
function row(nodes: readonly InputNode[]): Placement {
  const width = 2 * MARGIN + 2 * NODE_WIDTH + LINK_GAP;
  const height = Math.max(150, Math.max(...nodes.map(heightOf)) + 2 * MARGIN);
  const xs =
    nodes.length === 1 ? [width / 2] : [MARGIN + NODE_WIDTH / 2, width - MARGIN - NODE_WIDTH / 2];
  return {
    width,
    height,
    nodes: nodes.map((n, i) => ({
      id: n.id,
      x: xs[i] ?? width / 2,
      y: height / 2,
      height: heightOf(n),
    })),
  };
}

/**
 * A hub in the centre with the others around it; other linked networks in layers
 * (layeredLayout.ts); nodes with no links at all on an ellipse.
 */
function ring(nodes: readonly InputNode[], links: LayoutInput['links']): Placement {
  const ids = new Set(nodes.map((n) => n.id));
  const neighbours = new Map<string, Set<string>>();
  for (const l of links) {
    if (!ids.has(l.a) || !ids.has(l.b) || l.a === l.b) continue;
    if (!neighbours.has(l.a)) neighbours.set(l.a, new Set());
    if (!neighbours.has(l.b)) neighbours.set(l.b, new Set());
    neighbours.get(l.a)?.add(l.b);
    neighbours.get(l.b)?.add(l.a);
  }
  const hub = nodes.find((n) => (neighbours.get(n.id)?.size ?? 0) === nodes.length - 1);
  if (!hub && neighbours.size > 0) {
    const sized = nodes.map((n) => ({ id: n.id, height: heightOf(n) }));
    return layered(sized, links, { nodeWidth: NODE_WIDTH, gap: LINK_GAP, margin: MARGIN });
  }
  const around = hub ? nodes.filter((n) => n !== hub) : nodes;
  const m = around.length;
  // Big enough for neighbouring cards not to overlap, and for a hub's spokes, as long as it
  // takes for every spoke to keep LINK_GAP between the cards it joins (its captions' room).
  const tallest = Math.max(...nodes.map(heightOf));
  let rx = Math.max(hub ? SPOKE : 300, (m * (NODE_WIDTH + 40)) / (2 * Math.PI));
  let ry = Math.max(hub ? LINK_GAP + tallest : 170, rx * 0.6);
  let placement = onEllipse(hub, around, rx, ry, tallest);
  for (let i = 0; hub && i < 10; i++) {
    const [centre, ...spokes] = placement.nodes as [PlacedNode, ...PlacedNode[]];
    const shortest = Math.min(...spokes.map((n) => gap(centre, n)));
    if (shortest >= LINK_GAP - 1) break;
    const grow = LINK_GAP / Math.max(shortest, 1);
    rx *= grow;
    ry *= grow;
    placement = onEllipse(hub, around, rx, ry, tallest);
  }
  return placement;
}

/** The hub (if any) in the centre and the other nodes on an ellipse of radii rx, ry. */
function onEllipse(
  hub: InputNode | undefined,
  around: readonly InputNode[],
  rx: number,
  ry: number,
  tallest: number,
): Placement {
  const width = round(2 * rx + NODE_WIDTH + 2 * MARGIN);
  const height = round(2 * ry + tallest + 2 * MARGIN);
  const cx = width / 2;
  const cy = height / 2;
  const m = around.length;
  // Start on the left so that a chain of three reads left to right through its hub.
  const start = hub ? Math.PI : -Math.PI / 2;
  const placed = around.map((n, i) => {
    const angle = start + (2 * Math.PI * i) / m;
    const x = round(cx + rx * Math.cos(angle));
    return { id: n.id, x, y: round(cy + ry * Math.sin(angle)), height: heightOf(n) };
  });
  if (hub) placed.unshift({ id: hub.id, x: cx, y: cy, height: heightOf(hub) });
  return { width, height, nodes: placed };
}

/** Length of a straight link between two cards, outside both. */
function gap(a: PlacedNode, b: PlacedNode): number {
  const [ax, ay] = exit(a, b);
  const [bx, by] = exit(b, a);
  return Math.hypot(bx - ax, by - ay);
}

/** Rounds to hundredths of a unit (and turns -0 into 0), so float noise never tilts a line. */
function round(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}

/** Shortens text to `max` characters with an ellipsis, for captions in a fixed-size card. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}
