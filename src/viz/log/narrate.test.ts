// The event log's sentences for each kind of trace record, checked on real runs of the default
// scenario and of small routed, looping and congested networks, and on hand-made edge cases.
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../engine/time.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import { runScenario, validateScenario, type Scenario } from '../../sim/index.ts';
import scenarioJson from '../../../simulations/ping-over-a-link.json';
import { DETAIL_KINDS, formatTime, narrate, type LogEntry } from './narrate.ts';
import { article } from './narratePackets.ts';
import { networkNames } from '../names/index.ts';

function checked(doc: unknown): Scenario {
  const result = validateScenario(doc);
  if (!result.ok) throw new Error(`invalid test scenario: ${JSON.stringify(result.issues)}`);
  return result.scenario;
}

function run(doc: unknown, seed?: number) {
  const scenario = checked(doc);
  const result = runScenario(scenario, seed === undefined ? {} : { seed });
  const records = result.simulation.sim.trace.records;
  return {
    records,
    summary: result.summary,
    entries: narrate(records, networkNames(scenario.nodes)),
  };
}

const texts = (entries: readonly LogEntry[]) => entries.map((e) => e.text);
const entryOf = (
  entries: readonly LogEntry[],
  record: TraceRecord,
  records: readonly TraceRecord[],
) => entries[records.indexOf(record)];

const host = (id: string, role: string, address: string, extra: object = {}) => ({
  id,
  role,
  label: id[0]?.toUpperCase() + id.slice(1),
  interfaces: [{ name: 'eth0', address }],
  ...extra,
});

const router = (id: string, a: string, b: string, extra: object = {}) => ({
  id,
  role: 'router',
  interfaces: [
    { name: 'eth0', address: a },
    { name: 'eth1', address: b },
  ],
  ...extra,
});

/** Laptop - r1 - Server, with the pinger aimed at `port`. */
function routed(port: number) {
  return {
    format: 'handshake/scenario@1',
    name: 'Routed',
    until: '1s',
    nodes: [
      host('laptop', 'client', '10.0.1.10/24', {
        gateway: '10.0.1.1',
        apps: [{ type: 'pinger', peer: 'server', port, count: 1, timeout: '100ms', retries: 0 }],
      }),
      router('r1', '10.0.1.1/24', '10.0.2.1/24'),
      host('server', 'server', '10.0.2.20/24', {
        gateway: '10.0.2.1',
        apps: [{ type: 'echo', port: 7 }],
      }),
    ],
    links: [
      { id: 'a', a: 'laptop', b: 'r1:eth0', latency: '1ms' },
      { id: 'b', a: 'r1:eth1', b: 'server', latency: '1ms' },
    ],
  };
}

