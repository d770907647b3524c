// Fidelity against a real dissector: our packets, written to a pcap, must be read by tshark with
// every frame parsed, every checksum good, no warnings or errors, and the fields we built.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LINKTYPE_IPV4, writePcap } from '../../src/net/capture/pcapWriter.ts';
import { portUnreachable, timeExceeded } from '../../src/net/wire/icmpErrors.ts';
import { parseIpv4 } from '../../src/net/wire/ipv4Address.ts';
import { ipv4Header, tcpFlags } from '../../src/net/wire/packet.ts';
import type { Packet, TcpFlags } from '../../src/net/wire/packet.ts';
import { encodePacket } from '../../src/net/wire/packetCodec.ts';
import type { TcpOption } from '../../src/net/wire/tcpOptions.ts';
import { expectClean, fields, tshark, VALIDATE } from '../support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EPOCH = 1_700_000_000;
const MS = 1_000_000;

type Frame = [timeNs: number, packet: Packet];

function writeCapture(name: string, frames: Frame[], linkType?: number): string {
  const file = join(dir, name);
  const records = frames.map(([timeNs, packet]) => ({ timeNs, bytes: encodePacket(packet) }));
  writeFileSync(file, writePcap(records, { epochSeconds: EPOCH, linkType }));
  return file;
}

// --- The traffic: a client fetches a page over HTTP/1.1 ---

