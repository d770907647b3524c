// A listener's SYN queue: half-open connections (SYN-RECEIVED) up to the node's synBacklog, each
// given up after tcp_synack_retries (5) SYN-ACKs, 63 s; a SYN beyond is dropped, or with SYN
// cookies answered by a cookie SYN-ACK that keeps nothing, and the ACK that returns it makes the
// connection (RFC 4987 3.6).
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { tcpFlags, type Packet } from '../../net/wire/packet.ts';
import { B, twoHosts, type TwoHosts } from '../../../tests/support/tcpNetwork.ts';
import type { TcpConnection } from './tcpConnection.ts';
import { segmentsFrom, socketErrors } from './tcpSocketTestNet.ts';

/** 10.0.0.50 + i: on A's subnet, owned by nobody, so B's SYN-ACKs to them go nowhere. */
const spoofed = (i: number) => 0x0a000032 + i;

/** A sends a SYN to B:80 as if from `src` (a SYN flood's packet). */
function spoofSyn(net: TwoHosts, src: number, srcPort = 40000): void {
  net.a.net.send({
    src,
    dst: B,
    transport: {
      kind: 'tcp',
      srcPort,
      dstPort: 80,
      seq: 1000,
      ack: 0,
      flags: tcpFlags({ syn: true }),
      window: 65535,
      urgentPointer: 0,
      options: [{ kind: 'mss', value: 1460 }],
    },
  });
}

/** SYN-ACKs B put on the wire. */
function synAcks(net: TwoHosts): Packet[] {
  return segmentsFrom(net, 'B')
    .map((s) => s.packet)
    .filter((p) => p.transport.kind === 'tcp' && p.transport.flags.syn && p.transport.flags.ack);
}

describe('the SYN queue', () => {
  it('holds synBacklog half-open connections; the next SYN is dropped (tcp.synQueueFull)', () => {
    const net = twoHosts({ tcpB: { synBacklog: 3 } });
    net.b.tcp.listen(80);
    for (let i = 0; i < 4; i++) spoofSyn(net, spoofed(i));
    net.sim.run({ until: 10 * NS_PER_MS });
    const full = net.sim.trace.ofType('tcp.synQueueFull');
    expect(full.map((r) => [r.node, r.port, r.synBacklog])).toEqual([['B', 80, 3]]);
    // The three taken are half-open. (Their SYN-ACKs wait for ARP: nobody owns the spoofed
    // addresses, so none reaches the wire.)
    const halfOpen = net.sim.trace
      .ofType('socket.state')
      .filter((r) => r.node === 'B' && r.state === 'SYN-RECEIVED')
      .map((r) => r.conn);
    expect(halfOpen).toEqual([0, 1, 2].map((i) => `10.0.0.2:80>10.0.0.${50 + i}:40000`));
    expect(synAcks(net)).toEqual([]);
    expect(net.sim.trace.ofType('tcp.synDropped')).toEqual([]);
  });

  it('gives a half-open connection up after 5 SYN-ACK retries: 63 s, silently', () => {
    const net = twoHosts();
    net.b.tcp.listen(80);
    spoofSyn(net, spoofed(0));
    net.sim.run({ until: 100 * NS_PER_S });
    // The SYN arrives at 3.001536 ms: A first asks for B's MAC (64-byte frames, 1 ms + 512 ns
    // each way at 1 Gbit/s), then the SYN takes 1.000512 ms. The SYN-ACK goes to IP then and
    // after 1, 3, 7, 15 and 31 s, and never onto the wire: nobody owns the spoofed address, so
    // ARP fails. A SYN-ACK that finds no resolution under way starts one (3 ms, 7.003 s,
    // 15.003 s, 31.003 s); those of 1.003 and 3.003 s join the first, which fails at 3.003 s
    // after three requests, dropping all three (the timer of the 3.003 s one was set first).
    const ms = (t: number) => Math.round(t / NS_PER_MS);
    const b = <K extends 'arp.request' | 'arp.fail'>(type: K) =>
      net.sim.trace.ofType(type).filter((r) => r.node === 'B');
    expect(
      b('arp.request')
        .filter((r) => r.probe === 1)
        .map((r) => ms(r.t)),
    ).toEqual([3, 7003, 15003, 31003]);
    expect(b('arp.fail').map((r) => [ms(r.t), r.dropped])).toEqual([
      [3003, 3],
      [10003, 1],
      [18003, 1],
      [34003, 1],
    ]);
    expect(synAcks(net)).toEqual([]);
    const states = net.sim.trace.ofType('socket.state').filter((r) => r.node === 'B');
    expect(states.map((r) => [ms(r.t), r.state])).toEqual([
      [0, 'LISTEN'],
      [3, 'SYN-RECEIVED'],
      [63003, 'CLOSED'],
    ]);
    expect(socketErrors(net)).toEqual([]);
    // The slot is free again: a SYN after that is taken.
    expect(net.b.tcp.openConnections()).toEqual([]);
  });
});

