// Socket misuse and failed connections: each gives a named error (the errno a real program sees),
// leaves a `socket.error` record in the trace, and never throws out of the engine. Also the
// segments behind the errors: the RST of RFC 9293 3.10.7.1, the SYN backoff of RFC 6298.
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { A, B, figureLines, twoHosts, type TwoHosts } from '../../../tests/support/tcpNetwork.ts';
import { DEFAULT_TCP_CONFIG } from './tcpConfig.ts';
import type { TcpConnection } from './tcpConnection.ts';

/** 10.0.0.3: on A's subnet, but no host has it, so nothing ever answers. */
const NOBODY = 0x0a000003;

/** The `socket.error` records, as "node protocol op error socket". */
function socketErrors(net: TwoHosts): string[] {
  return net.sim.trace
    .ofType('socket.error')
    .map((r) => `${r.node} ${r.protocol} ${r.op} ${r.error} ${r.socket}`);
}

/** TCP segments `node` put on the wire, with their send times. */
function segmentsFrom(net: TwoHosts, node: string): { t: number; packet: Packet }[] {
  return net.sim.trace
    .ofType('link.txBegin')
    .filter((r) => r.node === node && r.packet.transport.kind === 'tcp')
    .map((r) => ({ t: r.t, packet: r.packet }));
}

/** A connects to B:80, B accepts at once; returns both ends once established. */
function established(net: TwoHosts): { client: TcpConnection; server: () => TcpConnection } {
  const listener = net.b.tcp.listen(80);
  if (!listener.ok) throw new Error(listener.error);
  let server: TcpConnection | undefined;
  listener.value.onConnection = (l) => {
    const accepted = l.accept();
    if (accepted.ok) server = accepted.value;
  };
  const client = net.a.tcp.connect(B, 80);
  if (!client.ok) throw new Error(client.error);
  for (let i = 0; i < 100 && !server; i++) net.sim.run({ until: net.sim.now() + 100 * NS_PER_MS });
  expect(client.value.state).toBe('ESTABLISHED');
  return {
    client: client.value,
    server: () => {
      if (!server) throw new Error('B accepted nothing');
      return server;
    },
  };
}

describe('TCP socket misuse gives named errors', () => {
  it('send before the handshake completes: ENOTCONN', () => {
    const net = twoHosts();
    net.b.tcp.listen(80);
    const conn = net.a.tcp.connect(B, 80);
    if (!conn.ok) throw new Error(conn.error);
    expect(conn.value.state).toBe('SYN-SENT');
    expect(conn.value.send(new Uint8Array(10))).toEqual({ ok: false, error: 'ENOTCONN' });
    expect(socketErrors(net)).toEqual([`A tcp send ENOTCONN ${conn.value.name}`]);
    // Nothing was queued: after the handshake no data segment goes out.
    net.sim.run();
    expect(segmentsFrom(net, 'A').filter((s) => s.packet.payload.length > 0)).toEqual([]);
  });

  it('send after close: EPIPE (FIN-WAIT); send on a CLOSED socket: EBADF', () => {
    const net = twoHosts();
    const { client, server } = established(net);
    server().handlers.onEnd = () => server().close();
    client.close();
    expect(client.state).toBe('FIN-WAIT-1');
    expect(client.send(new Uint8Array(1))).toEqual({ ok: false, error: 'EPIPE' });
    net.sim.run(); // FIN handshake, then TIME-WAIT's 2 MSL
    expect(client.state).toBe('CLOSED');
    expect(client.send(new Uint8Array(1))).toEqual({ ok: false, error: 'EBADF' });
    expect(server().send(new Uint8Array(1))).toEqual({ ok: false, error: 'EBADF' });
    expect(socketErrors(net)).toEqual([
      `A tcp send EPIPE ${client.name}`,
      `A tcp send EBADF ${client.name}`,
      `B tcp send EBADF ${server().name}`,
    ]);
  });

  it('listen on a port in use, or connect from it: EADDRINUSE', () => {
    const net = twoHosts();
    expect(net.b.tcp.listen(80).ok).toBe(true);
    expect(net.b.tcp.listen(80)).toEqual({ ok: false, error: 'EADDRINUSE' });
    expect(net.b.tcp.connect(A, 9000, 80)).toEqual({ ok: false, error: 'EADDRINUSE' });
    expect(socketErrors(net)).toEqual([
      'B tcp listen EADDRINUSE *:80',
      'B tcp connect EADDRINUSE 10.0.0.1:9000',
    ]);
  });

  it('bad arguments and a closed listener: EINVAL, EBADF; accept with nothing queued: EAGAIN', () => {
    const net = twoHosts();
    expect(net.b.tcp.listen(0)).toEqual({ ok: false, error: 'EINVAL' });
    expect(net.a.tcp.connect(B, 70_000)).toEqual({ ok: false, error: 'EINVAL' });
    const listener = net.b.tcp.listen(80);
    if (!listener.ok) throw new Error(listener.error);
    expect(listener.value.accept()).toEqual({ ok: false, error: 'EAGAIN' });
    listener.value.close();
    expect(listener.value.accept()).toEqual({ ok: false, error: 'EBADF' });
    // The port is free again.
    expect(net.b.tcp.listen(80).ok).toBe(true);
  });

  it('misuse in any order never throws out of the engine', () => {
    const net = twoHosts({ link: { loss: 0.2 }, seed: 7 });
    const { client, server } = established(net);
    const calls = (c: TcpConnection): void => {
      c.send(new Uint8Array(0));
      c.send(new Uint8Array(100_000));
      c.close();
      c.close();
      c.send(new Uint8Array(1));
      c.abort();
      c.abort();
      c.close();
      c.send(new Uint8Array(1));
    };
    expect(() => {
      server().handlers.onData = () => calls(server());
      calls(client);
      net.sim.run({ until: net.sim.now() + 10 * NS_PER_S });
      calls(server());
      net.sim.run();
    }).not.toThrow();
    expect(client.state).toBe('CLOSED');
    expect(server().state).toBe('CLOSED');
  });
});

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

    const syns = segmentsFrom(net, 'A');
    expect(syns.map((s) => s.t)).toEqual(sendTimes);
    for (const s of syns) {
      const h = s.packet.transport;
      expect(h.kind === 'tcp' && h.flags.syn && !h.flags.ack).toBe(true);
      // Every retransmission is the same SYN: the same ISS.
      expect(h.kind === 'tcp' && h.seq).toBe(
        syns[0]?.packet.transport.kind === 'tcp' && syns[0].packet.transport.seq,
      );
    }
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

