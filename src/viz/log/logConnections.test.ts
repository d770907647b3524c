// The event log's connection filter on a hand-built trace: which records belong to which
// conversation (worked out by hand below), how conversations are named and offered, and the
// conversation of what is selected elsewhere on the page.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { portUnreachable } from '../../net/wire/icmpErrors.ts';
import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import { ipv4Header, tcpFlags, type Packet, type Transport } from '../../net/wire/packet.ts';
import { validateScenario } from '../../sim/index.ts';
import { networkNames } from '../names/index.ts';
import { connectionChoices, connectionLabel, selectedConnection } from './connectionChoices.ts';
import { NO_FILTER, filterEntries, logConnections, type LogFilter } from './logFilter.ts';
import { FilteredLog } from './logView.ts';
import { LogStore } from './logStore.ts';
import { recordList } from '../../engine/traceRecords.ts';

const LAPTOP = '10.0.0.1';
const WEB = '10.0.0.2';

function address(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.address;
}
function packet(id: number, src: string, dst: string, transport: Transport): Packet {
  return {
    id,
    ip: ipv4Header({ src: address(src), dst: address(dst) }),
    transport,
    payload: new Uint8Array(0),
  };
}
const tcp = (srcPort: number, dstPort: number): Transport => ({
  kind: 'tcp',
  srcPort,
  dstPort,
  seq: 1000,
  ack: 0,
  flags: tcpFlags({ syn: true }),
  window: 65535,
  urgentPointer: 0,
  options: [],
});
const udp = (srcPort: number, dstPort: number): Transport => ({ kind: 'udp', srcPort, dstPort });
const echo = (message: 'echoRequest' | 'echoReply'): Transport => ({
  kind: 'icmp',
  message,
  identifier: 7,
  sequence: 1,
});

const link = { link: 'l1', iface: 'eth0' };
const syn1 = packet(1, LAPTOP, WEB, tcp(49152, 80));
const syn2 = packet(2, LAPTOP, WEB, tcp(49153, 80));
const request = packet(3, LAPTOP, WEB, udp(5000, 7));
const reply = packet(4, WEB, LAPTOP, udp(7, 5000));
const toClosed = packet(5, LAPTOP, WEB, udp(5001, 9));
const unreachable = portUnreachable(toClosed, { id: 6, src: address(WEB) });
const ping = packet(7, LAPTOP, WEB, echo('echoRequest'));
const pong = packet(8, WEB, LAPTOP, echo('echoReply'));
const A = '10.0.0.1:49152>10.0.0.2:80';

/** Each record, and (in the comment) the conversation it belongs to, worked out by hand. */
const records: TraceRecord[] = [
  { t: 0, type: 'sim.start', scenario: 'hand', seed: 1 }, // 0: none
  { t: 1, type: 'socket.state', node: 'laptop', conn: A, state: 'SYN-SENT' }, // 1: A
  { t: 1, type: 'link.txBegin', ...link, node: 'laptop', pkt: 1, bytes: 60, packet: syn1 }, // 2: A
  { t: 2, type: 'link.txEnd', ...link, node: 'laptop', pkt: 1 }, // 3: A
  { t: 3, type: 'link.rx', ...link, node: 'web', pkt: 1, packet: syn1 }, // 4: A
  { t: 3, type: 'ip.deliver', node: 'web', iface: 'eth0', pkt: 1, protocol: 6 }, // 5: A
  {
    t: 3,
    type: 'socket.state',
    node: 'web',
    conn: '10.0.0.2:80>10.0.0.1:49152',
    state: 'SYN-RECEIVED',
  }, // 6: A
  { t: 3, type: 'socket.state', node: 'web', conn: '*:80', state: 'LISTEN' }, // 7: none
  { t: 4, type: 'link.txBegin', ...link, node: 'laptop', pkt: 2, bytes: 60, packet: syn2 }, // 8: B
  { t: 5, type: 'link.lost', ...link, node: 'laptop', pkt: 2, reason: 'loss' }, // 9: B
  {
    t: 6,
    type: 'tcp.retransmit',
    node: 'laptop',
    conn: '10.0.0.1:49153>10.0.0.2:80',
    seq: 1000,
    bytes: 0,
    reason: 'timeout',
  }, // 10: B
  {
    t: 7,
    type: 'http.request',
    node: 'laptop',
    app: 'http',
    conn: '49152>10.0.0.2:80',
    req: 1,
    method: 'GET',
    target: '/',
  }, // 11: A (the client's form: its port, then the server)
  {
    t: 8,
    type: 'server.request',
    node: 'web',
    app: 'web',
    conn: '10.0.0.1:49152',
    req: 1,
    label: 'GET /',
  }, // 12: A (the server's form: the client's end)
  { t: 8, type: 'server.work', node: 'web', app: 'web', req: 1, worker: 'w1', job: 'j1' }, // 13: A
  { t: 8, type: 'cpu.dispatch', node: 'web', core: 0, job: 'j1', remaining: 5 }, // 14: none
  { t: 9, type: 'socket.bind', node: 'laptop', protocol: 'udp', port: 5000 }, // 15: none
  { t: 9, type: 'link.txBegin', ...link, node: 'laptop', pkt: 3, bytes: 40, packet: request }, // 16: C
  {
    t: 9,
    type: 'app.request',
    node: 'laptop',
    app: 'pinger',
    peer: WEB,
    seq: 1,
    attempt: 0,
    pkt: 3,
  }, // 17: C
  { t: 10, type: 'link.rx', ...link, node: 'web', pkt: 3, packet: request }, // 18: C
  {
    t: 10,
    type: 'app.receive',
    node: 'web',
    app: 'echo',
    client: '10.0.0.1:5000',
    seq: 1,
    attempt: 0,
    waiting: 1,
  }, // 19: C
  { t: 11, type: 'link.txBegin', ...link, node: 'web', pkt: 4, bytes: 40, packet: reply }, // 20: C
  { t: 12, type: 'app.reply', node: 'laptop', app: 'pinger', seq: 1, attempt: 0, rtt: 3 }, // 21: C
  { t: 13, type: 'link.txBegin', ...link, node: 'laptop', pkt: 5, bytes: 40, packet: toClosed }, // 22: D
  { t: 14, type: 'link.txBegin', ...link, node: 'web', pkt: 6, bytes: 68, packet: unreachable }, // 23: D
  { t: 15, type: 'link.txBegin', ...link, node: 'laptop', pkt: 7, bytes: 28, packet: ping }, // 24: E
  { t: 16, type: 'link.txBegin', ...link, node: 'web', pkt: 8, bytes: 28, packet: pong }, // 25: E
  {
    t: 17,
    type: 'http.failure',
    node: 'laptop',
    app: 'http',
    req: 2,
    target: '/',
    error: 'ECONNRESET',
    again: false,
  }, // 26: none (the trace does not say on which connection)
  {
    t: 18,
    type: 'tcp.cwnd',
    node: 'laptop',
    conn: A,
    cwnd: 2920,
    ssthresh: 65535,
    cause: 'slowStart',
  }, // 27: A
];

