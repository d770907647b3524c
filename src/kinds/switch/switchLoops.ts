// The loops of a switched network: cycles in the graph whose vertices are switches and whose edges
// are links between two switches. Handshake's switches run no spanning tree, so a packet they
// flood around such a loop comes back and circles forever. Hosts and routers are not vertices: a
// host with two links into the switched network does not forward between them.

/** A link between two nodes, by node id (a link end "s1:p2" is node "s1"). */
export interface NetworkLink {
  id: string;
  a: string;
  b: string;
}

/** The layer-2 picture of a network: which nodes are switches, and every link. */
export interface SwitchNetwork {
  /** Ids of the switches, in document order (the order loops are read in). */
  switches: readonly string[];
  /** Every link, in document order; links with a non-switch end are ignored. */
  links: readonly NetworkLink[];
}

/**
 * One loop: the switches in the order the loop passes them, and the links between them,
 * `links[i]` joining `switches[i]` to the next switch (the last one back to the first).
 */
export interface SwitchLoop {
  switches: string[];
  links: string[];
  /** The loop's link outside the spanning forest: the one a spanning tree protocol would block. */
  closing: string;
}

/** The loops found, and how many there are in all (more than `loops` holds past a limit). */
export interface SwitchLoops {
  loops: SwitchLoop[];
  /** Independent loops: links between switches minus switches plus connected groups. */
  total: number;
}

interface Edge {
  index: number;
  id: string;
  a: number;
  b: number;
}

/**
 * The independent loops of the switched network: a spanning forest is grown breadth-first from
 * the switches in document order, and every switch-to-switch link outside it closes one loop
 * (the link a spanning tree protocol would block). Each loop starts at its first switch in
 * document order and goes first towards the neighbour earlier in the document (on parallel
 * links, the earlier link); loops come in the document order of the link that closes them.
 * At most `limit` loops are listed; `total` counts them all.
 */
export function findSwitchLoops(network: SwitchNetwork, limit = Infinity): SwitchLoops {
  const order = new Map<string, number>();
  network.switches.forEach((id) => {
    if (!order.has(id)) order.set(id, order.size);
  });
  const ids = [...order.keys()];
  const adjacent: Edge[][] = ids.map(() => []);
  const edges: Edge[] = [];
  network.links.forEach((link, index) => {
    const a = order.get(link.a);
    const b = order.get(link.b);
    if (a === undefined || b === undefined) return;
    const edge = { index, id: link.id, a, b };
    edges.push(edge);
    adjacent[a]?.push(edge);
    if (b !== a) adjacent[b]?.push(edge);
  });

  // Breadth-first spanning forest: each switch's parent, the link to it, and its depth.
  const parent = new Array<number>(ids.length).fill(-1);
  const parentEdge = new Array<Edge | undefined>(ids.length);
  const depth = new Array<number>(ids.length).fill(-1);
  const treeEdges = new Set<Edge>();
  for (let root = 0; root < ids.length; root++) {
    if (depth[root] !== -1) continue;
    depth[root] = 0;
    const queue = [root];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] as number;
      for (const edge of adjacent[v] ?? []) {
        const w = edge.a === v ? edge.b : edge.a;
        if (depth[w] !== -1) continue;
        depth[w] = (depth[v] as number) + 1;
        parent[w] = v;
        parentEdge[w] = edge;
        treeEdges.add(edge);
        queue.push(w);
      }
    }
  }

  const closing = edges.filter((e) => !treeEdges.has(e));
  const loops = closing.slice(0, limit).map((edge) => ({
    ...canonical(loopOf(edge, parent, parentEdge, depth), ids),
    closing: edge.id,
  }));
  return { loops, total: closing.length };
}

/** The loop a link outside the tree closes: tree path from one end to the other, then the link. */
function loopOf(
  edge: Edge,
  parent: readonly number[],
  parentEdge: readonly (Edge | undefined)[],
  depth: readonly number[],
): { vertices: number[]; edges: Edge[] } {
  // Climb from both ends to their lowest common ancestor.
  const up: { v: number; e: Edge }[] = [];
  const down: { v: number; e: Edge }[] = [];
  let u = edge.a;
  let w = edge.b;
  while (u !== w) {
    if ((depth[u] as number) >= (depth[w] as number)) {
      up.push({ v: u, e: parentEdge[u] as Edge });
      u = parent[u] as number;
    } else {
      down.push({ v: w, e: parentEdge[w] as Edge });
      w = parent[w] as number;
    }
  }
  // a -> ... -> ancestor -> ... -> b, then the closing link from b back to a.
  down.reverse();
  return {
    vertices: [...up.map((s) => s.v), u, ...down.map((s) => s.v)],
    edges: [...up.map((s) => s.e), ...down.map((s) => s.e), edge],
  };
}

/** The loop read from its earliest switch, towards its earlier neighbour (or earlier link). */
function canonical(
  loop: { vertices: number[]; edges: Edge[] },
  ids: readonly string[],
): Omit<SwitchLoop, 'closing'> {
  const n = loop.vertices.length;
  let start = 0;
  for (let i = 1; i < n; i++)
    if ((loop.vertices[i] as number) < (loop.vertices[start] as number)) start = i;
  // Forwards: vertices[start], vertices[start+1], ... with edges[start], edges[start+1], ...
  const forwards = rotate(loop.vertices, start);
  const forwardEdges = rotate(loop.edges, start);
  // Backwards: vertices[start], vertices[start-1], ... with edges[start-1], edges[start-2], ...
  const backwards = [forwards[0] as number, ...forwards.slice(1).reverse()];
  const backwardEdges = [...forwardEdges].reverse();
  const key = (vs: number[], es: Edge[]): [number, number] => [
    vs[1 % n] as number,
    (es[0] as Edge).index,
  ];
  const [fv, fe] = key(forwards, forwardEdges);
  const [bv, be] = key(backwards, backwardEdges);
  const useBackwards = bv < fv || (bv === fv && be < fe);
  const vs = useBackwards ? backwards : forwards;
  const es = useBackwards ? backwardEdges : forwardEdges;
  return { switches: vs.map((v) => ids[v] as string), links: es.map((e) => e.id) };
}

function rotate<T>(items: readonly T[], start: number): T[] {
  return [...items.slice(start), ...items.slice(0, start)];
}
