import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { NS_PER_S } from '../../engine/time.ts';
import { PointToPointLink } from '../link/pointToPointLink.ts';
import { readQuote } from '../wire/icmpErrors.ts';
import { encodePacket } from '../wire/packetCodec.ts';
import type { Packet, Transport } from '../wire/packet.ts';
import { IcmpDispatcher } from '../transport/icmpDispatcher.ts';
import { NetNode } from './netNode.ts';
import { carriesIp } from '../link/linkRecords.ts';

const MS = 1_000_000;
const UDP: Transport = { kind: 'udp', srcPort: 4000, dstPort: 7 };

/**
 * a - r1 - r2 - b: links 10.0.0.0/24, 10.0.1.0/24 (the narrow one: MTU `mtu` at both ends),
 * 10.0.2.0/24; each link's left end .1, right end .2. Every node runs ICMP (so a learns path
 * MTUs); b's UDP hands packets to `got`, a's ICMP errors go to `errors`.
 */
function narrowPath(mtu = 576) {
  const sim = new Simulator({ seed: 3 });
  const a = new NetNode(sim, 'a');
  const r1 = new NetNode(sim, 'r1', { router: true });
  const r2 = new NetNode(sim, 'r2', { router: true });
  const b = new NetNode(sim, 'b');
  const nodes = [a, r1, r2, b];
  for (let i = 0; i < 3; i++) {
    const left = nodes[i] as NetNode;
    const right = nodes[i + 1] as NetNode;
    const narrow = i === 1 ? { mtu } : {};
    new PointToPointLink(sim, { id: `link${i}`, bandwidth: 1e7, delay: MS }).connect(
      left.addInterface(left === a ? 'eth0' : 'eth1', `10.0.${i}.1/24`, narrow),
      right.addInterface('eth0', `10.0.${i}.2/24`, narrow),
    );
  }
  a.setDefaultGateway('10.0.0.2');
  r1.setDefaultGateway('10.0.1.2');
  r2.addRoute('10.0.0.0/24', { gateway: '10.0.1.1' });
  b.setDefaultGateway('10.0.2.1');
  const got: Packet[] = [];
  b.onDeliver('udp', (packet) => got.push(packet));
  const icmpA = new IcmpDispatcher(a);
  new IcmpDispatcher(b);
  const errors: Packet[] = [];
  icmpA.onError(17, ({ packet }) => errors.push(packet));
  return { sim, a, r1, r2, b, got, errors, dst: b.iface('eth0').address };
}

function udpPayload(total: number): Uint8Array {
  const payload = new Uint8Array(total - 28);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 13) & 0xff;
  return payload;
}

