// Where a statechart's boxes and arrows go: states on a grid (given cells, or rows by distance
// from the initial state), each box as wide as its name, one curved arrow per pair of boxes bent
// clear of other boxes, each label at the first place along its arrow that covers no box and no
// other label; then the whole picture moved so the viewBox holds all of it.

import type { MachineGraph } from './statechart.ts';
import { pointAt, route, selfLoop, type Group, type Routed } from './statechartRoutes.ts';
import { textWidth, wrapText } from './textMetrics.ts';

/** A state's box on the chart. A state may be drawn twice (RFC 9293 draws CLOSED twice). */
export interface ChartNode {
  key: string;
  state: string;
  /** The state's name for people, in lines (one, or two for a long name). */
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  initial: boolean;
  final: boolean;
}

/** A rectangle: its left, top, width and height. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
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
  /** The room the label block takes (estimated text extent). */
  labelBox: Rect;
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
/** Font sizes (px) of state names and arrow labels, as Statechart.svelte draws them. */
export const STATE_FONT = 12.5;
export const LABEL_FONT = 10.5;
export const LABEL_LINE = 12;
const STATE_LINE = 15;
/** Widest a state's name runs before it wraps, and the room either side of it in its box. */
const NAME_MAX = 170;
const BOX_PADDING = 12;
const MARGIN = 12;
/** The narrowest chart, so a single column of states is not blown up to the panel's width. */
const MIN_WIDTH = 400;
/** Space kept between a label and a box or another label. */
const CLEARANCE = 3;

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
  return { cells, loopSide: 'right' };
}

/** Whether two rectangles overlap, each grown by `pad`. */
export function rectsOverlap(a: Rect, b: Rect, pad = 0): boolean {
  return (
    a.x - pad < b.x + b.width &&
    b.x - pad < a.x + a.width &&
    a.y - pad < b.y + b.height &&
    b.y - pad < a.y + a.height
  );
}

/** A box's rectangle. */
export function nodeRect(n: Pick<ChartNode, 'x' | 'y' | 'width' | 'height'>): Rect {
  return { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** The label block of `labels` placed at (x, y) with `anchor`. */
function labelRect(labels: string[], x: number, y: number, anchor: ChartEdge['anchor']): Rect {
  const width = Math.max(...labels.map((l) => textWidth(l, LABEL_FONT)));
  const height = labels.length * LABEL_LINE;
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  return { x: left, y: y - height / 2, width, height };
}

/** A box for each cell, as wide as the state's name (and wide enough for TCP's). */
function placeBoxes(
  graph: MachineGraph,
  placement: ChartPlacement,
  extra: { width: number; height: number },
): { nodes: ChartNode[]; cellWidth: number; cellHeight: number } {
  const sized = [...placement.cells].map(([key, cell]) => {
    const name = graph.names[cell.state] ?? cell.state;
    const lines = wrapText(name, STATE_FONT, true, NAME_MAX);
    const text = Math.max(...lines.map((l) => textWidth(l, STATE_FONT, true)));
    return {
      key,
      cell,
      lines,
      width: Math.max(BOX_WIDTH, Math.ceil(text + 2 * BOX_PADDING)),
      height: BOX_HEIGHT + (lines.length - 1) * STATE_LINE,
    };
  });
  const widest = Math.max(...sized.map((s) => s.width));
  const tallest = Math.max(...sized.map((s) => s.height));
  const cellWidth = Math.max(CELL_WIDTH, widest + 52) + extra.width;
  const cellHeight = Math.max(CELL_HEIGHT, tallest + 44) + extra.height;
  const nodes = sized.map((s) => ({
    key: s.key,
    state: s.cell.state,
    lines: s.lines,
    x: s.cell.col * cellWidth,
    y: s.cell.row * cellHeight,
    width: s.width,
    height: s.height,
    initial: s.key === graph.initial,
    final: graph.finals.includes(s.cell.state),
  }));
  return { nodes, cellWidth, cellHeight };
}

/** The arrows between boxes, grouped by box pair and kind. */
function groupTransitions(graph: MachineGraph, placement: ChartPlacement): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const t of graph.transitions) {
    const from = t.from;
    const to = placement.boxFor?.(t.from, t.to) ?? t.to;
    const key = `${from}|${to}|${t.minor ? 'minor' : 'main'}`;
    const group = groups.get(key) ?? { key, from, to, minor: t.minor, labels: [] };
    if (!group.labels.includes(t.label)) group.labels.push(t.label);
    groups.set(key, group);
  }
  return groups;
}

/** The label rectangle of a spot, moved down to centre a block of several lines. */
function spotRect(labels: string[], spot: Routed['spots'][number]): Rect {
  return labelRect(labels, spot.x, spot.y, spot.anchor);
}

/** Room added between columns and rows, in turn, until every label finds a free place. */
const SPREADS = [
  { width: 0, height: 0 },
  { width: 0, height: 26 },
  { width: 50, height: 26 },
  { width: 50, height: 52 },
  { width: 100, height: 52 },
  { width: 100, height: 90 },
];

