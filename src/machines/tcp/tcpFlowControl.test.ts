// Flow control (RFC 9293 3.8.6): a receiver that stops reading closes its window; the sender
// stops at a zero window, probes it with the persist timer, and resumes when the window reopens.
import { describe, expect, it } from 'vitest';
import { B, twoHosts } from '../../../tests/support/tcpNetwork.ts';
import type { TcpConnection } from './tcpConnection.ts';

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
