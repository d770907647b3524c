// ARP at a node (arpLayer.ts): the first packet to a neighbour waits one request and reply, an
// entry expires after its reachable time and is asked for again, unanswered requests drop what
// waited, a node answers only for the address of the interface the request came in on, and a
// gratuitous announcement updates only a neighbour already known. Times worked out by hand.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import type { Attachable, LinkPort } from '../link/linkEndpoint.ts';
import { PointToPointLink } from '../link/pointToPointLink.ts';
import { arpAnnouncement, arpRequest } from '../wire/arp.ts';
import { isArpFrame, type Frame } from '../wire/frame.ts';
import { parseIpv4 } from '../wire/ipv4Address.ts';
import { formatMac, MAC_BROADCAST, macFromNumber } from '../wire/mac.ts';
import type { Transport } from '../wire/packet.ts';
import { NetNode } from './netNode.ts';

const MS = 1_000_000;
const S = 1_000_000_000;
const UDP: Transport = { kind: 'udp', srcPort: 4000, dstPort: 7 };

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

/** a (10.0.0.1) and b (10.0.0.2) on a 1 Mb/s, 1 ms link; b records when UDP arrives. */
function pair(options: { queueLimit?: number } = {}) {
  const sim = new Simulator();
  const a = new NetNode(sim, 'a', { arp: options });
  const b = new NetNode(sim, 'b');
  new PointToPointLink(sim, { id: 'ab', bandwidth: 1e6, delay: MS }).connect(
    a.addInterface('eth0', '10.0.0.1/24'),
    b.addInterface('eth0', '10.0.0.2/24'),
  );
  const got: number[] = [];
  b.onDeliver('udp', () => got.push(sim.now()));
  const arp = () =>
    sim.trace.records
      .filter((r) => r.type.startsWith('arp.'))
      .map((r) => [r.t, r.type, 'node' in r ? r.node : '']);
  return { sim, a, b, got, arp };
}

/** A link end that keeps what arrives: a station with no IP stack, to send raw frames from. */
class Wire implements Attachable {
  port!: LinkPort;
  readonly got: Frame[] = [];
  readonly name = 'eth0';
  constructor(readonly node: string) {}
  plug(port: LinkPort): void {
    this.port = port;
  }
  receive(frame: Frame): void {
    this.got.push(frame);
  }
}

