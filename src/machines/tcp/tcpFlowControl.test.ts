// Flow control (RFC 9293 3.8.6): a receiver that stops reading closes its window; the sender
// stops at a zero window, probes it with the persist timer, and resumes when the window reopens.
import { describe, expect, it } from 'vitest';
import { B, twoHosts } from '../../../tests/support/tcpNetwork.ts';
import type { TcpConnection } from './tcpConnection.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

describe('TCP flow control with a slow reader', () => {
  it('fills the receive window, probes the zero window, and finishes once reading resumes', () => {
    const net = twoHosts();
    const listener = net.b.tcp.listen(80);
    if (!listener.ok) throw new Error(listener.error);
    let received = 0;
    let server: TcpConnection | undefined;
    listener.value.onConnection = (l) => {
      const accepted = l.accept();
      if (!accepted.ok) return;
      server = accepted.value;
      server.pauseReading();
      server.handlers.onData = (bytes) => (received += bytes.length);
    };
    const client = net.a.tcp.connect(B, 80);
    if (!client.ok) throw new Error(client.error);
    const total = 200_000;
    client.value.handlers.onConnect = () => {
      expect(client.value.send(new Uint8Array(total))).toEqual({ ok: true, value: total });
      client.value.close();
    };
    net.sim.run({ until: 5_000_000_000 });
    // Nothing read: exactly one receive buffer (65535 bytes) is in flight or buffered, no more.
    expect(received).toBe(0);
    const fromB = net.sim.trace
      .ofType('link.txBegin')
      .filter(carriesIp)
      .filter((r) => r.node === 'B' && r.packet.transport.kind === 'tcp');
    const windows = fromB.map((r) =>
      r.packet.transport.kind === 'tcp' ? r.packet.transport.window : -1,
    );
    expect(windows.at(-1)).toBe(0);
    // The sender probes the zero window with the persist timer rather than giving up.
    expect(
      net.sim.trace.ofType('tcp.rto').filter((r) => r.node === 'A' && r.cause === 'backoff').length,
    ).toBeGreaterThan(0);
    expect(client.value.state).toBe('FIN-WAIT-1');
    server?.resumeReading();
    net.sim.run({ until: 200_000_000_000 });
    expect(received).toBe(total);
    // Every byte and A's FIN were acknowledged; B's application has not closed its side yet.
    expect(client.value.state).toBe('FIN-WAIT-2');
    expect(server?.state).toBe('CLOSE-WAIT');
  });
});

describe('TCP to an app that discards what it reads (onDiscard)', () => {
  it('counts every byte sent with sendShared, never hands bytes out, and opens the window', () => {
    const net = twoHosts();
    const listener = net.b.tcp.listen(80);
    if (!listener.ok) throw new Error(listener.error);
    let discarded = 0;
    let handedOut = 0;
    listener.value.onConnection = (l) => {
      const accepted = l.accept();
      if (!accepted.ok) return;
      const server = accepted.value;
      server.handlers.onData = (bytes) => (handedOut += bytes.length);
      server.handlers.onDiscard = (length) => (discarded += length);
      server.handlers.onEnd = () => server.close();
    };
    const client = net.a.tcp.connect(B, 80);
    if (!client.ok) throw new Error(client.error);
    const total = 300_000; // more than a receive window: the window must open as bytes go
    const data = Uint8Array.from({ length: total }, (_, i) => i % 251);
    let written = 0;
    const writeMore = () => {
      if (written === total) return;
      while (written < total) {
        const sent = client.value.sendShared(data.subarray(written, written + 20_000));
        if (!sent.ok) return;
        written += sent.value;
      }
      client.value.close();
    };
    client.value.handlers.onConnect = writeMore;
    client.value.handlers.onDrain = writeMore;
    net.sim.run({ until: 60_000_000_000 });
    expect([discarded, handedOut]).toEqual([total, 0]);
    // What went on the wire is the data, in order: payloads are views of `data`.
    const payloads = net.sim.trace
      .ofType('link.txBegin')
      .filter(carriesIp)
      .filter((r) => r.node === 'A' && r.packet.payload.length > 0)
      .map((r) => r.packet.payload);
    expect(payloads.reduce((n, p) => n + p.length, 0)).toBe(total);
    const wire = new Uint8Array(total);
    payloads.reduce((at, p) => (wire.set(p, at), at + p.length), 0);
    expect(wire).toEqual(data);
    expect(client.value.state).toBe('TIME-WAIT'); // A closed first
  });
});
