import { describe, expect, it } from 'vitest';
import { findSwitchLoops, type NetworkLink } from './switchLoops.ts';

/** Links written "id:a-b". */
function links(...specs: string[]): NetworkLink[] {
  return specs.map((spec) => {
    const [id = '', ends = ''] = spec.split(':');
    const [a = '', b = ''] = ends.split('-');
    return { id, a, b };
  });
}

describe('findSwitchLoops', () => {
  it('finds a ring of three switches, read from the first switch towards the earlier neighbour', () => {
    const found = findSwitchLoops({
      switches: ['s1', 's2', 's3'],
      links: links('c:s3-s1', 'b:s2-s3', 'a:s1-s2'),
    });
    expect(found).toEqual({
      loops: [{ switches: ['s1', 's2', 's3'], links: ['a', 'b', 'c'], closing: 'b' }],
      total: 1,
    });
  });

  it('finds two parallel links between the same two switches', () => {
    const found = findSwitchLoops({ switches: ['s1', 's2'], links: links('y:s2-s1', 'x:s1-s2') });
    expect(found.loops).toEqual([{ switches: ['s1', 's2'], links: ['y', 'x'], closing: 'x' }]);
  });

  it('finds a switch cabled to itself', () => {
    const found = findSwitchLoops({ switches: ['s1'], links: links('self:s1-s1') });
    expect(found.loops).toEqual([{ switches: ['s1'], links: ['self'], closing: 'self' }]);
  });

  it('finds no loop in a tree of switches with hosts on them', () => {
    const found = findSwitchLoops({
      switches: ['core', 'left', 'right'],
      links: links(
        'l1:core-left',
        'l2:core-right',
        'h1:host1-left',
        'h2:host2-right',
        'r:core-router',
      ),
    });
    expect(found).toEqual({ loops: [], total: 0 });
  });

  it('finds two separate rings, each once, in the order of their links', () => {
    const found = findSwitchLoops({
      switches: ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'b4'],
      links: links(
        'b12:b1-b2',
        'a12:a1-a2',
        'b23:b2-b3',
        'a23:a2-a3',
        'b34:b3-b4',
        'a31:a3-a1',
        'b41:b4-b1',
        'join:a1-h',
        'join2:h-b1',
      ),
    });
    expect(found.total).toBe(2);
    expect(found.loops).toEqual([
      { switches: ['a1', 'a2', 'a3'], links: ['a12', 'a23', 'a31'], closing: 'a23' },
      { switches: ['b1', 'b2', 'b3', 'b4'], links: ['b12', 'b23', 'b34', 'b41'], closing: 'b34' },
    ]);
  });

  it('finds no loop through a host with two links into the switched network', () => {
    // h is dual-homed to s1 and s2, which are cabled together: a host does not forward frames.
    const found = findSwitchLoops({
      switches: ['s1', 's2'],
      links: links('h-s1:h-s1', 'h-s2:h-s2', 's1-s2:s1-s2'),
    });
    expect(found).toEqual({ loops: [], total: 0 });
  });

  it('finds no loop through a router joining two switches twice', () => {
    const found = findSwitchLoops({
      switches: ['s1', 's2'],
      links: links('a:s1-r', 'b:r-s2', 'c:s1-s2'),
    });
    expect(found.loops).toEqual([]);
  });

  it('lists the independent loops of a mesh, each closed by one link, up to a limit', () => {
    // Four switches, every pair cabled: 6 links - 4 switches + 1 = 3 independent loops.
    const mesh = {
      switches: ['s1', 's2', 's3', 's4'],
      links: links('12:s1-s2', '13:s1-s3', '14:s1-s4', '23:s2-s3', '24:s2-s4', '34:s3-s4'),
    };
    const found = findSwitchLoops(mesh);
    expect(found.total).toBe(3);
    expect(found.loops).toEqual([
      { switches: ['s1', 's2', 's3'], links: ['12', '23', '13'], closing: '23' },
      { switches: ['s1', 's2', 's4'], links: ['12', '24', '14'], closing: '24' },
      { switches: ['s1', 's3', 's4'], links: ['13', '34', '14'], closing: '34' },
    ]);
    expect(findSwitchLoops(mesh, 1)).toEqual({ loops: [found.loops[0]], total: 3 });
  });

  it('gives every loop as a closed walk: each link joins a switch to the next', () => {
    const net = {
      switches: ['a', 'b', 'c', 'd', 'e'],
      links: links('1:e-d', '2:d-c', '3:c-b', '4:b-a', '5:a-e', '6:b-d', '7:c-e'),
    };
    const ends = new Map(net.links.map((l) => [l.id, new Set([l.a, l.b])]));
    const found = findSwitchLoops(net);
    expect(found.total).toBe(3);
    for (const loop of found.loops) {
      expect(loop.links).toHaveLength(loop.switches.length);
      loop.switches.forEach((s, i) => {
        const next = loop.switches[(i + 1) % loop.switches.length] as string;
        expect(ends.get(loop.links[i] as string)).toEqual(new Set([s, next]));
      });
      expect(loop.switches[0]).toBe([...loop.switches].sort()[0]);
      expect(loop.links).toContain(loop.closing);
    }
    expect(findSwitchLoops(net)).toEqual(found);
  });
});