describe('UDP errors', () => {
  it('a datagram to a closed port: ICMP port unreachable, ECONNREFUSED on the sender', () => {
    const net = twoHosts();
    const socket = net.a.udp.bind(5000);
    if (!socket.ok) throw new Error(socket.error);
    const errors: [string, number, number][] = [];
    socket.value.onError = (error, about) => errors.push([error, about.to, about.port]);
    const sent = socket.value.sendTo(B, 9999, new Uint8Array([1, 2, 3]));
    expect(sent.ok).toBe(true);
    expect(() => net.sim.run()).not.toThrow();
    const icmp = net.sim.trace
      .ofType('link.txBegin')
      .filter((r) => r.node === 'B')
      .map((r) => r.packet.transport);
    // RFC 792: type 3 (destination unreachable), code 3 (port unreachable).
    expect(icmp).toEqual([
      { kind: 'icmp', message: 'destinationUnreachable', code: 3, nextHopMtu: 0 },
    ]);
    expect(errors).toEqual([['ECONNREFUSED', B, 9999]]);
    expect(socketErrors(net)).toEqual(['A udp recv ECONNREFUSED udp *:5000 -> 10.0.0.2:9999']);
  });

  it('bind on a port in use: EADDRINUSE; sendTo after close: EBADF', () => {
    const net = twoHosts();
    const first = net.a.udp.bind(5000);
    if (!first.ok) throw new Error(first.error);
    expect(net.a.udp.bind(5000)).toEqual({ ok: false, error: 'EADDRINUSE' });
    first.value.close();
    expect(first.value.sendTo(B, 9, new Uint8Array(1))).toEqual({ ok: false, error: 'EBADF' });
    expect(net.a.udp.bind(5000).ok).toBe(true);
    expect(socketErrors(net)).toEqual([
      'A udp bind EADDRINUSE *:5000',
      'A udp sendto EBADF udp *:5000',
    ]);
  });
});

