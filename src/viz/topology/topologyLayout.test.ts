// Layout of the topology picture: a row for two nodes, an ellipse for more, cards as tall as
// their interface lists, where each link leaves its cards, and a cap on size.
import { describe, expect, it } from 'vitest';
import {
  LINK_GAP,
  MAX_DRAWN_NODES,
  NODE_HEIGHT,
  NODE_WIDTH,
  clip,
  layoutTopology,
  type PlacedLink,
} from './topologyLayout.ts';

/** Length of a link between the points where it leaves its two cards: its caption's room. */
function visibleLength(l: PlacedLink): number {
  return Math.hypot(l.bx - l.ax, l.by - l.ay);
}

/** Whether (x, y) lies on the border of a card centred at (cx, cy). */
function onBorder(x: number, y: number, cx: number, cy: number, height: number): boolean {
  const ex = Math.abs(Math.abs(x - cx) - NODE_WIDTH / 2) < 0.01;
  const ey = Math.abs(Math.abs(y - cy) - height / 2) < 0.01;
  const inside = Math.abs(x - cx) <= NODE_WIDTH / 2 + 0.01 && Math.abs(y - cy) <= height / 2 + 0.01;
  return inside && (ex || ey);
}

/** No two cards overlap and every card lies inside the picture. */
function expectApartAndInside(layout: ReturnType<typeof layoutTopology>): void {
  for (const n of layout.nodes) {
    expect(n.x - NODE_WIDTH / 2).toBeGreaterThanOrEqual(0);
    expect(n.x + NODE_WIDTH / 2).toBeLessThanOrEqual(layout.width);
    expect(n.y - n.height / 2).toBeGreaterThanOrEqual(0);
    expect(n.y + n.height / 2).toBeLessThanOrEqual(layout.height);
  }
  for (const [i, p] of layout.nodes.entries()) {
    for (const q of layout.nodes.slice(i + 1)) {
      const apartX = Math.abs(p.x - q.x) >= NODE_WIDTH;
      const apartY = Math.abs(p.y - q.y) >= (p.height + q.height) / 2;
      expect(apartX || apartY, `${p.id} and ${q.id} overlap`).toBe(true);
    }
  }
}

