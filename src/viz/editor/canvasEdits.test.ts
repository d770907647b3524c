// The canvas editor's edits on documents: placing, linking with an address plan (checked by hand
// against the plan: a /24 per link from 10.0.1.0, the router .1, hosts from .10, gateways),
// moving, deleting with what refers to it, adding apps, copy and paste, auto-layout; each result
// still validates, and each edit is one command that undoes exactly.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../sim/index.ts';
import { APP_VIEWS } from '../kinds/index.ts';
import { autoLayout } from './autoLayout.ts';
import { asDoc, canvasRoles, GRID, type Doc } from './canvasDocument.ts';
import { copyNodes, pasteClip } from './canvasClipboard.ts';
import {
  addApp,
  connectNodes,
  deleteItems,
  freeSpot,
  moveNodes,
  placeNode,
  withPositions,
  type CanvasEdit,
} from './canvasEdits.ts';
import type { Json } from './documentEdits.ts';
import { patchBetween } from './documentPatch.ts';
import { freeHost, freeSubnet } from './addressPlan.ts';

const EMPTY: Json = { format: 'handshake/scenario@1', name: 'Empty', nodes: [], links: [] };

function ok(edit: CanvasEdit): Json {
  if (!edit.ok) throw new Error(edit.reason);
  return edit.doc;
}

function valid(doc: Json): void {
  const parsed = parseScenarioText(JSON.stringify(doc));
  expect(parsed.ok ? [] : parsed.issues).toEqual([]);
}

