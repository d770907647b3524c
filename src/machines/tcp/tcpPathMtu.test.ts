// Path MTU Discovery for TCP (RFC 1191): segments leave with Don't Fragment; a router that cannot
// forward one answers "fragmentation needed" with its next-hop MTU; the sender cuts its segments
// to fit and sends again at once, and the transfer completes.
import { describe, expect, it } from 'vitest';
import { encodePacket } from '../../net/wire/packetCodec.ts';
import type { Packet, TcpHeader } from '../../net/wire/packet.ts';
import {
  HOST_B,
  narrowPath,
  type NarrowPath,
  type NarrowPathOptions,
} from '../../../tests/support/narrowPath.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

const tcp = (p: Packet) => p.transport as TcpHeader;

/** A sends `bytes` to B:80 and closes; B reads everything and closes when A's FIN comes. */
function send(
  bytes: number,
  options: NarrowPathOptions = {},
): NarrowPath & { received: () => number } {
  const path = narrowPath(options);
  let received = 0;
  const listener = path.b.tcp.listen(80);
  if (!listener.ok) throw new Error(listener.error);
  listener.value.onConnection = (l) => {
    const accepted = l.accept();
    if (!accepted.ok) return;
    accepted.value.handlers.onData = (b) => (received += b.length);
    accepted.value.handlers.onEnd = () => accepted.value.close();
  };
  const conn = path.a.tcp.connect(HOST_B, 80);
  if (!conn.ok) throw new Error(conn.error);
  conn.value.handlers.onConnect = () => {
    conn.value.send(new Uint8Array(bytes));
    conn.value.close();
  };
  return { ...path, received: () => received };
}

/** Segments A put on its own link, with their sizes on the wire. */
function sentByA({ sim }: NarrowPath): { packet: Packet; size: number; t: number }[] {
  return sim.trace
    .ofType('link.txBegin')
    .filter(carriesIp)
    .filter((r) => r.node === 'A' && r.packet.transport.kind === 'tcp')
    .map((r) => ({ packet: r.packet, size: encodePacket(r.packet).length, t: r.t }));
}

describe('TCP Path MTU Discovery across a 576-byte link (RFC 1191)', () => {
  it('learns MTU 576 from the first full segment, drops to 536-byte segments and completes', () => {
    const run = send(20_000);
    run.sim.run();
    expect(run.received()).toBe(20_000);
    const segments = sentByA(run);
    // Both ends sit on 1500-byte links, so both SYNs announce 1460 (1500 - 40).
    const syn = segments.find((s) => tcp(s.packet).flags.syn);
    expect(tcp(syn?.packet as Packet).options).toEqual([{ kind: 'mss', value: 1460 }]);
    // Every segment leaves with DF; the first with data is full-sized: 1460 + 40 = 1500 bytes.
    expect(segments.every((s) => s.packet.ip.dontFragment)).toBe(true);
    const data = segments.filter((s) => s.packet.payload.length > 0);
    expect(data[0]?.size).toBe(1500);
    // R1 drops it (DF, too big for the 576-byte link) and tells A, with the next-hop MTU 576.
    const drops = run.sim.trace.ofType('ip.drop');
    expect(drops[0]).toMatchObject({
      node: 'R1',
      pkt: data[0]?.packet.id,
      reason: 'fragmentationNeeded',
    });
    const icmp = run.sim.trace
      .ofType('link.txBegin')
      .filter(carriesIp)
      .find((r) => r.node === 'R1' && r.packet.transport.kind === 'icmp');
    expect(icmp?.packet.transport).toEqual({
      kind: 'icmp',
      message: 'destinationUnreachable',
      code: 4,
      nextHopMtu: 576,
    });
    // A learns the path MTU, its connection drops to 576 - 40 = 536 bytes of data a segment.
    expect(run.sim.trace.ofType('ip.pmtu')).toEqual([
      expect.objectContaining({ node: 'A', dst: '10.0.2.2', mtu: 576, from: '10.0.0.2' }),
    ]);
    expect(run.sim.trace.ofType('tcp.pathMtu')).toEqual([
      expect.objectContaining({ node: 'A', mtu: 576, mss: 536 }),
    ]);
    expect(run.a.net.pathMtu(HOST_B)).toBe(576);
    const learnedAt = run.sim.trace.ofType('tcp.pathMtu')[0]?.t ?? 0;
    const after = data.filter((s) => s.t >= learnedAt);
    expect(after.length).toBeGreaterThan(30);
    expect(Math.max(...after.map((s) => s.packet.payload.length))).toBe(536);
    expect(Math.max(...after.map((s) => s.size))).toBe(576);
    // Nothing is fragmented, and only R1 drops anything (the segments in flight when it learned).
    expect(run.sim.trace.ofType('ip.fragment')).toEqual([]);
    expect(new Set(drops.map((d) => [d.node, d.reason].join()))).toEqual(
      new Set(['R1,fragmentationNeeded']),
    );
  });

  it('sends again at once, smaller, without waiting for a timeout or shrinking the window', () => {
    const run = send(20_000);
    run.sim.run();
    const retransmits = run.sim.trace.ofType('tcp.retransmit').filter((r) => r.node === 'A');
    expect(retransmits.length).toBeGreaterThan(0);
    expect(new Set(retransmits.map((r) => r.reason))).toEqual(new Set(['pathMtu']));
    expect(Math.max(...retransmits.map((r) => r.bytes))).toBe(536);
    const [learned] = run.sim.trace.ofType('tcp.pathMtu');
    expect(retransmits[0]?.t).toBe(learned?.t);
    const causes = run.sim.trace
      .ofType('tcp.cwnd')
      .filter((r) => r.node === 'A')
      .map((r) => r.cause);
    expect(causes).not.toContain('timeout');
    expect(causes).not.toContain('fastRetransmit');
    // Done in well under the 1 s initial RTO.
    const closed = run.sim.trace
      .ofType('socket.state')
      .filter((r) => r.node === 'A' && r.state === 'TIME-WAIT');
    expect(closed[0]?.t ?? Infinity).toBeLessThan(300_000_000);
  });

  it('announces 536 from a host whose own link has a 576-byte MTU, and needs no discovery', () => {
    const run = send(5_000, { mtuA: 576 });
    run.sim.run();
    expect(run.received()).toBe(5_000);
    const syn = sentByA(run).find((s) => tcp(s.packet).flags.syn);
    expect(tcp(syn?.packet as Packet).options).toEqual([{ kind: 'mss', value: 536 }]);
    // B's segments to A must fit A's MSS, A's fit its own interface: nothing is dropped.
    expect(run.sim.trace.ofType('ip.drop')).toEqual([]);
    expect(run.sim.trace.ofType('ip.pmtu')).toEqual([]);
    expect(Math.max(...sentByA(run).map((s) => s.size))).toBe(576);
  });

  it('ignores a "fragmentation needed" about a segment no longer in flight', () => {
    const run = send(20_000);
    run.sim.run();
    const [conn] = run.a.tcp.openConnections();
    // After the transfer: nothing in flight, so an old message changes nothing.
    conn?.pathMtuLowered(300, 12345);
    expect(run.sim.trace.ofType('tcp.pathMtu')).toHaveLength(1);
  });
});
