// Actions at a moment (issue 14): a timed event in the document makes a node ping, fetch or send
// at `at` on its own stack. Expected times are computed here by hand from the link's latency and
// bandwidth (transmission time = bits / rate), never read back from the code.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../engine/trace.ts';
import { recordsToJsonLines } from '../engine/traceJson.ts';
import { NS_PER_MS, NS_PER_S } from '../engine/time.ts';
import { runScenario } from './runScenario.ts';
import { validateScenario, type ValidationIssue } from './scenario/validateScenario.ts';
import type { Scenario } from './scenario/scenarioSchema.ts';
import { carriesIp, type IpRecord } from '../net/link/linkRecords.ts';

/** A client c and a server s (web server on 80, sink on 5001) on one 10 ms, 1 Mbit/s link. */
function document(events: object[], extra: object = {}) {
  return {
    format: 'handshake/scenario@1',
    name: 'actions',
    until: '5s',
    nodes: [
      { id: 'c', role: 'client', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }] },
      {
        id: 's',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
        apps: [{ type: 'httpServer' }, { type: 'sink' }],
      },
      { id: 'sw', role: 'switch', interfaces: [{ name: 'p1' }] },
    ],
    links: [{ id: 'l', a: 'c', b: 's', latency: '10ms', bandwidth: '1Mbps' }],
    events,
    ...extra,
  };
}

