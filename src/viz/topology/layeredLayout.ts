// A layered layout for networks that are not a single hub: each connected group of nodes in
// columns by hop count from one end of its longest path (so a client on the left and the server
// on the right read as a path), groups stacked, and unlinked nodes in rows below.

/** A node to place, with its card's height. */
export interface LayerNode {
  id: string;
  height: number;
}

/** Sizes the layout works with (SVG user units). */
export interface LayerSizes {
  nodeWidth: number;
  /** Horizontal room between two columns of cards: a link's captions need it. */
  gap: number;
  margin: number;
}

export interface LayeredPlacement {
  width: number;
  height: number;
  nodes: (LayerNode & { x: number; y: number })[];
}

/** Vertical room between two cards in one column. */
const ROW_GAP = 80;
/** Horizontal room between unlinked cards in a row. */
const LOOSE_GAP = 40;

/** Places `nodes` in columns; links name nodes by id and may name nodes that are not given. */
export function layered(
  nodes: readonly LayerNode[],
  links: readonly { a: string; b: string }[],
  sizes: LayerSizes,
): LayeredPlacement {
  const { nodeWidth, gap, margin } = sizes;
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const neighbours = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const l of links) {
    if (!order.has(l.a) || !order.has(l.b) || l.a === l.b) continue;
    neighbours.get(l.a)?.push(l.b);
    neighbours.get(l.b)?.push(l.a);
  }
  for (const list of neighbours.values()) list.sort((x, y) => order.get(x)! - order.get(y)!);

  const seen = new Set<string>();
  const groups: LayerNode[][][] = [];
  const loose: LayerNode[] = [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const node of nodes) {
    if (seen.has(node.id)) continue;
    const members = [...hops(node.id, neighbours).keys()];
    for (const id of members) seen.add(id);
    if (members.length === 1) {
      loose.push(node);
      continue;
    }
    // One end of the longest path is the node farthest from the first; columns count hops from
    // the other end, mirrored so the group's first node (often the client) sits on the left.
    const far = farthest(hops(node.id, neighbours), order);
    const fromFar = hops(far, neighbours);
    const depth = Math.max(...fromFar.values());
    const columns: LayerNode[][] = Array.from({ length: depth + 1 }, () => []);
    for (const id of [...members].sort((x, y) => order.get(x)! - order.get(y)!)) {
      columns[depth - (fromFar.get(id) ?? 0)]?.push(byId.get(id)!);
    }
    if ((fromFar.get(node.id) ?? 0) < depth / 2) columns.reverse();
    groups.push(columns);
  }

  const columnCount = Math.max(1, ...groups.map((g) => g.length));
  const looseCount = Math.max(
    1,
    Math.floor((columnCount * (nodeWidth + gap)) / (nodeWidth + LOOSE_GAP)),
  );
  const width = Math.max(
    2 * margin + columnCount * nodeWidth + (columnCount - 1) * gap,
    2 * margin + Math.min(loose.length, looseCount) * (nodeWidth + LOOSE_GAP) - LOOSE_GAP,
  );
  const placed: LayeredPlacement['nodes'] = [];
  let top = margin;
  for (const columns of groups) {
    const heights = columns.map(
      (c) => c.reduce((sum, n) => sum + n.height, 0) + (c.length - 1) * ROW_GAP,
    );
    const band = Math.max(...heights);
    const left = (width - (columns.length * nodeWidth + (columns.length - 1) * gap)) / 2;
    columns.forEach((column, i) => {
      let y = top + (band - (heights[i] ?? 0)) / 2;
      for (const n of column) {
        placed.push({ ...n, x: left + i * (nodeWidth + gap) + nodeWidth / 2, y: y + n.height / 2 });
        y += n.height + ROW_GAP;
      }
    });
    top += band + ROW_GAP;
  }
  for (let start = 0; start < loose.length; start += looseCount) {
    const rowNodes = loose.slice(start, start + looseCount);
    const tallest = Math.max(...rowNodes.map((n) => n.height));
    const left = (width - (rowNodes.length * (nodeWidth + LOOSE_GAP) - LOOSE_GAP)) / 2;
    rowNodes.forEach((n, i) => {
      placed.push({
        ...n,
        x: left + i * (nodeWidth + LOOSE_GAP) + nodeWidth / 2,
        y: top + tallest / 2,
      });
    });
    top += tallest + LOOSE_GAP;
  }
  const height = top - (loose.length > 0 ? LOOSE_GAP : ROW_GAP) + margin;
  // Keep the input order, so the picture draws nodes in the document's order.
  placed.sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  return { width, height, nodes: placed };
}

/** Hop counts from `start` to every node it reaches (breadth first). */
function hops(start: string, neighbours: Map<string, string[]>): Map<string, number> {
  const distance = new Map([[start, 0]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const next of neighbours.get(id) ?? []) {
      if (distance.has(next)) continue;
      distance.set(next, (distance.get(id) ?? 0) + 1);
      queue.push(next);
    }
  }
  return distance;
}

/** The farthest node, the first in document order among equals. */
function farthest(distance: Map<string, number>, order: Map<string, number>): string {
  let best = '';
  let bestDistance = -1;
  for (const [id, d] of distance) {
    if (d > bestDistance || (d === bestDistance && order.get(id)! < order.get(best)!)) {
      best = id;
      bestDistance = d;
    }
  }
  return best;
}
