// REJECT's answers, each field worked out by hand from RFC 9293 3.10.7.1 (the RST) and RFC 792 /
// RFC 1812 (ICMP Destination Unreachable, code 3 port, code 13 administratively prohibited).
import { describe, expect, it } from 'vitest';
import { portUnreachable } from '../../net/wire/icmpErrors.ts';
import { decodePacket, encodePacket } from '../../net/wire/packetCodec.ts';
import { rejectAnswer, tcpReset } from './rejectAnswer.ts';
import { echo, ip, tcp, udp } from './firewallTestPackets.ts';
import type { Packet, TcpHeader } from '../../net/wire/packet.ts';

const CLIENT = '192.0.2.10:51000';
const SERVER = '10.0.0.1:23';

function tcpOf(packet: Packet | undefined): TcpHeader {
  if (packet?.transport.kind !== 'tcp') throw new Error('expected a TCP segment');
  return packet.transport;
}

describe('REJECT --reject-with tcp-reset', () => {
  it('answers a SYN (no ACK) with seq 0, ACK set, ack = SEG.SEQ + SEG.LEN', () => {
    // SEG.SEQ 1000, no data, SYN counts 1: SEG.LEN = 1, so ack = 1001; the RST has no ACK to
    // take its seq from, so seq = 0 and the ACK bit is set (RFC 9293: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>).
    const syn = tcp(CLIENT, SERVER, 'S', { seq: 1000 });
    const rst = rejectAnswer(syn, 'tcp-reset', { id: 77 });
    expect(rst?.id).toBe(77);
    expect(rst?.ip).toMatchObject({ src: ip('10.0.0.1'), dst: ip('192.0.2.10'), ttl: 64 });
    const h = tcpOf(rst);
    expect([h.srcPort, h.dstPort, h.seq, h.ack]).toEqual([23, 51000, 0, 1001]);
    expect(h.flags).toMatchObject({ rst: true, ack: true, syn: false, fin: false, psh: false });
    expect([h.window, h.options, rst?.payload.length]).toEqual([0, [], 0]);
  });

  it('answers a segment with ACK with seq = SEG.ACK and no ACK bit', () => {
    // <SEQ=SEG.ACK><CTL=RST>: the peer will find seq = 5555 in its window.
    const data = tcp(CLIENT, SERVER, 'PA', { seq: 2000, ack: 5555, data: new Uint8Array(30) });
    const h = tcpOf(tcpReset(data, { id: 1 }));
    expect([h.seq, h.ack, h.flags.rst, h.flags.ack]).toEqual([5555, 0, true, false]);
  });

  it('counts data, SYN and FIN in SEG.LEN, modulo 2^32', () => {
    // SYN with 5 data bytes at 7000: 5 + 1 = 6, ack 7006.
    const synData = tcp(CLIENT, SERVER, 'S', { seq: 7000, data: new Uint8Array(5) });
    expect(tcpOf(tcpReset(synData, { id: 1 })).ack).toBe(7006);
    // FIN with 10 bytes at 2^32 - 6 and no ACK: 10 + 1 = 11, (2^32 - 6 + 11) mod 2^32 = 5.
    const fin = tcp(CLIENT, SERVER, 'F', { seq: 2 ** 32 - 6, data: new Uint8Array(10) });
    expect(tcpOf(tcpReset(fin, { id: 1 })).ack).toBe(5);
  });

  it('never answers a RST, nor anything that is not TCP', () => {
    expect(rejectAnswer(tcp(CLIENT, SERVER, 'R'), 'tcp-reset', { id: 1 })).toBeUndefined();
    expect(rejectAnswer(tcp(CLIENT, SERVER, 'RA'), 'tcp-reset', { id: 1 })).toBeUndefined();
    expect(rejectAnswer(udp(CLIENT, '10.0.0.1:53'), 'tcp-reset', { id: 1 })).toBeUndefined();
  });

  it('encodes and decodes back to the same fields, checksums included', () => {
    const rst = rejectAnswer(tcp(CLIENT, SERVER, 'S', { seq: 1000 }), 'tcp-reset', { id: 3 });
    const decoded = decodePacket(encodePacket(rst as Packet), 3);
    expect(decoded).toMatchObject({
      ok: true,
      wire: { ipChecksumValid: true, transportChecksumValid: true },
    });
    if (decoded.ok) expect(decoded.packet).toEqual(rst);
  });
});

describe('REJECT --reject-with icmp-*', () => {
  const query = udp('192.0.2.10:5353', '10.0.0.53:53', new Uint8Array(40).fill(0xab));

  it('icmp-port-unreachable is type 3 code 3 quoting the IP header and the first 8 bytes', () => {
    const answer = rejectAnswer(query, 'icmp-port-unreachable', { id: 8 }) as Packet;
    expect(answer.transport).toEqual({
      kind: 'icmp',
      message: 'destinationUnreachable',
      code: 3,
      nextHopMtu: 0,
    });
    // Back to the sender, from the address it tried (the default for an INPUT reject).
    expect([answer.ip.src, answer.ip.dst]).toEqual([ip('10.0.0.53'), ip('192.0.2.10')]);
    // RFC 792: "Internet Header + 64 bits of Original Data Datagram": 20 + 8 = 28 bytes, the
    // UDP header whole (ports, length 48, checksum), none of the 0xab data.
    const offending = encodePacket(query);
    expect(answer.payload).toEqual(offending.slice(0, 28));
    const bytes = encodePacket(answer);
    expect([bytes[20], bytes[21]]).toEqual([3, 3]);
    expect(bytes.length).toBe(20 + 8 + 28);
  });

  it('icmp-admin-prohibited is code 13 (RFC 1812 5.2.7.1), from the address given', () => {
    const syn = tcp(CLIENT, SERVER, 'S', { seq: 1000 });
    const gateway = ip('192.0.2.1');
    const answer = rejectAnswer(syn, 'icmp-admin-prohibited', { id: 9, src: gateway }) as Packet;
    expect(answer.ip.src).toBe(gateway);
    const bytes = encodePacket(answer);
    expect([bytes[20], bytes[21]]).toEqual([3, 13]);
    // The quote holds the SYN's ports and sequence number (its first 8 TCP bytes).
    expect(answer.payload).toEqual(encodePacket(syn).slice(0, 28));
  });

  it('is built as the stack builds its own ICMP errors (icmpErrors.ts)', () => {
    const ours = rejectAnswer(query, 'icmp-port-unreachable', { id: 8 });
    expect(ours).toEqual(portUnreachable(query, { id: 8, src: ip('10.0.0.53') }));
  });

  it('sends no ICMP error about an ICMP error or a broadcast (RFC 1122 3.2.2)', () => {
    const error = portUnreachable(query, { id: 8, src: ip('10.0.0.53') });
    expect(rejectAnswer(error, 'icmp-port-unreachable', { id: 10 })).toBeUndefined();
    const broadcast = udp('192.0.2.10:68', '255.255.255.255:67');
    expect(rejectAnswer(broadcast, 'icmp-admin-prohibited', { id: 11 })).toBeUndefined();
    // An echo request is not an error: REJECT answers it.
    const ping = echo('192.0.2.10', '10.0.0.1', 'echoRequest');
    expect(rejectAnswer(ping, 'icmp-admin-prohibited', { id: 12 })).toBeDefined();
  });
});
