// A SYN flood fills a listener's SYN queue and legitimate connections fail; with SYN cookies on
// they succeed (issue 17). The figures of simulations/syn-flood.json are worked out here from the
// document by hand (the model's own rules, not read back from the code):
//
//   B = 16 half-open connections (tcp.synBacklog), R = 10 SYNs/s for D = 140 s from 1 s.
//   A half-open connection sends its SYN-ACK at once and 5 times more (synAckRetries 5), after
//   RTOs of 1, 2, 4, 8 and 16 s, and is given up 32 s after the last: L = 1+2+4+8+16+32 = 63 s.
//   The attacker is 10 ms from the router and the router 1 ms from each server: SYN k, sent at
//   1 + k/R s, arrives 11 ms later (and a few microseconds for its 44 bytes on the wire).
//   SYNs 0 to 15 fill the queue by 2.511 s; SYN 16, at 2.611 s, is the first with no room.
//   A slot freed after L is taken by the next flood SYN 0.1 s later at most, so the queue is full
//   from 2.5 s to the flood's end, 141 s, but for those moments. The queue takes B SYNs in each
//   63 s: at 1-2.5 s, 64-65.5 s and 127-128.5 s, 3B = 48 of the 1400.
//   The office's 5 users each send a SYN at 5 s and again after 1, 2, 4, 8, 16, 32 and 60 s (RFC
//   6298's doubling, capped by maxRto 60 s): at 6, 8, 12, 20, 36 and 68 s, all while the queue is
//   full; then they give up (ETIMEDOUT) at 5 + 123 = 128 s. 7 SYNs each, 35 in all.
//   Without cookies: 1400 - 48 + 35 = 1387 SYNs dropped, 0 of 5 visits answered.
//   With cookies: the same 1352 flood SYNs and the office's 5 are answered by cookies (1357), the
//   5 ACKs bring them back, and the 5 visits are answered within a few round trips of 5 s.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import { parseScenarioText, runScenario, validateScenario } from '../../sim/index.ts';
import type { SynFloodFigures } from './synFloodBehaviour.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

const B = 16;
const R = 10;
const D = 140;
const L = 1 + 2 + 4 + 8 + 16 + 32;
const USERS = 5;
const CLIENT_SYNS = 7;