function node(doc: Json, id: string) {
  const found = asDoc(doc).nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

/** Client c1 - router r1 - server srv1, placed and linked in that order. */
function chain(): Json {
  let doc = ok(placeNode(EMPTY, 'client', { x: 100, y: 100 }));
  doc = ok(placeNode(doc, 'router', { x: 400, y: 100 }));
  doc = ok(placeNode(doc, 'server', { x: 700, y: 100 }));
  doc = ok(connectNodes(doc, 'c1', 'r1'));
  return ok(connectNodes(doc, 'r1', 'srv1'));
}

describe('the palette', () => {
  it('lists every role of the registry whose view says how to make it', () => {
    expect(canvasRoles().map((r) => r.view.role)).toEqual([
      'client',
      'server',
      'router',
      'switch',
      'dns',
      'firewall',
      'loadBalancer',
    ]);
  });

  it('makes a firewall that lets replies and ping through and drops new connections it forwards', () => {
    const doc = ok(placeNode(EMPTY, 'firewall', { x: 0, y: 0 }));
    expect(node(doc, 'fw1')).toMatchObject({
      role: 'firewall',
      firewall: {
        forward: {
          policy: 'DROP',
          rules: [{ state: ['ESTABLISHED', 'RELATED'] }, { protocol: 'icmp' }],
        },
      },
    });
    valid(doc);
  });
});

describe('placing nodes', () => {
  it('adds a node of the role with a fresh id, on the grid', () => {
    let doc = ok(placeNode(EMPTY, 'router', { x: 409, y: 111 }));
    const edit = placeNode(doc, 'router', { x: 0, y: 0 });
    expect(edit.ok && edit.label).toBe('Add router r2');
    doc = ok(edit);
    // 409 and 111 round to the nearest multiples of 20: 400 and 120.
    expect(node(doc, 'r1')).toEqual({ id: 'r1', role: 'router', position: { x: 400, y: 120 } });
    valid(doc);
  });

  it('refuses a role the canvas cannot make', () => {
    // Every role of the registry has a canvas now: a role it does not know stands for one without.
    expect(placeNode(EMPTY, 'printer', { x: 0, y: 0 })).toEqual({
      ok: false,
      reason: 'the canvas cannot make a node of the role "printer"',
    });
  });

  it('finds a free spot away from every node placed', () => {
    expect(freeSpot([])).toEqual({ x: 140, y: 80 });
    expect(freeSpot([{ x: 140, y: 80 }])).toEqual({ x: 420, y: 80 });
    expect(
      freeSpot([
        { x: 150, y: 90 },
        { x: 430, y: 80 },
      ]),
    ).toEqual({ x: 700, y: 80 });
  });

  it('gives nodes without a position the place they are drawn at', () => {
    const doc: Json = {
      ...(EMPTY as object),
      nodes: [
        { id: 'a', role: 'client' },
        { id: 'b', role: 'server', position: { x: 1, y: 2 } },
      ],
    };
    const fixed = withPositions(
      doc,
      new Map([
        ['a', { x: 33, y: 47 }],
        ['b', { x: 500, y: 500 }],
      ]),
    );
    expect(asDoc(fixed).nodes.map((n) => n.position)).toEqual([
      { x: 40, y: 40 },
      { x: 1, y: 2 },
    ]);
  });
});

describe('the address plan', () => {
  it('links a client to a router on a new /24: the router .1, the client .10 with it as gateway', () => {
    let doc = ok(placeNode(EMPTY, 'client', { x: 100, y: 100 }));
    doc = ok(placeNode(doc, 'router', { x: 400, y: 100 }));
    const edit = connectNodes(doc, 'c1', 'r1');
    expect(edit.ok && edit.label).toBe('Link c1 to r1');
    doc = ok(edit);
    expect(node(doc, 'c1')).toEqual({
      id: 'c1',
      role: 'client',
      interfaces: [{ name: 'eth0', address: '10.0.1.10/24' }],
      gateway: '10.0.1.1',
      position: { x: 100, y: 100 },
    });
    expect(node(doc, 'r1').interfaces).toEqual([{ name: 'eth0', address: '10.0.1.1/24' }]);
    expect(asDoc(doc).links).toEqual([{ id: 'l1', a: 'c1:eth0', b: 'r1:eth0', latency: '5ms' }]);
    valid(doc);
  });

  it('gives a router a new interface per subnet and a server its web service on port 80', () => {
    const doc = chain();
    expect(node(doc, 'r1').interfaces).toEqual([
      { name: 'eth0', address: '10.0.1.1/24' },
      { name: 'eth1', address: '10.0.2.1/24' },
    ]);
    expect(node(doc, 'srv1')).toMatchObject({
      interfaces: [{ name: 'eth0', address: '10.0.2.10/24' }],
      gateway: '10.0.2.1',
      apps: [{ type: 'httpServer', port: 80 }],
    });
    valid(doc);
  });

  it('puts everything on a switch in one subnet, and the router found there is the gateway', () => {
    let doc = ok(placeNode(EMPTY, 'switch', { x: 0, y: 0 }));
    doc = ok(placeNode(doc, 'client', { x: 0, y: 0 }));
    doc = ok(placeNode(doc, 'client', { x: 0, y: 0 }));
    doc = ok(placeNode(doc, 'router', { x: 0, y: 0 }));
    doc = ok(connectNodes(doc, 'c1', 's1'));
    doc = ok(connectNodes(doc, 'c2', 's1'));
    // No router yet: the clients have addresses on the segment's subnet but no gateway.
    expect(node(doc, 'c2')).not.toHaveProperty('gateway');
    doc = ok(connectNodes(doc, 's1', 'r1'));
    expect(node(doc, 's1').interfaces).toEqual([{ name: 'p1' }, { name: 'p2' }, { name: 'p3' }]);
    expect(node(doc, 'c1')).toMatchObject({
      interfaces: [{ name: 'eth0', address: '10.0.1.10/24' }],
      gateway: '10.0.1.1',
    });
    expect(node(doc, 'c2')).toMatchObject({
      interfaces: [{ name: 'eth0', address: '10.0.1.11/24' }],
      gateway: '10.0.1.1',
    });
    expect(node(doc, 'r1').interfaces).toEqual([{ name: 'eth0', address: '10.0.1.1/24' }]);
    valid(doc);
  });

  it('takes the next free subnet and host around what the document already uses', () => {
    const doc = asDoc(chain()) as Doc;
    expect(freeSubnet(doc)).toEqual({ network: 0x0a000300, length: 24 }); // 10.0.3.0/24
    // On 10.0.1.0/24 with .1 and .10 taken, a host from .10 gets .11; a router from .1 gets .2.
    const taken = new Set([0x0a000101, 0x0a00010a]);
    expect(freeHost({ network: 0x0a000100, length: 24 }, 10, taken)).toBe(0x0a00010b);
    expect(freeHost({ network: 0x0a000100, length: 24 }, 1, taken)).toBe(0x0a000102);
    // A /30 has hosts .1 and .2 only (.0 is the network, .3 the broadcast).
    expect(freeHost({ network: 0x0a000100, length: 30 }, 10, new Set([0x0a000101]))).toBe(
      0x0a000102,
    );
    expect(
      freeHost({ network: 0x0a000100, length: 30 }, 1, new Set([0x0a000101, 0x0a000102])),
    ).toBe(undefined);
  });

  it('refuses a link to the node itself, a second link between two nodes, and two subnets on one switch', () => {
    const doc = chain();
    expect(connectNodes(doc, 'r1', 'r1')).toMatchObject({ ok: false });
    expect(connectNodes(doc, 'r1', 'c1')).toEqual({
      ok: false,
      reason: 'r1 and c1 are already linked by l1',
    });
    let switched = ok(placeNode(doc, 'switch', { x: 0, y: 0 }));
    switched = ok(placeNode(switched, 'switch', { x: 0, y: 0 }));
    switched = ok(connectNodes(switched, 'c1', 's1'));
    switched = ok(connectNodes(switched, 'srv1', 's2'));
    const refused = connectNodes(switched, 's1', 's2');
    expect(refused).toEqual({
      ok: false,
      reason:
        'this would put 10.0.3.0/24 and 10.0.4.0/24 on one switched segment: link them through a router instead',
    });
  });
});

describe('moving, deleting, apps', () => {
  it('moves nodes onto the grid', () => {
    const edit = moveNodes(
      chain(),
      new Map([
        ['c1', { x: 131, y: 249 }],
        ['r1', { x: 0, y: 0 }],
      ]),
    );
    expect(edit.ok && edit.label).toBe('Move 2 nodes');
    expect(node(ok(edit), 'c1').position).toEqual({ x: 140, y: 240 });
  });

  it('deletes a router with its links, the interfaces they plugged into and the gateways on them', () => {
    const edit = deleteItems(chain(), ['r1']);
    expect(edit.ok && edit.label).toBe('Delete r1');
    const doc = ok(edit);
    expect(asDoc(doc).links).toEqual([]);
    // The client had nothing that needs an address: its interface goes, and its gateway.
    expect(node(doc, 'c1')).toEqual({ id: 'c1', role: 'client', position: { x: 100, y: 100 } });
    // The server's web service needs an address: it keeps its interface, unlinked.
    expect(node(doc, 'srv1')).toMatchObject({
      interfaces: [{ name: 'eth0', address: '10.0.2.10/24' }],
      apps: [{ type: 'httpServer', port: 80 }],
    });
    expect(node(doc, 'srv1')).not.toHaveProperty('gateway');
    valid(doc);
  });

  it('deletes the apps and timed events that named what was deleted', () => {
    let doc = chain();
    const client = APP_VIEWS.find((v) => v.type === 'httpClient')?.newApp;
    if (!client) throw new Error('the web client has no newApp');
    doc = ok(addApp(doc, 'c1', client));
    expect(node(doc, 'c1').apps).toEqual([{ type: 'httpClient', server: 'srv1' }]);
    valid(doc);
    doc = { ...(doc as object), events: [{ at: '1s', type: 'linkDown', link: 'l2' }] };
    const after = ok(deleteItems(doc, ['srv1']));
    expect(node(after, 'c1')).not.toHaveProperty('apps');
    expect(after).not.toHaveProperty('events');
    valid(after);
  });

  it('deletes the actions of a deleted node and those aimed at it', () => {
    const doc: Json = {
      ...(chain() as { [key: string]: Json }),
      events: [
        { at: '1s', type: 'fetch', node: 'c1', server: 'srv1', path: '/' },
        { at: '2s', type: 'fetch', node: 'srv1', server: 'r1', path: '/' },
        { at: '3s', type: 'linkDown', link: 'l1' },
      ],
    };
    const after = ok(deleteItems(doc, ['srv1']));
    // Both fetches involve srv1 (one from it, one to it); the link event stays.
    expect((after as { events: unknown[] }).events).toEqual([
      { at: '3s', type: 'linkDown', link: 'l1' },
    ]);
  });

  it('deletes a link alone, with its interfaces', () => {
    const doc = ok(deleteItems(chain(), [], ['l1']));
    expect(asDoc(doc).links.map((l) => l.id)).toEqual(['l2']);
    expect(node(doc, 'r1').interfaces).toEqual([{ name: 'eth1', address: '10.0.2.1/24' }]);
    valid(doc);
  });
});

describe('copy and paste', () => {
  it('pastes copies with fresh ids, subnets moved to free ones, and references renamed', () => {
    let doc = chain();
    const client = APP_VIEWS.find((v) => v.type === 'httpClient')?.newApp;
    doc = ok(addApp(doc, 'c1', client!));
    const clip = copyNodes(doc, ['c1', 'r1']);
    const edit = pasteClip(doc, clip!);
    expect(edit.ok && edit.label).toBe('Paste 2 nodes');
    const pasted = ok(edit);
    // 10.0.1.0/24 moves to the first free /24, 10.0.3.0/24; 10.0.2.0/24 to 10.0.4.0/24.
    expect(node(pasted, 'c2')).toEqual({
      id: 'c2',
      role: 'client',
      interfaces: [{ name: 'eth0', address: '10.0.3.10/24' }],
      gateway: '10.0.3.1',
      apps: [{ type: 'httpClient', server: 'srv1' }],
      position: { x: 140, y: 140 },
    });
    expect(node(pasted, 'r2').interfaces).toEqual([
      { name: 'eth0', address: '10.0.3.1/24' },
      { name: 'eth1', address: '10.0.4.1/24' },
    ]);
    expect(asDoc(pasted).links.at(-1)).toEqual({
      id: 'l3',
      a: 'c2:eth0',
      b: 'r2:eth0',
      latency: '5ms',
    });
    valid(pasted);
  });
});

describe('auto-layout', () => {
  it('writes a position for every node, the same each time, with cards apart', () => {
    const doc = chain();
    const first = ok(autoLayout(doc));
    const second = ok(autoLayout(doc));
    expect(first).toEqual(second);
    const at = asDoc(first).nodes.map((n) => n.position!);
    for (const p of at) expect(p.x % GRID === 0 && p.y % GRID === 0).toBe(true);
    for (const [i, p] of at.entries())
      for (const q of at.slice(i + 1))
        expect(Math.abs(p.x - q.x) >= 200 || Math.abs(p.y - q.y) >= 100).toBe(true);
    valid(first);
  });
});

describe('an edit as one command', () => {
  it('undoes exactly and redoes exactly', () => {
    const before = chain();
    const after = ok(deleteItems(before, ['r1']));
    const patch = patchBetween('Delete r1', before, after);
    expect(patch.label).toBe('Delete r1');
    expect(patch.revert(after)).toEqual(before);
    expect(JSON.stringify(patch.apply(before))).toBe(JSON.stringify(after));
  });
});
