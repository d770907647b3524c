// UDP across a narrow link: datagrams leave without Don't Fragment and arrive whole, however they
// were cut; a socket that sets Don't Fragment (IP_PMTUDISC_DO) is told EMSGSIZE instead.
import { describe, expect, it } from 'vitest';
import type { SocketErrorCode } from './socketTrace.ts';
import { HOST_B, narrowPath } from '../../../tests/support/narrowPath.ts';
import { encodePacket } from '../wire/packetCodec.ts';
import { carriesIp } from '../link/linkRecords.ts';

/** A's socket sends to B:7, where a socket keeps what arrives. */
function udpPair() {
  const path = narrowPath();
  const server = path.b.udp.bind(7);
  const client = path.a.udp.bind(5000);
  if (!server.ok || !client.ok) throw new Error('bind');
  const arrived: Uint8Array[] = [];
  server.value.onMessage = (d) => arrived.push(d.payload);
  const errors: SocketErrorCode[] = [];
  client.value.onError = (error) => errors.push(error);
  return { ...path, socket: client.value, arrived, errors };
}

/** 1472 bytes of data: a 1500-byte datagram (20 + 8 + 1472). */
function payload(): Uint8Array {
  return Uint8Array.from({ length: 1472 }, (_, i) => (i * 5 + 1) & 0xff);
}

describe('UDP across a 576-byte link', () => {
  it('arrives whole, cut by the router into fragments of 552, 552 and 376 bytes of data', () => {
    const { sim, socket, arrived } = udpPair();
    const data = payload();
    const sent = socket.sendTo(HOST_B, 7, data);
    sim.run();
    expect(sent.ok).toBe(true);
    expect(arrived).toEqual([data]);
    const onNarrow = sim.trace
      .ofType('link.txBegin')
      .filter(carriesIp)
      .filter((r) => r.link === 'narrow');
    expect(onNarrow.map((r) => r.packet.payload.length)).toEqual([552, 552, 376]);
    expect(onNarrow.map((r) => encodePacket(r.packet).length)).toEqual([572, 572, 396]);
    expect(onNarrow.map((r) => r.packet.ip.dontFragment)).toEqual([false, false, false]);
  });

  it('with Don’t Fragment set is dropped by the router, and the socket is told EMSGSIZE', () => {
    const { sim, a, socket, arrived, errors } = udpPair();
    socket.dontFragment = true;
    const first = socket.sendTo(HOST_B, 7, payload());
    sim.run();
    expect(first.ok).toBe(true); // it left A: A's own link carries 1500 bytes
    expect(arrived).toEqual([]);
    expect(sim.trace.ofType('ip.drop')).toEqual([
      expect.objectContaining({ node: 'R1', reason: 'fragmentationNeeded' }),
    ]);
    expect(errors).toEqual(['EMSGSIZE']);
    expect(sim.trace.ofType('ip.pmtu')).toEqual([
      expect.objectContaining({ node: 'A', dst: '10.0.2.2', mtu: 576 }),
    ]);
    expect(a.net.pathMtu(HOST_B)).toBe(576);
    // Now A knows: the next one fails at once, and nothing leaves.
    const before = sim.trace.ofType('link.txBegin').filter(carriesIp).length;
    expect(socket.sendTo(HOST_B, 7, payload())).toEqual({ ok: false, error: 'EMSGSIZE' });
    sim.run();
    expect(sim.trace.ofType('link.txBegin').filter(carriesIp)).toHaveLength(before);
    // What fits the path still goes.
    expect(socket.sendTo(HOST_B, 7, new Uint8Array(548)).ok).toBe(true);
    sim.run();
    expect(arrived.map((d) => d.length)).toEqual([548]);
  });

  it('without it, once A knows the path, is cut by A itself', () => {
    const { sim, socket, arrived } = udpPair();
    socket.dontFragment = true;
    socket.sendTo(HOST_B, 7, payload());
    sim.run();
    socket.dontFragment = false;
    socket.sendTo(HOST_B, 7, payload());
    sim.run();
    expect(arrived).toHaveLength(1);
    expect(sim.trace.ofType('ip.fragment').map((r) => [r.node, r.iface, r.mtu])).toEqual([
      ['A', 'eth0', 576],
    ]);
  });
});
