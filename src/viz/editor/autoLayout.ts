// Auto-layout on demand: a force-directed layout (d3-force) of the document's nodes, written into
// their positions. Deterministic: the nodes start where they are drawn (or, for none, on d3's
// own spiral), the random source is a fixed-seed generator and the simulation runs a fixed number
// of ticks, so the same document always gets the same positions.

import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationNodeDatum,
} from 'd3-force';
import { asDoc, asJson, linkNodes, snap, type Point } from './canvasDocument.ts';
import type { CanvasEdit } from './canvasEdits.ts';
import type { Json } from './documentEdits.ts';

/** Ticks of the force simulation (d3's default cooling reaches its floor in about 300). */
export const LAYOUT_TICKS = 300;
/** Where the top-left node centre of the laid-out picture goes. */
const ORIGIN = { x: 140, y: 80 };

/** A small linear congruential generator (Numerical Recipes' constants), in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface ForceNode extends SimulationNodeDatum {
  id: string;
}

/** Lays the nodes out by forces (links pull, nodes push apart, cards never overlap). */
export function autoLayout(
  json: Json,
  placement: ReadonlyMap<string, Point> = new Map(),
): CanvasEdit {
  const doc = asDoc(json);
  if (doc.nodes.length === 0) return { ok: false, reason: 'there are no nodes to lay out' };
  const nodes: ForceNode[] = doc.nodes.map((n) => {
    const at = n.position ?? placement.get(n.id);
    return at ? { id: n.id, x: at.x, y: at.y } : { id: n.id };
  });
  const ids = new Set(nodes.map((n) => n.id));
  const links = doc.links
    .map((l) => linkNodes(l))
    .filter(([a, b]) => a !== b && ids.has(a) && ids.has(b))
    .map(([source, target]) => ({ source, target }));
  const simulation = forceSimulation(nodes)
    .randomSource(seededRandom(1))
    .force(
      'link',
      forceLink<ForceNode, { source: string; target: string }>(links)
        .id((n) => n.id)
        .distance(320)
        .strength(0.7),
    )
    .force('charge', forceManyBody().strength(-1500))
    .force('collide', forceCollide(150))
    .stop();
  simulation.tick(LAYOUT_TICKS);
  const left = Math.min(...nodes.map((n) => n.x ?? 0));
  const top = Math.min(...nodes.map((n) => n.y ?? 0));
  const at = new Map(
    nodes.map((n) => [
      n.id,
      snap({ x: (n.x ?? 0) - left + ORIGIN.x, y: (n.y ?? 0) - top + ORIGIN.y }),
    ]),
  );
  return {
    ok: true,
    doc: asJson({
      ...doc,
      nodes: doc.nodes.map((n) => {
        const { position: _old, ...rest } = n;
        void _old;
        return { ...rest, position: at.get(n.id) as Point };
      }),
    }),
    label: 'Lay out the nodes',
    select: [],
  };
}