const BY_HAND = {
  A: [1, 2, 3, 4, 5, 6, 11, 12, 13, 27],
  B: [8, 9, 10],
  C: [16, 17, 18, 19, 20, 21],
  D: [22, 23],
  E: [24, 25],
};

const KEYS = {
  A: 'tcp 10.0.0.1:49152|10.0.0.2:80',
  B: 'tcp 10.0.0.1:49153|10.0.0.2:80',
  C: 'udp 10.0.0.1:5000|10.0.0.2:7',
  D: 'udp 10.0.0.1:5001|10.0.0.2:9',
  E: 'icmp 10.0.0.1|10.0.0.2 #7',
};

const entries = records.map((r, index) => ({ index, t: r.t }));
const kept = (filter: Partial<LogFilter>) =>
  filterEntries(entries, recordList(records), { ...NO_FILTER, ...filter }).map((e) => e.index);

const names = (() => {
  const result = validateScenario({
    format: 'handshake/scenario@1',
    name: 'Two hosts',
    nodes: [
      {
        id: 'laptop',
        role: 'client',
        label: 'Laptop',
        interfaces: [{ name: 'eth0', address: `${LAPTOP}/24` }],
      },
      {
        id: 'web',
        role: 'server',
        label: 'Web server',
        interfaces: [{ name: 'eth0', address: `${WEB}/24` }],
      },
    ],
    links: [],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return networkNames(result.scenario.nodes);
})();

describe('the conversations of a trace', () => {
  it('lists each conversation once, in the order it began, opener first', () => {
    const list = logConnections(recordList(records));
    expect(list.map((c) => c.key)).toEqual(Object.values(KEYS));
    expect(list.map((c) => c.first)).toEqual([1, 4, 9, 13, 15]);
    expect(list.map((c) => c.protocol)).toEqual(['tcp', 'tcp', 'udp', 'udp', 'icmp']);
    expect(list[0]?.ends).toEqual([
      { address: LAPTOP, port: 49152 },
      { address: WEB, port: 80 },
    ]);
  });

  it('keeps, for a chosen conversation, exactly the records tied to it', () => {
    for (const [name, key] of Object.entries(KEYS)) {
      expect(kept({ connection: key }), name).toEqual(BY_HAND[name as keyof typeof BY_HAND]);
    }
    expect(kept({ connection: 'tcp 10.0.0.9:1|10.0.0.2:80' })).toEqual([]);
  });

  it('combines with the other filters', () => {
    expect(kept({ connection: KEYS.A, node: 'web' })).toEqual([4, 5, 6, 12, 13]);
    expect(kept({ connection: KEYS.A, protocol: 'app' })).toEqual([11, 12, 13]);
    // The pinger's request and reply are packets too (pingEchoView's log groups).
    expect(kept({ connection: KEYS.C, node: 'laptop', group: 'packets' })).toEqual([16, 17, 21]);
    expect(kept({ connection: KEYS.C, node: 'web', protocol: 'udp' })).toEqual([18, 20]);
  });

  it('names the opener as the end that sent the SYN, when the server’s socket is seen first', () => {
    const accepted: TraceRecord[] = [
      {
        t: 1,
        type: 'socket.state',
        node: 'web',
        conn: '10.0.0.2:80>10.0.0.1:49152',
        state: 'SYN-RECEIVED',
      },
    ];
    const [only] = logConnections(recordList(accepted));
    expect(only?.key).toBe(KEYS.A);
    expect(only && connectionLabel(only, names)).toBe('Laptop :49152 ⇄ Web server :80 (TCP)');
  });

  it('grows with the trace, reading only the new records', () => {
    const growing = records.slice(0, 10);
    const growingList = recordList(growing);
    const list = logConnections(growingList);
    expect(list.map((c) => c.key)).toEqual([KEYS.A, KEYS.B]);
    growing.push(...records.slice(10));
    expect(logConnections(growingList)).toBe(list);
    expect(list.length).toBe(5);
  });

  it('filters a growing narration as one pass would', () => {
    const growing = records.slice(0, 12);
    const growingList = recordList(growing);
    const log = new LogStore(4);
    const tell = (n: number) => {
      for (let i = log.length; i < n; i++) log.push(records[i]!.t, 'send', records[i]!.type);
    };
    const filter = { ...NO_FILTER, connection: KEYS.A };
    const list = new FilteredLog({ filter, details: true, search: '' }, growingList);
    tell(12);
    list.update(log);
    expect(list.shownIndices()).toEqual([1, 2, 3, 4, 5, 6, 11]);
    growing.push(...records.slice(12));
    tell(records.length);
    list.update(log);
    expect(list.shownIndices()).toEqual(BY_HAND.A);
  });
});

describe('the connection filter’s choices', () => {
  const list = logConnections(recordList(records));

  it('names each conversation by its ends’ nodes and ports', () => {
    expect(list.map((c) => connectionLabel(c, names))).toEqual([
      'Laptop :49152 ⇄ Web server :80 (TCP)',
      'Laptop :49153 ⇄ Web server :80 (TCP)',
      'Laptop :5000 ⇄ Web server :7 (UDP)',
      'Laptop :5001 ⇄ Web server :9 (UDP)',
      'Laptop ⇄ Web server (ICMP echo, id 7)',
    ]);
  });

  it('names an address no node owns by the address', () => {
    const stranger = {
      ...list[0]!,
      ends: [{ address: '192.0.2.9', port: 4000 }, list[0]!.ends[1]] as const,
    };
    expect(connectionLabel(stranger, names)).toBe('192.0.2.9:4000 ⇄ Web server :80 (TCP)');
  });

  it('offers the conversations matching every typed word, at most `limit`', () => {
    const keys = (query: string, limit = 100, selected: string | null = null) =>
      connectionChoices(list, names, query, limit, selected);
    expect(keys('udp').choices.map((c) => c.key)).toEqual([KEYS.C, KEYS.D]);
    expect(keys('49153').choices.map((c) => c.key)).toEqual([KEYS.B]);
    expect(keys('web TCP :80').matched).toBe(2);
    expect(keys('10.0.0.1:5001').choices.map((c) => c.key)).toEqual([KEYS.D]);
    const few = keys('', 2);
    expect([few.total, few.matched, few.choices.length]).toEqual([5, 5, 2]);
    // The chosen conversation stays a choice even when it is not among the first few.
    expect(keys('', 2, KEYS.E).choices.map((c) => c.key)).toEqual([KEYS.E, KEYS.A, KEYS.B]);
    expect(keys('nothing like this').choices).toEqual([]);
  });
});

describe('the conversation of what is selected on the page', () => {
  it('is a TCP socket’s connection, seen from either end, or a packet’s conversation', () => {
    const at = (selection: Parameters<typeof selectedConnection>[0]) =>
      selectedConnection(selection, recordList(records));
    expect(at({ kind: 'connection', node: 'web', conn: '10.0.0.2:80>10.0.0.1:49152' })).toBe(
      KEYS.A,
    );
    expect(at({ kind: 'connection', node: 'laptop', conn: A })).toBe(KEYS.A);
    expect(at({ kind: 'packet', pkt: 2, link: 'l1' })).toBe(KEYS.B);
    expect(at({ kind: 'packet', pkt: 6, link: null })).toBe(KEYS.D);
    expect(at({ kind: 'connection', node: 'web', conn: '*:80' })).toBeNull();
    expect(at({ kind: 'node', node: 'web' })).toBeNull();
    expect(at(null)).toBeNull();
  });
});
