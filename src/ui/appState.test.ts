// The page's state without a page: runs, seeds, fingerprints, and files that fail to load.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { traceToJsonLines } from '../engine/trace.ts';
import { runScenario, validateScenario } from '../sim/index.ts';
import scenarioJson from '../../simulations/ping-over-a-link.json';
import { HandshakeApp, parseSeed } from './appState.svelte.ts';
import { narrate } from './narrate.ts';
import { networkNames } from './networkNames.ts';

async function settled(app: HandshakeApp): Promise<void> {
  for (let i = 0; i < 100 && app.fingerprint.status === 'pending'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('HandshakeApp', () => {
  it('starts on the default scenario with its seed, and runs it', async () => {
    const app = new HandshakeApp();
    expect(app.scenario?.name).toBe(scenarioJson.name);
    expect(app.seedText).toBe('7');
    app.seedText = '3';
    app.start();
    expect(app.run?.seed).toBe(3);
    expect(app.run?.summaryLines[1]).toBe('seed       3');
    await settled(app);
    const checked = validateScenario(scenarioJson);
    if (!checked.ok) throw new Error('invalid default scenario');
    const core = runScenario(checked.scenario, { seed: 3 });
    const records = core.simulation.sim.trace.records;
    const expected = createHash('sha256').update(traceToJsonLines(records)).digest('hex');
    expect(app.fingerprint).toEqual({ status: 'done', hex: expected });
    // The same summary as the core's, per-direction link counters included, and a log entry per
    // record narrated with the scenario's names.
    expect(app.run?.summary).toEqual(core.summary);
    expect(app.run?.summary.links[0]?.directions).toHaveLength(2);
    expect(app.run?.log).toEqual(narrate(records, networkNames(checked.scenario.nodes)));
    expect(app.names.endpoint('192.168.1.20:7')).toBe('Echo server (192.168.1.20:7)');
  });

  it('refuses a bad seed without running', () => {
    const app = new HandshakeApp();
    app.seedText = '1.5';
    app.start();
    expect(app.run).toBeNull();
    expect(app.seedError).toMatch(/whole number/);
  });

  it('keeps the scenario when a file is invalid, and replaces it when one is valid', async () => {
    const app = new HandshakeApp();
    await app.open(new File(['{"format": 1}'], 'bad.json'));
    expect(app.scenario?.name).toBe(scenarioJson.name);
    expect(app.problem?.source).toBe('bad.json');
    expect(app.problem?.issues.map((i) => i.path)).toContain('$.format');
    await app.open(
      new File([JSON.stringify({ ...scenarioJson, name: 'Other', seed: 9 })], 'ok.json'),
    );
    expect(app.problem).toBeNull();
    expect(app.scenario?.name).toBe('Other');
    expect(app.source).toBe('ok.json');
    expect(app.seedText).toBe('9');
  });

  it('lists the network problems of a file: missing nodes, overlapping or missing addresses', async () => {
    const app = new HandshakeApp();
    const broken = structuredClone(scenarioJson) as unknown as {
      nodes: { interfaces: { name: string; address?: string }[] }[];
      links: { b: string }[];
    };
    broken.links[0]!.b = 'nowhere';
    await app.open(new File([JSON.stringify(broken)], 'missing-node.json'));
    expect(app.problem?.issues).toEqual([
      {
        path: '$.links[0].b',
        message: 'expected the id of a node ("laptop", "server"), got "nowhere"',
      },
    ]);

    const clash = structuredClone(scenarioJson) as typeof broken;
    clash.nodes[1]!.interfaces[0]!.address = clash.nodes[0]!.interfaces[0]!.address;
    await app.open(new File([JSON.stringify(clash)], 'same-address.json'));
    expect(app.problem?.issues.map((i) => i.path)).toContain('$.nodes[1].interfaces[0].address');
    expect(app.problem?.issues.map((i) => i.message)).toContain(
      '192.168.1.10 is already the address of laptop:wlan0',
    );

    const bare = structuredClone(scenarioJson) as typeof broken;
    delete bare.nodes[1]!.interfaces[0]!.address;
    await app.open(new File([JSON.stringify(bare)], 'no-address.json'));
    expect(app.problem?.issues.map((i) => i.path)).toContain('$.nodes[1].interfaces[0].address');
    expect(app.scenario?.name).toBe(scenarioJson.name);
    expect(app.source).toBe('built-in');
  });
});

describe('parseSeed', () => {
  it('accepts whole numbers up to 2^53 - 1 only', () => {
    expect(parseSeed(' 42 ')).toEqual({ ok: true, seed: 42 });
    expect(parseSeed('9007199254740991')).toEqual({ ok: true, seed: 9007199254740991 });
    for (const bad of ['', '-1', '1e3', '0x10', '9007199254740992', 'seven']) {
      expect(parseSeed(bad).ok).toBe(false);
    }
  });
});