/**
 * Lays a machine graph out: sized boxes on the placement's grid, arrows, labels and the viewBox.
 * Where a label finds no free place, the grid is spread and laid out again.
 */
export function layoutStatechart(
  graph: MachineGraph,
  placement: ChartPlacement = rowPlacement(graph),
): Statechart {
  let best: { chart: Statechart; clashes: number } | undefined;
  for (const spread of SPREADS) {
    const tried = layoutOnce(graph, placement, spread);
    if (!best || tried.clashes < best.clashes) best = tried;
    if (tried.clashes === 0) break;
  }
  return (best as { chart: Statechart }).chart;
}

/** One layout with `extra` room per cell, and how many labels it left on a box or a label. */
function layoutOnce(
  graph: MachineGraph,
  placement: ChartPlacement,
  extra: { width: number; height: number },
): { chart: Statechart; clashes: number } {
  const { nodes, cellWidth, cellHeight } = placeBoxes(graph, placement, extra);
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const groups = groupTransitions(graph, placement);
  const rects = nodes.map(nodeRect);
  const routed: Routed[] = [];
  for (const g of groups.values()) {
    const a = byKey.get(g.from);
    const b = byKey.get(g.to);
    if (!a || !b) continue;
    if (a === b) {
      routed.push({ group: g, ...selfLoop(a, placement.loopSide ?? 'right') });
      continue;
    }
    const others = nodes.filter((n) => n !== a && n !== b).map(nodeRect);
    const r = route(g, a, b, groups, others);
    const fixed = g.minor ? undefined : placement.labels?.get(`${g.from}|${g.to}`);
    if (fixed)
      r.spots = [{ x: fixed.col * cellWidth, y: fixed.row * cellHeight, anchor: fixed.anchor }];
    routed.push({ group: g, ...r });
  }
  // Labels of the normal arrows, each at its first free spot; minor arrows are listed instead.
  const taken: Rect[] = [];
  let clashes = 0;
  const placed = new Map<string, { spot: Routed['spots'][number]; rect: Rect }>();
  for (const r of routed) {
    const labels = r.group.labels;
    let best: { spot: Routed['spots'][number]; rect: Rect; cost: number } | undefined;
    for (const spot of r.spots) {
      const rect = spotRect(labels, spot);
      const cost =
        rects.filter((b) => rectsOverlap(rect, b, CLEARANCE)).length * 10 +
        taken.filter((b) => rectsOverlap(rect, b, CLEARANCE)).length;
      if (!best || cost < best.cost) best = { spot, rect, cost };
      if (cost === 0) break;
    }
    if (!best) continue;
    if (!r.group.minor) {
      taken.push(best.rect);
      clashes += best.cost;
    }
    placed.set(r.group.key, best);
  }
  // Everything drawn, with the initial state's start dot, fits the viewBox with a margin.
  const extents: Rect[] = [...rects, ...taken];
  for (const n of nodes.filter((n) => n.initial))
    extents.push({ x: n.x - n.width / 2 - 22, y: n.y - 5, width: 22, height: 10 });
  for (const r of routed) {
    for (let i = 0; i <= 24; i++) {
      const [x, y] = pointAt(r.curve, i / 24);
      extents.push({ x: x - 5, y: y - 5, width: 10, height: 10 });
    }
  }
  const left = Math.min(...extents.map((e) => e.x));
  const top = Math.min(...extents.map((e) => e.y));
  const right = Math.max(...extents.map((e) => e.x + e.width));
  const bottom = Math.max(...extents.map((e) => e.y + e.height));
  const width = Math.ceil(Math.max(MIN_WIDTH, right - left + 2 * MARGIN));
  // A narrow chart is centred.
  const dx = MARGIN - left + (width - 2 * MARGIN - (right - left)) / 2;
  const dy = MARGIN - top;
  for (const n of nodes) {
    n.x = r1(n.x + dx);
    n.y = r1(n.y + dy);
  }
  const edges: ChartEdge[] = routed.map((r) => {
    const at = placed.get(r.group.key) as { spot: Routed['spots'][number]; rect: Rect };
    const pts = r.curve.map(([x, y]) => `${r1(x + dx)} ${r1(y + dy)}`);
    const path = `M${pts[0]} ${pts.length === 3 ? 'Q' : 'C'}${pts.slice(1).join(' ')}`;
    const { key, from, to, labels, minor } = r.group;
    return {
      key,
      from,
      to,
      labels,
      minor,
      path,
      labelX: r1(at.spot.x + dx),
      labelY: r1(at.spot.y + dy),
      anchor: at.spot.anchor,
      labelBox: {
        x: r1(at.rect.x + dx),
        y: r1(at.rect.y + dy),
        width: r1(at.rect.width),
        height: at.rect.height,
      },
    };
  });
  const height = Math.ceil(bottom - top + 2 * MARGIN);
  return { chart: { graph, width, height, nodes, edges }, clashes };
}
