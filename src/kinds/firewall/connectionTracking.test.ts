// Connection tracking as netfilter's conntrack: NEW until a reply, ESTABLISHED after, RELATED for
// an ICMP error quoting a tracked flow, INVALID for what cannot start a flow; entries end by RST,
// by both FINs acknowledged, or (UDP, ICMP) by timeout in simulated ns.
import { describe, expect, it } from 'vitest';
import { flipBit } from '../../net/wire/corruption.ts';
import { portUnreachable, timeExceeded } from '../../net/wire/icmpErrors.ts';
import { ConnectionTable } from './connectionTracking.ts';
import type { ConnState } from './connectionTracking.ts';
import { echo, ip, tcp, udp } from './firewallTestPackets.ts';
import type { Packet } from '../../net/wire/packet.ts';

const S = 1_000_000_000;
const C = '10.0.0.2:49152';
const W = '203.0.113.5:80';

/** Tracks and confirms each packet as an ACCEPT-everything firewall would; returns the states. */
function run(table: ConnectionTable, packets: Packet[], now = 0): ConnState[] {
  return packets.map((p) => {
    const tracked = table.track(p, now);
    table.confirm(tracked);
    return tracked.state;
  });
}

describe('TCP', () => {
  it('a SYN is NEW, the SYN+ACK back and all after are ESTABLISHED', () => {
    const table = new ConnectionTable();
    const syn = table.track(tcp(C, W, 'S', { seq: 100 }), 0);
    expect(syn.state).toBe('NEW');
    expect(table.size).toBe(0); // not in the table until confirmed
    expect(table.confirm(syn)).toEqual({ type: 'conntrack.new' });
    expect(table.size).toBe(1);
    const synAck = table.track(tcp(W, C, 'SA', { seq: 500, ack: 101 }), 1);
    expect(synAck).toMatchObject({ state: 'ESTABLISHED', direction: 'reply' });
    expect(synAck.event).toEqual({ type: 'conntrack.reply' });
    expect(table.entries()[0]?.phase).toBe('established');
    const ack = table.track(tcp(C, W, 'A', { seq: 101, ack: 501 }), 2);
    expect(ack).toMatchObject({ state: 'ESTABLISHED', direction: 'original' });
    expect(ack.event).toBeUndefined();
  });

  it('a retransmitted SYN is still NEW; a SYN never confirmed (dropped) leaves no entry', () => {
    const table = new ConnectionTable();
    expect(run(table, [tcp(C, W, 'S'), tcp(C, W, 'S')])).toEqual(['NEW', 'NEW']);
    const other = new ConnectionTable();
    other.track(tcp(C, W, 'S'), 0); // dropped: not confirmed
    expect(other.track(tcp(W, C, 'SA', { ack: 1001 }), 1).state).toBe('INVALID');
    expect(other.size).toBe(0);
  });

  it('cannot start a flow with RST, FIN or SYN+ACK (INVALID); a bare ACK is picked up as NEW', () => {
    const table = new ConnectionTable();
    for (const flags of ['R', 'RA', 'FA', 'F', 'SA'])
      expect(table.track(tcp(C, W, flags), 0).state).toBe('INVALID');
    expect(run(table, [tcp(C, W, 'A'), tcp(W, C, 'A')])).toEqual(['NEW', 'ESTABLISHED']);
  });

  it('a RST in either direction ends the entry (the RST itself is ESTABLISHED)', () => {
    const table = new ConnectionTable();
    run(table, [tcp(C, W, 'S'), tcp(W, C, 'SA', { ack: 1001 })]);
    const rst = table.track(tcp(W, C, 'R', { seq: 1 }), 3);
    expect(rst.state).toBe('ESTABLISHED');
    expect(rst.event).toEqual({ type: 'conntrack.close', reason: 'rst' });
    expect(table.size).toBe(0);
    expect(table.track(tcp(C, W, 'A'), 4).state).toBe('NEW');
  });

  it('FIN each way ends the entry once both FINs are acknowledged', () => {
    const table = new ConnectionTable();
    // Client ISN 100, server ISN 500; the client sends 10 bytes with its FIN: FIN at 101+10 = 111,
    // acknowledged by ack 112. The server's FIN at 501, acknowledged by ack 502.
    run(table, [tcp(C, W, 'S', { seq: 100 }), tcp(W, C, 'SA', { seq: 500, ack: 101 })]);
    const finC = table.track(tcp(C, W, 'FA', { seq: 101, ack: 501, data: new Uint8Array(10) }), 1);
    expect(finC.event).toEqual({ type: 'conntrack.fin', direction: 'original' });
    expect(table.entries()[0]?.finAckAt).toEqual({ original: 112 });
    // An ACK short of the FIN does not acknowledge it.
    expect(table.track(tcp(W, C, 'A', { seq: 501, ack: 111 }), 2).event).toBeUndefined();
    expect(table.entries()[0]?.finAcked.original).toBe(false);
    const finS = table.track(tcp(W, C, 'FA', { seq: 501, ack: 112 }), 3);
    expect(finS.event).toEqual({ type: 'conntrack.fin', direction: 'reply' });
    expect(table.entries()[0]).toMatchObject({
      phase: 'closing',
      finAcked: { original: true, reply: false },
    });
    const last = table.track(tcp(C, W, 'A', { seq: 112, ack: 502 }), 4);
    expect(last).toMatchObject({
      state: 'ESTABLISHED',
      event: { type: 'conntrack.close', reason: 'fin' },
    });
    expect(table.size).toBe(0);
  });

  it('a simultaneous close ends with the second ACK; sequence numbers wrap past 2^32', () => {
    const table = new ConnectionTable();
    // Client ISN 2^32-3: its 4 data bytes are 2^32-2, 2^32-1, 0, 1; its FIN is 2, acknowledged by 3.
    const isn = 2 ** 32 - 3;
    run(table, [tcp(C, W, 'S', { seq: isn }), tcp(W, C, 'SA', { seq: 7, ack: isn + 1 })]);
    table.track(tcp(C, W, 'FA', { seq: isn + 1, ack: 8, data: new Uint8Array(4) }), 1);
    expect(table.entries()[0]?.finAckAt.original).toBe(3);
    // The server's FIN (at 8, acknowledged by 9) crosses it, acknowledging one byte: 2^32-1 is
    // numerically above 3 but before it in sequence space, so the client's FIN is not yet acked.
    table.track(tcp(W, C, 'FA', { seq: 8, ack: 2 ** 32 - 1 }), 1);
    expect(table.entries()[0]?.finAcked).toEqual({ original: false, reply: false });
    expect(table.track(tcp(C, W, 'A', { seq: 3, ack: 9 }), 2).event).toBeUndefined();
    const close = table.track(tcp(W, C, 'A', { seq: 9, ack: 3 }), 2);
    expect(close.event).toEqual({ type: 'conntrack.close', reason: 'fin' });
    expect(table.size).toBe(0);
  });
});