const parsed = parseScenarioText(readFileSync('simulations/syn-flood.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const run = runScenario(parsed.scenario);
const records = run.simulation.sim.trace.records;
const ofType = <T extends TraceRecord['type']>(type: T) =>
  records.filter((r): r is TraceRecord<T> => r.type === type);
const office = (r: { conn: string }) => r.conn.includes('192.168.1.10:');

describe('a SYN flood (simulations/syn-flood.json)', () => {
  it('fills the SYN queue 1.6 s in, and every half-open connection lives 63 s', () => {
    const full = ofType('tcp.synQueueFull').filter((r) => r.node === 'web');
    // SYN 16 (the 17th) is sent at 2.6 s and arrives 11 ms and a few microseconds later.
    expect((full[0]?.t ?? 0) / NS_PER_S).toBeCloseTo(2.611, 3);
    expect(full[0]?.synBacklog).toBe(B);
    const opened = new Map<string, number>();
    const lifetimes: number[] = [];
    for (const r of ofType('socket.state').filter((s) => s.node === 'web')) {
      if (r.state === 'SYN-RECEIVED') opened.set(r.conn, r.t);
      else if (r.state === 'CLOSED' && opened.has(r.conn))
        lifetimes.push(r.t - (opened.get(r.conn) as number));
    }
    expect(lifetimes.length).toBeGreaterThan(0);
    expect(new Set(lifetimes)).toEqual(new Set([L * NS_PER_S]));
    // The queue took B SYNs in each of the three 63 s the flood spans, none of them the office's.
    expect(opened.size).toBe(3 * B);
    expect([...opened.keys()].filter((conn) => office({ conn }))).toEqual([]);
  });

  it('makes the office’s visits fail without SYN cookies, and all succeed with them (figures)', () => {
    const { summary } = run;
    const [toWeb, toWeb2] = summary.apps.httpClient ?? [];
    const [flood, flood2] = (summary.actions?.synFlood ?? []) as SynFloodFigures[];
    const figures = {
      sent: [flood?.sent, flood2?.sent],
      droppedWithout: flood?.dropped,
      cookiesWithout: flood?.cookies,
      droppedWith: flood2?.dropped,
      cookiesWith: flood2?.cookies,
      fromCookies: flood2?.cookieConnections,
      visitsWithout: [toWeb?.visits, toWeb?.failures, toWeb?.responses],
      visitsWith: [toWeb2?.visits, toWeb2?.failures, toWeb2?.responses],
    };
    console.log('SYN flood figures', JSON.stringify(figures));
    expect(figures).toEqual({
      sent: [R * D, R * D],
      droppedWithout: R * D - 3 * B + USERS * CLIENT_SYNS,
      cookiesWithout: 0,
      droppedWith: 0,
      cookiesWith: R * D - 3 * B + USERS,
      fromCookies: USERS,
      visitsWithout: [USERS, USERS, 0],
      visitsWith: [USERS, 0, USERS],
    });
  });

  it('lets the office give up at 128 s, and answers it through cookies within 25 ms of 5 s', () => {
    // The users of the office's first app (`http/u1` ...), which visits the server without cookies.
    const failed = ofType('app.error').filter(
      (r) => r.node === 'office' && r.app.startsWith('http/'),
    );
    expect(failed.map((r) => [r.t / NS_PER_S, r.error])).toEqual(
      Array.from({ length: USERS }, () => [128, 'ETIMEDOUT']),
    );
    const answered = ofType('http.response').filter((r) => r.node === 'office');
    expect(answered).toHaveLength(USERS);
    // Two round trips of 2 × (2 + 1) ms and the server's work took under 20 ms; the office's
    // first packet also waits for its ARP exchange with the router, 2 × (2 ms + 5.12 us) =
    // 4.01024 ms (the router already knows web2's MAC from the flood it forwards).
    for (const r of answered) expect(r.t).toBeLessThan(5 * NS_PER_S + 25 * NS_PER_MS);
    const fromCookies = ofType('tcp.cookieAck');
    expect(fromCookies.map((r) => r.node)).toEqual(Array(USERS).fill('web2'));
    expect(fromCookies.every(office)).toBe(true);
  });

  it("answers with cookies only while the queue is full, and with the flood's MSS", () => {
    const cookies = ofType('tcp.synCookie');
    expect((cookies[0]?.t ?? 0) / NS_PER_S).toBeCloseTo(2.611, 3);
    expect(new Set(cookies.map((r) => r.mss))).toEqual(new Set([1460]));
    // Each cookie is a SYN-ACK on the wire whose sequence number is the cookie, sent then (or
    // once the packet before it has left the interface).
    const synAcks = new Map<number, number>();
    for (const r of ofType('link.txBegin').filter(carriesIp))
      if (r.node === 'web2' && r.packet.transport.kind === 'tcp' && r.packet.transport.flags.syn)
        synAcks.set(r.packet.transport.seq, r.t);
    for (const c of cookies) {
      const sent = synAcks.get(c.cookie) ?? -1;
      expect(sent - c.t).toBeGreaterThanOrEqual(0);
      expect(sent - c.t).toBeLessThan(NS_PER_MS);
    }
  });
});

describe('a SYN flood from the node’s own address', () => {
  it('never fills the queue: the attacker’s own TCP resets every half-open connection', () => {
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'unspoofed',
      until: '3s',
      nodes: [
        { id: 'a', role: 'client', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }] },
        {
          id: 's',
          role: 'server',
          interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
          tcp: { synBacklog: 4 },
          apps: [{ type: 'sink' }],
        },
      ],
      links: [{ id: 'l', a: 'a', b: 's', latency: '5ms', bandwidth: '100Mbps' }],
      events: [
        {
          at: '1s',
          type: 'synFlood',
          node: 'a',
          target: 's',
          port: 5001,
          rate: 100,
          duration: '1s',
        },
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const flooded = runScenario(result.scenario);
    const trace = flooded.simulation.sim.trace;
    expect(trace.ofType('tcp.synQueueFull')).toEqual([]);
    // 100 SYNs: each SYN-ACK reaches the attacker 10 ms after its SYN left, and its TCP, which
    // has no socket for it, answers with RST, which frees the server's slot 5 ms later.
    expect(trace.ofType('tcp.refused').filter((r) => r.node === 'a')).toHaveLength(100);
    const synReceived = trace
      .ofType('socket.state')
      .filter((r) => r.node === 's' && r.state === 'SYN-RECEIVED');
    expect(synReceived).toHaveLength(100);
    const floods = (flooded.summary.actions?.synFlood ?? []) as SynFloodFigures[];
    expect(floods.map((f) => [f.sent, f.spoofFrom, f.dropped])).toEqual([[100, '', 0]]);
  });
});

describe('the synFlood action’s checks', () => {
  it('refuses a flood of more than a million SYNs, naming the rate', () => {
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'too many',
      nodes: [{ id: 'a', role: 'client', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }] }],
      links: [],
      events: [
        { at: '1s', type: 'synFlood', node: 'a', target: 'a', rate: 100000, duration: '11s' },
      ],
    });
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.message])).toEqual([
      [
        '$.events[0].rate',
        'this flood would send 1100000 SYNs, more than 1000000: lower its rate or its duration',
      ],
    ]);
  });
});