function valid(events: object[], extra: object = {}): Scenario {
  const result = validateScenario(document(events, extra));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

function issues(events: object[], extra: object = {}): ValidationIssue[] {
  const result = validateScenario(document(events, extra));
  return result.ok ? [] : result.issues;
}

const MS = NS_PER_MS;
const US = 1000;
const L = 10 * MS;
/** Transmission time of `bytes` at 1 Mbit/s: 8 µs a byte. */
const tx = (bytes: number) => bytes * 8 * US;
/** The Ethernet frame of an IP packet of `bytes`: 14 of header, 4 of FCS, at least 64 in all. */
const frame = (bytes: number) => Math.max(bytes + 18, 64);
/** c's first packet to s waits for ARP: a 64-byte request and reply, each tx(64) + L. */
const ARP = 2 * (tx(64) + L);
/** IPv4 header 20 bytes + TCP header 20 + the MSS option 4 (RFC 9293 3.1, 3.2): a SYN. */
const SYN_BYTES = 44;
const ACK_BYTES = 40;

type TxBegin = IpRecord<'link.txBegin'>;

/** The IP packets put on links (ARP frames left out). */
function sent(records: readonly TraceRecord[]): TxBegin[] {
  return records.filter((r): r is TxBegin => r.type === 'link.txBegin' && carriesIp(r));
}

describe('a fetch at a moment', () => {
  const scenario = valid([
    { at: '2s', type: 'fetch', node: 'c', server: 's', path: '/index.html' },
  ]);
  const records = runScenario(scenario).simulation.sim.trace.records;
  const packets = sent(records);

  it('asks for the server’s MAC at exactly 2 s, and nothing before; the SYN follows', () => {
    const frames = records.filter((r) => r.type === 'link.txBegin');
    expect(frames[0]).toMatchObject({ t: 2 * NS_PER_S, node: 'c', bytes: 64 });
    expect(records.find((r) => r.type === 'arp.request')).toMatchObject({
      t: 2 * NS_PER_S,
      target: '10.0.0.2',
    });
    const first = packets[0]!;
    expect(first.t).toBe(2 * NS_PER_S + ARP);
    expect(first.node).toBe('c');
    expect(first.packet.transport).toMatchObject({ kind: 'tcp', flags: { syn: true, ack: false } });
    expect(first.bytes).toBe(frame(SYN_BYTES));
  });

  it('sends the HTTP request after the three-way handshake, at times computed from the link', () => {
    // SYN out at 2 s + ARP, there after tx(its frame) + L; the SYN-ACK (s knows c's MAC from
    // c's ARP request) back after tx(its frame) + L.
    const synAck = 2 * NS_PER_S + ARP + tx(frame(SYN_BYTES)) + L;
    const established = synAck + tx(frame(SYN_BYTES)) + L;
    const fromServer = packets.find((p) => p.node === 's')!;
    expect(fromServer.t).toBe(synAck);
    const request = records.find((r) => r.type === 'http.request')!;
    expect(request).toMatchObject({
      node: 'c',
      app: 'action1',
      method: 'GET',
      target: '/index.html',
    });
    expect(request.t).toBe(established);
    // On the wire: the handshake's ACK first, then the request's segment behind it.
    const fromClient = packets.filter((p) => p.node === 'c');
    expect(fromClient[1]!.t).toBe(established);
    expect(fromClient[1]!.bytes).toBe(frame(ACK_BYTES));
    const get = fromClient[2]!;
    expect(get.t).toBe(established + tx(frame(ACK_BYTES)));
    expect(new TextDecoder().decode(get.packet.payload)).toMatch(
      /^GET \/index\.html HTTP\/1\.1\r\n/,
    );
    expect(records.some((r) => r.type === 'http.response' && r.node === 'c')).toBe(true);
  });
});

describe('a ping at a moment', () => {
  it('sends an ICMP echo request at t and gets the reply one round trip later', () => {
    const scenario = valid([{ at: '1500ms', type: 'ping', node: 'c', target: 's', count: 2 }]);
    const packets = sent(runScenario(scenario).simulation.sim.trace.records);
    // 20 bytes of IPv4 header, 8 of ICMP, 56 of data: ping(8)'s 84-byte packet, a 102-byte
    // frame. The first request waits for ARP; the second finds c's cache warm.
    const echo = frame(84);
    expect(
      packets.map((p) => [
        p.t,
        p.node,
        p.bytes,
        p.packet.transport.kind === 'icmp' && p.packet.transport.message,
      ]),
    ).toEqual([
      [1500 * MS + ARP, 'c', echo, 'echoRequest'],
      [1500 * MS + ARP + tx(echo) + L, 's', echo, 'echoReply'],
      [2500 * MS, 'c', echo, 'echoRequest'],
      [2500 * MS + tx(echo) + L, 's', echo, 'echoReply'],
    ]);
  });
});

describe('a link taken down at a moment', () => {
  it('drops what is sent after it, not what was delivered before', () => {
    const scenario = valid([
      { at: '1s', type: 'ping', node: 'c', target: 's', count: 3 },
      { at: '1500ms', type: 'linkDown', link: 'l' },
    ]);
    const records = runScenario(scenario).simulation.sim.trace.records;
    // The ARP request and reply, then the first echo request and its reply, all before 1.5 s.
    const arrived = records.filter((r) => r.type === 'link.rx').map((r) => r.t);
    expect(arrived).toEqual([
      1 * NS_PER_S + tx(64) + L,
      1 * NS_PER_S + ARP,
      1 * NS_PER_S + ARP + tx(frame(84)) + L,
      1 * NS_PER_S + ARP + 2 * (tx(frame(84)) + L),
    ]);
    const dropped = records.filter((r) => r.type === 'queue.drop' || r.type === 'link.lost');
    expect(dropped.map((r) => [r.t, r.type === 'queue.drop' ? r.reason : r.reason])).toEqual([
      [2 * NS_PER_S, 'linkDown'],
      [3 * NS_PER_S, 'linkDown'],
    ]);
  });
});

describe('a transfer at a moment', () => {
  it('connects to the sink at t and sends the bytes', () => {
    const scenario = valid([{ at: '1s', type: 'transfer', node: 'c', target: 's', bytes: 3000 }]);
    const records = runScenario(scenario).simulation.sim.trace.records;
    // The SYN, after c's ARP exchange.
    expect(sent(records)[0]!.t).toBe(1 * NS_PER_S + ARP);
    const written = records.filter((r) => r.type === 'app.write' && r.app === 'action1');
    expect(written.at(-1)).toMatchObject({ node: 'c', written: 3000 });
    const toSink = sent(records).filter((p) => p.node === 'c');
    const payload = toSink.reduce((sum, p) => sum + p.packet.payload.length, 0);
    expect(payload).toBe(3000);
  });
});

describe('actions are deterministic', () => {
  it('gives a byte-identical trace for the same document and seed', () => {
    const events = [
      { at: '1s', type: 'ping', node: 'c', target: '10.0.0.2' },
      { at: '2s', type: 'fetch', node: 'c', server: 's', path: '/' },
      { at: '2s', type: 'transfer', node: 'c', target: 's', bytes: 20_000 },
    ];
    const once = recordsToJsonLines(runScenario(valid(events)).simulation.sim.trace.records);
    const again = recordsToJsonLines(runScenario(valid(events)).simulation.sim.trace.records);
    expect(again).toBe(once);
    expect(once).toContain('"action3"');
  });
});

describe('validating actions', () => {
  it('names the field and what is wrong', () => {
    expect(issues([{ at: '1s', type: 'ping', node: 'nobody', target: 's' }])).toEqual([
      {
        path: '$.events[0].node',
        message: expect.stringMatching(/expected the id of a node \(.*\), got "nobody"/),
      },
    ]);
    expect(issues([{ at: '1s', type: 'ping', node: 'c', target: 'x9' }])).toEqual([
      { path: '$.events[0].target', message: expect.stringMatching(/got "x9"/) },
    ]);
    expect(issues([{ at: '1s', type: 'ping', node: 'c', target: '10.9.9.9' }])).toEqual([
      { path: '$.events[0].target', message: 'no interface has the address 10.9.9.9' },
    ]);
    expect(issues([{ at: '1s', type: 'ping', node: 'sw', target: 's' }])).toEqual([
      { path: '$.events[0].node', message: 'sw has no address, so it cannot ping' },
    ]);
    expect(issues([{ at: '9s', type: 'ping', node: 'c', target: 's' }])).toEqual([
      {
        path: '$.events[0].at',
        message: expect.stringMatching(/not before the run ends \(until 5/),
      },
    ]);
    expect(issues([{ at: '1s', type: 'fetch', node: 's', server: 'c', path: '/' }])).toEqual([
      {
        path: '$.events[0].server',
        message: expect.stringMatching(/nothing on c listens on TCP port 80/),
      },
    ]);
    expect(
      issues([{ at: '1s', type: 'transfer', node: 'c', target: 's', bytes: 10, port: 9 }]),
    ).toEqual([
      {
        path: '$.events[0].target',
        message: expect.stringMatching(/nothing on s listens on TCP port 9/),
      },
    ]);
    expect(
      issues([{ at: '1s', type: 'fetch', node: 'c', server: 'www.example.com', path: '/' }]),
    ).toEqual([
      { path: '$.events[0].server', message: expect.stringMatching(/needs a DNS server/) },
    ]);
    expect(issues([{ at: '1s', type: 'jump', node: 'c' }])).toEqual([
      {
        path: '$.events[0].type',
        message: expect.stringMatching(
          /"linkDown", "linkUp", "linkChange", "nodeCrash", "nodeRestart", "interfaceDown", "interfaceUp", "ping", "fetch", "transfer"/,
        ),
      },
    ]);
    expect(issues([{ at: '1s', type: 'linkDown', link: 'nope' }])).toEqual([
      { path: '$.events[0].link', message: expect.stringMatching(/got "nope"/) },
    ]);
  });
});