function address(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

const CLIENT = address('10.0.0.2');
const SERVER = address('10.0.0.1');
const CLIENT_PORT = 49152;
const C = 1_000_000; // client ISN
const S = 0xffffff00; // server ISN, close to 2^32 so its sequence numbers wrap mid-response

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const REQUEST = text('GET /index.html HTTP/1.1\r\nHost: 10.0.0.1\r\nAccept: */*\r\n\r\n');
const BODY = `<!doctype html><title>Handshake</title><p>${'hello, client! '.repeat(20)}</p>\n`;
const RESPONSE = text(
  `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`,
);
const REQ = REQUEST.length;
const RSP = RESPONSE.length;
const FIRST = 200; // the response goes out in two segments: FIRST bytes, then the rest

let nextId = 1;
const ipIds = new Map<number, number>();

/** An IP header from `src`, whose identification counts up per host as Linux's does per flow. */
function ip(src: number, dst: number, dontFragment = true): Packet['ip'] {
  const identification = ipIds.get(src) ?? 0x1000;
  ipIds.set(src, identification + 1);
  return ipv4Header({ src, dst, identification, dontFragment });
}

/** A segment as a ladder-diagram row: ms, sender, absolute seq and ack, flags, payload. */
type Segment = [
  ms: number,
  from: 'C' | 'S',
  seq: number,
  ack: number,
  flags: string,
  data?: Uint8Array,
];

const FLAG: Record<string, keyof TcpFlags> = { S: 'syn', A: 'ack', P: 'psh', F: 'fin' };

/**
 * Turns ladder rows into packets the way Linux fills them in: the SYNs carry MSS, SACK permitted,
 * timestamps, NOP and window scale 7; every later segment carries NOP, NOP, timestamps (RFC 7323),
 * each side's TSval ticking once per ms and echoing the last TSval it received.
 */
function tcpFrames(rows: Segment[]): Frame[] {
  const lastTsval = { C: 0, S: 0 };
  return rows.map(([ms, from, seq, ack, letters, data]) => {
    const client = from === 'C';
    const tsval = (client ? 1000 : 7000) + Math.floor(ms);
    const tsecr = lastTsval[client ? 'S' : 'C'];
    lastTsval[from] = tsval;
    const flags = tcpFlags(Object.fromEntries([...letters].map((l) => [FLAG[l], true])));
    const timestamps: TcpOption = { kind: 'timestamps', value: tsval, echoReply: tsecr };
    const options: TcpOption[] = flags.syn
      ? [{ kind: 'mss', value: 1460 }, { kind: 'sackPermitted' }, timestamps]
      : [{ kind: 'nop' }, { kind: 'nop' }, timestamps];
    if (flags.syn) options.push({ kind: 'nop' }, { kind: 'windowScale', shift: 7 });
    const packet: Packet = {
      id: nextId++,
      ip: client ? ip(CLIENT, SERVER) : ip(SERVER, CLIENT),
      transport: {
        kind: 'tcp',
        srcPort: client ? CLIENT_PORT : 80,
        dstPort: client ? 80 : CLIENT_PORT,
        seq: seq >>> 0,
        ack: ack >>> 0,
        flags,
        window: flags.syn ? (client ? 64240 : 65160) : client ? 502 : 509,
        urgentPointer: 0,
        options,
      },
      payload: data ?? new Uint8Array(0),
    };
    return [Math.round(ms * MS), packet];
  });
}

// Sequence arithmetic (RFC 9293 3.4): SYN and FIN each take one sequence number, data its length.
const HANDSHAKE_AND_REQUEST: Segment[] = [
  [0, 'C', C, 0, 'S'],
  [5, 'S', S, C + 1, 'SA'],
  [10, 'C', C + 1, S + 1, 'A'],
  [10.1, 'C', C + 1, S + 1, 'PA', REQUEST],
];
const RESPONSE_AND_CLOSE: Segment[] = [
  [15.1, 'S', S + 1, C + 1 + REQ, 'A'],
  [15.3, 'S', S + 1, C + 1 + REQ, 'A', RESPONSE.subarray(0, FIRST)],
  [15.4, 'S', S + 1 + FIRST, C + 1 + REQ, 'PA', RESPONSE.subarray(FIRST)],
  [20.4, 'C', C + 1 + REQ, S + 1 + RSP, 'A'],
  [20.5, 'C', C + 1 + REQ, S + 1 + RSP, 'FA'],
  [25.5, 'S', S + 1 + RSP, C + 2 + REQ, 'FA'],
  [30.5, 'C', C + 2 + REQ, S + 2 + RSP, 'A'],
];

/** A DNS query for example.com (RFC 1035 4.1): id 0x1234, RD set, one question, type A, class IN. */
const DNS_QUERY = Uint8Array.from([
  ...[0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0],
  ...[7, ...text('example'), 3, ...text('com'), 0],
  ...[0, 1, 0, 1],
]);

/** After the HTTP exchange: a DNS query nobody answers, echo, and a traceroute-style probe. */
function datagrams(): Frame[] {
  const udp = (dst: string, srcPort: number, dstPort: number, payload: Uint8Array): Packet => ({
    id: nextId++,
    ip: ip(CLIENT, address(dst), false),
    transport: { kind: 'udp', srcPort, dstPort },
    payload,
  });
  const dns = udp('10.0.0.53', 53000, 53, DNS_QUERY);
  const probe = udp('192.0.2.1', 40000, 33434, new Uint8Array(32));
  probe.ip.ttl = 1;
  const echo = (request: boolean): Packet => ({
    id: nextId++,
    ip: request ? ip(CLIENT, SERVER) : ip(SERVER, CLIENT, false),
    transport: {
      kind: 'icmp',
      message: request ? 'echoRequest' : 'echoReply',
      identifier: 0x4242,
      sequence: 1,
    },
    payload: text('abcdefghijklmnopqrstuvwabcdefghi'),
  });
  return [
    [40 * MS, dns],
    [40.2 * MS, portUnreachable(dns, { id: nextId++, src: address('10.0.0.53') })],
    [50 * MS, echo(true)],
    [50.1 * MS, echo(false)],
    [60 * MS, probe],
    [60.5 * MS, timeExceeded(probe, { id: nextId++, src: address('10.0.0.254'), ttl: 255 })],
  ];
}

// --- The checks ---

describe('tshark reads our pcaps', () => {
  it('has tshark installed', () => {
    expect(tshark(['--version'])).toMatch(/TShark/);
  });

  const frames = [...tcpFrames([...HANDSHAKE_AND_REQUEST, ...RESPONSE_AND_CLOSE]), ...datagrams()];
  const file = writeCapture('conversation.pcap', frames);

  it('parses every frame as raw IP, with nanosecond timestamps', () => {
    const rows = fields(file, 'frame.number frame.time_epoch frame.len ip.len');
    expect(rows.map((r) => r['frame.number'])).toEqual(frames.map((_, i) => String(i + 1)));
    expect(rows[3]?.['frame.time_epoch']).toBe(`${EPOCH}.010100000`);
    for (const [i, row] of rows.entries()) {
      const length = String(encodePacket((frames[i] as Frame)[1]).length);
      expect([row['frame.len'], row['ip.len']?.split(',')[0]]).toEqual([length, length]);
    }
    expect(tshark(['-r', file, '-V', '-c', '1'])).toMatch(/Encapsulation type: Raw IP \(7\)/);
  });

  it('finds no malformed packet and no expert warning or error', () => {
    expectClean(file);
  });

  it('reports every checksum good when validation is on', () => {
    const rows = fields(
      file,
      'ip.proto ip.checksum.status tcp.checksum.status udp.checksum.status icmp.checksum.status',
    );
    // 1 is PROTO_CHECKSUM_E_GOOD and 2 PROTO_CHECKSUM_E_UNVERIFIED (epan/proto.h).
    for (const row of rows) {
      for (const status of (row['ip.checksum.status'] ?? '').split(',')) expect(status).toBe('1');
      const protocol = row['ip.proto']?.split(',')[0];
      if (protocol === '6') expect(row['tcp.checksum.status']).toBe('1');
      if (protocol === '17') expect(row['udp.checksum.status']).toBe('1');
      if (protocol === '1') {
        expect(row['icmp.checksum.status']).toBe('1');
        // An ICMP error quotes only 8 bytes of the UDP datagram, too few to verify its checksum.
        expect(['', '2']).toContain(row['udp.checksum.status']);
      }
    }
  });

  it('dissects the TCP conversation as built: ports, flags, relative and raw seq/ack', () => {
    const names = 'tcp.srcport tcp.dstport tcp.flags tcp.seq tcp.ack tcp.len tcp.hdr_len';
    const rows = fields(file, `${names} tcp.seq_raw tcp.ack_raw tcp.window_size`).slice(0, 11);
    // Relative numbers count from each side's ISN: its SYN is 0, its first data byte 1, and its
    // FIN takes the number after its data. Flags are RFC 9293's bits: FIN 0x01, SYN 0x02,
    // PSH 0x08, ACK 0x10. Headers are 20 bytes plus 20 of SYN options or 12 of timestamps.
    const row = (from: 'C' | 'S', flags: number, seq: number, ack: number, len = 0): string[] => {
      const ports = from === 'C' ? [CLIENT_PORT, 80] : [80, CLIENT_PORT];
      const header = flags & 0x02 ? 40 : 32;
      const hexFlags = `0x${flags.toString(16).padStart(4, '0')}`;
      return [...ports.map(String), hexFlags, ...[seq, ack, len, header].map(String)];
    };
    expect(rows.map((r) => names.split(' ').map((name) => r[name]))).toEqual([
      row('C', 0x02, 0, 0),
      row('S', 0x12, 0, 1),
      row('C', 0x10, 1, 1),
      row('C', 0x18, 1, 1, REQ),
      row('S', 0x10, 1, 1 + REQ),
      row('S', 0x10, 1, 1 + REQ, FIRST),
      row('S', 0x18, 1 + FIRST, 1 + REQ, RSP - FIRST),
      row('C', 0x10, 1 + REQ, 1 + RSP),
      row('C', 0x11, 1 + REQ, 1 + RSP),
      row('S', 0x11, 1 + RSP, 2 + REQ),
      row('C', 0x10, 2 + REQ, 2 + RSP),
    ]);
    // Raw numbers, the server's wrapping past 2^32 during the response.
    const raw = rows.map((r) => [r['tcp.seq_raw'], r['tcp.ack_raw']].map(Number));
    expect(raw.slice(0, 2)).toEqual([
      [C, 0],
      [S, C + 1],
    ]);
    expect(raw[9]).toEqual([(S + 1 + RSP) % 2 ** 32, C + 2 + REQ]);
    // Window scale 7 on both SYNs: the client's 502 means 502 * 128 bytes (RFC 7323 2.3).
    expect(rows[2]?.['tcp.window_size']).toBe(String(502 * 128));
  });

  it('dissects the SYN options: MSS, SACK permitted, timestamps, NOP, window scale', () => {
    const [syn, synAck, ack] = fields(
      file,
      'tcp.option_kind tcp.options.mss_val tcp.options.wscale.shift tcp.options.timestamp.tsval tcp.options.timestamp.tsecr',
    );
    // Option kinds (IANA): 2 MSS, 4 SACK permitted, 8 timestamps, 1 NOP, 3 window scale.
    expect(syn).toEqual({
      'tcp.option_kind': '2,4,8,1,3',
      'tcp.options.mss_val': '1460',
      'tcp.options.wscale.shift': '7',
      'tcp.options.timestamp.tsval': '1000',
      'tcp.options.timestamp.tsecr': '0',
    });
    expect(synAck?.['tcp.options.timestamp.tsecr']).toBe('1000');
    expect(ack?.['tcp.option_kind']).toBe('1,1,8');
  });

  it('dissects the HTTP request line and the response', () => {
    const verbose = tshark(['-r', file, ...VALIDATE, '-V']);
    expect(verbose).toContain('GET /index.html HTTP/1.1\\r\\n');
    expect(verbose).toContain('HTTP/1.1 200 OK\\r\\n');
    const rows = fields(
      file,
      'http.request.method http.request.uri http.request.version http.host http.response.code http.content_length',
    );
    expect(rows[3]).toMatchObject({
      'http.request.method': 'GET',
      'http.request.uri': '/index.html',
      'http.request.version': 'HTTP/1.1',
      'http.host': '10.0.0.1',
    });
    // The response is reassembled from frames 6 and 7 and dissected in the last of them.
    expect(rows[6]).toMatchObject({
      'http.response.code': '200',
      'http.content_length': String(BODY.length),
    });
  });

  it('dissects the UDP datagram, the Port Unreachable about it, echo and Time Exceeded', () => {
    const rows = fields(
      file,
      'ip.src ip.dst udp.srcport udp.dstport udp.length dns.qry.name icmp.type icmp.code icmp.ident icmp.seq',
    ).slice(11);
    const [dns, unreachable, request, reply, probe, exceeded] = rows;
    expect(dns).toMatchObject({
      'ip.dst': '10.0.0.53',
      'udp.srcport': '53000',
      'udp.dstport': '53',
      'udp.length': String(8 + DNS_QUERY.length),
      'dns.qry.name': 'example.com',
    });
    // RFC 792: type 3 code 3, quoting the datagram's IP header (outer then inner addresses).
    expect(unreachable).toMatchObject({
      'ip.src': '10.0.0.53,10.0.0.2',
      'ip.dst': '10.0.0.2,10.0.0.53',
      'icmp.type': '3',
      'icmp.code': '3',
      'udp.dstport': '53',
    });
    const echo = { 'icmp.code': '0', 'icmp.ident': String(0x4242), 'icmp.seq': '1' };
    expect(request).toMatchObject({ ...echo, 'icmp.type': '8' });
    expect(reply).toMatchObject({ ...echo, 'icmp.type': '0' });
    expect(probe).toMatchObject({ 'udp.dstport': '33434' });
    expect(exceeded).toMatchObject({
      'ip.src': '10.0.0.254,10.0.0.2',
      'icmp.type': '11',
      'icmp.code': '0',
      'udp.dstport': '33434',
    });
  });

  it('reads the same packets written with LINKTYPE_IPV4', () => {
    const ipv4 = writeCapture('ipv4.pcap', frames, LINKTYPE_IPV4);
    expect(tshark(['-r', ipv4, '-V', '-c', '1'])).toMatch(/Encapsulation type: Raw IPv4/);
    expect(fields(ipv4, 'frame.number')).toHaveLength(frames.length);
    expectClean(ipv4);
  });
});

describe('tshark analyses TCP across frames', () => {
  it('flags a retransmitted segment as a retransmission', () => {
    // The request gets no ACK; after Linux's minimum RTO of 200 ms the client sends it again.
    const file = writeCapture(
      'retransmission.pcap',
      tcpFrames([
        ...HANDSHAKE_AND_REQUEST,
        [210.1, 'C', C + 1, S + 1, 'PA', REQUEST],
        [215.1, 'S', S + 1, C + 1 + REQ, 'A'],
      ]),
    );
    const retransmissions = fields(file, 'frame.number tcp.analysis.retransmission tcp.seq tcp.len')
      .filter((r) => r['tcp.analysis.retransmission'] !== '')
      .map((r) => [r['frame.number'], r['tcp.seq'], r['tcp.len']]);
    expect(retransmissions).toEqual([['5', '1', String(REQ)]]);
    expect(tshark(['-r', file, '-q', '-z', 'expert'])).toMatch(
      /^Notes \(1\)[\s\S]*This frame is a \(suspected\) retransmission/m,
    );
    expectClean(file);
  });
});
