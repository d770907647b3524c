// The page's state without a page: runs (streamed in batches as from the worker), seeds, event
// limits, fingerprints, the moment shown, selections, and files that fail to load.
import { startRun } from './worker/simClient.ts';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { traceToJsonLines } from '../engine/trace.ts';
import { parseScenarioText, runScenario, validateScenario } from '../sim/index.ts';
import scenarioJson from '../../simulations/ping-over-a-link.json';
import bulkJson from '../../simulations/tcp-bulk-transfer.json';
import { HandshakeApp, parseMaxEvents, parseSeed, type Runner } from './appState.svelte.ts';
import { narrateRun } from './narrateRun.ts';
import type { WorkerMessage } from './worker/messages.ts';
import { doneMessage, fingerprintMessage, SlicedRun } from './worker/slicedRun.ts';
import { narrate } from '../viz/log/index.ts';
import { networkNames } from '../viz/names/index.ts';

async function settled(app: HandshakeApp): Promise<void> {
  for (let i = 0; i < 100 && app.fingerprint.status === 'pending'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('HandshakeApp', () => {
  it('starts on the default scenario with its seed, and runs it', async () => {
    const app = new HandshakeApp({ runner: startRun, narrator: narrateRun });
    expect(app.scenario?.name).toBe(scenarioJson.name);
    expect(app.seedText).toBe('25');
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
    expect(app.run?.narration?.log.entries()).toEqual(
      narrate(records, networkNames(checked.scenario.nodes)),
    );
    expect(app.names.endpoint('192.168.1.20:7')).toBe('Echo server (192.168.1.20:7)');
  });

  it('refuses a bad seed without running', () => {
    const app = new HandshakeApp({ runner: startRun, narrator: narrateRun });
    app.seedText = '1.5';
    app.start();
    expect(app.run).toBeNull();
    expect(app.seedError).toMatch(/whole number/);
  });

  it('keeps the scenario when a file is invalid, and replaces it when one is valid', async () => {
    const app = new HandshakeApp({ runner: startRun, narrator: narrateRun });
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
    const app = new HandshakeApp({ runner: startRun, narrator: narrateRun });
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

describe('HandshakeApp runs streamed from the worker', () => {
  /** A runner that delivers the worker's messages later, a progress message every 5 events. */
  function deferredRunner(): { runner: Runner; deliver: () => void; cancelled: () => boolean } {
    let queue: (() => void)[] = [];
    let cancelled = false;
    const runner: Runner = (options, listener) => {
      const parsed = parseScenarioText(options.text);
      if (!parsed.ok) throw new Error('invalid test scenario');
      const run = new SlicedRun(parsed.scenario, options);
      for (let over = false; !over;) {
        over = run.step(5);
        const message: WorkerMessage = {
          type: 'progress',
          delta: run.delta(),
          now: run.now,
          until: run.until,
          events: run.events,
        };
        queue.push(() => listener(message));
      }
      for (const m of [doneMessage(run), fingerprintMessage(run)]) {
        if (m) queue.push(() => listener(m));
      }
      return () => {
        cancelled = true;
      };
    };
    return {
      runner,
      deliver: () => {
        const pending = queue;
        queue = [];
        for (const f of pending) f();
      },
      cancelled: () => cancelled,
    };
  }

  it('shows the records as they come, then the summary, log and fingerprint', async () => {
    const fake = deferredRunner();
    const app = new HandshakeApp({ runner: fake.runner, narrator: narrateRun });
    app.start();
    expect(app.live?.status).toBe('running');
    expect(app.live?.records.length).toBe(0);
    expect(app.run).toBeNull();
    const version = app.liveVersion;
    fake.deliver();
    expect(app.liveVersion).toBeGreaterThan(version + 5);
    const checked = validateScenario(scenarioJson);
    if (!checked.ok) throw new Error('invalid default scenario');
    const core = runScenario(checked.scenario, { seed: 25 });
    const records = core.simulation.sim.trace.records;
    // Kept packed, the page's copy rebuilds every record as the core recorded it.
    expect([...app.live!.records]).toEqual(records);
    expect(app.live?.index.hops.length).toBe(
      records.filter((r) => r.type === 'link.txBegin').length,
    );
    expect(app.live).toMatchObject({ status: 'done', reason: 'until', recorded: 15e9 });
    expect(app.run?.summary).toEqual(core.summary);
    await settled(app);
    const expected = createHash('sha256').update(traceToJsonLines(records)).digest('hex');
    expect(app.fingerprint).toEqual({ status: 'done', hex: expected });
  });

  it('stops at the event limit, keeping what was recorded', () => {
    const app = new HandshakeApp({ runner: startRun, narrator: narrateRun });
    app.maxEventsText = '40';
    app.start();
    expect(app.live?.status).toBe('done');
    expect(app.live?.reason).toBe('maxEvents');
    expect(app.run?.summary.reason).toBe('maxEvents');
    expect(app.run?.summary.events).toBe(40);
    expect(app.live?.records.length).toBeGreaterThan(0);
    app.maxEventsText = '0';
    app.start();
    expect(app.maxEventsError).toMatch(/at least 1/);
    expect(app.live?.reason).toBe('maxEvents');
  });

  it('drops a run still streaming when another starts or another scenario loads', async () => {
    const fake = deferredRunner();
    const app = new HandshakeApp({ runner: fake.runner, narrator: narrateRun });
    app.start();
    app.select({ kind: 'packet', pkt: 1, link: null });
    app.seedText = '3';
    app.start();
    expect(fake.cancelled()).toBe(true);
    // A packet of the dropped run is no longer selected.
    expect(app.selection).toBeNull();
    fake.deliver();
    expect(app.run?.seed).toBe(3);
    await app.open(new File([JSON.stringify({ ...scenarioJson, name: 'Other' })], 'other.json'));
    expect(app.live).toBeNull();
    expect(app.player.time).toBe(0);
  });

  it('steps and seeks the moment shown within what was recorded', () => {
    const app = new HandshakeApp({ runner: startRun, narrator: narrateRun });
    app.start();
    const index = app.live!.index;
    app.player.pause();
    expect(app.player.time).toBe(0);
    app.player.step('event');
    expect(app.player.time).toBe(index.nextTime(0));
    app.player.step('packet');
    expect(app.player.time).toBe(index.nextPacketTime(index.nextTime(0)!));
    app.player.seek(1e12);
    expect(app.player.time).toBe(15e9);
    app.player.step('event', true);
    expect(app.player.time).toBe(index.previousTime(15e9));
  });
});

describe('parseMaxEvents', () => {
  it('tells the log again in the page’s language, keeping the selection', async () => {
    const app = new HandshakeApp({ runner: startRun, narrator: narrateRun });
    app.start();
    await settled(app);
    const checked = validateScenario(scenarioJson);
    if (!checked.ok) throw new Error('invalid default scenario');
    const records = runScenario(checked.scenario, { seed: 25 }).simulation.sim.trace.records;
    const names = networkNames(checked.scenario.nodes);
    app.select({ kind: 'node', node: 'laptop' });
    const run = app.run;
    app.tellIn('de');
    // A short run is told again at once, the same run with its entries in German.
    expect(app.run?.seed).toBe(run?.seed);
    expect(app.run?.summary).toBe(run?.summary);
    expect(app.run?.narration?.log.entry(0)).toMatchObject({
      index: 0,
      time: '0 s',
      text: `Die Simulation von „${scenarioJson.name}“ beginnt mit Seed 25.`,
    });
    expect(app.run?.narration?.log.entries()).toEqual(narrate(records, names, undefined, 'de'));
    expect(app.selection).toEqual({ kind: 'node', node: 'laptop' });
    app.tellIn('en');
    expect(app.run?.narration?.log.entries()).toEqual(narrate(records, names));
  });

  it('tells a long run again in slices, showing the old log until the new one caught up', async () => {
    const app = new HandshakeApp({ runner: startRun, narrator: narrateRun });
    await app.open(new File([JSON.stringify(bulkJson)], 'bulk.json'));
    app.tellIn('de');
    app.start();
    /** Waits until the log shown is in `language` and told to the end. */
    const told = async (language: string) => {
      for (let i = 0; i < 2000; i++) {
        const narration = app.run?.narration;
        if (narration?.language === language && narration.done) return;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    await told('de');
    // Told in the language set before the run.
    const first = app.narratedRun!.narration;
    expect(first.language).toBe('de');
    expect(first.records.length).toBeGreaterThan(2000);
    app.tellIn('en');
    // Only the first slice of the English log is told yet: the German one stays shown.
    expect(app.run?.narration).toBe(first);
    await told('en');
    const english = app.narratedRun!.narration;
    expect(english.language).toBe('en');
    expect(english.done).toBe(true);
    const scenario = validateScenario(bulkJson);
    if (!scenario.ok) throw new Error('invalid scenario');
    expect(english.log.entries()).toEqual(
      narrate(first.records, networkNames(scenario.scenario.nodes)),
    );
  });

  it('accepts whole numbers from 1, with separators', () => {
    expect(parseMaxEvents('50,000,000')).toEqual({ ok: true, maxEvents: 50_000_000 });
    expect(parseMaxEvents(' 12 ')).toEqual({ ok: true, maxEvents: 12 });
    for (const bad of ['', '0', '-3', '1.5', 'lots']) expect(parseMaxEvents(bad).ok).toBe(false);
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
