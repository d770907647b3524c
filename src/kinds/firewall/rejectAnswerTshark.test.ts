// tshark reads REJECT's answers, written with the project's encoder into a pcap beside the packets
// they answer, as a TCP RST with RFC 9293's numbers and as ICMP Destination Unreachable with code
// 3 and 13 quoting the offending datagram, with no malformed packet and no bad checksum.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePcap } from '../../net/capture/pcapWriter.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { encodePacket } from '../../net/wire/packetCodec.ts';
import { fields, PI_WARN, tshark, VALIDATE } from '../../../tests/support/tshark.ts';
import { ip, tcp, udp } from './firewallTestPackets.ts';
import { rejectAnswer } from './rejectAnswer.ts';
import type { RejectWith } from './firewallRules.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-reject-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MS = 1_000_000;
const CLIENT = '192.0.2.10:51000';

/** Offending packets and how each is rejected; the answer follows its packet 1 ms later. */
const CASES: [Packet, RejectWith][] = [
  [tcp(CLIENT, '10.0.0.1:23', 'S', { seq: 1000 }), 'tcp-reset'],
  [
    tcp('192.0.2.10:51001', '10.0.0.1:80', 'PA', {
      seq: 2000,
      ack: 5555,
      data: new Uint8Array(30),
    }),
    'tcp-reset',
  ],
  [udp('192.0.2.10:50000', '10.0.0.1:33434', new Uint8Array(40)), 'icmp-port-unreachable'],
  [tcp('192.0.2.10:51002', '10.0.0.1:25', 'S', { seq: 3000 }), 'icmp-admin-prohibited'],
];

function capture(): string {
  const records = CASES.flatMap(([offending, how], i) => {
    const answer = rejectAnswer(offending, how, { id: 100 + i, src: ip('10.0.0.1') });
    if (!answer) throw new Error(`no answer for case ${i}`);
    return [
      { timeNs: 10 * i * MS, bytes: encodePacket(offending) },
      { timeNs: (10 * i + 1) * MS, bytes: encodePacket(answer) },
    ];
  });
  const file = join(dir, 'reject.pcap');
  writeFileSync(file, writePcap(records, { epochSeconds: 1_700_000_000 }));
  return file;
}

describe('REJECT answers as tshark dissects them', () => {
  const file = capture();

  it('are TCP RSTs with the sequence numbers RFC 9293 gives', () => {
    const rows = fields(
      file,
      'frame.number tcp.flags.reset tcp.flags.ack tcp.seq_raw tcp.ack_raw tcp.window_size_value tcp.srcport tcp.dstport',
    );
    // Frame 2 answers the SYN at 1000: seq 0, ACK 1001. Frame 4 answers seq 2000 ack 5555: seq 5555.
    expect(rows[1]).toMatchObject({
      'tcp.flags.reset': '1',
      'tcp.flags.ack': '1',
      'tcp.seq_raw': '0',
      'tcp.ack_raw': '1001',
      'tcp.window_size_value': '0',
      'tcp.srcport': '23',
      'tcp.dstport': '51000',
    });
    expect(rows[3]).toMatchObject({
      'tcp.flags.reset': '1',
      'tcp.flags.ack': '0',
      'tcp.seq_raw': '5555',
    });
  });

  it('are ICMP Destination Unreachable, port (3) and administratively prohibited (13), quoting the datagram', () => {
    const rows = fields(
      file,
      'frame.number icmp.type icmp.code icmp.checksum.status udp.dstport tcp.dstport',
    );
    expect(rows[5]).toMatchObject({
      'icmp.type': '3',
      'icmp.code': '3',
      'icmp.checksum.status': '1',
      'udp.dstport': '33434',
    });
    expect(rows[7]).toMatchObject({
      'icmp.type': '3',
      'icmp.code': '13',
      'icmp.checksum.status': '1',
      'tcp.dstport': '25',
    });
  });

  it('are clean: nothing malformed, every checksum good, no expert warning but the RST itself', () => {
    // Wireshark rates every RST a warning ("Connection reset (RST)"): that one is what we sent.
    expect(tshark(['-r', file, ...VALIDATE, '-Y', '_ws.malformed'])).toBe('');
    const rows = fields(file, 'frame.number _ws.expert.message _ws.expert.severity');
    const warnings = rows.flatMap((row) => {
      const messages = (row['_ws.expert.message'] ?? '').split(',');
      const severities = (row['_ws.expert.severity'] ?? '').split(',').filter(Boolean);
      return severities
        .map((severity, i) => ({ frame: row['frame.number'], severity, message: messages[i] }))
        .filter((e) => Number(e.severity) >= PI_WARN);
    });
    expect(warnings.map((w) => [w.frame, w.message])).toEqual([
      ['2', 'Connection reset (RST)'],
      ['4', 'Connection reset (RST)'],
    ]);
    const verbose = tshark(['-r', file, ...VALIDATE, '-V']);
    expect(verbose).not.toMatch(/Malformed Packet|[Ss]tatus: Bad\]/);
    expect(
      verbose.match(/Checksum Status: Good|\[Checksum Status: Good\]/g)?.length,
    ).toBeGreaterThan(0);
  });
});
