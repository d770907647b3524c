// Where a statechart's boxes and arrows go: states on a grid (given cells, or rows by distance
// from the initial state), one curved arrow per pair of boxes, labels beside the arrows.

import type { MachineGraph } from './statechart.ts';

/** A state's box on the chart. A state may be drawn twice (RFC 9293 draws CLOSED twice). */
export interface ChartNode {
  key: string;
  state: string;
  x: number;
  y: number;
  width: number;
  height: number;
  initial: boolean;
  final: boolean;
}

/** The transitions between two boxes, drawn as one arrow with one label line each. */
export interface ChartEdge {
  key: string;
  from: string;
  to: string;
  labels: string[];
  minor: boolean;
  path: string;
  /** Where the label block is centred vertically, and which side of labelX its text goes. */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface Statechart {
  graph: MachineGraph;
  width: number;
  height: number;
  nodes: ChartNode[];
  edges: ChartEdge[];
}

/** Where states go: grid cells per box key, and which box an arrow into a state ends at. */
export interface ChartPlacement {
  cells: Map<string, { state: string; col: number; row: number }>;
  boxFor?: (from: string, to: string) => string;
  /** Where a transition back into the same state loops: right of the box (default) or below. */
  loopSide?: 'right' | 'below';
  /** Label positions in grid units for some arrows (`from|to`), where the default would collide. */
  labels?: Map<string, { col: number; row: number; anchor: ChartEdge['anchor'] }>;
}

export const CELL_WIDTH = 190;
export const CELL_HEIGHT = 78;
export const BOX_WIDTH = 138;
export const BOX_HEIGHT = 34;
const MARGIN = 12;

/** Rows by distance from the initial state; states never reached go in a last row. */
export function rowPlacement(graph: MachineGraph): ChartPlacement {
  const depth = new Map<string, number>([[graph.initial, 0]]);
  const queue = [graph.initial];
  while (queue.length > 0) {
    const s = queue.shift() as string;
    for (const t of graph.transitions) {
      if (t.from === s && !depth.has(t.to)) {
        depth.set(t.to, (depth.get(s) ?? 0) + 1);
        queue.push(t.to);
      }
    }
  }
  const lastRow = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, string[]>();
  for (const s of graph.states) {
    const row = depth.get(s) ?? lastRow;
    rows.set(row, [...(rows.get(row) ?? []), s]);
  }
  const widest = Math.max(...[...rows.values()].map((r) => r.length));
  const cells: ChartPlacement['cells'] = new Map();
  [...rows.keys()]
    .sort((a, b) => a - b)
    .forEach((row, index) => {
      const states = rows.get(row) ?? [];
      states.forEach((state, i) =>
        cells.set(state, { state, col: i + (widest - states.length) / 2, row: index }),
      );
    });
  return { cells };
}

/** Where the segment from a box's centre towards (tx, ty) leaves the box. */
function boxExit(n: ChartNode, tx: number, ty: number): [number, number] {
  const dx = tx - n.x;
  const dy = ty - n.y;
  if (dx === 0 && dy === 0) return [n.x, n.y];
  const s = Math.min(
    dx === 0 ? Infinity : n.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : n.height / 2 / Math.abs(dy),
  );
  return [n.x + dx * s, n.y + dy * s];
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** Room right of the grid for the labels of self-loops. */
const LOOP_LABEL_ROOM = 150;
/** The narrowest chart, so labels beside a single column of states fit. */
const MIN_WIDTH = 400;

/** A transition from a state back into itself: a small loop right of or below its box. */
function selfLoop(
  a: ChartNode,
  side: 'right' | 'below',
): Omit<ChartEdge, 'key' | 'from' | 'to' | 'labels' | 'minor'> {
  if (side === 'below') {
    const y = a.y + a.height / 2;
    return {
      path: `M${r1(a.x + 24)} ${r1(y)} C${r1(a.x + 40)} ${r1(y + 30)} ${r1(a.x - 40)} ${r1(y + 30)} ${r1(a.x - 24)} ${r1(y)}`,
      labelX: a.x,
      labelY: y + 34,
      anchor: 'middle',
    };
  }
  const x = a.x + a.width / 2;
  return {
    path: `M${r1(x)} ${r1(a.y - 8)} C${r1(x + 34)} ${r1(a.y - 24)} ${r1(x + 34)} ${r1(a.y + 24)} ${r1(x)} ${r1(a.y + 8)}`,
    labelX: x + 32,
    labelY: a.y,
    anchor: 'start',
  };
}

/** Lays a machine graph out: boxes on the placement's grid, one curved arrow per box pair. */
export function layoutStatechart(
  graph: MachineGraph,
  placement: ChartPlacement = rowPlacement(graph),
): Statechart {
  const cols = Math.max(...[...placement.cells.values()].map((c) => c.col)) + 1;
  const hasLoops = graph.transitions.some((t) => t.from === t.to);
  const side = hasLoops && (placement.loopSide ?? 'right') === 'right' ? LOOP_LABEL_ROOM : 0;
  const width = Math.max(MIN_WIDTH, MARGIN * 2 + cols * CELL_WIDTH + side);
  // Narrow charts are centred, leaving room either side for the labels of arrows.
  const shift = (width - side - MARGIN * 2 - cols * CELL_WIDTH) / 2;
  const xAt = (col: number) => MARGIN + shift + col * CELL_WIDTH + CELL_WIDTH / 2;
  const yAt = (row: number) => MARGIN + row * CELL_HEIGHT + BOX_HEIGHT / 2 + 8;
  const nodes: ChartNode[] = [...placement.cells].map(([key, cell]) => ({
    key,
    state: cell.state,
    x: xAt(cell.col),
    y: yAt(cell.row),
    width: BOX_WIDTH,
    height: BOX_HEIGHT,
    initial: key === graph.initial,
    final: graph.finals.includes(cell.state),
  }));
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const groups = new Map<string, { from: string; to: string; minor: boolean; labels: string[] }>();
  for (const t of graph.transitions) {
    const from = t.from;
    const to = placement.boxFor?.(t.from, t.to) ?? t.to;
    const key = `${from}|${to}|${t.minor ? 'minor' : 'main'}`;
    const group = groups.get(key) ?? { from, to, minor: t.minor, labels: [] };
    if (!group.labels.includes(t.label)) group.labels.push(t.label);
    groups.set(key, group);
  }
  const edges: ChartEdge[] = [];
  for (const [key, g] of groups) {
    const a = byKey.get(g.from);
    const b = byKey.get(g.to);
    if (!a || !b) continue;
    if (a === b) {
      edges.push({ key, ...g, ...selfLoop(a, placement.loopSide ?? 'right') });
      continue;
    }
    const shared = groups.has(`${g.to}|${g.from}|main`) || groups.has(`${g.to}|${g.from}|minor`);
    const twin = groups.has(`${g.from}|${g.to}|${g.minor ? 'main' : 'minor'}`);
    const bend = (shared ? 18 : 0) + (twin && g.minor ? 22 : 0);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy);
    const cx = (a.x + b.x) / 2 + (-dy / len) * bend;
    const cy = (a.y + b.y) / 2 + (dx / len) * bend;
    const [sx, sy] = boxExit(a, cx, cy);
    const [ex, ey] = boxExit(b, cx, cy);
    const nx = -dy / len;
    const fixed = g.minor ? undefined : placement.labels?.get(`${g.from}|${g.to}`);
    if (fixed) {
      edges.push({
        key,
        ...g,
        path: `M${r1(sx)} ${r1(sy)} Q${r1(cx)} ${r1(cy)} ${r1(ex)} ${r1(ey)}`,
        labelX: r1(xAt(fixed.col)),
        labelY: r1(yAt(fixed.row)),
        anchor: fixed.anchor,
      });
      continue;
    }
    const anchor = bend === 0 || Math.abs(nx) < 0.3 ? 'middle' : nx > 0 ? 'start' : 'end';
    edges.push({
      key,
      ...g,
      path: `M${r1(sx)} ${r1(sy)} Q${r1(cx)} ${r1(cy)} ${r1(ex)} ${r1(ey)}`,
      labelX: r1(
        0.25 * sx + 0.5 * cx + 0.25 * ex + (anchor === 'start' ? 4 : anchor === 'end' ? -4 : 0),
      ),
      labelY: r1(0.25 * sy + 0.5 * cy + 0.25 * ey + (g.minor && twin ? 13 : 0)),
      anchor,
    });
  }
  const rows = Math.max(...[...placement.cells.values()].map((c) => c.row)) + 1;
  const loops = graph.transitions.some((t) => t.from === t.to);
  return {
    graph,
    width,
    height: MARGIN * 2 + rows * CELL_HEIGHT + (loops && placement.loopSide === 'below' ? 40 : 0),
    nodes,
    edges,
  };
}
