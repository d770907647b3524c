// Packet labels: ports, TCP flags with sequence numbers, ICMP messages and what an error quotes.
import { describe, expect, it } from 'vitest';
import {
  portUnreachable,
  timeExceeded,
  destinationUnreachable,
} from '../../net/wire/icmpErrors.ts';
import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import {
  ICMP_UNREACHABLE,
  ipv4Header,
  tcpFlags,
  type Packet,
  type Transport,
} from '../../net/wire/packet.ts';
import {
  icmpMessageName,
  isIcmpError,
  packetDestination,
  packetKind,
  packetLabel,
  quotedDatagram,
  tcpFlagsLabel,
  tcpSegmentKind,
  tcpSegmentNumbers,
} from './packetLabel.ts';

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

function packet(transport: Transport, payloadBytes = 0, id = 1): Packet {
  return {
    id,
    ip: ipv4Header({ src: ip('10.0.0.1'), dst: ip('10.0.0.2') }),
    transport,
    payload: new Uint8Array(payloadBytes),
  };
}

const tcp = (flags: Parameters<typeof tcpFlags>[0], seq: number, ack: number, length = 0) =>
  packet(
    {
      kind: 'tcp',
      srcPort: 49152,
      dstPort: 80,
      seq,
      ack,
      flags: tcpFlags(flags),
      window: 65535,
      urgentPointer: 0,
      options: [],
    },
    length,
  );

describe('tcpFlagsLabel', () => {
  it('names the handshake, data and teardown segments as people say them', () => {
    expect(tcpFlagsLabel(tcpFlags({ syn: true }))).toBe('SYN');
    expect(tcpFlagsLabel(tcpFlags({ syn: true, ack: true }))).toBe('SYN-ACK');
    expect(tcpFlagsLabel(tcpFlags({ ack: true }))).toBe('ACK');
    expect(tcpFlagsLabel(tcpFlags({ fin: true, ack: true }))).toBe('FIN-ACK');
    expect(tcpFlagsLabel(tcpFlags({ rst: true }))).toBe('RST');
    expect(tcpFlagsLabel(tcpFlags({ rst: true, ack: true }))).toBe('RST-ACK');
    expect(tcpFlagsLabel(tcpFlags({ ack: true, psh: true }))).toBe('ACK PSH');
    expect(tcpFlagsLabel(tcpFlags({ syn: true, ece: true, cwr: true }))).toBe('SYN ECE CWR');
    expect(tcpFlagsLabel(tcpFlags({}))).toBe('no flags');
  });
});

