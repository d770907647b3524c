import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenario } from './validateScenario.ts';
import { scenarioJsonSchema } from './scenarioSchema.ts';

const base = () => ({
  format: 'handshake/scenario@1',
  name: 'two nodes',
  nodes: [
    { id: 'c', role: 'client', apps: [{ type: 'pinger', peer: 's' }] },
    { id: 's', role: 'server', apps: [{ type: 'echo' }] },
  ],
  links: [{ id: 'l', a: 'c', b: 's', latency: '10ms' }],
});

function issuesOf(doc: unknown) {
  const result = validateScenario(doc);
  return result.ok ? [] : result.issues;
}

describe('validateScenario', () => {
  it('accepts a good document and parses its durations', () => {
    const result = validateScenario(base());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.links[0]?.latency).toBe(10_000_000);
  });

  it('names a link end that is not a node', () => {
    const doc = base();
    doc.links[0]!.b = 'nowhere';
    expect(issuesOf(doc)).toContainEqual({
      path: '$.links[0].b',
      message: 'expected the id of a node ("c", "s"), got "nowhere"',
    });
  });

  it('names a wrong type by its path', () => {
    const doc = {
      ...base(),
      nodes: [
        { id: 'c', role: 'client' },
        { id: 's', role: 42 },
      ],
    };
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

  it('finds duplicate ids and self-links', () => {
    const doc = {
      ...base(),
      nodes: [...base().nodes, { id: 'c', role: 'client' }],
      links: [
        { id: 'l', a: 'c', b: 's', latency: '1ms' },
        { id: 'l', a: 's', b: 's', latency: '1ms' },
      ],
    };
    expect(issuesOf(doc)).toEqual([
      { path: '$.nodes[2].id', message: 'duplicates the id "c" of $.nodes[0]' },
      { path: '$.links[1].id', message: 'duplicates the id "l" of $.links[0]' },
      { path: '$.links[1].b', message: 'a link must join two different nodes, both ends are "s"' },
    ]);
  });

  it('finds unlinked peers, peers with no server and doubled apps', () => {
    const doc = {
      ...base(),
      nodes: [
        {
          id: 'c',
          role: 'client',
          apps: [
            { type: 'pinger', peer: 'x' },
            { type: 'pinger', peer: 'c2' },
            { type: 'pinger', peer: 'c2' },
          ],
        },
        { id: 's', role: 'server', apps: [{ type: 'echo' }, { type: 'echo' }] },
        { id: 'x', role: 'server', apps: [{ type: 'echo' }] },
        { id: 'c2', role: 'client' },
      ],
      links: [
        { id: 'l', a: 'c', b: 's', latency: '1ms' },
        { id: 'l3', a: 'c', b: 'c2', latency: '1ms' },
      ],
    };
    expect(issuesOf(doc)).toEqual([
      {
        path: '$.nodes[0].apps[0].peer',
        message: '"x" is not linked to "c": add a link between them',
      },
      { path: '$.nodes[0].apps[1].peer', message: '"c2" runs no echo app to answer requests' },
      { path: '$.nodes[0].apps[2].peer', message: 'another pinger on "c" already talks to "c2"' },
      { path: '$.nodes[0].apps[2].peer', message: '"c2" runs no echo app to answer requests' },
      { path: '$.nodes[1].apps[1]', message: 'a node runs at most one echo app' },
    ]);
  });

  it('reports only the broken link, not the peers it hides', () => {
    const doc = base();
    doc.links[0]!.a = 'ghost';
    expect(issuesOf(doc)).toEqual([
      { path: '$.links[0].a', message: 'expected the id of a node ("c", "s"), got "ghost"' },
    ]);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const text = '{\n  "format": "handshake/scenario@1",\n  "name": "x",\n}';
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    // The stray comma before "}" is the error; V8 reports the "}" at line 4, column 1.
    if (!result.ok)
      expect(result.issues).toEqual([
        { path: '$', message: expect.stringMatching(/^invalid JSON at line 4, column 1: /) },
      ]);
  });

  it('reports an empty or truncated document', () => {
    const empty = parseScenarioText('   ');
    expect(empty.ok ? '' : empty.issues[0]?.message).toBe('invalid JSON: the document is empty');
    const cut = parseScenarioText('{\n"a": [1,');
    expect(cut.ok ? '' : cut.issues[0]?.message).toMatch(/^invalid JSON at line 2, column 9: /); // just past the 8 characters of line 2
    expect(cut.ok ? '' : cut.issues[0]?.message).toMatch(/end of JSON input/);
  });

  it('validates the committed JSON Schema shape of the format', () => {
    const schema = scenarioJsonSchema();
    expect(schema.$id).toBe('handshake/scenario@1');
    expect(schema.required).toEqual(['format', 'name', 'nodes', 'links']);
  });
});
