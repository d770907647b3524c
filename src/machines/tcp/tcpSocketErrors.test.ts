// Socket misuse, TCP and UDP: each gives a named error (the errno a real program sees), leaves a
// `socket.error` record in the trace, and never throws out of the engine.
import { describe, expect, it } from 'vitest';
import { NS_PER_S } from '../../engine/time.ts';
import { A, B, twoHosts } from '../../../tests/support/tcpNetwork.ts';
import type { TcpConnection } from './tcpConnection.ts';
import { established, segmentsFrom, socketErrors } from './tcpSocketTestNet.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

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
      .filter(carriesIp)
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
