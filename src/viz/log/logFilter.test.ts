// Event log filters on real runs: node, protocol and type groups checked against the records
// they come from, combined filters, entries up to a time, and what the live narration says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import {
  parseScenarioText,
  runScenario,
  validateScenario,
  type Scenario,
} from '../../sim/index.ts';
import {
  NO_FILTER,
  countUntil,
  entriesBetween,
  entryList,
  filterEntries,
  linksOfNode,
  narrationStep,
  recordTags,
  type LogFilter,
  type Narrated,
} from './logFilter.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

function runDoc(scenario: Scenario) {
  const records = runScenario(scenario).simulation.sim.trace.records;
  // Entries as the log has them: one per record, naming it by index.
  const entries = records.map((r, index) => ({ index, t: r.t, text: `${r.type} #${index}` }));
  return { scenario, records, entries };
}

function runFile(name: string) {
  const text = readFileSync(new URL(`../../../simulations/${name}`, import.meta.url), 'utf8');
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return runDoc(parsed.scenario);
}

const bulk = runFile('tcp-bulk-transfer.json');
const subnets = runFile('two-subnets.json');

/** A pinger aimed at a UDP port where nobody listens: the server answers with ICMP. */
const refused = (() => {
  const result = validateScenario({
    format: 'handshake/scenario@1',
    name: 'nobody on port 9',
    until: '1s',
    nodes: [
      {
        id: 'phone',
        role: 'client',
        interfaces: [{ name: 'wlan0', address: '10.0.3.30/24' }],
        apps: [{ type: 'pinger', peer: 'server', port: 9, count: 1, timeout: '100ms', retries: 0 }],
      },
      { id: 'server', role: 'server', interfaces: [{ name: 'eth0', address: '10.0.3.20/24' }] },
    ],
    links: [{ id: 'wifi', a: 'phone', b: 'server', latency: '3ms' }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return runDoc(result.scenario);
})();

type Run = ReturnType<typeof runDoc>;

/** The records whose entries pass the filter. */
function types(run: Run, filter: Partial<LogFilter>): TraceRecord[] {
  const nodeLinks = filter.node ? linksOfNode(run.scenario.links, filter.node) : undefined;
  const shown = filterEntries(
    run.entries,
    recordList(run.records),
    { ...NO_FILTER, ...filter },
    nodeLinks,
  );
  return shown.map((e) => run.records[e.index] as TraceRecord);
}

describe('log filters', () => {
  it('without a filter, keeps every entry', () => {
    expect(filterEntries(bulk.entries, recordList(bulk.records), NO_FILTER)).toEqual(bulk.entries);
  });

  it('by node: the records of that node', () => {
    const shown = types(bulk, { node: 'server' });
    expect(shown.length).toBeGreaterThan(100);
    for (const r of shown) expect((r as { node?: string }).node).toBe('server');
    const expected = bulk.records.filter((r) => (r as { node?: string }).node === 'server');
    expect(shown).toEqual(expected);
  });

  it('by type: drops are exactly the queue drops of the bottleneck, at the router', () => {
    const drops = types(bulk, { group: 'drops' });
    // Every other segment of one slow-start window (tsharkNewReno.test.ts checks such a burst):
    // each ACK lets two segments out while the full queue takes one a frame time, 8 × 1518 bits
    // at 2 Mbit/s = 6.072 ms; so one drop every 6.072 ms, each 2 × 1460 bytes after the last.
    expect(drops.length).toBeGreaterThan(10);
    expect(new Set(drops.map((r) => r.type))).toEqual(new Set(['queue.drop']));
    const times = drops.map((r) => r.t);
    for (let i = 1; i < times.length; i++) {
      expect((times[i] as number) - (times[i - 1] as number)).toBe(6_072_000);
    }
    // Combined with a node and a protocol: the router drops TCP segments; the laptop drops none.
    expect(types(bulk, { group: 'drops', node: 'router', protocol: 'tcp' })).toEqual(drops);
    expect(types(bulk, { group: 'drops', node: 'laptop' })).toEqual([]);
    expect(types(bulk, { group: 'drops', protocol: 'udp' })).toEqual([]);
  });

  it('by protocol: TCP is its segments on links, IP and TCP records; not the apps', () => {
    const tcp = types(bulk, { protocol: 'tcp' });
    const kinds = new Set(tcp.map((r) => r.type));
    for (const k of [
      'link.txBegin',
      'link.rx',
      'socket.state',
      'tcp.cwnd',
      'tcp.rto',
      'ip.forward',
    ]) {
      expect(kinds.has(k as TraceRecord['type'])).toBe(true);
    }
    expect(kinds.has('app.state')).toBe(false);
    expect(tcp.filter((r) => r.type === 'tcp.cwnd').length).toBe(
      bulk.records.filter((r) => r.type === 'tcp.cwnd').length,
    );
    const app = types(bulk, { protocol: 'app' });
    // The apps' own records: their states, what the sender writes and the sink accepts and reads.
    expect(new Set(app.map((r) => r.type))).toEqual(
      new Set(['app.state', 'app.write', 'app.accept', 'app.read']),
    );
  });

  it('by type: states are connection, app, window, timer and queue changes', () => {
    const states = new Set(types(bulk, { group: 'states' }).map((r) => r.type));
    expect(states).toEqual(
      new Set([
        'socket.state',
        'app.state',
        'app.accept',
        'tcp.cwnd',
        'tcp.rto',
        'queue.length',
        'socket.bind',
        // What the ARP caches learn (and when an entry expires, 30 s on: not in this run).
        'arp.learn',
      ]),
    );
    const data = new Set(types(bulk, { group: 'packets', protocol: 'app' }).map((r) => r.type));
    expect(data).toEqual(new Set(['app.write', 'app.read']));
    const packets = types(bulk, { group: 'packets', protocol: 'link' });
    expect(new Set(packets.map((r) => r.type))).toEqual(
      new Set(['link.txBegin', 'link.txEnd', 'link.rx', 'arp.request', 'arp.reply']),
    );
  });

  it('tells UDP from ICMP, and an ICMP error is also an error', () => {
    const udp = types(refused, { protocol: 'udp', group: 'packets' });
    expect(udp.some((r) => r.type === 'link.txBegin' && r.node === 'phone')).toBe(true);
    const icmp = types(refused, { protocol: 'icmp' });
    const sent = icmp.find((r) => r.type === 'link.txBegin');
    expect(sent?.type === 'link.txBegin' && carriesIp(sent) && sent.packet.transport.kind).toBe(
      'icmp',
    );
    const errors = types(refused, { group: 'errors' });
    expect(errors.some((r) => r.type === 'link.txBegin' && r.node === 'server')).toBe(true);
    expect(errors.some((r) => r.type === 'socket.error' || r.type === 'app.error')).toBe(true);
    expect(types(refused, { group: 'errors', protocol: 'tcp' })).toEqual([]);
  });

  it('on a switched network, a node filter follows the switch and the router', () => {
    const sw = types(subnets, { node: 'switch' });
    expect(new Set(sw.map((r) => r.type)).has('switch.learn')).toBe(true);
    expect(new Set(sw.map((r) => r.type)).has('switch.forward')).toBe(true);
    const both = types(subnets, { node: 'router', protocol: 'udp' });
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((r) => (r as { node?: string }).node === 'router')).toBe(true);
  });

  it('shows a link going down to the nodes at either end', () => {
    const records: TraceRecord[] = [{ t: 5, type: 'link.state', link: 'wan', up: false }];
    const entries = [{ index: 0, t: 5 }];
    const links = [{ id: 'wan', a: 'router:eth1', b: 'server' }];
    const at = (node: string) =>
      filterEntries(entries, recordList(records), { ...NO_FILTER, node }, linksOfNode(links, node))
        .length;
    expect([at('router'), at('server'), at('laptop')]).toEqual([1, 1, 0]);
    expect(recordTags(recordList(records))[0]?.link).toBe('wan');
  });

  it('files a connection’s state at a server (server.conn) under applications and states', () => {
    const records: TraceRecord[] = [
      {
        t: 1,
        type: 'server.conn',
        node: 'web',
        app: 'web',
        conn: '10.0.0.1:49152',
        state: 'reading',
      },
      { t: 2, type: 'server.refuse', node: 'web', app: 'web', conn: '10.0.0.1:49153', reason: 'x' },
    ];
    const entries = [
      { index: 0, t: 1 },
      { index: 1, t: 2 },
    ];
    const kept = (filter: Partial<LogFilter>) =>
      filterEntries(entries, recordList(records), { ...NO_FILTER, ...filter }).map((e) => e.index);
    expect(kept({ protocol: 'app', group: 'states' })).toEqual([0]);
    expect(kept({ node: 'web', group: 'errors' })).toEqual([1]);
    expect(kept({ protocol: 'tcp' })).toEqual([]);
  });

  it('tags records once per trace, extending as it grows', () => {
    const growing = bulk.records.slice(0, 100);
    const growingList = recordList(growing);
    const first = recordTags(growingList);
    expect(first.length).toBe(100);
    (growing as TraceRecord[]).push(...bulk.records.slice(100, 200));
    expect(recordTags(growingList)).toBe(first);
    expect(first.length).toBe(200);
  });
});

describe('entries up to a time', () => {
  const entries = entryList(
    [0, 0, 5, 10, 10, 20].map((t, index) => ({ index, t, text: `e${index}` })),
  );

  it('counts the entries at or before a time', () => {
    expect([-1, 0, 4, 10, 99].map((t) => countUntil(entries, t))).toEqual([0, 2, 2, 5, 6]);
  });

  it('takes the entries after one time and up to another', () => {
    expect(entriesBetween(entries, 0, 10)).toEqual({ start: 2, end: 5 });
    expect(entriesBetween(entries, -1, 0)).toEqual({ start: 0, end: 2 });
  });
});

describe('live narration', () => {
  const entries = entryList(
    [0, 0, 5, 10, 10, 20].map((t, index) => ({ index, t, text: `e${index}.` })),
  );
  const time = (ns: number) => `${ns} ns`;
  const runA = { id: 'a' };
  const runB = { id: 'b' };

  it('announces what is new as time moves forward, and nothing when it moves back', () => {
    let state: Narrated<typeof runA> = { run: undefined, until: -Infinity };
    const step = (run: typeof runA, now: number) => {
      const { next, text } = narrationStep(state, run, now, entries, time);
      state = next;
      return text;
    };
    // A new run shown from its start announces its first moment.
    expect(step(runA, 0)).toBe('e0. e1.');
    expect(step(runA, 5)).toBe('e2.');
    expect(step(runA, 7)).toBe(null);
    expect(step(runA, 7)).toBe(null);
    // Scrubbing back clears the line and says nothing; forward again announces from there.
    expect(step(runA, 1)).toBe('');
    expect(step(runA, 10)).toBe('e2. e3. e4.');
    expect(step(runA, 1)).toBe('');
    expect(step(runA, 30)).toBe('4 new events up to 30 ns; the latest: e3. e4. e5.');
    // A new run shown at its end announces nothing: it is not new as time moves.
    expect(step(runB, 30)).toBe('');
    expect(step(runB, 30)).toBe(null);
  });
});