describe('packetLabel', () => {
  it('labels UDP with ports and payload length', () => {
    const p = packet({ kind: 'udp', srcPort: 49466, dstPort: 7 }, 56);
    expect(packetLabel(p)).toBe('UDP 49466 → 7 len=56');
    expect(packetLabel(p, { addresses: true })).toBe('UDP 10.0.0.1:49466 → 10.0.0.2:7 len=56');
    expect(packetKind(p)).toBe('UDP');
    expect(packetDestination(p)).toBe('10.0.0.2:7');
  });

  it('labels TCP with flags, seq, ack only when ACK is set, and payload length', () => {
    expect(packetLabel(tcp({ syn: true }, 1000, 0))).toBe('TCP 49152 → 80 SYN seq=1000 len=0');
    expect(packetLabel(tcp({ syn: true, ack: true }, 5000, 1001))).toBe(
      'TCP 49152 → 80 SYN-ACK seq=5000 ack=1001 len=0',
    );
    expect(packetLabel(tcp({ ack: true, psh: true }, 1001, 5001, 1460))).toBe(
      'TCP 49152 → 80 ACK PSH seq=1001 ack=5001 len=1460',
    );
    expect(packetLabel(tcp({ fin: true, ack: true }, 4294967295, 7))).toBe(
      'TCP 49152 → 80 FIN-ACK seq=4294967295 ack=7 len=0',
    );
    expect(packetKind(tcp({ rst: true }, 0, 0))).toBe('TCP RST');
    expect(packetDestination(tcp({ syn: true }, 0, 0))).toBe('10.0.0.2:80');
  });

  it('tells a sentence what a TCP segment is: its control bits, or data, and its numbers', () => {
    expect(tcpSegmentKind(tcp({ syn: true }, 1000, 0))).toBe('TCP SYN');
    expect(tcpSegmentKind(tcp({ syn: true, ack: true }, 5000, 1001))).toBe('TCP SYN-ACK');
    expect(tcpSegmentKind(tcp({ ack: true }, 1001, 5001))).toBe('TCP ACK');
    expect(tcpSegmentKind(tcp({ fin: true, ack: true }, 1001, 5001))).toBe('TCP FIN-ACK');
    expect(tcpSegmentKind(tcp({ rst: true, ack: true }, 0, 1001))).toBe('TCP RST-ACK');
    // PSH rides on every data segment: the words say "data" instead.
    expect(tcpSegmentKind(tcp({ ack: true, psh: true }, 1001, 5001, 1460))).toBe('TCP data');
    expect(tcpSegmentKind(tcp({ ack: true, psh: true, fin: true }, 1001, 5001, 700))).toBe(
      'TCP data+FIN',
    );
    expect(tcpSegmentNumbers(tcp({ syn: true }, 1000, 0))).toBe('seq=1000 len=0');
    expect(tcpSegmentNumbers(tcp({ ack: true, psh: true }, 1001, 5001, 1460))).toBe(
      'seq=1001 ack=5001 len=1460',
    );
    const udp = packet({ kind: 'udp', srcPort: 49466, dstPort: 7 }, 56);
    expect(tcpSegmentKind(udp)).toBeUndefined();
    expect(tcpSegmentNumbers(udp)).toBeUndefined();
  });

  it('labels ICMP echo with its identifier and sequence', () => {
    const p = packet({ kind: 'icmp', message: 'echoRequest', identifier: 9, sequence: 3 }, 56);
    expect(packetLabel(p)).toBe('ICMP echo request id=9 seq=3');
    expect(packetLabel(p, { addresses: true })).toBe(
      'ICMP 10.0.0.1 → 10.0.0.2 echo request id=9 seq=3',
    );
    expect(packetKind(p)).toBe('ICMP echo request');
    expect(packetDestination(p)).toBe('10.0.0.2');
    expect(isIcmpError(p)).toBe(false);
    expect(quotedDatagram(p)).toBeUndefined();
  });

  it('labels ICMP errors with what their quote says the offending datagram was', () => {
    const udp = packet({ kind: 'udp', srcPort: 49466, dstPort: 9 }, 56);
    // The server 10.0.0.2 answers the client 10.0.0.1: the error goes back to the source.
    const unreachable = portUnreachable(udp, { id: 2, src: ip('10.0.0.2') });
    expect(packetLabel(unreachable)).toBe('ICMP port unreachable (UDP 49466 → 9)');
    expect(packetKind(unreachable)).toBe('ICMP port unreachable');
    expect(isIcmpError(unreachable)).toBe(true);
    expect(quotedDatagram(unreachable)).toEqual({
      protocol: 'UDP',
      dst: '10.0.0.2',
      srcPort: 49466,
      dstPort: 9,
    });
    expect(packetDestination(unreachable)).toBe('10.0.0.1');

    const expired = timeExceeded(tcp({ syn: true }, 1, 0), { id: 3, src: ip('10.0.9.1') });
    expect(packetLabel(expired)).toBe('ICMP time exceeded (TCP 49152 → 80)');
    const ping = packet({ kind: 'icmp', message: 'echoRequest', identifier: 1, sequence: 1 });
    const noRoute = destinationUnreachable(ping, ICMP_UNREACHABLE.network, { id: 4, src: 1 });
    expect(packetLabel(noRoute)).toBe('ICMP network unreachable (ICMP to 10.0.0.2)');
    const mtu = destinationUnreachable(
      udp,
      ICMP_UNREACHABLE.fragmentationNeeded,
      { id: 5, src: 1 },
      1400,
    );
    expect(packetLabel(mtu)).toBe('ICMP fragmentation needed mtu=1400 (UDP 49466 → 9)');
  });

  it('names unusual ICMP messages and raw IP payloads by number', () => {
    expect(
      icmpMessageName({ kind: 'icmp', message: 'destinationUnreachable', code: 99, nextHopMtu: 0 }),
    ).toBe('destination unreachable (code 99)');
    const other = packet({ kind: 'icmp', message: 'other', type: 5, code: 1, restOfHeader: 0 });
    expect(packetLabel(other)).toBe('ICMP type 5 code 1');
    expect(packetLabel(packet({ kind: 'raw', protocol: 89 }, 40))).toBe('IP protocol 89 len=40');
    const fragment: Packet = {
      ...packet({ kind: 'raw', protocol: 17 }, 100),
      ip: { ...ipv4Header({ src: 1, dst: 2 }), fragmentOffset: 185 },
    };
    expect(packetKind(fragment)).toBe('UDP fragment');
    expect(packetLabel(fragment)).toBe('UDP fragment id=0x0000 off=1480 len=100');
  });

  it('labels fragments with their datagram, offset in bytes and More Fragments', () => {
    const first: Packet = {
      ...packet({ kind: 'raw', protocol: 17 }, 552),
      ip: { ...ipv4Header({ src: 1, dst: 2 }), identification: 0x4d2, moreFragments: true },
    };
    expect(packetKind(first)).toBe('UDP fragment');
    expect(packetLabel(first)).toBe('UDP fragment id=0x04d2 off=0 len=552 MF');
    expect(packetLabel(first, { addresses: true })).toBe(
      'UDP fragment 0.0.0.1 → 0.0.0.2 id=0x04d2 off=0 len=552 MF',
    );
  });
});