describe('narrate the default scenario', () => {
  const { records, summary, entries } = run(scenarioJson, 7);

  it('tells every record in a plain sentence', () => {
    expect(entries).toHaveLength(records.length);
    expect(entries.map((e) => e.index)).toEqual(records.map((_, i) => i));
    for (const [i, e] of entries.entries()) expect(e.time).toBe(formatTime(records[i]!.t));
    expect(entries[0]?.text).toBe('The simulation of “Ping over one link” starts with seed 7.');
    expect(entries.at(-1)?.text).toBe(
      `The run ends because it reached the time limit, after ${summary.events} events.`,
    );
  });

  it('narrates the first request from the socket to the wire', () => {
    // The pinger's request: 56 bytes of payload + 8 (UDP) + 20 (IPv4) = 84 bytes on the wire,
    // the first packet of the run, so packet #1; its ephemeral port is bound before it is sent.
    const bind = records.find((r) => r.type === 'socket.bind' && r.node === 'laptop');
    if (bind?.type !== 'socket.bind') throw new Error('the laptop binds no socket');
    expect(texts(entries)).toContain(`Laptop opens a UDP socket on port ${bind.port}.`);
    expect(texts(entries)).toContain('Echo server opens a UDP socket on port 7.');
    expect(texts(entries)).toContain(
      'Laptop (192.168.1.10) starts sending an 84-byte UDP packet #1 to Echo server (192.168.1.20:7) on link wifi.',
    );
    expect(texts(entries)).toContain(
      'Laptop sends request 1 to Echo server (192.168.1.20:7) in packet #1.',
    );
    // Transmission ends after 84 * 8 bits / 54 Mbit/s = 12444.4 ns, rounded up to 12445 ns.
    const txEnd = entries.find(
      (e) => e.text === 'The last bit of packet #1 leaves Laptop on link wifi.',
    );
    expect(txEnd?.t).toBe(12_445);
    expect(txEnd?.kind).toBe('detail');
    // Packet #1 arrives (or is lost) 20 ms of latency after its last bit left: 20.012445 ms.
    const fate = records.find(
      (r) => (r.type === 'link.rx' || r.type === 'link.lost') && r.pkt === 1,
    );
    expect(fate?.t).toBe(12_445 + 20_000_000);
    expect(entryOf(entries, fate!, records)?.time).toBe('20.012 ms');
  });

  it('says where each packet arrives and which ones the link loses', () => {
    const rx = records.filter((r) => r.type === 'link.rx');
    const lost = records.filter((r) => r.type === 'link.lost');
    expect(lost.length).toBeGreaterThan(0);
    for (const r of rx) {
      const to = r.node === 'server' ? 'Echo server' : 'Laptop';
      expect(entryOf(entries, r, records)).toMatchObject({
        kind: 'deliver',
        text: `Packet #${r.pkt} arrives at ${to}.`,
      });
    }
    for (const r of lost) {
      expect(entryOf(entries, r, records)).toMatchObject({
        kind: 'loss',
        text: `Packet #${r.pkt} is lost on link wifi.`,
      });
    }
  });

  it('times the round trip of each timed reply', () => {
    // Two transmissions of 84 bytes at 54 Mbit/s (12445 ns each, see above), 20 ms of latency
    // each way and 2 ms of service: 2 * 12445 + 40_000_000 + 2_000_000 = 42_024_890 ns.
    const rtt = 2 * Math.ceil((84 * 8 * 1e9) / 54e6) + 2 * 20_000_000 + 2_000_000;
    expect(rtt).toBe(42_024_890);
    expect(formatDuration(rtt)).toBe('42.025 ms');
    const replies = records.filter((r) => r.type === 'app.reply' && r.rtt !== null);
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) {
      if (r.type !== 'app.reply') continue;
      expect(r.rtt).toBe(rtt);
      expect(entryOf(entries, r, records)?.text).toBe(
        `Laptop gets reply ${r.seq}: the round trip took 42.025 ms.`,
      );
    }
  });

  it('says a timeout retries when a retry follows at the same instant', () => {
    for (const r of records) {
      if (r.type !== 'app.timeout') continue;
      const retry = records.find(
        (x) => x.type === 'app.request' && x.t === r.t && x.seq === r.seq && x.attempt > 0,
      );
      expect(entryOf(entries, r, records)?.text).toBe(
        `Laptop times out waiting for reply ${r.seq}${retry ? ' and retries' : ''}.`,
      );
    }
    const serve = records.find((r) => r.type === 'app.serve');
    if (serve?.type !== 'app.serve') throw new Error('nothing was served');
    const retry = serve.attempt > 0 ? ` (retry ${serve.attempt})` : '';
    expect(entryOf(entries, serve, records)?.text).toBe(
      `Echo server answers request ${serve.seq}${retry} from Laptop (${serve.client}) in packet #${serve.pkt}.`,
    );
  });

  it('marks chatty records as details, hidden by default', () => {
    const kinds = new Map(records.map((r, i) => [r.type, entries[i]?.kind]));
    expect(kinds.get('link.txEnd')).toBe('detail');
    expect(kinds.get('ip.deliver')).toBe('detail');
    expect(kinds.get('app.state')).toBe('state');
    expect([...DETAIL_KINDS].sort()).toEqual(['detail', 'state']);
    for (const type of ['link.txBegin', 'link.rx', 'app.request', 'app.reply'] as const) {
      expect(DETAIL_KINDS.has(kinds.get(type)!)).toBe(false);
    }
    const deliver = records.find((r) => r.type === 'ip.deliver');
    expect(entryOf(entries, deliver!, records)?.text).toMatch(
      /^(Echo server|Laptop) accepts packet #\d+ and hands it to UDP\.$/,
    );
  });

  it('stops at the limit but still reads ahead for retries', () => {
    const timeout = records.findIndex((r) => r.type === 'app.timeout');
    const limited = narrate(records, networkNames(checked(scenarioJson).nodes), timeout + 1);
    expect(limited).toHaveLength(timeout + 1);
    expect(limited.at(-1)?.text).toBe(entries[timeout]?.text);
    expect(limited.at(-1)?.text).toMatch(/and retries\.$/);
  });
});

