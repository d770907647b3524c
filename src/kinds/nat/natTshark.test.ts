// tshark reads a TCP connection through the NAT, captured on both sides: the private side shows
// the client's own address and port, the public side the NAT's address and the port it picked,
// every checksum good (the encoder computes them from the rewritten fields), nothing malformed;
// and an ICMP error about a masqueraded datagram quotes each side's addresses and ports.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePcap } from '../../net/capture/pcapWriter.ts';
import type { PcapRecord } from '../../net/capture/pcapWriter.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { encodePacket } from '../../net/wire/packetCodec.ts';
import { portUnreachable } from '../../net/wire/icmpErrors.ts';
import { expectClean, fields } from '../../../tests/support/tshark.ts';
import { cidr, ip, tcp, udp } from '../firewall/firewallTestPackets.ts';
import { NatTable } from './natTable.ts';
import { translateInbound, translateOutbound } from './natTranslate.ts';
import type { NatResult } from './natTranslate.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-nat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MS = 1_000_000;
const CLIENT = '10.0.0.2:40000';
const SERVER = '198.51.100.7:80';
const PUBLIC = '203.0.113.1:40001';
const text = (s: string) => new TextEncoder().encode(s);

function packetOf(result: NatResult): Packet {
  if (!result.translated) throw new Error(`not translated: ${result.reason}`);
  return result.packet;
}

/** Each segment as the client or the server sends it, and on which side it starts. */
const CONVERSATION: [
  'client' | 'server',
  string,
  { seq: number; ack?: number; data?: Uint8Array },
][] = [
  ['client', 'S', { seq: 1000 }],
  ['server', 'SA', { seq: 5000, ack: 1001 }],
  ['client', 'A', { seq: 1001, ack: 5001 }],
  ['client', 'PA', { seq: 1001, ack: 5001, data: text('GET / HTTP/1.0\r\n\r\n') }],
  ['server', 'A', { seq: 5001, ack: 1019 }],
  ['server', 'PA', { seq: 5001, ack: 1019, data: text('HTTP/1.0 204 No Content\r\n\r\n') }],
  ['client', 'FA', { seq: 1019, ack: 5028 }],
  ['server', 'FA', { seq: 5028, ack: 1020 }],
  ['client', 'A', { seq: 1020, ack: 5029 }],
];

function captures(): { privateSide: string; publicSide: string; table: NatTable } {
  const table = new NatTable({
    publicAddress: ip('203.0.113.1'),
    privateNetworks: [cidr('10.0.0.0/24')],
  });
  // Another host already talks to the server from port 40000, so this client gets 40001.
  translateOutbound(table, tcp('10.0.0.3:40000', SERVER, 'S'), 0);
  const inside: PcapRecord[] = [];
  const outside: PcapRecord[] = [];
  CONVERSATION.forEach(([who, flags, fields], i) => {
    const now = (i + 1) * MS;
    if (who === 'client') {
      const sent = tcp(CLIENT, SERVER, flags, fields);
      inside.push({ timeNs: now, bytes: encodePacket(sent) });
      const out = packetOf(translateOutbound(table, sent, now));
      outside.push({ timeNs: now + 1000, bytes: encodePacket(out) });
    } else {
      const sent = tcp(SERVER, PUBLIC, flags, fields);
      outside.push({ timeNs: now, bytes: encodePacket(sent) });
      const back = packetOf(translateInbound(table, sent, now));
      inside.push({ timeNs: now + 1000, bytes: encodePacket(back) });
    }
  });
  const write = (name: string, records: PcapRecord[]) => {
    const file = join(dir, name);
    writeFileSync(file, writePcap(records, { epochSeconds: 1_700_000_000 }));
    return file;
  };
  return {
    privateSide: write('private.pcap', inside),
    publicSide: write('public.pcap', outside),
    table,
  };
}

const COLUMNS = 'ip.src tcp.srcport ip.dst tcp.dstport ip.checksum.status tcp.checksum.status';

/** Each frame as `src:port > dst:port`. */
function flows(file: string): string[] {
  return fields(file, COLUMNS).map(
    (r) => `${r['ip.src']}:${r['tcp.srcport']} > ${r['ip.dst']}:${r['tcp.dstport']}`,
  );
}

describe('a TCP connection through the NAT, as tshark reads both sides', () => {
  const { privateSide, publicSide, table } = captures();
  const expected = (client: string) =>
    CONVERSATION.map(([who]) =>
      who === 'client' ? `${client} > ${SERVER}` : `${SERVER} > ${client}`,
    );

  it('shows the client’s own address and port on the private side', () => {
    expect(flows(privateSide)).toEqual(expected(CLIENT));
  });

  it('shows the public address and the port the NAT picked on the public side', () => {
    expect(flows(publicSide)).toEqual(expected(PUBLIC));
  });

  it('has every IP and TCP checksum good, and nothing malformed or warned about, on both sides', () => {
    for (const file of [privateSide, publicSide]) {
      for (const row of fields(file, COLUMNS)) {
        expect([row['ip.checksum.status'], row['tcp.checksum.status']]).toEqual(['1', '1']);
      }
      expectClean(file);
    }
  });

  it('sees one stream per side with the same payload, and the entry gone after the last ACK', () => {
    for (const file of [privateSide, publicSide]) {
      const rows = fields(file, 'tcp.stream tcp.len');
      expect(new Set(rows.map((r) => r['tcp.stream']))).toEqual(new Set(['0']));
      expect(rows.map((r) => r['tcp.len'])).toEqual([
        '0',
        '0',
        '0',
        '18',
        '0',
        '27',
        '0',
        '0',
        '0',
      ]);
    }
    expect(table.entries().map((e) => e.original.srcPort)).toEqual([40000]);
  });
});

describe('an ICMP error about a masqueraded datagram, as tshark reads both sides', () => {
  it('quotes the public address and port outside and the private ones inside, checksums good', () => {
    const table = new NatTable({
      publicAddress: ip('203.0.113.1'),
      privateNetworks: [cidr('10.0.0.0/24')],
    });
    translateOutbound(table, udp('10.0.0.3:33434', '198.51.100.7:33434'), 0);
    const sent = udp('10.0.0.2:33434', '198.51.100.7:33434', text('probe'));
    const out = packetOf(translateOutbound(table, sent, MS));
    const error = portUnreachable(out, { id: 50, src: ip('198.51.100.7') });
    const back = packetOf(translateInbound(table, error, 2 * MS));
    const write = (name: string, packets: Packet[]) => {
      const file = join(dir, name);
      const records = packets.map((p, i) => ({ timeNs: (i + 1) * MS, bytes: encodePacket(p) }));
      writeFileSync(file, writePcap(records, { epochSeconds: 1_700_000_000 }));
      return file;
    };
    const columns =
      'ip.src ip.dst udp.srcport udp.dstport icmp.checksum.status udp.checksum.status';
    const inside = write('icmp-private.pcap', [sent, back]);
    const outside = write('icmp-public.pcap', [out, error]);
    expect(fields(outside, columns)[1]).toMatchObject({
      'ip.src': '198.51.100.7,203.0.113.1',
      'ip.dst': '203.0.113.1,198.51.100.7',
      'udp.srcport': '33435',
      'icmp.checksum.status': '1',
    });
    expect(fields(inside, columns)[1]).toMatchObject({
      'ip.src': '198.51.100.7,10.0.0.2',
      'ip.dst': '10.0.0.2,198.51.100.7',
      'udp.srcport': '33434',
      'icmp.checksum.status': '1',
    });
    for (const file of [inside, outside]) expectClean(file);
  });
});