describe('fragmentation on a narrow link', () => {
  it('cuts a 1500-byte datagram at the router and b hands it to UDP whole, once', () => {
    const { sim, a, b, got, dst } = narrowPath();
    const payload = udpPayload(1500);
    const sent = a.send({ dst, transport: UDP, payload, ip: { dontFragment: false } });
    sim.run();
    expect(got).toHaveLength(1);
    expect(got[0]?.payload).toEqual(payload);
    expect(got[0]?.transport).toEqual(UDP);
    expect(got[0]?.ip).toMatchObject({ moreFragments: false, fragmentOffset: 0, ttl: 62 });
    const [cut] = sim.trace.ofType('ip.fragment');
    expect(cut).toMatchObject({ node: 'r1', pkt: sent.packet.id, iface: 'eth1', mtu: 576 });
    // On the narrow link: 572, 572 and 396 bytes (see ipFragments.test.ts for the arithmetic).
    const onNarrow = sim.trace
      .ofType('link.txBegin')
      .filter(carriesIp)
      .filter((r) => r.link === 'link1');
    expect(onNarrow.map((r) => [r.pkt, encodePacket(r.packet).length])).toEqual(
      (cut?.fragments ?? []).map((id, k) => [id, [572, 572, 396][k]]),
    );
    // r2 forwards the fragments as they are (it does not reassemble); b does.
    expect(sim.trace.ofType('ip.forward').filter((r) => r.node === 'r2')).toHaveLength(3);
    const [whole] = sim.trace.ofType('ip.reassemble');
    expect(whole).toMatchObject({ node: 'b', fragments: cut?.fragments, bytes: 1500 });
    expect(whole?.pkt).toBe(got[0]?.id);
    expect(sim.trace.ofType('ip.deliver').filter((r) => r.node === 'b')).toEqual([
      expect.objectContaining({ pkt: got[0]?.id, protocol: 17 }),
    ]);
    expect(b.pathMtu(a.iface('eth0').address)).toBe(1500);
  });

  it('numbers datagrams sent without DF and leaves those with DF at 0 (RFC 6864)', () => {
    const { sim, a, dst } = narrowPath();
    const one = a.send({ dst, transport: UDP, ip: { dontFragment: false } }).packet;
    const two = a.send({ dst, transport: UDP, ip: { dontFragment: false } }).packet;
    const df = a.send({ dst, transport: UDP }).packet;
    sim.run();
    expect(two.ip.identification).toBe((one.ip.identification + 1) & 0xffff);
    expect(df.ip.identification).toBe(0);
  });

  it('drops a datagram with DF and answers "fragmentation needed" with the next-hop MTU', () => {
    const { sim, a, dst, got, errors } = narrowPath();
    const sent = a.send({ dst, transport: UDP, payload: udpPayload(1500) });
    sim.run();
    expect(got).toHaveLength(0);
    expect(sim.trace.ofType('ip.drop')).toEqual([
      expect.objectContaining({ node: 'r1', pkt: sent.packet.id, reason: 'fragmentationNeeded' }),
    ]);
    expect(sim.trace.ofType('ip.forward').filter((r) => r.node === 'r1')).toHaveLength(0);
    const [error] = errors;
    // RFC 1191 section 4: type 3, code 4, the MTU of the next hop in the low 16 bits of the
    // rest of the header, from r1's address towards a.
    expect(error?.transport).toEqual({
      kind: 'icmp',
      message: 'destinationUnreachable',
      code: 4,
      nextHopMtu: 576,
    });
    expect(error?.ip.src).toBe(a.iface('eth0').address + 1);
    expect(readQuote(error?.payload ?? new Uint8Array())).toMatchObject({
      ok: true,
      quoted: { totalLength: 1500, ip: { dontFragment: true, ttl: 64 } },
    });
    // a learned the path's MTU, and its next datagram with DF that big fails at once.
    expect(sim.trace.ofType('ip.pmtu')).toEqual([
      expect.objectContaining({ node: 'a', dst: '10.0.2.2', mtu: 576, from: '10.0.0.2' }),
    ]);
    expect(a.pathMtu(dst)).toBe(576);
    const again = a.send({ dst, transport: UDP, payload: udpPayload(1500) });
    expect(again).toMatchObject({ ok: false, reason: 'tooBig' });
    // One without DF is cut by a itself, for the path MTU it knows.
    a.send({ dst, transport: UDP, payload: udpPayload(1500), ip: { dontFragment: false } });
    sim.run();
    expect(sim.trace.ofType('ip.fragment').map((r) => [r.node, r.mtu])).toEqual([['a', 576]]);
    expect(got).toHaveLength(1);
  });

  it('fragments at the sender when its own interface is narrow, and not past the MTU', () => {
    const sim = new Simulator({ seed: 1 });
    const a = new NetNode(sim, 'a');
    const b = new NetNode(sim, 'b');
    new PointToPointLink(sim, { id: 'l', bandwidth: 1e7, delay: MS }).connect(
      a.addInterface('eth0', '10.0.0.1/24', { mtu: 68 }),
      b.addInterface('eth0', '10.0.0.2/24', { mtu: 68 }),
    );
    const got: Packet[] = [];
    b.onDeliver('udp', (p) => got.push(p));
    const payload = udpPayload(200);
    a.send({ dst: b.iface('eth0').address, transport: UDP, payload, ip: { dontFragment: false } });
    sim.run();
    // 68 - 20 = 48 bytes of data a fragment: 180 = 48 + 48 + 48 + 36.
    const sizes = sim.trace
      .ofType('link.txBegin')
      .filter(carriesIp)
      .map((r) => r.packet.payload.length);
    expect(sizes).toEqual([48, 48, 48, 36]);
    expect(got.map((p) => p.payload)).toEqual([payload]);
  });

  it('refuses an MTU below 68 or not a whole number', () => {
    const node = new NetNode(new Simulator({ seed: 1 }), 'n');
    expect(() => node.addInterface('eth0', '10.0.0.1/24', { mtu: 67 })).toThrow(/68 to 65535/);
    expect(() => node.addInterface('eth0', '10.0.0.1/24', { mtu: 1500.5 })).toThrow(RangeError);
  });
});