describe('narrate routed networks', () => {
  it('follows a datagram through a router to a closed port and the ICMP error back', () => {
    const { records, entries } = run(routed(9));
    const all = texts(entries);
    expect(all).toContain('Router r1 forwards packet #1 from eth0 to eth1.');
    // The laptop sends with TTL 64; r1 takes one off.
    expect(all).toContain(
      'Router r1 starts sending packet #1 over link b towards Server (10.0.2.20:9), TTL now 63.',
    );
    expect(all).toContain('Packet #1 arrives at r1 on eth0.');
    expect(all).toContain(
      'Nobody listens on UDP port 9 at Server: it answers with ICMP port unreachable, packet #2 to Laptop (10.0.1.10) on link b.',
    );
    expect(all).toContain('Router r1 forwards packet #2 from eth1 to eth0.');
    expect(all).toContain('Laptop accepts packet #2 and hands it to ICMP.');
    const bind = records.find((r) => r.type === 'socket.bind' && r.node === 'laptop');
    if (bind?.type !== 'socket.bind') throw new Error('the laptop binds no socket');
    expect(all).toContain(
      `Laptop: recv on socket “udp *:${bind.port} -> 10.0.2.20:9” fails with ECONNREFUSED: nobody is listening on that port (the peer answered with RST or ICMP port unreachable).`,
    );
    expect(all).toContain('Laptop gives up on request 1: it counts as lost.');
  });

  it('tells which router drops a looping packet when its TTL runs out', () => {
    // r1 and r2 each send what they cannot deliver to the other. The laptop's packet leaves with
    // TTL 64 and reaches r1 with 64, r2 with 63, r1 with 62, ...: r2 receives it with TTL 1 and
    // drops it, answering with ICMP time exceeded from its address on that link, 10.0.2.2.
    const { entries } = run({
      format: 'handshake/scenario@1',
      name: 'Loop',
      until: '1s',
      nodes: [
        host('laptop', 'client', '10.0.1.10/24', {
          gateway: '10.0.1.1',
          apps: [{ type: 'pinger', peer: '10.0.9.2', count: 1, timeout: '100ms', retries: 0 }],
        }),
        router('r1', '10.0.1.1/24', '10.0.2.1/24', { gateway: '10.0.2.2' }),
        router('r2', '10.0.2.2/24', '10.0.3.1/24', { gateway: '10.0.2.1' }),
        host('far', 'server', '10.0.9.2/24'),
      ],
      links: [
        { id: 'a', a: 'laptop', b: 'r1:eth0', latency: '1ms' },
        { id: 'b', a: 'r1:eth1', b: 'r2:eth0', latency: '1ms' },
      ],
    });
    const all = texts(entries);
    expect(all).toContain('Router r2 forwards packet #1 from eth0 back out of eth0.');
    expect(all).toContain('Router r2 drops packet #1: TTL expired.');
    expect(all).not.toContain('Router r1 drops packet #1: TTL expired.');
    expect(all).toContain(
      'Router r2 (10.0.2.2) answers with ICMP time exceeded, packet #2 to Laptop (10.0.1.10) on link b.',
    );
  });

  it('narrates a full queue and a link that goes down and comes back', () => {
    // Three pingers on the laptop send at 0 s. The link transmits one packet at a time and its
    // queue holds one: packet #1 goes onto the wire, #2 waits, #3 finds the queue full.
    const { records, entries } = run({
      format: 'handshake/scenario@1',
      name: 'Congested',
      until: '1s',
      events: [
        { at: '500ms', type: 'linkDown', link: 'l' },
        { at: '700ms', type: 'linkUp', link: 'l' },
      ],
      nodes: [
        host('laptop', 'client', '10.0.0.1/24', {
          apps: [1, 2, 3].map(() => ({
            type: 'pinger',
            peer: 'server',
            count: 1,
            timeout: '400ms',
            retries: 1,
          })),
        }),
        host('server', 'server', '10.0.0.2/24', { apps: [{ type: 'echo' }] }),
      ],
      links: [
        {
          id: 'l',
          a: 'laptop',
          b: 'server',
          latency: '200ms',
          bandwidth: '1Mbps',
          queue: { packets: 1 },
        },
      ],
    });
    const all = texts(entries);
    expect(all).toContain('The queue at Laptop eth0 holds 1 packet (84 bytes).');
    expect(all).toContain('Packet #3 is dropped: the queue at Laptop eth0 is full.');
    expect(all).toContain('The queue at Laptop eth0 is empty.');
    expect(all).toContain('Link l goes down.');
    expect(all).toContain('Link l comes back up.');
    // Retries sent at 400 ms spend 84 * 8 / 1 Mbit/s = 672 µs on the wire and 200 ms flying:
    // still in flight at 500 ms, so the link going down cuts them off.
    const cut = records.filter((r) => r.type === 'link.lost' && r.reason === 'linkDown');
    expect(cut.length).toBeGreaterThan(0);
    for (const r of cut) {
      expect(entryOf(entries, r, records)?.text).toBe(
        `Packet #${(r as TraceRecord<'link.lost'>).pkt} is cut off on link l: the link went down.`,
      );
    }
  });
});