describe('UDP', () => {
  const query = (): Packet => udp('10.0.0.2:5353', '10.0.0.53:53');
  const answer = (): Packet => udp('10.0.0.53:53', '10.0.0.2:5353');

  it('the first datagram is NEW, a reply and everything after ESTABLISHED', () => {
    const table = new ConnectionTable();
    expect(run(table, [query(), query(), answer(), query()])).toEqual([
      'NEW',
      'NEW',
      'ESTABLISHED',
      'ESTABLISHED',
    ]);
  });

  it('an unanswered flow expires 30 s after its last datagram, an answered one after 120 s', () => {
    const table = new ConnectionTable();
    run(table, [query()], 0);
    run(table, [query()], 10 * S); // refreshes: now expires at 40 s
    expect(table.expire(40 * S - 1)).toEqual([]);
    // The answer comes at 40 s: the entry is gone, so the answer starts a flow of its own.
    const late = table.track(answer(), 40 * S);
    expect(late.state).toBe('NEW');
    expect(late.expired?.original.dstPort).toBe(53);
    expect(late.entry?.original.srcPort).toBe(53);
    expect(table.size).toBe(0);
    // Answered, the flow lives 120 s after its last datagram.
    run(table, [query(), answer()], 100 * S);
    expect(table.expire(220 * S - 1)).toEqual([]);
    expect(table.expire(220 * S)).toHaveLength(1);
  });

  it('expire(now) removes exactly the entries whose time has come', () => {
    const table = new ConnectionTable({ udpTimeoutNs: 5 * S, udpStreamTimeoutNs: 50 * S });
    run(table, [query(), answer()], 0); // answered: 50 s
    run(table, [udp('10.0.0.2:6000', '10.0.0.53:53')], 1 * S); // unanswered: 6 s
    expect(table.expire(6 * S).map((e) => e.original.srcPort)).toEqual([6000]);
    expect(table.size).toBe(1);
    expect(table.expire(50 * S)).toHaveLength(1);
    expect(table.size).toBe(0);
  });
});

