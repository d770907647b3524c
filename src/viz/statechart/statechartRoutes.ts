// The arrows of a statechart: a curve between two boxes, bent clear of the other boxes where it
// can, or a loop back into a box; and the places along each arrow where its label may go, best
// first (statechartLayout.ts takes the first that covers no box and no other label).

import type { ChartEdge, ChartNode, Rect } from './statechartLayout.ts';

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

/** An arrow's curve: a quadratic (3 points) or a cubic (4 points) Bézier. */
export type Curve = [number, number][];

/** The point at t of a Bézier curve. */
export function pointAt(curve: Curve, t: number): [number, number] {
  let pts = curve;
  while (pts.length > 1) {
    const next: Curve = [];
    for (let i = 0; i + 1 < pts.length; i++) {
      const [ax, ay] = pts[i] as [number, number];
      const [bx, by] = pts[i + 1] as [number, number];
      next.push([ax + (bx - ax) * t, ay + (by - ay) * t]);
    }
    pts = next;
  }
  return pts[0] as [number, number];
}

/** Whether a curve runs through any of `boxes` (sampled along its length). */
function crossesBoxes(curve: Curve, boxes: Rect[]): boolean {
  for (let i = 1; i < 24; i++) {
    const [x, y] = pointAt(curve, i / 24);
    if (
      boxes.some(
        (b) => x > b.x - 4 && x < b.x + b.width + 4 && y > b.y - 4 && y < b.y + b.height + 4,
      )
    )
      return true;
  }
  return false;
}

export interface Group {
  key: string;
  from: string;
  to: string;
  minor: boolean;
  labels: string[];
}

/** An arrow before its label is placed: its curve and where along it a label may go. */
export interface Routed {
  group: Group;
  curve: Curve;
  /** Label positions to try, best first; a fixed one alone when the placement gives it. */
  spots: { x: number; y: number; anchor: ChartEdge['anchor'] }[];
}

/** A loop from a box back into itself, right of it or below it, and where its label may go. */
export function selfLoop(a: ChartNode, side: 'right' | 'below'): Omit<Routed, 'group'> {
  if (side === 'below') {
    const y = a.y + a.height / 2;
    const curve: Curve = [
      [a.x + 24, y],
      [a.x + 40, y + 30],
      [a.x - 40, y + 30],
      [a.x - 24, y],
    ];
    const spots = [0, 14, 28, 42].map((d) => ({
      x: a.x,
      y: y + 34 + d,
      anchor: 'middle' as const,
    }));
    return { curve, spots };
  }
  const x = a.x + a.width / 2;
  const curve: Curve = [
    [x, a.y - 8],
    [x + 34, a.y - 24],
    [x + 34, a.y + 24],
    [x, a.y + 8],
  ];
  const spots = [0, -14, 14, -28, 28].map((d) => ({
    x: x + 32,
    y: a.y + d,
    anchor: 'start' as const,
  }));
  return { curve, spots };
}

/** Routes the arrow between two different boxes, bent clear of the other boxes where it can. */
export function route(
  g: Group,
  a: ChartNode,
  b: ChartNode,
  groups: Map<string, Group>,
  others: Rect[],
): Omit<Routed, 'group'> {
  const shared = groups.has(`${g.to}|${g.from}|main`) || groups.has(`${g.to}|${g.from}|minor`);
  const twin = groups.has(`${g.from}|${g.to}|${g.minor ? 'main' : 'minor'}`);
  const base = (shared ? 18 : 0) + (twin && g.minor ? 22 : 0);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  const nx = -dy / len;
  const ny = dx / len;
  const curveFor = (bend: number): Curve => {
    const cx = (a.x + b.x) / 2 + nx * bend;
    const cy = (a.y + b.y) / 2 + ny * bend;
    return [boxExit(a, cx, cy), [cx, cy], boxExit(b, cx, cy)];
  };
  // The usual bend first; then further out on the same side, then on the other.
  const bends = [base, base + 45, base - 45, base + 90, base - 90, base + 140, base - 140];
  let curve = curveFor(base);
  for (const bend of bends) {
    const c = curveFor(bend);
    if (!crossesBoxes(c, others)) {
      curve = c;
      break;
    }
  }
  const [, [cx, cy]] = curve as [[number, number], [number, number], [number, number]];
  const bend = (cx - (a.x + b.x) / 2) * nx + (cy - (a.y + b.y) / 2) * ny;
  const side = bend === 0 ? 0 : Math.sign(bend);
  const spots: Routed['spots'] = [];
  for (const t of [0.5, 0.35, 0.65, 0.22, 0.78]) {
    const [px, py] = pointAt(curve, t);
    // On a straight arrow, across it first; beside the curve on its outer side, then the inner.
    const across = { x: px, y: py, anchor: 'middle' as const };
    if (side === 0) spots.push(across);
    const outer = side === 0 ? 1 : side;
    for (const [s, far] of [
      [outer, 0],
      [-outer, 0],
      [outer, 1],
      [-outer, 1],
    ] as const) {
      const ox = nx * s;
      const anchor: ChartEdge['anchor'] = Math.abs(ox) < 0.3 ? 'middle' : ox > 0 ? 'start' : 'end';
      // Close beside the arrow, or far enough to clear the boxes either side of a short one.
      const gap = (anchor === 'middle' ? 9 : 5) + far * 22;
      spots.push({ x: px + ox * gap, y: py + ny * s * gap, anchor });
    }
    if (side !== 0) spots.push(across);
  }
  return { curve, spots };
}