describe('SYN cookies', () => {
  /**
   * B listens (accept queue `backlog`) with synBacklog 2 and cookies on; two spoofed SYNs fill
   * its SYN queue (with a backlog of 1, the first fills the listener).
   */
  function flooded(tcp: Parameters<typeof twoHosts>[0] = {}, backlog = 128) {
    const net = twoHosts({ ...tcp, tcpB: { synBacklog: 2, synCookies: true, ...tcp.tcpB } });
    const listener = net.b.tcp.listen(80, backlog);
    if (!listener.ok) throw new Error(listener.error);
    spoofSyn(net, spoofed(0));
    spoofSyn(net, spoofed(1));
    return { net, listener: listener.value };
  }

  it('answer a SYN beyond the queue with a cookie SYN-ACK, and the returned ACK makes the connection', () => {
    const options = { windowScaling: true, timestamps: true, sack: true };
    const { net, listener } = flooded({ tcp: options });
    let accepted: TcpConnection | undefined;
    const received: number[] = [];
    listener.onConnection = (l) => {
      const next = l.accept();
      if (!next.ok) return;
      accepted = next.value;
      accepted.handlers.onData = (bytes) => received.push(bytes.length);
    };
    const client = net.a.tcp.connect(B, 80);
    if (!client.ok) throw new Error(client.error);
    client.value.handlers.onConnect = () => client.value.send(new Uint8Array(3000));
    net.sim.run({ until: 500 * NS_PER_MS });

    const cookies = net.sim.trace.ofType('tcp.synCookie');
    expect(cookies).toHaveLength(1);
    const cookieSynAck = synAcks(net).find(
      (p) => p.ip.dst !== spoofed(0) && p.ip.dst !== spoofed(1),
    );
    const h = cookieSynAck?.transport;
    if (h?.kind !== 'tcp') throw new Error('no cookie SYN-ACK');
    expect(h.seq).toBe(cookies[0]?.cookie);
    // Only the MSS: window scaling, SACK and timestamps cannot be encoded in a cookie.
    expect(h.options).toEqual([{ kind: 'mss', value: 1460 }]);
    expect(cookies[0]?.mss).toBe(1460);
    // No state was kept for it: B's connections are the two half-open ones until the ACK.
    const made = net.sim.trace.ofType('tcp.cookieAck');
    expect(made.map((r) => [r.conn, r.mss])).toEqual([[accepted?.name, 1460]]);
    expect(client.value.state).toBe('ESTABLISHED');
    expect(accepted?.state).toBe('ESTABLISHED');
    expect(received.reduce((a, b) => a + b, 0)).toBe(3000);
    // Nothing was agreed beyond the MSS, so the data segments carry no options at all.
    const data = segmentsFrom(net, 'A').filter((s) => s.packet.payload.length > 0);
    expect(data.length).toBeGreaterThan(1);
    for (const s of data)
      expect(s.packet.transport.kind === 'tcp' && s.packet.transport.options).toEqual([]);
    const serverStates = net.sim.trace
      .ofType('socket.state')
      .filter((r) => r.conn === accepted?.name)
      .map((r) => r.state);
    expect(serverStates).toEqual(['SYN-RECEIVED', 'ESTABLISHED']);
    expect(net.sim.trace.ofType('tcp.synQueueFull')).toEqual([]);
  });

  it('answer an ACK with a forged cookie by RST, as Linux does', () => {
    const { net } = flooded();
    net.sim.run({ until: 10 * NS_PER_MS });
    net.a.net.send({
      dst: B,
      transport: {
        kind: 'tcp',
        srcPort: 41000,
        dstPort: 80,
        seq: 5000,
        ack: 123456,
        flags: tcpFlags({ ack: true }),
        window: 65535,
        urgentPointer: 0,
        options: [],
      },
    });
    net.sim.run({ until: 20 * NS_PER_MS });
    expect(net.sim.trace.ofType('tcp.cookieAck')).toEqual([]);
    expect(net.sim.trace.ofType('tcp.refused').map((r) => r.port)).toEqual([80]);
  });

  it('drop a valid cookie while the accept queue is full; the next segment with it gets in', () => {
    // Backlog 1: c2 and c3 both get cookies; c2's ACK fills the accept queue, so c3's is dropped
    // (tcp.cookieDropped). Once the app accepts c2, c3's data (its ACK field still the cookie + 1)
    // makes c3's connection, with the client's sequence numbers right.
    const { net, listener } = flooded({}, 1);
    const c2 = net.a.tcp.connect(B, 80);
    const c3 = net.a.tcp.connect(B, 80);
    if (!c2.ok || !c3.ok) throw new Error('connect failed');
    net.sim.run({ until: 100 * NS_PER_MS });
    // The second spoofed SYN got one too: the first filled the backlog of 1.
    expect(net.sim.trace.ofType('tcp.synCookie')).toHaveLength(3);
    const dropped = net.sim.trace.ofType('tcp.cookieDropped');
    expect(dropped.map((r) => [r.port, r.backlog])).toEqual([[80, 1]]);
    const first = listener.accept();
    expect(first.ok && first.value.remotePort).toBe(c2.value.localPort);
    const received: number[] = [];
    listener.onConnection = (l) => {
      const next = l.accept();
      if (next.ok) next.value.handlers.onData = (bytes) => received.push(...bytes);
    };
    c3.value.send(new Uint8Array([1, 2, 3]));
    net.sim.run({ until: 200 * NS_PER_MS });
    expect(net.sim.trace.ofType('tcp.cookieAck')).toHaveLength(2);
    expect(received).toEqual([1, 2, 3]);
  });

  it('are not sent while the accept queue itself is full: the SYN is dropped (tcp.synDropped)', () => {
    const net = twoHosts({ tcpB: { synCookies: true } });
    const listener = net.b.tcp.listen(80, 1);
    if (!listener.ok) throw new Error(listener.error);
    net.a.tcp.connect(B, 80);
    net.sim.run({ until: 10 * NS_PER_MS });
    net.a.tcp.connect(B, 80);
    net.sim.run({ until: 20 * NS_PER_MS });
    expect(net.sim.trace.ofType('tcp.synCookie')).toEqual([]);
    expect(net.sim.trace.ofType('tcp.synDropped').map((r) => r.backlog)).toEqual([1]);
  });
});
