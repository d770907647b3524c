// Layout of the topology picture: a row for two nodes, an ellipse for more, and a cap on size.
import { describe, expect, it } from 'vitest';
import {
  MAX_DRAWN_NODES,
  NODE_HEIGHT,
  NODE_WIDTH,
  clip,
  layoutTopology,
} from './topologyLayout.ts';

/** Length of a link outside the two cards it joins: the room its caption has. */
function visibleLength(l: { x1: number; y1: number; x2: number; y2: number }): number {
  const dx = Math.abs(l.x2 - l.x1);
  const dy = Math.abs(l.y2 - l.y1);
  const length = Math.hypot(dx, dy);
  const inCard = Math.min(
    dx === 0 ? Infinity : ((NODE_WIDTH / 2) * length) / dx,
    dy === 0 ? Infinity : ((NODE_HEIGHT / 2) * length) / dy,
  );
  return length - 2 * inCard;
}

describe('layoutTopology', () => {
  it('puts two nodes side by side with the link between them', () => {
    const layout = layoutTopology({
      nodes: [{ id: 'a' }, { id: 'b' }],
      links: [{ id: 'l', a: 'a', b: 'b' }],
    });
    const [a, b] = layout.nodes;
    expect(a?.y).toBe(b?.y);
    expect((b?.x ?? 0) - (a?.x ?? 0)).toBeGreaterThan(NODE_WIDTH);
    expect(layout.links).toEqual([
      expect.objectContaining({
        id: 'l',
        x1: a?.x,
        x2: b?.x,
        midX: ((a?.x ?? 0) + (b?.x ?? 0)) / 2,
        angle: 0,
      }),
    ]);
  });

  it.each([3, 4, 5, 6, 8])('puts a hub in the centre with %i spokes around it', (spokes) => {
    const clients = Array.from({ length: spokes }, (_, i) => `c${i}`);
    const layout = layoutTopology({
      nodes: [{ id: clients[0] ?? '' }, { id: 'hub' }, ...clients.slice(1).map((id) => ({ id }))],
      links: clients.map((c) => ({ id: `l-${c}`, a: c, b: 'hub' })),
    });
    const hub = layout.nodes.find((n) => n.id === 'hub');
    expect(hub).toEqual({ id: 'hub', x: layout.width / 2, y: layout.height / 2 });
    for (const link of layout.links) {
      expect(visibleLength(link)).toBeGreaterThanOrEqual(180);
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