describe('reassembly timeout (RFC 791, Linux ipfrag_time 30 s)', () => {
  /** narrowPath, with r2 losing the fragments whose offset is in `lose`. */
  function losing(lose: number[]) {
    const path = narrowPath();
    path.r2.addHook('forward', (packet) =>
      lose.includes(packet.ip.fragmentOffset) && packet.ip.identification !== 0
        ? undefined
        : packet,
    );
    const timeExceeded: Packet[] = [];
    const icmpA = new IcmpDispatcher(path.a);
    icmpA.onError(17, ({ packet }) => timeExceeded.push(packet));
    return { ...path, timeExceeded };
  }

  it('throws the fragments away after 30 s and sends Time Exceeded, code 1, when the first came', () => {
    const { sim, a, dst, got, timeExceeded } = losing([69]);
    a.send({ dst, transport: UDP, payload: udpPayload(1500), ip: { dontFragment: false } });
    sim.run();
    expect(got).toHaveLength(0);
    const [timeout] = sim.trace.ofType('ip.reassemblyTimeout');
    const [cut] = sim.trace.ofType('ip.fragment');
    const arrivedAt = sim.trace
      .ofType('link.rx')
      .filter(carriesIp)
      .find((r) => r.node === 'b' && r.pkt === cut?.fragments[0])?.t;
    expect(timeout).toMatchObject({
      node: 'b',
      src: '10.0.0.1',
      dst: '10.0.2.2',
      protocol: 17,
      fragments: [cut?.fragments[0], cut?.fragments[2]],
      firstArrived: true,
    });
    expect(timeout?.t).toBe((arrivedAt ?? 0) + 30 * NS_PER_S);
    expect(timeExceeded.map((p) => p.transport)).toEqual([
      { kind: 'icmp', message: 'timeExceeded', code: 1 },
    ]);
    // It quotes the first fragment, from b's own address.
    expect(timeExceeded[0]?.ip.src).toBe(dst);
    expect(readQuote(timeExceeded[0]?.payload ?? new Uint8Array())).toMatchObject({
      ok: true,
      quoted: { ip: { moreFragments: true, fragmentOffset: 0 }, dstPort: 7 },
    });
  });

  it('sends nothing when the first fragment never came (RFC 792)', () => {
    const { sim, a, dst, timeExceeded } = losing([0]);
    a.send({ dst, transport: UDP, payload: udpPayload(1500), ip: { dontFragment: false } });
    sim.run();
    expect(sim.trace.ofType('ip.reassemblyTimeout')).toEqual([
      expect.objectContaining({ firstArrived: false }),
    ]);
    expect(timeExceeded).toHaveLength(0);
  });

  it('forgets the fragments it held when the node crashes', () => {
    const { sim, a, b, dst } = losing([69]);
    a.send({ dst, transport: UDP, payload: udpPayload(1500), ip: { dontFragment: false } });
    sim.run({ until: 100 * MS });
    b.crash();
    b.restart();
    sim.run();
    expect(sim.trace.ofType('ip.reassemblyTimeout')).toHaveLength(0);
  });
});
