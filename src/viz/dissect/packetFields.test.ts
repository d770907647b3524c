// Packet dissection: field offsets against the RFC 791/9293/768/792 layouts, values against
// decodePacket, a published tcpdump SYN, relative sequence numbers and payload text.
import { describe, expect, it } from 'vitest';
import { readU16, readU32 } from '../../net/wire/bytes.ts';
import { portUnreachable } from '../../net/wire/icmpErrors.ts';
import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import { ipv4Header, tcpFlags, type Packet, type Transport } from '../../net/wire/packet.ts';
import { decodePacket, encodePacket } from '../../net/wire/packetCodec.ts';
import {
  dissectBytes,
  dissectPacket,
  fieldAtByte,
  fieldBits,
  flattenFields,
  hexRows,
  payloadText,
  type PacketDissection,
  type PacketField,
} from './packetFields.ts';

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

function packet(transport: Transport, payload = new Uint8Array(0), ttl = 61): Packet {
  return {
    id: 1,
    ip: ipv4Header({ src: ip('10.0.1.10'), dst: ip('10.0.2.20'), ttl }),
    transport,
    payload,
  };
}

const SYN: Transport = {
  kind: 'tcp',
  srcPort: 59820,
  dstPort: 5001,
  seq: 4264223101,
  ack: 0,
  flags: tcpFlags({ syn: true }),
  window: 65535,
  urgentPointer: 0,
  options: [{ kind: 'mss', value: 1460 }],
};

function hex(text: string): Uint8Array {
  return Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (p) => parseInt(p, 16));
}

function byId(d: PacketDissection, id: string): PacketField {
  const row = flattenFields(d.layers).find((r) => r.field.id === id);
  if (!row) throw new Error(`no field ${id}`);
  return row.field;
}

/** [id, offset, length, bits] as the RFC header diagrams place each field. */
const IPV4_LAYOUT: [string, number, number, [number, number]?][] = [
  ['ip.version', 0, 1, [0, 4]],
  ['ip.ihl', 0, 1, [4, 4]],
  ['ip.dscp', 1, 1, [0, 6]],
  ['ip.ecn', 1, 1, [6, 2]],
  ['ip.totalLength', 2, 2],
  ['ip.identification', 4, 2],
  ['ip.flags', 6, 2, [0, 3]],
  ['ip.fragmentOffset', 6, 2, [3, 13]],
  ['ip.ttl', 8, 1],
  ['ip.protocol', 9, 1],
  ['ip.checksum', 10, 2],
  ['ip.src', 12, 4],
  ['ip.dst', 16, 4],
];
const TCP_LAYOUT: [string, number, number, [number, number]?][] = [
  ['tcp.srcPort', 20, 2],
  ['tcp.dstPort', 22, 2],
  ['tcp.seq', 24, 4],
  ['tcp.ack', 28, 4],
  ['tcp.dataOffset', 32, 1, [0, 4]],
  ['tcp.flags', 33, 1],
  ['tcp.window', 34, 2],
  ['tcp.checksum', 36, 2],
  ['tcp.urgentPointer', 38, 2],
];

function expectLayout(d: PacketDissection, layout: typeof IPV4_LAYOUT) {
  for (const [id, offset, length, bits] of layout) {
    const f = byId(d, id);
    expect({ id, offset: f.offset, length: f.length }).toEqual({ id, offset, length });
    expect(f.bits ? [f.bits.first, f.bits.count] : undefined).toEqual(bits);
    expect(f.raw).toBe(fieldBits(d.bytes, f));
  }
}

