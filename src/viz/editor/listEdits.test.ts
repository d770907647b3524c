// Adding and removing list items as commands: the document is copied, never changed; undo gives
// back exactly the document before (a list made by an insert goes again); and the first
// candidates for a new item follow the schema and the document.
import { describe, expect, it } from 'vitest';
import type { Json } from './documentEdits.ts';
import { InsertItem, RemoveItem } from './listEdits.ts';
import { itemNoun, newItemCandidates } from './newItems.ts';

const doc: Json = {
  nodes: [
    {
      id: 'r1',
      interfaces: [
        { name: 'eth0', address: '192.168.1.1/24' },
        { name: 'eth1', address: '10.1.0.1/24' },
      ],
      routes: [{ to: '10.9.0.0/16', via: '10.1.0.2' }],
    },
    { id: 'sw', interfaces: [{ name: 'p1' }, { name: 'p2' }] },
    {
      id: 'pc',
      interfaces: [{ name: 'eth0', address: '192.168.1.10/24' }],
      gateway: '192.168.1.1',
    },
  ],
};
const frozen = JSON.stringify(doc);

describe('InsertItem and RemoveItem', () => {
  it('inserts at the end and undoes exactly', () => {
    const route = { to: '10.2.0.0/24', via: '10.1.0.2' };
    const insert = InsertItem.append(doc, ['nodes', 0, 'routes'], route, 'route');
    expect(insert.label).toBe('Add route 2');
    const after = insert.apply(doc);
    expect((after as { nodes: { routes: Json[] }[] }).nodes[0]!.routes).toEqual([
      { to: '10.9.0.0/16', via: '10.1.0.2' },
      route,
    ]);
    expect(JSON.stringify(doc)).toBe(frozen); // the original is untouched
    expect(JSON.stringify(insert.revert(after))).toBe(frozen);
  });

  it('makes a missing list, and undo removes the key again', () => {
    const insert = InsertItem.append(doc, ['nodes', 2, 'routes'], { to: '0.0.0.0/0', via: 'x' });
    expect(insert.madeList).toBe(true);
    const after = insert.apply(doc) as { nodes: { routes?: Json[] }[] };
    expect(after.nodes[2]!.routes).toHaveLength(1);
    const back = insert.revert(after);
    expect(JSON.stringify(back)).toBe(frozen);
    expect('routes' in (back as { nodes: object[] }).nodes[2]!).toBe(false);
  });

  it('removes an item from the middle and puts it back in its place', () => {
    const remove = RemoveItem.at(doc, ['nodes'], 1, 'node');
    expect(remove.label).toBe('Remove node 2');
    const after = remove.apply(doc) as { nodes: { id: string }[] };
    expect(after.nodes.map((n) => n.id)).toEqual(['r1', 'pc']);
    expect(JSON.stringify(remove.revert(after))).toBe(frozen);
  });

  it('removing the last item leaves an empty list, and undo restores it', () => {
    const remove = RemoveItem.at(doc, ['nodes', 0, 'routes'], 0);
    const after = remove.apply(doc) as { nodes: { routes: Json[] }[] };
    expect(after.nodes[0]!.routes).toEqual([]);
    expect(JSON.stringify(remove.revert(after))).toBe(frozen);
  });

  it('refuses to remove an item that is not there', () => {
    expect(() => RemoveItem.at(doc, ['nodes', 0, 'routes'], 3)).toThrow(/no item 4/);
  });
});

describe('newItemCandidates', () => {
  const route = {
    type: 'object',
    properties: { to: { type: 'string' }, via: { type: 'string' } },
    required: ['to', 'via'],
  };
  const iface = {
    type: 'object',
    properties: { name: { type: 'string' }, address: { type: 'string' } },
    required: ['name'],
  };

  it('gives a route to a network no one uses, via the gateway, then the neighbours', () => {
    const [first, second] = newItemCandidates(doc, ['nodes', 2, 'routes'], route);
    // 10.1.0.0/24 is r1's eth1 and 10.9.0.0/16 its route's: 10.2.0.0/24 is the first free /24.
    expect(first).toEqual({ to: '10.2.0.0/24', via: '192.168.1.1' });
    expect(second).toEqual({ to: '10.2.0.0/24', via: '10.1.0.1' });
  });

  it('names a new interface after the last and addresses it on a free subnet', () => {
    expect(newItemCandidates(doc, ['nodes', 0, 'interfaces'], iface)).toEqual([
      { name: 'eth2', address: '10.2.0.1/24' },
      { name: 'eth2' },
    ]);
    // A switch's ports have no address: the plain port comes first.
    expect(newItemCandidates(doc, ['nodes', 1, 'interfaces'], iface)[0]).toEqual({ name: 'p3' });
  });

  it('fills required fields from the schema: a const, a node reference, a path', () => {
    const client = {
      type: 'object',
      properties: {
        type: { const: 'webClient' },
        server: { type: 'string' },
        page: { type: 'string', pattern: '^/' },
        port: { type: 'integer', minimum: 1 },
      },
      required: ['type', 'server', 'page'],
    };
    expect(newItemCandidates(doc, ['nodes', 2, 'apps'], client)).toEqual([
      { type: 'webClient', server: 'r1', page: '/' },
      { type: 'webClient', server: 'sw', page: '/' },
    ]);
  });

  it("names another node for a new load balancer's backend, nodes running apps first", () => {
    const backend = {
      type: 'object',
      properties: { address: { type: 'string' }, port: { type: 'integer', minimum: 1 } },
      required: ['address'],
    };
    const withServer: Json = {
      nodes: [
        { id: 'lb', apps: [{ type: 'loadBalancer', backends: [] }] },
        { id: 'sw' },
        { id: 'web1', apps: [{ type: 'httpServer' }] },
      ],
    };
    expect(newItemCandidates(withServer, ['nodes', 0, 'apps', 0, 'backends'], backend)).toEqual([
      { address: 'web1' },
      { address: 'sw' },
    ]);
  });

  it('names items for buttons', () => {
    expect(itemNoun('backends')).toBe('backend');
    expect(itemNoun('backends', 'de')).toBe('Backend');
    expect(itemNoun('apps')).toBe('application');
    expect(itemNoun('routes')).toBe('route');
    expect(itemNoun('whatever')).toBe('item');
  });
});
