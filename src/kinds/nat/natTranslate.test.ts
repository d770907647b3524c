// Per-packet NAT: masqueraded flows out and their replies back exactly, port forwards and their
// answers, ICMP echo identifiers, refusals, and ICMP errors whose quote is turned back (RFC 5508).
import { describe, expect, it } from 'vitest';
import { flipBit } from '../../net/wire/corruption.ts';
import { icmpQuote, portUnreachable, timeExceeded } from '../../net/wire/icmpErrors.ts';
import { decodePacket, encodePacket } from '../../net/wire/packetCodec.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { cidr, echo, ip, tcp, udp } from '../firewall/firewallTestPackets.ts';
import { NatTable } from './natTable.ts';
import { translateInbound, translateOutbound } from './natTranslate.ts';
import type { NatResult } from './natTranslate.ts';

const S = 1_000_000_000;
const SERVER = '198.51.100.7:80';

function nat(): NatTable {
  return new NatTable({
    publicAddress: ip('203.0.113.1'),
    privateNetworks: [cidr('10.0.0.0/24')],
    forwards: [
      {
        protocol: 'tcp',
        publicPorts: { low: 8080, high: 8080 },
        privateAddress: ip('10.0.0.5'),
        privatePort: 80,
      },
      { protocol: 'udp', publicPorts: { low: 5000, high: 5000 }, privateAddress: ip('10.0.0.6') },
    ],
  });
}

/** The translated packet; fails the test when there is none. */
function packetOf(result: NatResult): Packet {
  if (!result.translated) throw new Error(`not translated: ${result.reason}`);
  return result.packet;
}

/** `p` as `expected` reads, with `p`'s id (the NAT keeps a packet's id). */
function same(p: Packet, expected: Packet): void {
  expect(p).toEqual({ ...expected, id: p.id });
}

describe('masquerade', () => {
  it('rewrites the source to the public address and keeps the port; the original is untouched', () => {
    const table = nat();
    const syn = tcp('10.0.0.2:40000', SERVER, 'S', { seq: 100 });
    const before = structuredClone(syn);
    const result = translateOutbound(table, syn, 0);
    same(packetOf(result), tcp('203.0.113.1:40000', SERVER, 'S', { seq: 100 }));
    expect(packetOf(result).id).toBe(syn.id);
    expect(result).toMatchObject({ created: true, direction: 'original' });
    expect(syn).toEqual(before);
  });

  it('translates replies back exactly, and later packets through the same entry', () => {
    const table = nat();
    translateOutbound(table, tcp('10.0.0.2:40000', SERVER, 'S', { seq: 100 }), 0);
    const synAck = tcp(SERVER, '203.0.113.1:40000', 'SA', { seq: 900, ack: 101 });
    const back = translateInbound(table, synAck, 1);
    same(packetOf(back), tcp(SERVER, '10.0.0.2:40000', 'SA', { seq: 900, ack: 101 }));
    expect(back).toMatchObject({ direction: 'reply', created: false, event: 'reply' });
    const data = new Uint8Array([1, 2, 3]);
    const out = translateOutbound(table, tcp('10.0.0.2:40000', SERVER, 'PA', { data }), 2);
    same(packetOf(out), tcp('203.0.113.1:40000', SERVER, 'PA', { data }));
    expect(table.size).toBe(1);
  });

  it('gives two private hosts with the same source port different public ports, and each its replies', () => {
    const table = nat();
    const a = packetOf(translateOutbound(table, udp('10.0.0.2:40000', '198.51.100.7:53'), 0));
    const b = packetOf(translateOutbound(table, udp('10.0.0.3:40000', '198.51.100.7:53'), 0));
    expect([a.transport, b.transport]).toMatchObject([{ srcPort: 40000 }, { srcPort: 40001 }]);
    const toB = translateInbound(table, udp('198.51.100.7:53', '203.0.113.1:40001'), 1);
    same(packetOf(toB), udp('198.51.100.7:53', '10.0.0.3:40000'));
    const toA = translateInbound(table, udp('198.51.100.7:53', '203.0.113.1:40000'), 1);
    same(packetOf(toA), udp('198.51.100.7:53', '10.0.0.2:40000'));
  });

  it('translates ICMP echo identifiers the same way', () => {
    const table = nat();
    const a = packetOf(
      translateOutbound(table, echo('10.0.0.2', '198.51.100.7', 'echoRequest', 7), 0),
    );
    const b = packetOf(
      translateOutbound(table, echo('10.0.0.3', '198.51.100.7', 'echoRequest', 7), 0),
    );
    same(a, echo('203.0.113.1', '198.51.100.7', 'echoRequest', 7));
    same(b, echo('203.0.113.1', '198.51.100.7', 'echoRequest', 8));
    const reply = echo('198.51.100.7', '203.0.113.1', 'echoReply', 8);
    same(
      packetOf(translateInbound(table, reply, 1)),
      echo('198.51.100.7', '10.0.0.3', 'echoReply', 7),
    );
  });

  it('stops translating replies once the entry expired', () => {
    const table = nat();
    translateOutbound(table, udp('10.0.0.2:40000', '198.51.100.7:53'), 0);
    const late = translateInbound(table, udp('198.51.100.7:53', '203.0.113.1:40000'), 30 * S);
    expect(late).toEqual({ translated: false, reason: 'no-match' });
  });

  it('says why a packet was not translated', () => {
    const table = nat();
    const refused = (r: NatResult) => (r.translated ? 'translated' : r.reason);
    expect(refused(translateInbound(table, udp('192.0.2.10:1', '203.0.113.1:53'), 0))).toBe(
      'no-match',
    );
    expect(refused(translateOutbound(table, udp('10.0.1.2:1', '198.51.100.7:53'), 0))).toBe(
      'no-match',
    );
    expect(refused(translateOutbound(table, tcp('10.0.0.2:1', SERVER, 'SA'), 0))).toBe(
      'cannot-start-flow',
    );
    expect(refused(translateOutbound(table, tcp('10.0.0.2:1', SERVER, 'R'), 0))).toBe(
      'cannot-start-flow',
    );
    const pong = echo('10.0.0.2', '198.51.100.7', 'echoReply');
    expect(refused(translateOutbound(table, pong, 0))).toBe('cannot-start-flow');
    const fragment = {
      ...udp('10.0.0.2:1', '198.51.100.7:53'),
      transport: { kind: 'raw' as const, protocol: 17 },
    };
    expect(refused(translateOutbound(table, fragment, 0))).toBe('unsupported');
    const full = new NatTable({
      publicAddress: ip('203.0.113.1'),
      privateNetworks: [cidr('10.0.0.0/8')],
      portRange: { low: 7, high: 7 },
    });
    translateOutbound(full, udp('10.0.0.2:7', '198.51.100.7:53'), 0);
    expect(refused(translateOutbound(full, udp('10.0.0.3:7', '198.51.100.7:53'), 0))).toBe(
      'no-free-port',
    );
  });
});