describe('dissectPacket: IPv4 and TCP', () => {
  const p = packet(SYN);
  const d = dissectPacket(p);
  const decoded = decodePacket(d.bytes, 1);
  if (!decoded.ok) throw new Error(decoded.error);
  const { wire } = decoded;

  it('places every field where RFC 791 and RFC 9293 put it', () => {
    expectLayout(d, IPV4_LAYOUT);
    expectLayout(d, TCP_LAYOUT);
  });

  it('reads the values decodePacket reads', () => {
    expect(d.bytes).toEqual(encodePacket(p));
    expect(byId(d, 'ip.version').raw).toBe(4);
    expect(byId(d, 'ip.ihl').raw).toBe(wire.ipHeaderLength / 4);
    expect(byId(d, 'ip.totalLength').raw).toBe(wire.totalLength);
    expect(byId(d, 'ip.ttl')).toMatchObject({ raw: 61, value: '61' });
    expect(byId(d, 'ip.protocol')).toMatchObject({ raw: 6, value: '6 (TCP)', derived: true });
    expect(byId(d, 'ip.checksum').raw).toBe(wire.ipChecksum);
    expect(byId(d, 'ip.checksum').value).toMatch(/\(correct\)$/);
    expect(byId(d, 'ip.src')).toMatchObject({ raw: p.ip.src, value: '10.0.1.10' });
    expect(byId(d, 'ip.dst').value).toBe('10.0.2.20');
    expect(byId(d, 'ip.flags.df').raw).toBe(1);
    expect(byId(d, 'tcp.srcPort').raw).toBe(59820);
    expect(byId(d, 'tcp.seq')).toMatchObject({ raw: 4264223101, value: '4264223101 (raw)' });
    expect(byId(d, 'tcp.dataOffset')).toMatchObject({ raw: 6, value: '6 (24 bytes)' });
    expect(byId(d, 'tcp.dataOffset').raw! * 4).toBe(wire.transportHeaderLength);
    expect(byId(d, 'tcp.flags')).toMatchObject({ raw: 0x02, value: '0x02 (SYN)' });
    expect(byId(d, 'tcp.flags.syn').raw).toBe(1);
    expect(byId(d, 'tcp.flags.ack').raw).toBe(0);
    expect(byId(d, 'tcp.window').raw).toBe(65535);
    expect(byId(d, 'tcp.checksum').raw).toBe(wire.transportChecksum);
    expect(byId(d, 'tcp.checksum').value).toMatch(/\(correct\)$/);
  });

  it('dissects the MSS option: kind 2 at byte 40, length 4, value at 42', () => {
    const mss = byId(d, 'tcp.option.0');
    expect(mss).toMatchObject({
      name: 'Maximum segment size',
      offset: 40,
      length: 4,
      value: '1460 bytes',
    });
    expect(mss.children?.map((c) => [c.name, c.offset, c.length, c.raw])).toEqual([
      ['Kind', 40, 1, 2],
      ['Length', 41, 1, 4],
      ['MSS Value', 42, 2, 1460],
    ]);
  });

  it('tiles the bytes with its layers, every field inside its layer, every field explained', () => {
    expect(d.layers.map((l) => [l.id, l.offset, l.length])).toEqual([
      ['ip', 0, 20],
      ['tcp', 20, 24],
    ]);
    for (const { field, layer } of flattenFields(d.layers)) {
      expect(field.offset).toBeGreaterThanOrEqual(layer.offset);
      expect(field.offset + field.length).toBeLessThanOrEqual(layer.offset + layer.length);
      expect(field.about.length, field.id).toBeGreaterThan(10);
    }
  });

  it('shows sequence numbers relative to the ISNs, noting the raw value', () => {
    const ack: Transport = {
      ...SYN,
      seq: 4264223102,
      ack: 2296549433,
      flags: tcpFlags({ ack: true }),
      options: [],
    };
    const rel = dissectPacket(packet(ack), { isns: { sender: 4264223101, receiver: 2296549432 } });
    expect(byId(rel, 'tcp.seq').value).toBe('1 (relative)');
    expect(byId(rel, 'tcp.seq').note).toContain('raw 4264223102');
    expect(byId(rel, 'tcp.ack').value).toBe('1 (relative)');
    expect(byId(rel, 'tcp.ack').note).toContain('raw 2296549433');
    // Wraps around 2^32.
    const wrapped = dissectPacket(packet({ ...ack, seq: 5 }), { isns: { sender: 0xfffffffe } });
    expect(byId(wrapped, 'tcp.seq').value).toBe('7 (relative)');
    // Without ACK, the acknowledgment number is shown as not used.
    expect(byId(d, 'tcp.ack').note).toMatch(/not used/);
  });

  it('points at the innermost field of a byte', () => {
    expect(fieldAtByte(d.layers, 8)?.id).toBe('ip.ttl');
    expect(fieldAtByte(d.layers, 0)?.id).toBe('ip.version');
    expect(fieldAtByte(d.layers, 33)?.id).toBe('tcp.flags');
    expect(fieldAtByte(d.layers, 43)?.name).toBe('MSS Value');
    expect(fieldAtByte(d.layers, 44)).toBeUndefined();
  });
});