describe('layoutTopology', () => {
  it('puts two nodes side by side with the link between them', () => {
    const layout = layoutTopology({
      nodes: [{ id: 'a' }, { id: 'b' }],
      links: [{ id: 'l', a: 'a', b: 'b' }],
    });
    const [a, b] = layout.nodes;
    expect(a?.y).toBe(b?.y);
    expect((b?.x ?? 0) - (a?.x ?? 0)).toBe(NODE_WIDTH + LINK_GAP);
    expect(layout.links).toEqual([
      expect.objectContaining({
        id: 'l',
        x1: a?.x,
        x2: b?.x,
        // The line leaves a's card at its right edge and b's at its left edge.
        ax: (a?.x ?? 0) + NODE_WIDTH / 2,
        bx: (b?.x ?? 0) - NODE_WIDTH / 2,
        ay: a?.y,
        by: b?.y,
        midX: ((a?.x ?? 0) + (b?.x ?? 0)) / 2,
        angle: 0,
      }),
    ]);
    expect(visibleLength(layout.links[0]!)).toBe(LINK_GAP);
    expect([a?.height, b?.height]).toEqual([NODE_HEIGHT, NODE_HEIGHT]);
  });

  it('makes room for tall cards and leaves links at their borders', () => {
    const layout = layoutTopology({
      nodes: [{ id: 'a', height: 150 }, { id: 'hub', height: 120 }, { id: 'c' }, { id: 'd' }],
      links: ['a', 'c', 'd'].map((id) => ({ id, a: id, b: 'hub' })),
    });
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(byId.get('a')?.height).toBe(150);
    expect(byId.get('c')?.height).toBe(NODE_HEIGHT);
    for (const n of layout.nodes) {
      expect(n.y - n.height / 2).toBeGreaterThanOrEqual(0);
      expect(n.y + n.height / 2).toBeLessThanOrEqual(layout.height);
    }
    for (const l of layout.links) {
      const a = byId.get(l.id)!;
      const hub = byId.get('hub')!;
      expect(onBorder(l.ax, l.ay, a.x, a.y, a.height)).toBe(true);
      expect(onBorder(l.bx, l.by, hub.x, hub.y, hub.height)).toBe(true);
      expect(visibleLength(l)).toBeGreaterThanOrEqual(LINK_GAP - 1);
    }
  });

  it.each([3, 4, 5, 6, 8])('puts a hub in the centre with %i spokes around it', (spokes) => {
    const clients = Array.from({ length: spokes }, (_, i) => `c${i}`);
    const layout = layoutTopology({
      nodes: [{ id: clients[0] ?? '' }, { id: 'hub' }, ...clients.slice(1).map((id) => ({ id }))],
      links: clients.map((c) => ({ id: `l-${c}`, a: c, b: 'hub' })),
    });
    const hub = layout.nodes.find((n) => n.id === 'hub');
    expect(hub).toEqual({
      id: 'hub',
      x: layout.width / 2,
      y: layout.height / 2,
      height: NODE_HEIGHT,
    });
    for (const link of layout.links) {
      expect(visibleLength(link)).toBeGreaterThanOrEqual(LINK_GAP - 1);
      expect(Math.abs(link.angle)).toBeLessThanOrEqual(90);
    }
  });

  it('lays a chain of three out left to right through the middle node', () => {
    const layout = layoutTopology({
      nodes: [{ id: 'client' }, { id: 'router' }, { id: 'server' }],
      links: [
        { id: 'a', a: 'client', b: 'router' },
        { id: 'b', a: 'router', b: 'server' },
      ],
    });
    const x = (id: string) => layout.nodes.find((n) => n.id === id)?.x ?? NaN;
    expect(x('client')).toBeLessThan(x('router'));
    expect(x('router')).toBeLessThan(x('server'));
    expect(layout.links.map((l) => l.angle)).toEqual([0, 0]);
  });

  it('lays other networks out in columns by hops, from a client on the left to the server', () => {
    // Two hosts on a switch, the switch on a router, the router on a server.
    const layout = layoutTopology({
      nodes: [
        { id: 'sw', height: 110 },
        { id: 'laptop' },
        { id: 'desktop' },
        { id: 'router', height: 90 },
        { id: 'server' },
      ],
      links: [
        { id: 'l1', a: 'laptop', b: 'sw' },
        { id: 'l2', a: 'desktop', b: 'sw' },
        { id: 'l3', a: 'sw', b: 'router' },
        { id: 'l4', a: 'router', b: 'server' },
      ],
    });
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    const x = (id: string) => at.get(id)?.x ?? NaN;
    expect(layout.nodes.map((n) => n.id)).toEqual(['sw', 'laptop', 'desktop', 'router', 'server']);
    expect(x('laptop')).toBe(x('desktop'));
    expect(x('sw') - x('laptop')).toBe(NODE_WIDTH + LINK_GAP);
    expect(x('router') - x('sw')).toBe(NODE_WIDTH + LINK_GAP);
    expect(x('server') - x('router')).toBe(NODE_WIDTH + LINK_GAP);
    for (const link of layout.links) expect(visibleLength(link)).toBeGreaterThanOrEqual(LINK_GAP);
    expectApartAndInside(layout);
  });

  it('stacks separate networks and puts unlinked nodes in a row below', () => {
    const layout = layoutTopology({
      nodes: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id })),
      links: [
        { id: 'ab', a: 'a', b: 'b' },
        { id: 'bc', a: 'b', b: 'c' },
        { id: 'de', a: 'd', b: 'e' },
      ],
    });
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(at.get('d')!.y).toBeGreaterThan(at.get('a')!.y);
    expect(at.get('f')!.y).toBeGreaterThan(at.get('d')!.y);
    expect(at.get('f')!.y).toBe(at.get('g')!.y);
    expectApartAndInside(layout);
  });

  it('keeps every node inside the picture and cards apart on an ellipse', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => ({ id: `n${i}` }));
    const layout = layoutTopology({ nodes, links: [] });
    for (const n of layout.nodes) {
      expect(n.x - NODE_WIDTH / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + NODE_WIDTH / 2).toBeLessThanOrEqual(layout.width);
    }
    const [first, second] = layout.nodes;
    expect(
      Math.hypot((second?.x ?? 0) - (first?.x ?? 0), (second?.y ?? 0) - (first?.y ?? 0)),
    ).toBeGreaterThan(NODE_WIDTH / 2);
  });

  it('draws at most MAX_DRAWN_NODES nodes and skips links to hidden ones', () => {
    const nodes = Array.from({ length: MAX_DRAWN_NODES + 5 }, (_, i) => ({ id: `n${i}` }));
    const layout = layoutTopology({
      nodes,
      links: [
        { id: 'shown', a: 'n0', b: 'n1' },
        { id: 'hidden', a: 'n0', b: `n${MAX_DRAWN_NODES + 1}` },
      ],
    });
    expect(layout.nodes).toHaveLength(MAX_DRAWN_NODES);
    expect(layout.hiddenNodes).toBe(5);
    expect(layout.links.map((l) => l.id)).toEqual(['shown']);
  });

  it('stacks the captions of parallel links', () => {
    const layout = layoutTopology({
      nodes: [{ id: 'a' }, { id: 'b' }],
      links: [
        { id: 'l1', a: 'a', b: 'b' },
        { id: 'l2', a: 'b', b: 'a' },
      ],
    });
    expect(layout.links.map((l) => l.parallel)).toEqual([0, 1]);
  });
});

describe('clip', () => {
  it('shortens long text with an ellipsis', () => {
    expect(clip('Echo server', 17)).toBe('Echo server');
    expect(clip('A very long server name indeed', 10)).toBe('A very lo…');
  });
});

describe('nodes placed by the canvas editor', () => {
  it('keeps their positions, moved as one so the cards start at the margin', () => {
    const layout = layoutTopology({
      nodes: [
        { id: 'a', position: { x: 300, y: 200 } },
        { id: 'b', position: { x: 700, y: 260 } },
        { id: 'c', position: { x: 500, y: 500 } },
      ],
      links: [{ id: 'l1', a: 'a', b: 'b' }],
    });
    // Cards are 200 wide and 72 high: the box starts at x 200 and y 164; the margin is 24.
    expect(layout.nodes.map((n) => [n.id, n.x, n.y])).toEqual([
      ['a', 124, 60],
      ['b', 524, 120],
      ['c', 324, 360],
    ]);
    expect(layout.width).toBe(524 + 100 + 24);
    expect(layout.height).toBe(360 + 36 + 24);
    expect(layout.links[0]).toMatchObject({ x1: 124, y1: 60, x2: 524, y2: 120 });
  });

  it('puts a node without a position in a row under the placed ones', () => {
    const layout = layoutTopology({
      nodes: [{ id: 'a', position: { x: 100, y: 100 } }, { id: 'b' }, { id: 'c' }],
      links: [],
    });
    const [a, b, c] = layout.nodes;
    // Under the lowest card by a card's height and half a link gap; a card and half a gap apart.
    expect(b!.y - a!.y).toBe(NODE_HEIGHT + LINK_GAP / 2);
    expect(b!.x).toBe(a!.x);
    expect(c!.x - b!.x).toBe(NODE_WIDTH + LINK_GAP / 2);
    expectApartAndInside(layout);
  });
});