describe('port forwarding', () => {
  it('sends a public port to the private server and its answers back from the public address', () => {
    const table = nat();
    const syn = tcp('192.0.2.10:51000', '203.0.113.1:8080', 'S', { seq: 5 });
    const inbound = translateInbound(table, syn, 0);
    same(packetOf(inbound), tcp('192.0.2.10:51000', '10.0.0.5:80', 'S', { seq: 5 }));
    expect(inbound).toMatchObject({ created: true, entry: { kind: 'dnat' } });
    const synAck = tcp('10.0.0.5:80', '192.0.2.10:51000', 'SA', { seq: 70, ack: 6 });
    const answer = translateOutbound(table, synAck, 1);
    same(packetOf(answer), tcp('203.0.113.1:8080', '192.0.2.10:51000', 'SA', { seq: 70, ack: 6 }));
    expect(answer).toMatchObject({ direction: 'reply', entry: { kind: 'dnat' } });
    expect(table.size).toBe(1);
  });

  it('keeps the port when the forward names none', () => {
    const table = nat();
    const inbound = translateInbound(table, udp('192.0.2.10:6000', '203.0.113.1:5000'), 0);
    same(packetOf(inbound), udp('192.0.2.10:6000', '10.0.0.6:5000'));
  });
});

describe('ICMP errors about translated datagrams', () => {
  /** Encodes and decodes, so every checksum, the quote's included, is checked as bytes. */
  function onWire(p: Packet) {
    const decoded = decodePacket(encodePacket(p), p.id);
    if (!decoded.ok) throw new Error(decoded.error);
    return decoded;
  }

  it('turn a UDP port unreachable from outside back to the private host and its datagram', () => {
    const table = nat();
    const sent = udp('10.0.0.2:40000', '198.51.100.7:33434', new Uint8Array(21).fill(9));
    const out = packetOf(translateOutbound(table, sent, 0));
    const error = portUnreachable(out, { id: 99, src: ip('198.51.100.7') });
    const back = packetOf(translateInbound(table, error, 1));
    expect(back.ip).toEqual({ ...error.ip, dst: ip('10.0.0.2') });
    expect(back.payload).toEqual(icmpQuote(sent));
    expect(onWire(back).wire).toMatchObject({
      ipChecksumValid: true,
      transportChecksumValid: true,
    });
  });

  it('turn a router’s time exceeded about a TCP segment or an echo back, the sender kept', () => {
    const table = nat();
    const router = { id: 98, src: ip('192.0.2.254') };
    const syn = tcp('10.0.0.2:40000', SERVER, 'S', { seq: 100 });
    const tcpError = timeExceeded(packetOf(translateOutbound(table, syn, 0)), router);
    const tcpBack = packetOf(translateInbound(table, tcpError, 1));
    expect([tcpBack.ip.src, tcpBack.ip.dst]).toEqual([ip('192.0.2.254'), ip('10.0.0.2')]);
    expect(tcpBack.payload).toEqual(icmpQuote(syn));
    const ping = echo('10.0.0.3', '198.51.100.7', 'echoRequest', 40000);
    const pingOut = packetOf(
      translateOutbound(table, echo('10.0.0.2', '198.51.100.7', 'echoRequest', 40000), 0),
    );
    expect(pingOut.transport).toMatchObject({ identifier: 40000 });
    const second = packetOf(translateOutbound(table, ping, 0));
    expect(second.transport).toMatchObject({ identifier: 40001 });
    const echoBack = packetOf(translateInbound(table, timeExceeded(second, router), 1));
    expect(echoBack.payload).toEqual(icmpQuote(ping));
    expect(echoBack.ip.dst).toBe(ip('10.0.0.3'));
    expect(onWire(echoBack).wire.transportChecksumValid).toBe(true);
  });

  it('turn a forwarded server’s port unreachable into one from the public address', () => {
    const table = nat();
    const sent = udp('192.0.2.10:6000', '203.0.113.1:5000');
    const inside = packetOf(translateInbound(table, sent, 0));
    const error = portUnreachable(inside, { id: 97, src: ip('10.0.0.6') });
    const out = packetOf(translateOutbound(table, error, 1));
    expect([out.ip.src, out.ip.dst]).toEqual([ip('203.0.113.1'), ip('192.0.2.10')]);
    expect(out.payload).toEqual(icmpQuote(sent));
  });

  it('update the quoted TCP checksum when a longer quote holds it, as Linux quotes up to 576 bytes', () => {
    const table = nat();
    const data = new Uint8Array([5, 6, 7]);
    const syn = tcp('10.0.0.2:40000', SERVER, 'PA', { seq: 100, ack: 7, data });
    const out = packetOf(translateOutbound(table, syn, 0));
    const error = timeExceeded(out, { id: 95, src: ip('192.0.2.254') });
    const long = { ...error, payload: encodePacket(out).slice(0, 43) };
    const back = packetOf(translateInbound(table, long, 1));
    expect(back.payload).toEqual(encodePacket(syn).slice(0, 43));
  });

  it('are not translated when they quote no known flow', () => {
    const table = nat();
    const stray = portUnreachable(udp('203.0.113.1:1234', '198.51.100.7:53'), {
      id: 96,
      src: ip('198.51.100.7'),
    });
    expect(translateInbound(table, stray, 0)).toEqual({ translated: false, reason: 'no-match' });
  });
});

describe('a packet a link damaged after its IP header', () => {
  // conntrack finds its UDP checksum (RFC 768) wrong and marks it INVALID; Linux's NAT then leaves
  // it as it is, private source and all, and the entry it would have matched is not touched.
  // Bit 230 lies in the UDP payload (20 bytes of IPv4 header and 8 of UDP header before it).
  it('is not translated either way, and later intact packets are', () => {
    const table = nat();
    const refused = (r: NatResult) => (r.translated ? 'translated' : r.reason);
    const out = udp('10.0.0.2:4000', '198.51.100.7:53');
    expect(refused(translateOutbound(table, flipBit(out, 230), 0))).toBe('invalid');
    expect(table.entries()).toHaveLength(0);
    const sent = packetOf(translateOutbound(table, out, 0));
    const back = udp(
      '198.51.100.7:53',
      `203.0.113.1:${sent.transport.kind === 'udp' ? sent.transport.srcPort : 0}`,
    );
    expect(refused(translateInbound(table, flipBit(back, 230), 1))).toBe('invalid');
    expect(packetOf(translateInbound(table, back, 2)).ip.dst).toBe(ip('10.0.0.2'));
  });
});