describe('dissectPacket: window scaling and SACK (RFC 7323, RFC 2018)', () => {
  const ack: Transport = {
    ...SYN,
    seq: 4264223102,
    ack: 2296549433,
    flags: tcpFlags({ ack: true }),
    window: 502,
    options: [
      { kind: 'nop' },
      { kind: 'nop' },
      { kind: 'sack', blocks: [{ left: 2296549433 + 2896, right: 2296549433 + 4344 }] },
    ],
  };

  it('shows the window a scaled field means, as Wireshark calculates it', () => {
    // RFC 7323 2.3: with shift 7 agreed, a window field of 502 means 502 * 2^7 = 64256 bytes.
    const d = dissectPacket(packet(ack), { isns: { windowShift: 7 } });
    expect(byId(d, 'tcp.window')).toMatchObject({ raw: 502, value: '502 × 128 = 64256 bytes' });
    expect(byId(d, 'tcp.window').note).toContain('Calculated window size 64256');
    // A SYN's window is never scaled (RFC 7323 2.2), and without a shift the field is bytes.
    const syn = dissectPacket(packet({ ...ack, flags: tcpFlags({ syn: true, ack: true }) }), {
      isns: { windowShift: 7 },
    });
    expect(byId(syn, 'tcp.window').value).toBe('502 bytes');
    expect(byId(dissectPacket(packet(ack)), 'tcp.window').value).toBe('502 bytes');
  });

  it('shows SACK edges relative to the ISN of the side whose data they acknowledge', () => {
    // The ack field is relative to the receiver's ISN + 1 = 2296549433 (relative 1); the block
    // starts 2896 bytes later (relative 2897) and ends at relative 4345, as Wireshark shows it.
    const d = dissectPacket(packet(ack), { isns: { receiver: 2296549432 } });
    const sack = byId(d, 'tcp.option.2');
    expect([sack.name, sack.value]).toEqual(['SACK', '2897-4345']);
    expect(sack.children?.map((c) => [c.name, c.offset, c.length, c.value])).toEqual([
      ['Kind', 42, 1, 'SACK (5)'],
      ['Length', 43, 1, '10 bytes'],
      ['left edge', 44, 4, '2897 (relative)'],
      ['right edge', 48, 4, '4345 (relative)'],
    ]);
    const raw = byId(dissectPacket(packet(ack)), 'tcp.option.2');
    expect(raw.value).toBe(`${2296549433 + 2896}-${2296549433 + 4344}`);
  });
});

describe('dissectBytes on a published capture', () => {
  // The Linux SYN of packetCodec.test.ts, as tcpdump printed it: "tos 0x10, ttl 64, id 27210,
  // flags [DF], proto TCP (6), length 60 ... Flags [S], cksum 0x4bee (incorrect -> 0x890d),
  // seq 572719365, win 14600, options [mss 1460,sackOK,TS val 813903 ecr 0,nop,wscale 7]".
  const bytes = hex(`4510 003c 6a4a 4000 4006 84a2 c0a8 6532
                     c0a8 653c ab91 0016 2223 0105 0000 0000
                     a002 3908 4bee 0000 0204 05b4 0402 080a
                     000c 6b4f 0000 0000 0103 0307`);
  const d = dissectBytes(bytes);

  it('reads what tcpdump read', () => {
    expect(byId(d, 'ip.dscp').raw).toBe(0x10 >> 2);
    expect(byId(d, 'ip.identification').value).toBe('27210 (0x6a4a)');
    expect(byId(d, 'ip.ttl').raw).toBe(64);
    expect(byId(d, 'ip.totalLength').value).toBe('60 bytes');
    expect(byId(d, 'tcp.dstPort').raw).toBe(22);
    expect(byId(d, 'tcp.seq').raw).toBe(572719365);
    expect(byId(d, 'tcp.window').raw).toBe(14600);
    expect(byId(d, 'tcp.checksum').value).toBe('0x4bee (wrong)');
    expect(byId(d, 'tcp.options').children?.map((c) => `${c.name}: ${c.value}`)).toEqual([
      // Wireshark's tree: "TCP Option - Window scale: 7 (multiply by 128)", and so on.
      'Maximum segment size: 1460 bytes',
      'SACK permitted: yes',
      'Timestamps: TSval 813903, TSecr 0',
      'No-Operation (NOP): NOP',
      'Window scale: 7 (multiply by 128)',
    ]);
    const timestamps = byId(d, 'tcp.option.2').children?.map((c) => [c.name, c.raw]);
    expect(timestamps).toEqual([
      ['Kind', 8],
      ['Length', 10],
      ['Timestamp value', 813903],
      ['Timestamp echo reply', 0],
    ]);
    // Wireshark: "Kind: Time Stamp Option (8)", "Kind: Window Scale (3)".
    expect(byId(d, 'tcp.option.2.kind').value).toBe('Time Stamp Option (8)');
    expect(byId(d, 'tcp.option.4.kind').value).toBe('Window Scale (3)');
    expect(byId(d, 'tcp.option.4').children?.[2]).toMatchObject({
      name: 'Shift count',
      raw: 7,
      value: '7 (multiply by 128)',
    });
  });
});

