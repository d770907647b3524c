import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { parseIpv4 } from '../wire/ipv4Address.ts';
import { MAC_BROADCAST, macFromNumber, type MacAddress } from '../wire/mac.ts';
import type { Frame } from '../wire/frame.ts';
import { ipv4Header, type Packet } from '../wire/packet.ts';
import { LearningSwitch } from './learningSwitch.ts';
import type { Attachable, LinkPort } from './linkEndpoint.ts';
import { PointToPointLink } from './pointToPointLink.ts';

const MS = 1_000_000;
const US = 1_000;

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

/** Three stations: each an IP address and the MAC of its one interface. */
const A = { ip: ip('10.0.0.1'), mac: macFromNumber(0x02000a000001) };
const B = { ip: ip('10.0.0.2'), mac: macFromNumber(0x02000a000002) };
const C = { ip: ip('10.0.0.3'), mac: macFromNumber(0x02000a000003) };
type Station = typeof A;

let nextId = 1;
/** A UDP packet of `bytes` from `src` to `dst`, in a frame from src's MAC to dst's (or `to`). */
function packet(src: Station, dst: Station, bytes = 1000, to: MacAddress = dst.mac): Packet {
  return {
    id: nextId++,
    eth: { dst: to, src: src.mac },
    ip: ipv4Header({ src: src.ip, dst: dst.ip }),
    transport: { kind: 'udp', srcPort: 1, dstPort: 2 },
    payload: new Uint8Array(bytes - 28),
  };
}

class Host implements Attachable {
  port!: LinkPort;
  readonly got: [number, number][] = [];
  readonly name = 'eth0';
  constructor(
    private readonly sim: Simulator,
    readonly node: string,
  ) {}
  plug(port: LinkPort): void {
    this.port = port;
  }
  receive(p: Frame): void {
    this.got.push([this.sim.now(), p.id]);
  }
}

/** Three hosts on switch ports p1..p3, each over a 1 Mb/s link with 1 ms delay. */
function lan(ageingTime?: number) {
  const sim = new Simulator();
  const sw = new LearningSwitch(sim, 'sw', ageingTime === undefined ? {} : { ageingTime });
  const hosts = ['a', 'b', 'c'].map((name, i) => {
    const host = new Host(sim, name);
    const link = new PointToPointLink(sim, { id: `l${i + 1}`, bandwidth: 1_000_000, delay: MS });
    link.connect(host, sw.addPort(`p${i + 1}`));
    return host;
  });
  const [a, b, c] = hosts as [Host, Host, Host];
  const forwards = () =>
    sim.trace.ofType('switch.forward').map((r) => [r.pkt, r.fromPort, r.toPort, r.flood]);
  return { sim, sw, a, b, c, forwards };
}

describe('LearningSwitch', () => {
  it('floods an unknown destination, then forwards to the learned port only', () => {
    const { sim, sw, a, b, c, forwards } = lan();
    const first = packet(A, B);
    const reply = packet(B, A);
    const again = packet(A, B);
    a.port.send(first);
    sim.schedule(50 * MS, () => b.port.send(reply));
    sim.schedule(100 * MS, () => a.port.send(again));
    sim.run();
    expect(forwards()).toEqual([
      [first.id, 'p1', 'p2', true],
      [first.id, 'p1', 'p3', true],
      [reply.id, 'p2', 'p1', false],
      [again.id, 'p1', 'p2', false],
    ]);
    expect(sim.trace.ofType('switch.learn').map((r) => [r.port, r.address])).toEqual([
      ['p1', '02:00:0a:00:00:01'],
      ['p2', '02:00:0a:00:00:02'],
    ]);
    // Store and forward twice, each hop a 1018-byte frame (1000 of IP + 18 of Ethernet):
    // 2 * (8144 bits / 1e6 b/s + 1 ms) = 2 * 9.144 ms = 18.288 ms after each send.
    expect(b.got).toEqual([
      [18_288 * US, first.id],
      [118_288 * US, again.id],
    ]);
    expect(c.got).toEqual([[18_288 * US, first.id]]);
    expect(a.got).toEqual([[68_288 * US, reply.id]]);
    expect(sw.entries().map((e) => [e.port, e.address])).toEqual([
      ['p1', A.mac],
      ['p2', B.mac],
    ]);
  });

  it('floods broadcasts even to learned ports', () => {
    const { sim, a, b, c, forwards } = lan();
    a.port.send(packet(A, C));
    b.port.send(packet(B, C));
    const bcast = packet(C, A, 100, MAC_BROADCAST);
    sim.schedule(50 * MS, () => c.port.send(bcast));
    sim.run();
    expect(forwards().filter(([id]) => id === bcast.id)).toEqual([
      [bcast.id, 'p3', 'p1', true],
      [bcast.id, 'p3', 'p2', true],
    ]);
  });

  it('floods a packet that has no frame (a raw packet of a test) and learns nothing from it', () => {
    const { sim, sw, c, forwards } = lan();
    const raw: Packet = { ...packet(C, A) };
    delete raw.eth;
    c.port.send(raw);
    sim.run();
    expect(sw.entries()).toEqual([]);
    expect(forwards().map(([, , to, flood]) => [to, flood])).toEqual([
      ['p1', true],
      ['p2', true],
    ]);
  });

  it('re-learns an address that moved, and filters a packet for the port it came from', () => {
    const { sim, a, c, forwards } = lan();
    a.port.send(packet(A, B));
    // Later C sends with source A (the host moved): the entry moves to p3.
    sim.schedule(50 * MS, () => c.port.send(packet(A, C)));
    // Then a packet to A arriving on p3 is for the port it came from: filtered.
    const back = packet(C, A);
    sim.schedule(100 * MS, () => c.port.send(back));
    sim.run();
    expect(sim.trace.ofType('switch.learn').map((r) => [r.port, r.address])).toEqual([
      ['p1', '02:00:0a:00:00:01'],
      ['p3', '02:00:0a:00:00:01'],
      ['p3', '02:00:0a:00:00:03'],
    ]);
    expect(sim.trace.ofType('switch.filter').map((r) => [r.pkt, r.port])).toEqual([
      [back.id, 'p3'],
    ]);
    expect(forwards().filter(([id]) => id === back.id)).toEqual([]);
  });

  it('forgets an address after the ageing time and floods again', () => {
    const { sim, a, b, forwards } = lan(30 * MS);
    b.port.send(packet(B, A)); // learns B at t = 9.144 ms (on arrival at the switch)
    const soon = packet(A, B);
    const late = packet(A, B);
    sim.schedule(10 * MS, () => a.port.send(soon)); // reaches the switch at 19.144 ms: 10 ms old
    sim.schedule(40 * MS, () => a.port.send(late)); // reaches it at 49.144 ms: 40 ms > 30 ms old
    sim.run();
    expect(forwards().filter(([id]) => id === soon.id)).toEqual([[soon.id, 'p1', 'p2', false]]);
    expect(
      forwards()
        .filter(([id]) => id === late.id)
        .map(([, , to, f]) => [to, f]),
    ).toEqual([
      ['p2', true],
      ['p3', true],
    ]);
  });

  it('refuses duplicate port names and unknown ports', () => {
    const sw = new LearningSwitch(new Simulator(), 'sw');
    sw.addPort('p1');
    expect(() => sw.addPort('p1')).toThrow(RangeError);
    expect(() => sw.port('p9')).toThrow(RangeError);
  });
});
