import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenario } from './validateScenario.ts';
import { runScenario } from '../runScenario.ts';
import { REPOSITORY_SCHEMA_REF, scenarioJsonSchema, servedSchemaRef } from './scenarioSchema.ts';
import { UPCOMING_ROLES } from '../kinds/kindRegistry.ts';
import { withUpcomingRole } from '../../../tests/support/upcomingRole.ts';

const base = () => ({
  format: 'handshake/scenario@1',
  name: 'two nodes',
  nodes: [
    {
      id: 'c',
      role: 'client',
      interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
      apps: [{ type: 'pinger', peer: 's' }],
    } as Record<string, unknown>,
    {
      id: 's',
      role: 'server',
      interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
      apps: [{ type: 'echo' }],
    } as Record<string, unknown>,
  ],
  links: [{ id: 'l', a: 'c', b: 's:eth0', latency: '10ms' }] as Record<string, unknown>[],
});

function issuesOf(doc: unknown) {
  const result = validateScenario(doc);
  return result.ok ? [] : result.issues;
}

describe('validateScenario', () => {
  it('accepts an empty network (the editor starts from one) and runs it to its limit', () => {
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'Empty',
      nodes: [],
      links: [],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const run = runScenario(result.scenario);
    expect(run.summary.events).toBe(0);
    expect(run.summary.simulatedNs).toBe(60_000_000_000); // the default until, 60 s
  });

  it('accepts a good document and parses durations, addresses and rates', () => {
    const doc = base();
    doc.links[0]!.bandwidth = '10Mbps';
    const result = validateScenario(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.links[0]).toMatchObject({ latency: 10_000_000, bandwidth: 10_000_000 });
    expect(result.scenario.nodes[0]?.interfaces?.[0]?.address).toEqual({
      address: 0x0a000001,
      prefix: { network: 0x0a000000, length: 24 },
    });
  });

  it('names a link end that is not a node, or not an interface of it', () => {
    const doc = base();
    doc.links[0]!.b = 'nowhere';
    expect(issuesOf(doc)).toEqual([
      { path: '$.links[0].b', message: 'expected the id of a node ("c", "s"), got "nowhere"' },
    ]);
    doc.links[0]!.b = 's:eth9';
    expect(issuesOf(doc)).toEqual([
      { path: '$.links[0].b', message: 'node "s" has no interface "eth9" (it has: "eth0")' },
    ]);
  });

  it('asks which interface when a node has several', () => {
    const doc = base();
    doc.nodes[1]!.interfaces = [
      { name: 'eth0', address: '10.0.0.2/24' },
      { name: 'eth1', address: '10.0.1.2/24' },
    ];
    doc.links[0]!.b = 's';
    expect(issuesOf(doc)).toEqual([
      { path: '$.links[0].b', message: 'node "s" has 2 interfaces: name one, e.g. "s:eth0"' },
    ]);
  });

  it('names a wrong type by its path', () => {
    const doc = base();
    doc.nodes[1]!.role = 42;
    expect(issuesOf(doc)).toEqual([
      {
        path: '$.nodes[1].role',
        message: expect.stringMatching(/^expected one of "client", .* got a number \(42\)$/),
      },
    ]);
  });

  it('refuses another format or version', () => {
    expect(issuesOf({ ...base(), format: 'handshake/scenario@2' })[0]).toEqual({
      path: '$.format',
      message: 'expected "handshake/scenario@1", got a string ("handshake/scenario@2")',
    });
  });

  it('refuses bad addresses with the reason', () => {
    const doc = base();
    doc.nodes[0]!.interfaces = [{ name: 'eth0', address: '10.0.0.0/24' }];
    doc.nodes[1]!.interfaces = [{ name: 'eth0', address: '10.0.0.300/24' }];
    expect(issuesOf(doc)).toEqual([
      {
        path: '$.nodes[0].interfaces[0].address',
        message: '"10.0.0.0/24" is the network address of its prefix, not a host address',
      },
      {
        path: '$.nodes[1].interfaces[0].address',
        message: expect.stringMatching(/300 is more than 255/),
      },
    ]);
  });

  it('finds a linked interface with no address', () => {
    const doc = base();
    doc.nodes[1]!.interfaces = [{ name: 'eth0' }];
    doc.nodes[1]!.apps = [];
    expect(issuesOf(doc)).toEqual([
      {
        path: '$.nodes[1].interfaces[0].address',
        message:
          'is missing: s:eth0 is linked by "l", so it needs an address such as "10.0.0.2/24"',
      },
      { path: '$.nodes[0].apps[0].peer', message: '"s" has no address to send to' },
    ]);
  });

  it('finds the same address twice, and both ends with one address', () => {
    const doc = base();
    doc.nodes[1]!.interfaces = [{ name: 'eth0', address: '10.0.0.1/24' }];
    expect(issuesOf(doc)).toEqual([
      {
        path: '$.nodes[1].interfaces[0].address',
        message: '10.0.0.1 is already the address of c:eth0',
      },
    ]);
  });

  it('finds ends on different subnets and overlapping subnets on one node', () => {
    const doc = base();
    doc.nodes[1]!.interfaces = [
      { name: 'eth0', address: '10.0.1.2/24' },
      { name: 'eth1', address: '10.0.0.9/16' },
    ];
    doc.links[0]!.b = 's:eth0';
    expect(issuesOf(doc)).toEqual([
      {
        path: '$.nodes[1].interfaces[1].address',
        message:
          '10.0.0.0/16 overlaps 10.0.1.0/24 of s:eth0: each interface of a node needs its own subnet',
      },
      {
        path: '$.links[0]',
        message:
          'joins c:eth0 (10.0.0.1/24) and s:eth0 (10.0.1.2/24), which are on different subnets',
      },
    ]);
  });

  it('finds duplicate ids, self-links, doubly linked interfaces and gateways off-subnet', () => {
    const doc = base();
    doc.nodes.push({ id: 'c', role: 'client' });
    doc.nodes[0]!.gateway = '10.9.9.9';
    doc.links.push({ id: 'l', a: 'c', b: 's', latency: '1ms' });
    expect(issuesOf(doc)).toEqual([
      { path: '$.nodes[2].id', message: 'duplicates the id "c" of $.nodes[0]' },
      { path: '$.links[1].id', message: 'duplicates the id "l" of $.links[0]' },
      {
        path: '$.nodes[0].gateway',
        message: "10.9.9.9 is not on a subnet of c's interfaces (10.0.0.0/24)",
      },
      { path: '$.links[1].a', message: 'c:eth0 is already linked by "l": one link per interface' },
      { path: '$.links[1].b', message: 's:eth0 is already linked by "l": one link per interface' },
    ]);
  });

  it('takes burst loss on a link, not with loss beside it, and its probabilities in [0, 1]', () => {
    const doc = base();
    doc.links[0]!.burstLoss = { p: 0.01, r: 0.25, lossInBad: 0.9 };
    expect(issuesOf(doc)).toEqual([]);
    doc.links[0]!.loss = 0.1;
    expect(issuesOf(doc)).toEqual([
      {
        path: '$.links[0].burstLoss',
        message:
          'link "l" has both loss and burstLoss: give one (burstLoss already decides every loss)',
      },
    ]);
    doc.links[0]!.loss = undefined;
    doc.links[0]!.burstLoss = { p: 1.5 };
    expect(issuesOf(doc).map((i) => i.path)).toEqual([
      '$.links[0].burstLoss.p',
      '$.links[0].burstLoss.r',
    ]);
  });

  it('checks peers and timed events', () => {
    const doc = { ...base(), events: [{ at: '1s', type: 'linkDown', link: 'nope' }] };
    doc.nodes[0]!.apps = [
      { type: 'pinger', peer: '10.0.0.77' },
      { type: 'bulkSend', peer: 'ghost', bytes: '1MB' },
    ];
    expect(issuesOf(doc)).toEqual([
      { path: '$.nodes[0].apps[0].peer', message: 'no interface has the address 10.0.0.77' },
      {
        path: '$.nodes[0].apps[1].peer',
        message: 'expected the id of a node ("c", "s") or an IPv4 address, got "ghost"',
      },
      { path: '$.events[0].link', message: 'expected the id of a link ("l"), got "nope"' },
    ]);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const text = '{\n  "format": "handshake/scenario@1",\n  "name": "x",\n}';
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    // The stray comma before "}" is the error: line 3 is `  "name": "x",`, its 14th character.
    if (!result.ok) {
      expect(result.issues).toEqual([
        {
          path: '$',
          message: "invalid JSON at line 3, column 14: unexpected ',' (trailing comma?)",
        },
      ]);
    }
  });

  it('reports an empty or truncated document', () => {
    const empty = parseScenarioText('   ');
    expect(empty.ok ? '' : empty.issues[0]?.message).toBe('invalid JSON: the document is empty');
    const cut = parseScenarioText('{\n"a": [1,');
    // Line 2 has 8 characters; the input ends just after them, at column 9.
    expect(cut.ok ? '' : cut.issues[0]?.message).toMatch(/^invalid JSON at line 2, column 9: /);
    expect(cut.ok ? '' : cut.issues[0]?.message).toMatch(/unexpected end of the document/);
  });

  it('accepts a UTF-8 byte-order mark before the document', () => {
    const text = JSON.stringify(base());
    expect(parseScenarioText(`\uFEFF${text}`)).toEqual(parseScenarioText(text));
    expect(parseScenarioText(`\uFEFF${text}`).ok).toBe(true);
  });

  it('describes the format as JSON Schema', () => {
    const schema = scenarioJsonSchema();
    expect(schema.$id).toBe('https://github.com/handshake/handshake/public/scenario.schema.json');
    expect(schema.required).toEqual(['format', 'name', 'nodes', 'links']);
    expect((schema.properties as Record<string, unknown>).$schema).toMatchObject({
      type: 'string',
    });
  });

  it('accepts a `$schema` string at the root and leaves it out of the scenario', () => {
    const withRef = validateScenario({ $schema: REPOSITORY_SCHEMA_REF, ...base() });
    expect(withRef.ok).toBe(true);
    expect(withRef).toEqual(validateScenario(base()));
    if (withRef.ok) expect(Object.hasOwn(withRef.scenario, '$schema')).toBe(false);
  });

  it('refuses a `$schema` that is not a string, or one anywhere but the root', () => {
    expect(issuesOf({ $schema: 7, ...base() })).toEqual([
      { path: '$.$schema', message: 'expected a string, got a number (7)' },
    ]);
    const doc = base();
    doc.nodes[0]!.$schema = REPOSITORY_SCHEMA_REF;
    expect(issuesOf(doc)).toEqual([
      {
        path: '$.nodes[0].$schema',
        message: expect.stringMatching(/^is not a known field \(expected one of: id, role, /),
      },
    ]);
  });

  it('gives a saved document the schema served beside the page', () => {
    expect(servedSchemaRef('https://example.org/handshake/index.html?s=1#doc')).toBe(
      'https://example.org/handshake/scenario.schema.json',
    );
    expect(servedSchemaRef('http://127.0.0.1:4173/')).toBe(
      'http://127.0.0.1:4173/scenario.schema.json',
    );
  });

  it('reports every problem at once, each with its path, what was expected and what was found', () => {
    const doc = { ...base(), name: 'n'.repeat(121) };
    doc.nodes[0]!.apps = [{ type: 'pinger', peer: 's', count: 0 }];
    doc.nodes[1]!.role = 'printer';
    Object.assign(doc.links[0]!, { latency: 12, loss: 1, colour: 'red' });
    expect(issuesOf(doc)).toEqual([
      { path: '$.name', message: 'expected at most 120 characters, got 121' },
      {
        path: '$.nodes[0].apps[0].count',
        message: 'expected an integer >= 1 <= 1000000, got a number (0)',
      },
      {
        path: '$.nodes[1].role',
        message:
          'expected one of "client", "server", "router", "switch", "dns", "firewall", "loadBalancer", got a string ("printer")',
      },
      {
        path: '$.links[0].latency',
        message: 'expected a duration string such as "20ms", "2s" or "250us", got a number (12)',
      },
      { path: '$.links[0].loss', message: 'expected a number >= 0 < 1, got a number (1)' },
      {
        path: '$.links[0].colour',
        message:
          'is not a known field (expected one of: id, a, b, latency, bandwidth, loss, burstLoss, jitter, corrupt, duplicate, reorder, queue)',
      },
    ]);
  });

  it('refuses a role with no behaviour yet by the node’s name, and still reports its other problems', () => {
    // Every role the format names has a behaviour now; a planned one is made up for the test.
    const upcoming = withUpcomingRole('printer', 'printers arrive later', () =>
      validateScenario({
        format: 'handshake/scenario@1',
        name: 'edge',
        nodes: [
          { id: 'pc', role: 'client', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }] },
          { id: 'p', role: 'printer', colour: 'red' },
        ],
        links: [],
      }),
    );
    expect(upcoming.ok ? [] : upcoming.issues).toEqual([
      {
        path: '$.nodes[1].role',
        message: expect.stringMatching(
          /^node "p" has the role "printer", which is not available yet \(printers arrive later\); use one of "client", "server", "router", "switch", "dns", "firewall", "loadBalancer"$/,
        ),
      },
      { path: '$.nodes[1].colour', message: expect.stringMatching(/^is not a known field/) },
    ]);
    expect(UPCOMING_ROLES).toEqual({});
    // Editors are offered only the roles that exist.
    const node = (
      scenarioJsonSchema() as {
        properties: { nodes: { items: { properties: { role: { enum: string[] } } } } };
      }
    ).properties.nodes.items.properties.role;
    expect(node.enum).not.toContain('printer');
    expect(node.enum).toContain('firewall');
    expect(node.enum).toContain('loadBalancer');
  });
});
