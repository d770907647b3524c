// The packets' stage: link ends named as the scenario names them, and the area worth showing.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../sim/index.ts';
import { readFileSync } from 'node:fs';
import { linkGeometries, visibleArea } from './packetStage.ts';
import { layoutTopology } from '../topology/index.ts';
import { splitLinkEnd } from '../names/index.ts';

function load(name: string) {
  const parsed = parseScenarioText(
    readFileSync(new URL(`../../../simulations/${name}`, import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error('invalid');
  const scenario = parsed.scenario;
  const layout = layoutTopology({
    nodes: scenario.nodes.map((n) => ({ id: n.id })),
    links: scenario.links.map((l) => ({
      id: l.id,
      a: splitLinkEnd(l.a).node,
      b: splitLinkEnd(l.b).node,
    })),
  });
  return { scenario, layout };
}

describe('linkGeometries', () => {
  it('names each end with its interface, even where the scenario names only the node', () => {
    const { scenario, layout } = load('tcp-bulk-transfer.json');
    const links = linkGeometries(scenario, layout);
    expect(links.get('lan')).toMatchObject({
      aNode: 'laptop',
      aIface: 'eth0',
      bNode: 'router',
      bIface: 'eth0',
      latency: 1_000_000,
    });
    expect(links.get('wan')).toMatchObject({ aNode: 'router', aIface: 'eth1', bNode: 'server' });
    const placed = layout.links.find((l) => l.id === 'lan')!;
    expect(links.get('lan')).toMatchObject({ ax: placed.ax, by: placed.by });
  });
});

describe('visibleArea', () => {
  it('crops a chain drawn in a tall layout to its cards and captions', () => {
    const { layout } = load('tcp-bulk-transfer.json');
    const area = visibleArea(layout);
    expect(area.width).toBe(layout.width);
    expect(area.height).toBeLessThan(layout.height / 2);
    for (const n of layout.nodes) {
      expect(n.y - n.height / 2).toBeGreaterThanOrEqual(area.y);
      expect(n.y + n.height / 2).toBeLessThanOrEqual(area.y + area.height);
    }
  });

  it('never reaches outside the layout', () => {
    const { layout } = load('ping-over-a-link.json');
    const area = visibleArea(layout);
    expect(area.y).toBeGreaterThanOrEqual(0);
    expect(area.y + area.height).toBeLessThanOrEqual(layout.height);
  });
});