describe('ICMP', () => {
  it('an echo request is NEW and its reply ESTABLISHED; a reply without request is INVALID', () => {
    const table = new ConnectionTable();
    const states = run(table, [
      echo('10.0.0.2', '10.0.0.1', 'echoRequest', 7),
      echo('10.0.0.1', '10.0.0.2', 'echoReply', 7),
      echo('10.0.0.1', '10.0.0.2', 'echoReply', 8),
      // A request the other way with the same identifier is a flow of its own, not a reply.
      echo('10.0.0.1', '10.0.0.2', 'echoRequest', 7),
    ]);
    expect(states).toEqual(['NEW', 'ESTABLISHED', 'INVALID', 'NEW']);
  });

  it('an error quoting a tracked flow is RELATED, one quoting an unknown flow INVALID', () => {
    const table = new ConnectionTable();
    const query = udp('10.0.0.2:5353', '10.0.0.53:53');
    run(table, [query]);
    const unreachable = portUnreachable(query, { id: 90, src: ip('10.0.0.53') });
    expect(table.track(unreachable, 1)).toMatchObject({ state: 'RELATED', direction: 'reply' });
    const stranger = udp('10.0.0.9:5353', '10.0.0.53:53');
    expect(table.track(portUnreachable(stranger, { id: 91, src: ip('10.0.0.53') }), 1).state).toBe(
      'INVALID',
    );
    // A router's Time Exceeded about a ping (the quote holds its ICMP header and identifier).
    const ping = echo('10.0.0.2', '198.51.100.1', 'echoRequest', 42);
    run(table, [ping]);
    const exceeded = timeExceeded(ping, { id: 92, src: ip('10.0.0.254') });
    expect(table.track(exceeded, 1).state).toBe('RELATED');
    // ... and one about a TCP segment of a tracked connection.
    const syn = tcp('10.0.0.2:49152', '203.0.113.5:80', 'S');
    run(table, [syn]);
    expect(table.track(timeExceeded(syn, { id: 93, src: ip('10.0.0.254') }), 1).state).toBe(
      'RELATED',
    );
  });
});

describe('reports', () => {
  it('tells onReport each event of an entry with its time, and counts packets each way', () => {
    const seen: string[] = [];
    const table = new ConnectionTable({ udpTimeoutNs: 5 * S }, (r) =>
      seen.push(`${r.at / S} ${r.event.type} ${r.entry.original.srcPort}`),
    );
    const query = udp('10.0.0.2:5353', '10.0.0.53:53');
    run(table, [query, query], 1 * S);
    run(table, [udp('10.0.0.53:53', '10.0.0.2:5353')], 2 * S);
    expect(table.entries()[0]).toMatchObject({
      lastSeenAt: 2 * S,
      packets: { original: 2, reply: 1 },
    });
    table.expire(20 * S); // answered: 120 s, not yet
    run(table, [tcp(C, W, 'S', { seq: 100 })], 3 * S);
    run(table, [tcp(W, C, 'R', { seq: 1 })], 4 * S);
    table.expire(200 * S);
    expect(seen).toEqual([
      '1 conntrack.new 5353',
      '2 conntrack.reply 5353',
      '3 conntrack.new 49152',
      '4 conntrack.close 49152',
      '200 conntrack.expire 5353',
    ]);
  });
});

describe('a packet a link damaged', () => {
  // Bit 230 lies in the UDP payload (20 bytes of IPv4 header, 8 of UDP header before it), which
  // the UDP checksum covers (RFC 768): Linux's conntrack verifies it on arrival and calls the
  // packet INVALID (nf_conntrack_checksum), neither starting nor touching an entry.
  it('is INVALID when its transport checksum fails, and the flow goes on as before', () => {
    const table = new ConnectionTable();
    const out = udp(C, W);
    expect(run(table, [flipBit(out, 230)])).toEqual(['INVALID']);
    expect(table.size).toBe(0);
    expect(run(table, [out])).toEqual(['NEW']);
    expect(run(table, [flipBit(udp(W, C), 230)])).toEqual(['INVALID']);
    expect(table.entries()[0]?.packets).toEqual({ original: 1, reply: 0 });
    expect(run(table, [udp(W, C)])).toEqual(['ESTABLISHED']);
  });
  it('is tracked as its bytes say when two flips cancel', () => {
    const table = new ConnectionTable();
    expect(run(table, [flipBit(flipBit(udp(C, W), 230), 230)])).toEqual(['NEW']);
  });
});
