// Socket API regressions: bytes waiting for accept, aborts inside onData and after a timeout,
// a listener closed with half-open connections.
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { B, figureLines, twoHosts } from '../../../tests/support/tcpNetwork.ts';
import { established, segmentsFrom, socketErrors } from './tcpSocketTestNet.ts';

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
    // B accepts on arrival, 2.001 s + 10 ms + 512 ns (40 bytes of IP, a 64-byte frame at
    // 1 Gbit/s; both MACs known since the handshake). Before the fix it
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
    expect(resets).toEqual([abortAt + d + 512]);
  });

  it('closing a listener resets its half-open connections instead of orphaning them', () => {
    // 10 ms each way: A's SYN first waits for ARP (request and reply, 64-byte frames, 10 ms +
    // 512 ns each way), so B answers the SYN at 30.001536 ms; the listener closes at 35 ms, while
    // the connection is in SYN-RECEIVED. Before the fix it completed the handshake into the closed
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
    net.sim.scheduleAt(35 * NS_PER_MS, () => listener.value.close());
    net.sim.run();
    expect(onConnection).toBe(0);
    expect(net.b.tcp.openConnections()).toEqual([]);
    expect(conn.value.state).toBe('CLOSED');
    expect(errors).toEqual(['ECONNRESET']);
  });
});
