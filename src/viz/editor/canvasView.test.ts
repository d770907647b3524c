// The canvas's picture as math: nodes drawn at their positions, the node under a point, a rubber
// band's nodes, and each node's warnings by the index in its document path.
import { describe, expect, it } from 'vitest';
import { parseScenarioText, scenarioWarnings, type Scenario } from '../../sim/index.ts';
import { canvasPlacement, nodeAt, nodesInRect, warningsByNode } from './canvasView.ts';

function scenario(doc: object): Scenario {
  const parsed = parseScenarioText(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const TWO = scenario({
  format: 'handshake/scenario@1',
  name: 'Two',
  nodes: [
    { id: 'a', role: 'client', position: { x: 200, y: 100 } },
    { id: 'b', role: 'router', position: { x: 600, y: 300 } },
  ],
  links: [],
});

describe('the canvas picture', () => {
  it('draws nodes at their document positions, untranslated', () => {
    expect(canvasPlacement(TWO).map((n) => [n.id, n.x, n.y])).toEqual([
      ['a', 200, 100],
      ['b', 600, 300],
    ]);
  });

  it('finds the node under a point and the nodes inside a band', () => {
    const placed = canvasPlacement(TWO);
    // Cards are 200 wide: a spans x 100 to 300.
    expect(nodeAt(placed, { x: 299, y: 100 })).toBe('a');
    expect(nodeAt(placed, { x: 301, y: 100 })).toBe(undefined);
    expect(nodesInRect(placed, { x: 650, y: 350 }, { x: 150, y: 50 })).toEqual(['a', 'b']);
    expect(nodesInRect(placed, { x: 150, y: 50 }, { x: 250, y: 150 })).toEqual(['a']);
  });

  it("gives each node the warnings whose path is its own or inside it, never another's", () => {
    const byNode = warningsByNode([
      { path: '$.nodes[3]', message: 'one' },
      { path: '$.nodes[3].apps[0].server', message: 'two' },
      { path: '$.nodes[31]', message: 'three' },
      { path: '$.links', message: 'four' },
    ]);
    expect([...byNode]).toEqual([
      [3, ['one', 'two']],
      [31, ['three']],
    ]);
    // The core's own warnings: both nodes unlinked.
    expect([...warningsByNode(scenarioWarnings(TWO)).keys()]).toEqual([0, 1]);
  });
});