describe('socket API regressions', () => {
  it('bytes and FIN that arrive before the app accepts wait for it, in order', () => {
    // The client connects, writes and closes at once; B's app accepts only 200 ms later.
    // (Before the fix the bytes were read into a missing onData and lost, though acknowledged,
    // and so was onEnd: B never learnt the peer had closed.)
    const net = twoHosts();
    const listener = net.b.tcp.listen(80);
    if (!listener.ok) throw new Error(listener.error);
    const text = 'GET / HTTP/1.1\r\n\r\n';
    const conn = net.a.tcp.connect(B, 80);
    if (!conn.ok) throw new Error(conn.error);
    conn.value.handlers.onConnect = () => {
      conn.value.send(new TextEncoder().encode(text));
      conn.value.close();
    };
    const events: string[] = [];
    net.sim.scheduleAt(200 * NS_PER_MS, () => {
      const accepted = listener.value.accept();
      if (!accepted.ok) throw new Error(accepted.error);
      const server = accepted.value;
      expect(server.state).toBe('CLOSE-WAIT');
      server.handlers.onData = (bytes) => events.push(`data ${new TextDecoder().decode(bytes)}`);
      server.handlers.onEnd = () => {
        events.push(`end at ${net.sim.now()}`);
        server.close();
      };
    });
    net.sim.run();
    expect(events).toEqual([`data ${text}`, `end at ${200 * NS_PER_MS}`]);
    expect(conn.value.state).toBe('CLOSED');
    expect(socketErrors(net)).toEqual([]);
  });

  it('abort inside onData sends the RST and nothing after it', () => {
    const net = twoHosts({ issA: [100], issB: [300] });
    const { client, server } = established(net);
    client.handlers.onData = () => client.abort();
    const start = net.sim.trace.length;
    server().send(new Uint8Array(10));
    net.sim.run();
    // Before the fix A also acknowledged the data after its RST, and B answered with a RST.
    expect(figureLines(net.sim.trace.records.slice(start))).toEqual([
      'B --> <SEQ=301><ACK=101><CTL=ACK><DATA>',
      'A CLOSED',
      'A --> <SEQ=101><CTL=RST>',
      'B CLOSED',
    ]);
  });

  it('abort after a timeout numbers its RST SND.MAX, so the peer resets at once', () => {
    // ISS 100/300, 10 ms each way, 1 Gbit/s. At 1 s A writes two segments (101 and 1561); B
    // receives both (RCV.NXT = 3021) but its ACKs are lost (link down 1.015-1.016 s). At 2 s
    // A's timer (RTO 1 s) expires; going back N, it resends 101 and its SND.NXT is 1561, while
    // SND.MAX, RFC 9293's SND.NXT, is 3021. A aborts at 2.001 s: the RST must carry 3021, which
    // B accepts on arrival, 2.001 s + 10 ms + 320 ns (40 bytes at 1 Gbit/s). Before the fix it
    // carried 1561, below B's window, and was ignored; B learnt only a round trip later.
    const d = 10 * NS_PER_MS;
    const net = twoHosts({ issA: [100], issB: [300], link: { delay: d } });
    const { client, server } = established(net);
    const resets: number[] = [];
    server().handlers.onError = () => resets.push(net.sim.now());
    net.sim.scheduleAt(NS_PER_S, () => client.send(new Uint8Array(2920)));
    net.sim.scheduleAt(NS_PER_S + 1.5 * d, () => net.link.setUp(false));
    net.sim.scheduleAt(NS_PER_S + 1.6 * d, () => net.link.setUp(true));
    const abortAt = 2 * NS_PER_S + NS_PER_MS;
    net.sim.scheduleAt(abortAt, () => client.abort());
    net.sim.run();
    const rst = segmentsFrom(net, 'A').filter((seg) => {
      const h = seg.packet.transport;
      return h.kind === 'tcp' && h.flags.rst;
    });
    const first = rst[0]?.packet.transport;
    expect([rst[0]?.t, first?.kind === 'tcp' && first.seq]).toEqual([abortAt, 3021]);
    // B's ACK of the resent segment then reaches A's port with no connection behind it, which
    // answers as RFC 9293 3.10.7.1 says for a segment with ACK: <SEQ=SEG.ACK><CTL=RST>.
    const second = rst[1]?.packet.transport;
    expect(second?.kind === 'tcp' && [second.seq, second.flags.ack]).toEqual([3021, false]);
    expect(resets).toEqual([abortAt + d + 320]);
  });

  it('closing a listener resets its half-open connections instead of orphaning them', () => {
    // 10 ms each way: B answers the SYN at 10 ms; the listener closes at 15 ms, while the
    // connection is in SYN-RECEIVED. Before the fix it completed the handshake into the closed
    // listener (onConnection fired on it) and stayed ESTABLISHED with nobody to accept it.
    const net = twoHosts({ issA: [100], issB: [300], link: { delay: 10 * NS_PER_MS } });
    const listener = net.b.tcp.listen(80);
    if (!listener.ok) throw new Error(listener.error);
    let onConnection = 0;
    listener.value.onConnection = () => onConnection++;
    const conn = net.a.tcp.connect(B, 80);
    if (!conn.ok) throw new Error(conn.error);
    const errors: string[] = [];
    conn.value.handlers.onError = (e) => errors.push(e);
    net.sim.scheduleAt(15 * NS_PER_MS, () => listener.value.close());
    net.sim.run();
    expect(onConnection).toBe(0);
    expect(net.b.tcp.openConnections()).toEqual([]);
    expect(conn.value.state).toBe('CLOSED');
    expect(errors).toEqual(['ECONNRESET']);
  });
});
