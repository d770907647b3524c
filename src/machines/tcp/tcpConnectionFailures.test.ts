// Failed TCP connections and the segments behind their errors: the RST of RFC 9293 3.10.7.1,
// the SYN backoff of RFC 6298, a full backlog, an abort.
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { B, figureLines, twoHosts } from '../../../tests/support/tcpNetwork.ts';
import { DEFAULT_TCP_CONFIG } from './tcpConfig.ts';
import type { TcpConnection } from './tcpConnection.ts';
import { established, NOBODY, segmentsFrom, socketErrors } from './tcpSocketTestNet.ts';

describe('TCP connection failures', () => {
  it('connect to a port nobody listens on: RST <SEQ=0><ACK=ISS+1><CTL=RST,ACK>, ECONNREFUSED', () => {
    // RFC 9293 3.10.7.1, CLOSED state: "If the ACK bit is off, sequence number zero is used,
    //   <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>". The SYN has SEG.SEQ = ISS = 100 and
    //   SEG.LEN = 1 (the SYN takes one sequence number), so ACK = 101.
    const net = twoHosts({ issA: [100] });
    const conn = net.a.tcp.connect(B, 81);
    if (!conn.ok) throw new Error(conn.error);
    const errors: string[] = [];
    let closed = 0;
    conn.value.handlers.onError = (e) => errors.push(e);
    conn.value.handlers.onClose = () => closed++;
    expect(() => net.sim.run()).not.toThrow();
    expect(figureLines(net.sim.trace.records)).toEqual([
      'A SYN-SENT',
      'A --> <SEQ=100><CTL=SYN>',
      'B --> <SEQ=0><ACK=101><CTL=RST,ACK>',
      'A CLOSED',
    ]);
    const [rst] = segmentsFrom(net, 'B');
    const h = rst?.packet.transport;
    if (h?.kind !== 'tcp') throw new Error('no RST');
    expect([h.srcPort, h.dstPort]).toEqual([81, conn.value.localPort]);
    expect(rst?.packet.payload.length).toBe(0);
    expect(net.sim.trace.ofType('tcp.refused').map((r) => `${r.node} ${r.port}`)).toEqual(['B 81']);
    expect(errors).toEqual(['ECONNREFUSED']);
    expect(closed).toBe(1);
    expect(socketErrors(net)).toEqual([`A tcp connection ECONNREFUSED ${conn.value.name}`]);
    // The ephemeral port is free again.
    expect(net.a.tcp.connect(B, 81, conn.value.localPort).ok).toBe(true);
  });

  it('connect to an address that never answers: SYN backoff of RFC 6298, then ETIMEDOUT', () => {
    const net = twoHosts();
    const conn = net.a.tcp.connect(NOBODY, 80);
    if (!conn.ok) throw new Error(conn.error);
    const errors: string[] = [];
    conn.value.handlers.onError = (e) => errors.push(e);
    net.sim.run();
    const { initialRto, maxRto, synRetries } = DEFAULT_TCP_CONFIG;
    // RFC 6298: RTO starts at 1 s (2.1); each expiry doubles it (5.5), up to the maximum of
    // (2.5), here 60 s. The k-th timer lasts RTO_k = min(1 s * 2^k, 60 s): 1, 2, 4, 8, 16, 32,
    // 60 s. SYN k leaves at RTO_0 + ... + RTO_(k-1): 0, 1, 3, 7, 15, 31, 63 s; after the last
    // of the 6 retransmissions (Linux tcp_syn_retries) the 7th timer expires at 63 + 60 = 123 s.
    const rtoAt = (k: number): number => Math.min(initialRto * 2 ** k, maxRto);
    const sendTimes = [0];
    for (let k = 0; k < synRetries; k++) sendTimes.push((sendTimes[k] as number) + rtoAt(k));
    const giveUp = (sendTimes.at(-1) as number) + rtoAt(synRetries);
    expect(sendTimes.map((t) => t / NS_PER_S)).toEqual([0, 1, 3, 7, 15, 31, 63]);
    expect(giveUp / NS_PER_S).toBe(123);

    // 10.0.0.3 is on A's link, so each SYN first waits for ARP, which nobody answers: no SYN
    // ever reaches the wire. A resolution asks at 0, 1 and 2 s and fails at 3 s, dropping what
    // waited: SYNs 0 and 1, and SYN 2, handed to IP at 3 s just before (its timer was set
    // first). SYN 3 (7 s) starts a new one, failing at 10 s; then 15 -> 18, 31 -> 34, 63 -> 66 s.
    expect(segmentsFrom(net, 'A')).toEqual([]);
    expect(net.sim.trace.ofType('arp.fail').map((r) => [r.t / NS_PER_S, r.dropped])).toEqual([
      [3, 3],
      [10, 1],
      [18, 1],
      [34, 1],
      [66, 1],
    ]);
    const requests = net.sim.trace.ofType('arp.request').map((r) => r.t / NS_PER_S);
    expect(requests).toEqual([0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65]);
    const dropped = net.sim.trace.ofType('ip.drop');
    expect(dropped.every((r) => r.node === 'A' && r.reason === 'arpFailed')).toBe(true);
    expect(dropped).toHaveLength(synRetries + 1);
    // Each expiry is traced with the doubled RTO: 2, 4, 8, 16, 32, 60 s.
    expect(net.sim.trace.ofType('tcp.rto').map((r) => [r.t, r.rto, r.cause])).toEqual(
      sendTimes.slice(1).map((t, k) => [t, rtoAt(k + 1), 'backoff']),
    );
    expect(errors).toEqual(['ETIMEDOUT']);
    const failure = net.sim.trace.ofType('socket.error');
    expect(failure.map((r) => [r.t, r.error, r.op])).toEqual([[giveUp, 'ETIMEDOUT', 'connection']]);
    expect(conn.value.state).toBe('CLOSED');
  });

  it('a full backlog drops the SYN (tcp.synDropped); the retried SYN succeeds once the app accepts', () => {
    // Link 1 ms each way. c1 is established at about 3 ms and fills the backlog of 1; c2's SYN
    // (sent at 10 ms) is dropped; the app accepts c1 at 500 ms; c2's SYN is retransmitted one
    // initial RTO (1 s, RFC 6298 2.1) after the first, at 1.010 s, and is accepted.
    const net = twoHosts();
    const listener = net.b.tcp.listen(80, 1);
    if (!listener.ok) throw new Error(listener.error);
    const c1 = net.a.tcp.connect(B, 80);
    if (!c1.ok) throw new Error(c1.error);
    let c2: TcpConnection | undefined;
    let c2Connected: number | undefined;
    net.sim.scheduleAt(10 * NS_PER_MS, () => {
      const opened = net.a.tcp.connect(B, 80);
      if (!opened.ok) throw new Error(opened.error);
      c2 = opened.value;
      c2.handlers.onConnect = () => (c2Connected = net.sim.now());
    });
    let first: TcpConnection | undefined;
    net.sim.scheduleAt(500 * NS_PER_MS, () => {
      const accepted = listener.value.accept();
      if (accepted.ok) first = accepted.value;
    });
    net.sim.run({ until: 2 * NS_PER_S });

    const dropped = net.sim.trace.ofType('tcp.synDropped');
    expect(dropped.map((r) => [r.node, r.port, r.backlog])).toEqual([['B', 80, 1]]);
    const c2Syns = segmentsFrom(net, 'A').filter((s) => {
      const h = s.packet.transport;
      return h.kind === 'tcp' && h.flags.syn && h.srcPort === c2?.localPort;
    });
    expect(c2Syns.map((s) => s.t)).toEqual([10 * NS_PER_MS, 10 * NS_PER_MS + NS_PER_S]);
    expect(dropped[0]?.pkt).toBe(c2Syns[0]?.packet.id);
    expect(first?.remotePort).toBe(c1.value.localPort);
    expect(c2?.state).toBe('ESTABLISHED');
    expect(c2Connected).toBeGreaterThan(10 * NS_PER_MS + NS_PER_S);
    const second = listener.value.accept();
    expect(second.ok && second.value.remotePort).toBe(c2?.localPort);
    expect(socketErrors(net)).toEqual([]);
  });

  it('abort sends <SEQ=SND.NXT><CTL=RST>; the peer gets ECONNRESET', () => {
    // ISS 100 and 300: after the handshake A's SND.NXT is 101, B's RCV.NXT is 101, so B finds
    // the RST exactly at RCV.NXT and accepts it (RFC 9293 3.10.7.4 with RFC 5961 3.2).
    const net = twoHosts({ issA: [100], issB: [300] });
    const { client, server } = established(net);
    const serverErrors: string[] = [];
    const clientErrors: string[] = [];
    let clientClosed = 0;
    server().handlers.onError = (e) => serverErrors.push(e);
    client.handlers.onError = (e) => clientErrors.push(e);
    client.handlers.onClose = () => clientClosed++;
    const start = net.sim.trace.length;
    client.abort();
    expect(client.state).toBe('CLOSED');
    net.sim.run();
    expect(figureLines(net.sim.trace.records.slice(start))).toEqual([
      'A CLOSED',
      'A --> <SEQ=101><CTL=RST>',
      'B CLOSED',
    ]);
    expect(serverErrors).toEqual(['ECONNRESET']);
    expect(clientErrors).toEqual([]);
    expect(clientClosed).toBe(1);
    expect(socketErrors(net)).toEqual([`B tcp connection ECONNRESET ${server().name}`]);
  });
});