describe('ARP at a node', () => {
  it('holds the first packet for one request and reply; later ones go at once', () => {
    const { sim, a, b, got, arp } = pair();
    a.send({ dst: ip('10.0.0.2'), transport: UDP });
    sim.schedule(10 * MS, () => a.send({ dst: ip('10.0.0.2'), transport: UDP }));
    sim.run({ until: S });
    // Request and reply are 64-byte frames: 0.512 ms at 1 Mb/s + 1 ms each way. The packet (28
    // bytes, a 64-byte frame) leaves at 3.024 ms and arrives 1.512 ms later: 4.536 ms. The
    // second, at 10 ms, waits for nothing: 11.512 ms.
    expect(got).toEqual([4_536_000, 11_512_000]);
    expect(arp()).toEqual([
      [0, 'arp.request', 'a'],
      [1_512_000, 'arp.learn', 'b'], // b learns a from the request it answers
      [1_512_000, 'arp.reply', 'b'],
      [3_024_000, 'arp.learn', 'a'],
    ]);
    const learned = sim.trace.ofType('arp.learn').find((r) => r.node === 'a');
    expect(learned).toMatchObject({ ip: '10.0.0.2', mac: formatMac(b.iface('eth0').mac) });
    expect(a.arp.entries(a.iface('eth0'))).toMatchObject([
      { ip: ip('10.0.0.2'), state: 'reachable', learnedNs: 3_024_000, expiresNs: 30_003_024_000 },
    ]);
  });

  it('lets an entry expire after its 30 s and asks again for the next packet', () => {
    const { sim, a, got, arp } = pair();
    a.send({ dst: ip('10.0.0.2'), transport: UDP });
    sim.schedule(40 * S, () => a.send({ dst: ip('10.0.0.2'), transport: UDP }));
    sim.run({ until: 50 * S });
    // a learned b at 3.024 ms: reachable until 30.003024 s; b learned a at 1.512 ms. At 40 s the
    // next packet finds the entry expired, asks again, and waits one more exchange: it arrives
    // at 40 s + 4.536 ms, as the first did.
    expect(arp().filter(([, type]) => type !== 'arp.reply')).toEqual([
      [0, 'arp.request', 'a'],
      [1_512_000, 'arp.learn', 'b'],
      [3_024_000, 'arp.learn', 'a'],
      [30_001_512_000, 'arp.expire', 'b'],
      [30_003_024_000, 'arp.expire', 'a'],
      [40 * S, 'arp.request', 'a'],
      [40 * S + 1_512_000, 'arp.learn', 'b'],
      [40 * S + 3_024_000, 'arp.learn', 'a'],
    ]);
    expect(got).toEqual([4_536_000, 40 * S + 4_536_000]);
  });

  it('forgets an expired entry left unused for 60 s', () => {
    const { sim, a, arp } = pair();
    a.send({ dst: ip('10.0.0.2'), transport: UDP });
    sim.run({ until: 100 * S });
    // Expired at 30.003024 s, forgotten 60 s later.
    expect(arp().filter(([, , node]) => node === 'a')).toEqual([
      [0, 'arp.request', 'a'],
      [3_024_000, 'arp.learn', 'a'],
      [30_003_024_000, 'arp.expire', 'a'],
      [90_003_024_000, 'arp.forget', 'a'],
    ]);
    expect(a.arp.entries(a.iface('eth0'))).toEqual([]);
  });

  it('asks three times, 1 s apart, then drops what waited (a host sends no ICMP)', () => {
    const { sim, a, arp } = pair();
    const first = a.send({ dst: ip('10.0.0.9'), transport: UDP }).packet;
    const second = a.send({ dst: ip('10.0.0.9'), transport: UDP }).packet;
    sim.run({ until: 10 * S });
    expect(arp()).toEqual([
      [0, 'arp.request', 'a'],
      [1 * S, 'arp.request', 'a'],
      [2 * S, 'arp.request', 'a'],
      [3 * S, 'arp.fail', 'a'],
    ]);
    expect(sim.trace.ofType('arp.fail')[0]).toMatchObject({ ip: '10.0.0.9', dropped: 2 });
    expect(sim.trace.ofType('ip.drop').map((r) => [r.t, r.pkt, r.reason])).toEqual([
      [3 * S, first.id, 'arpFailed'],
      [3 * S, second.id, 'arpFailed'],
    ]);
    // b saw three broadcast requests for an address not its own and answered none.
    expect(sim.trace.ofType('arp.reply')).toEqual([]);
  });

  it('drops the oldest waiting packet when too many wait for one neighbour', () => {
    const { sim, a, got } = pair({ queueLimit: 2 });
    const sent = [1, 2, 3].map(() => a.send({ dst: ip('10.0.0.2'), transport: UDP }).packet);
    sim.run({ until: S });
    expect(sim.trace.ofType('ip.drop').map((r) => [r.t, r.pkt, r.reason])).toEqual([
      [0, sent[0]?.id, 'arpQueueFull'],
    ]);
    expect(got).toHaveLength(2);
  });

  it('answers only for the address of the interface the request came in on', () => {
    const sim = new Simulator();
    const r = new NetNode(sim, 'r', { router: true });
    const wire = new Wire('x');
    new PointToPointLink(sim, { id: 'l', bandwidth: 1e6, delay: MS }).connect(
      wire,
      r.addInterface('eth0', '10.0.0.1/24'),
    );
    r.addInterface('eth1', '10.0.1.1/24');
    const me = macFromNumber(0x02000a0000aa);
    const ask = (id: number, target: string) =>
      wire.port.send({
        id,
        eth: { dst: MAC_BROADCAST, src: me },
        arp: arpRequest(me, ip('10.0.0.7'), ip(target)),
      });
    ask(101, '10.0.1.1'); // r's address, but on eth1
    sim.schedule(10 * MS, () => ask(102, '10.0.0.1'));
    sim.run({ until: S });
    const replies = wire.got.filter(isArpFrame);
    expect(replies.map((f) => [f.arp.operation, f.arp.senderIp, f.eth.dst])).toEqual([
      ['reply', ip('10.0.0.1'), me],
    ]);
    expect(replies[0]?.arp).toMatchObject({
      senderMac: r.iface('eth0').mac,
      targetMac: me,
      targetIp: ip('10.0.0.7'),
    });
  });

  it('takes a gratuitous announcement only about a neighbour it already knows', () => {
    const sim = new Simulator();
    const h = new NetNode(sim, 'h');
    const wire = new Wire('x');
    new PointToPointLink(sim, { id: 'l', bandwidth: 1e6, delay: MS }).connect(
      wire,
      h.addInterface('eth0', '10.0.0.1/24'),
    );
    const moved = macFromNumber(0x02000a0000bb);
    const announce = (id: number, address: string) =>
      wire.port.send({
        id,
        eth: { dst: MAC_BROADCAST, src: moved },
        arp: arpAnnouncement(moved, ip(address)),
      });
    // h knows 10.0.0.7 (it asked, and got a reply at the old MAC).
    h.send({ dst: ip('10.0.0.7'), transport: UDP });
    sim.run({ until: 10 * MS });
    const old = macFromNumber(0x02000a0000aa);
    wire.port.send({
      id: 90,
      eth: { dst: h.iface('eth0').mac, src: old },
      arp: {
        operation: 'reply',
        senderMac: old,
        senderIp: ip('10.0.0.7'),
        targetMac: h.iface('eth0').mac,
        targetIp: ip('10.0.0.1'),
      },
    });
    sim.run({ until: 20 * MS });
    announce(91, '10.0.0.7'); // known: updated to the new MAC
    announce(92, '10.0.0.8'); // unknown: not added (Linux's arp_accept 0)
    sim.run({ until: 30 * MS });
    expect(
      h.arp.entries(h.iface('eth0')).map((e) => [e.ip, e.state === 'reachable' && e.mac]),
    ).toEqual([[ip('10.0.0.7'), moved]]);
  });

  it('sends a broadcast datagram to ff:ff:ff:ff:ff:ff without asking', () => {
    const { sim, a, arp } = pair();
    a.send({ dst: ip('10.0.0.255'), transport: UDP });
    sim.run({ until: S });
    expect(arp()).toEqual([]);
    const frame = sim.trace.ofType('link.txBegin')[0]?.packet;
    expect(frame?.eth).toEqual({ dst: MAC_BROADCAST, src: a.iface('eth0').mac });
  });

  it('forgets the neighbours of an interface that goes down, dropping what waited', () => {
    const { sim, a, arp } = pair();
    const waiting = a.send({ dst: ip('10.0.0.9'), transport: UDP }).packet;
    sim.schedule(500 * MS, () => a.setInterfaceUp('eth0', false));
    sim.run({ until: 10 * S });
    expect(sim.trace.ofType('ip.drop').map((r) => [r.t, r.pkt, r.reason])).toEqual([
      [500 * MS, waiting.id, 'interfaceDown'],
    ]);
    // No retry and no failure after: the entry is gone.
    expect(arp()).toEqual([[0, 'arp.request', 'a']]);
  });
});
