// Where the topology picture puts nodes and links: a row for one or two nodes, a hub with spokes
// when one node links to all others, else an ellipse. Pure view math: the SVG only draws this.

/** The smallest shape of a node or link that the layout needs. */
export interface LayoutInput {
  nodes: readonly { id: string }[];
  links: readonly { id: string; a: string; b: string }[];
}

export interface PlacedNode {
  id: string;
  /** Centre of the node's card. */
  x: number;
  y: number;
}

export interface PlacedLink {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
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

/** Size of a node's card in the picture (user units of the SVG's viewBox). */
export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 72;
/** Most nodes the first view draws; the rest are counted, not drawn. */
export const MAX_DRAWN_NODES = 48;

const MARGIN = 24;
/** Room a link needs between two cards for its caption. */
const SPOKE = 380;

/** Lays out the nodes (up to MAX_DRAWN_NODES) and the links between drawn nodes. */
export function layoutTopology(input: LayoutInput): TopologyLayout {
  const drawn = input.nodes.slice(0, MAX_DRAWN_NODES);
  const placed = drawn.length <= 2 ? row(drawn) : ring(drawn, input.links);
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
    links.push({
      id: link.id,
      x1: a.x,
      y1: a.y,
      x2: b.x,
      y2: b.y,
      midX: (a.x + b.x) / 2,
      midY: (a.y + b.y) / 2,
      angle: round(angle),
      parallel,
    });
  }
  return { ...placed, links, hiddenNodes: input.nodes.length - drawn.length };
}

type Placement = { width: number; height: number; nodes: PlacedNode[] };

/** One or two nodes side by side. */
function row(nodes: readonly { id: string }[]): Placement {
  const width = 2 * MARGIN + 2 * NODE_WIDTH + SPOKE - NODE_WIDTH;
  const height = 130;
  const xs =
    nodes.length === 1 ? [width / 2] : [MARGIN + NODE_WIDTH / 2, width - MARGIN - NODE_WIDTH / 2];
  return {
    width,
    height,
    nodes: nodes.map((n, i) => ({ id: n.id, x: xs[i] ?? width / 2, y: height / 2 })),
  };
}

/** A hub in the centre with the others around it, or everyone on an ellipse. */
function ring(nodes: readonly { id: string }[], links: LayoutInput['links']): Placement {
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
  const around = hub ? nodes.filter((n) => n !== hub) : nodes;
  const m = around.length;
  // Big enough for a caption on every spoke and for neighbouring cards not to overlap.
  const rx = Math.max(hub ? SPOKE : 300, (m * (NODE_WIDTH + 40)) / (2 * Math.PI));
  const ry = Math.max(hub ? 260 : 170, rx * 0.6);
  const width = 2 * rx + NODE_WIDTH + 2 * MARGIN;
  const height = 2 * ry + NODE_HEIGHT + 2 * MARGIN;
  const cx = width / 2;
  const cy = height / 2;
  // Start on the left so that a chain of three reads left to right through its hub.
  const start = hub ? Math.PI : -Math.PI / 2;
  const placed = around.map((n, i) => {
    const angle = start + (2 * Math.PI * i) / m;
    return { id: n.id, x: round(cx + rx * Math.cos(angle)), y: round(cy + ry * Math.sin(angle)) };
  });
  if (hub) placed.unshift({ id: hub.id, x: cx, y: cy });
  return { width, height, nodes: placed };
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