describe('narrate edge cases', () => {
  const names = networkNames(checked(scenarioJson).nodes);
  const say = (records: object[]) => texts(narrate(records as unknown as TraceRecord[], names));

  it('says a timeout without a retry gives up, and narrates late and untimed replies', () => {
    expect(
      say([
        { t: 5, type: 'app.timeout', node: 'laptop', seq: 3, attempt: 2 },
        { t: 5, type: 'app.giveUp', node: 'laptop', seq: 3 },
        { t: 9, type: 'app.lateReply', node: 'laptop', seq: 3, attempt: 1 },
        { t: 9, type: 'app.reply', node: 'laptop', seq: 4, attempt: 0, rtt: null },
      ]),
    ).toEqual([
      'Laptop times out waiting for reply 3.',
      'Laptop gives up on request 3: it counts as lost.',
      'Laptop ignores reply 3 (retry 1): it came too late and is no longer awaited.',
      'Laptop gets reply 4, which answers an earlier attempt, so its round trip cannot be timed.',
    ]);
  });

  it('narrates drops, impairments, switches and errors the default run does not show', () => {
    expect(
      say([
        {
          t: 1,
          type: 'queue.drop',
          link: 'wifi',
          node: 'laptop',
          iface: 'wlan0',
          pkt: 9,
          bytes: 84,
          reason: 'linkDown',
        },
        {
          t: 1,
          type: 'link.impair',
          link: 'wifi',
          node: 'laptop',
          iface: 'wlan0',
          pkt: 4,
          effect: 'duplicate',
        },
        {
          t: 1,
          type: 'link.impair',
          link: 'wifi',
          node: 'laptop',
          iface: 'wlan0',
          pkt: 5,
          effect: 'reorder',
        },
        { t: 2, type: 'ip.drop', node: 'server', pkt: 7, reason: 'noRoute' },
        { t: 2, type: 'ip.drop', node: 'server', pkt: 8, reason: 'notConnected' },
        { t: 3, type: 'switch.learn', node: 'sw', port: 'p1', address: '192.168.1.10' },
        {
          t: 3,
          type: 'switch.forward',
          node: 'sw',
          pkt: 9,
          fromPort: 'p1',
          toPort: 'p2',
          flood: true,
        },
        { t: 3, type: 'switch.filter', node: 'sw', pkt: 9, port: 'p1' },
        {
          t: 4,
          type: 'app.request',
          node: 'laptop',
          peer: '192.168.1.20:7',
          seq: 2,
          attempt: 0,
          pkt: -1,
        },
        {
          t: 4,
          type: 'app.error',
          node: 'laptop',
          app: 'pinger',
          op: 'sendto',
          error: 'EHOSTUNREACH',
        },
        { t: 4, type: 'socket.release', node: 'laptop', protocol: 'udp', port: 49152 },
      ]),
    ).toEqual([
      'Packet #9 is dropped at Laptop wlan0: link wifi is down.',
      'Link wifi duplicates packet #4: it will arrive twice.',
      'Link wifi holds packet #5 back, so packets sent after it can overtake it.',
      'Echo server drops packet #7: no route to its destination.',
      'Echo server drops packet #8: the interface it should leave by has no link.',
      'sw learns that 192.168.1.10 is behind port p1.',
      'sw floods packet #9 out of port p2: it does not know where the destination is yet.',
      'sw discards packet #9: its destination is behind port p1, where it came from.',
      'Laptop cannot send request 2 to Echo server (192.168.1.20:7).',
      'Laptop’s pinger app: sendto fails with EHOSTUNREACH: no route to the host.',
      'Laptop closes its UDP socket on port 49152.',
    ]);
  });

  it('narrates record types it does not know from their fields, packets by their label', () => {
    const packet = run(scenarioJson, 7).records.find((r) => r.type === 'link.txBegin');
    if (packet?.type !== 'link.txBegin') throw new Error('no packet was sent');
    expect(
      say([
        { t: 1, type: 'lb.pick', node: 'laptop', pool: 'web', backend: '192.168.1.20:80' },
        { t: 2, type: 'disk.read', node: 'server', pid: 3, burst: 1460, reason: 'quantum' },
        {
          t: 3,
          type: 'tcp.future',
          pkt: 3,
          packet: packet.packet,
          data: new Uint8Array(5),
          deep: { a: [1, 2] },
        },
        { t: 4, type: 'tcp.long', text: 'x'.repeat(200) },
      ]),
    ).toEqual([
      'lb.pick: node Laptop, pool "web", backend "192.168.1.20:80".',
      'disk.read: node Echo server, pid 3, burst 1460, reason "quantum".',
      `tcp.future: packet #3, packet UDP ${(packet.packet.transport as { srcPort: number }).srcPort} → 7 len=56, data 5 bytes, deep {"a":[1,2]}.`,
      `tcp.long: text "${'x'.repeat(78)}….`,
    ]);
  });

  it('formats simulated times for people', () => {
    expect(formatTime(0)).toBe('0 s');
    expect(formatTime(22_000_000)).toBe('22 ms');
    expect(formatTime(1_442_000_000)).toBe('1.442 s');
  });

  it('writes "an" before numbers read with a vowel sound', () => {
    expect([8, 11, 18, 80, 84, 800, 8000, 11000, 18500].map(article)).toEqual(Array(9).fill('an'));
    expect([1, 60, 110, 180, 1100, 1500, 1800, 110000].map(article)).toEqual(Array(8).fill('a'));
  });
});