describe('dissectPacket: UDP, ICMP and payloads', () => {
  it('places the UDP fields of RFC 768 and shows the pinger’s request number', () => {
    const payload = new Uint8Array(56);
    payload[3] = 2;
    payload[7] = 1;
    const d = dissectPacket(packet({ kind: 'udp', srcPort: 49466, dstPort: 7 }, payload), {
      message: { kind: 'request', seq: 2, attempt: 1 },
    });
    const bytes = d.bytes;
    expect(byId(d, 'udp.srcPort')).toMatchObject({ offset: 20, length: 2, raw: 49466 });
    expect(byId(d, 'udp.dstPort')).toMatchObject({ offset: 22, raw: 7 });
    expect(byId(d, 'udp.length')).toMatchObject({ offset: 24, length: 2, raw: 64, derived: true });
    expect(byId(d, 'udp.checksum')).toMatchObject({ offset: 26, raw: readU16(bytes, 26) });
    expect(byId(d, 'data.requestNumber')).toMatchObject({ offset: 28, length: 4, raw: 2 });
    expect(byId(d, 'data.attempt')).toMatchObject({ offset: 32, raw: 1, value: '1 (retry 1)' });
    expect(byId(d, 'data.padding')).toMatchObject({
      offset: 36,
      length: 48,
      value: '48 bytes of zeros',
    });
    expect(d.layers.at(-1)).toMatchObject({ id: 'data', offset: 28, length: 56 });
  });

  it('places the ICMP echo fields of RFC 792', () => {
    const echo: Transport = {
      kind: 'icmp',
      message: 'echoRequest',
      identifier: 0x1234,
      sequence: 9,
    };
    const d = dissectPacket(packet(echo, new Uint8Array([1, 2, 3])));
    expect(byId(d, 'icmp.type')).toMatchObject({ offset: 20, raw: 8, value: '8 (echo request)' });
    expect(byId(d, 'icmp.code')).toMatchObject({ offset: 21, raw: 0 });
    expect(byId(d, 'icmp.checksum').value).toMatch(/correct/);
    expect(byId(d, 'icmp.identifier')).toMatchObject({ offset: 24, raw: 0x1234 });
    expect(byId(d, 'icmp.sequence')).toMatchObject({ offset: 26, raw: 9 });
    expect(d.layers.at(-1)?.name).toBe('Echo data');
  });

  it('dissects the quote of an ICMP port unreachable', () => {
    const request = packet({ kind: 'udp', srcPort: 49466, dstPort: 9 }, new Uint8Array(8));
    const error = portUnreachable(request, { id: 2, src: request.ip.dst });
    const d = dissectPacket(error);
    expect(byId(d, 'icmp.code').value).toBe('3 (port unreachable)');
    const quote = d.layers.at(-1)!;
    expect(quote).toMatchObject({ id: 'quote', offset: 28, length: 28 });
    expect(byId(d, 'quote.ip.ttl')).toMatchObject({ offset: 36, raw: 61 });
    expect(byId(d, 'quote.ip.src')).toMatchObject({ offset: 40, raw: request.ip.src });
    expect(byId(d, 'quote.udp.dstPort')).toMatchObject({ offset: 50, raw: 9 });
    expect(byId(d, 'quote.ip.ttl').about).toBe(byId(d, 'ip.ttl').about);
    expect(readU32(d.bytes, 40)).toBe(request.ip.src);
  });

  it('writes printable payloads as text and others as hex', () => {
    const text = new TextEncoder().encode('GET / HTTP/1.1\r\n');
    expect(payloadText(text)).toBe('"GET / HTTP/1.1\\r\\n"');
    expect(payloadText(new Uint8Array([0, 1, 0xff]))).toBe('00 01 ff');
    expect(payloadText(new Uint8Array(30))).toMatch(/^00( 00){23} …$/);
    const d = dissectPacket(
      packet({ ...SYN, flags: tcpFlags({ ack: true, psh: true }), options: [] }, text),
    );
    expect(byId(d, 'data.payload')).toMatchObject({
      offset: 40,
      length: 16,
      value: '"GET / HTTP/1.1\\r\\n"',
    });
  });

  it('cuts the hex dump in lines of 16 with hex offsets', () => {
    const rows = hexRows(40);
    expect(rows.map((r) => r.label)).toEqual(['0000', '0010', '0020']);
    expect(rows[2]?.indexes).toEqual([32, 33, 34, 35, 36, 37, 38, 39]);
  });
});
