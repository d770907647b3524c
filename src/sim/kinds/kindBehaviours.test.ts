// Loading kinds' behaviours per scenario: in a fresh module graph (the test setup has loaded every
// kind in the shared one), a scenario builds only once what it needs is loaded, loading takes
// only what it needs, and a missing behaviour is named plainly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const exampleText = (name: string) => readFileSync(join(ROOT, 'simulations', name), 'utf8');

/** The sim module as a page that has loaded no kind yet sees it. */
async function freshSim() {
  vi.resetModules();
  return import('../index.ts');
}

describe('kind behaviours, loaded per scenario', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('refuses to build a scenario whose kinds are not loaded, naming what is missing', async () => {
    const sim = await freshSim();
    const parsed = sim.parseScenarioText(exampleText('ping-over-a-link.json'));
    if (!parsed.ok) throw new Error('the example should be valid');
    expect(sim.kindsLoaded(parsed.scenario)).toBe(false);
    expect(() => sim.buildSimulation(parsed.scenario)).toThrow(
      /the behaviour of "pinger" apps is not loaded: await loadKinds\(scenario\)/,
    );
  });

  it('loads only the kinds a ping scenario uses, and then runs it', async () => {
    const sim = await freshSim();
    const parsed = sim.parseScenarioText(exampleText('ping-over-a-link.json'));
    if (!parsed.ok) throw new Error('the example should be valid');
    await sim.loadKinds(parsed.scenario);
    expect(sim.loadedKinds().sort()).toEqual(['echo', 'pinger']);
    expect(sim.kindsLoaded(parsed.scenario)).toBe(true);
    const run = sim.runScenario(parsed.scenario);
    // Five requests, each answered or retried (the example's description).
    expect(run.summary.apps.pinger?.[0]?.sent).toBeGreaterThanOrEqual(5);
  });

  it('loads the resolver of nodes with a dns setting', async () => {
    const sim = await freshSim();
    const parsed = sim.parseScenarioText(exampleText('dns-lookup.json'));
    if (!parsed.ok) throw new Error('the example should be valid');
    await sim.loadKinds(parsed.scenario);
    expect(sim.loadedKinds().sort()).toEqual(['dnsServer', 'httpClient', 'httpServer', 'resolver']);
    expect(sim.runScenario(parsed.scenario).summary.resolvers?.length).toBeGreaterThan(0);
  });

  it('loads NAT for a scenario with a nat setting (and a ping scenario does not: above)', async () => {
    const sim = await freshSim();
    const parsed = sim.parseScenarioText(exampleText('home-nat.json'));
    if (!parsed.ok) throw new Error('the example should be valid');
    await sim.loadKinds(parsed.scenario);
    expect(sim.loadedKinds().sort()).toEqual(['httpClient', 'httpServer', 'nat', 'ping']);
    expect(sim.runScenario(parsed.scenario).summary.nats?.[0]?.mappings).toBeGreaterThan(0);
  });

  it('builds a NAT router’s network without NAT’s behaviour (networkOnly)', async () => {
    const sim = await freshSim();
    const parsed = sim.parseScenarioText(exampleText('home-nat.json'));
    if (!parsed.ok) throw new Error('the example should be valid');
    const built = sim.buildSimulation(parsed.scenario, { networkOnly: true });
    expect(built.nodes.has('router')).toBe(true);
    expect(sim.loadedKinds()).toEqual([]);
  });

  it('loads the actions a document names, with the app kind an action runs as', async () => {
    const sim = await freshSim();
    const document = JSON.parse(exampleText('web-page-load.json')) as Record<string, unknown>;
    document.events = [
      { at: '1s', type: 'fetch', node: 'laptop', server: 'web', path: '/index.html' },
      { at: '2s', type: 'ping', node: 'laptop', target: 'web' },
    ];
    const parsed = sim.parseScenarioText(JSON.stringify(document));
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
    await sim.loadKinds(parsed.scenario);
    expect(sim.loadedKinds().sort()).toEqual(['fetch', 'httpClient', 'httpServer', 'ping']);
    const run = sim.runScenario(parsed.scenario);
    const records = [...run.simulation.sim.trace];
    expect(records.some((r) => r.type === 'http.request' && r.app === 'action1')).toBe(true);
  });

  it('builds the network of any scenario without its kinds (networkOnly)', async () => {
    const sim = await freshSim();
    const parsed = sim.parseScenarioText(exampleText('web-page-load.json'));
    if (!parsed.ok) throw new Error('the example should be valid');
    const built = sim.buildSimulation(parsed.scenario, { networkOnly: true });
    expect([...built.nodes.keys()]).toEqual(parsed.scenario.nodes.map((n) => n.id));
    expect(sim.loadedKinds()).toEqual([]);
  });

  it('loads each behaviour once however many runs ask at the same time', async () => {
    const sim = await freshSim();
    const parsed = sim.parseScenarioText(exampleText('ping-over-a-link.json'));
    if (!parsed.ok) throw new Error('the example should be valid');
    await Promise.all([sim.loadKinds(parsed.scenario), sim.loadKinds(parsed.scenario)]);
    expect(sim.loadedKinds().sort()).toEqual(['echo', 'pinger']);
  });
});
