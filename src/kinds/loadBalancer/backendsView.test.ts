// The node inspector's backends table on simulations/load-balancer.json: at a moment while Web 2
// is out it reads down (and since when), with nothing open there, and at the end it agrees with
// the run's summary figures, in English and German.
import { describe, expect, it } from 'vitest';
import { recordList } from '../../engine/traceRecords.ts';
import { NS_PER_S } from '../../engine/time.ts';
import { runScenario } from '../../sim/runScenario.ts';
import { networkNames } from '../../viz/names/networkNames.ts';
import { runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { balancerRecords, balancersAt, backendsText } from './backendsView.ts';

describe('the backends table', () => {
  const { scenario, records } = runSimulationFile('load-balancer.json');
  const node = scenario.nodes.find((n) => n.id === 'lb');
  if (!node) throw new Error('no balancer in the scenario');
  const own = balancerRecords(recordList(records), 'lb');
  const names = networkNames(scenario.nodes);
  const web2 = '10.0.1.22:80';

  it('reads only the balancer’s own lb.* records', () => {
    expect(own.length).toBeGreaterThan(100);
    expect(own.every((r) => r.type.startsWith('lb.') && 'node' in r && r.node === 'lb')).toBe(true);
  });

  it('shows a backend that is out as down, since when, with nothing open on it', () => {
    const down = own.find((r) => r.type === 'lb.health' && !r.healthy)?.t ?? 0;
    const [table] = balancersAt(scenario, node, own, 5 * NS_PER_S);
    const row = table?.rows.find((r) => r.backend === web2);
    expect(row).toMatchObject({ healthy: false, since: down, open: 0 });
    expect(table?.rows.filter((r) => r.healthy)).toHaveLength(2);
    const text = backendsText(table!, names);
    expect(text.title).toBe('Load balancer lb: layer 7 (HTTP), round robin');
    const said = text.rows.find((r) => r.backend === web2);
    expect(said?.name).toBe('Web 2 (10.0.1.22:80)');
    expect(said?.owner).toBe('Web 2');
    expect(said?.health).toBe('down');
    expect(said?.since).toMatch(/^since 3\.\d+ s$/);
    expect(text.weighted).toBe(false);
    const de = backendsText(table!, names, 'de');
    expect(de.heads.share).toBe('Anteil');
    expect(de.rows.find((r) => r.backend === web2)?.since).toMatch(/^seit 3,\d+ s$/);
    expect(de.rows.find((r) => r.backend === web2)?.health).toBe('ausgefallen');
  });

  it('agrees with the run’s figures at the end', () => {
    const [table] = balancersAt(scenario, node, own, Infinity);
    const figures = runScenario(scenario).summary.apps.loadBalancer?.[0];
    expect(table?.picks).toBe(figures?.picks);
    expect(table?.rows.map((r) => [r.backend, r.requests, r.share, r.failures, r.healthy])).toEqual(
      figures?.backends.map((b) => [b.backend, b.requests, b.share, b.failures, b.healthy]),
    );
    expect(table?.rows.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 12);
  });

  it('is empty before the first pick, every backend up', () => {
    const [table] = balancersAt(scenario, node, own, 0);
    expect(table?.picks).toBe(0);
    expect(table?.rows.map((r) => [r.healthy, r.requests, r.share])).toEqual([
      [true, 0, 0],
      [true, 0, 0],
      [true, 0, 0],
    ]);
  });
});
