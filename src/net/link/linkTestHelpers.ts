// Shared by the tests of PointToPointLink (pointToPointLink, linkChange and linkImpairments
// tests): a UDP packet of a given size, a link end that remembers what arrived and when, and a
// link between two such ends on a fresh simulator.
import { Simulator } from '../../engine/simulator.ts';
import { ipv4Header, type Packet } from '../wire/packet.ts';
import type { Attachable, LinkPort } from './linkEndpoint.ts';
import { PointToPointLink, type PointToPointLinkConfig } from './pointToPointLink.ts';

/** A UDP packet whose wire size is exactly `bytes` (20 IP + 8 UDP + payload). */
export function udp(id: number, bytes: number): Packet {
  return {
    id,
    ip: ipv4Header({ src: 0x0a000001, dst: 0x0a000002 }),
    transport: { kind: 'udp', srcPort: 1000, dstPort: 2000 },
    payload: new Uint8Array(bytes - 28),
  };
}

/** A link end that remembers what arrived and when: [time, packet id]. */
export class Probe implements Attachable {
  port!: LinkPort;
  readonly arrivals: [number, number][] = [];
  constructor(
    private readonly sim: Simulator,
    readonly node: string,
    readonly name = 'eth0',
  ) {}
  plug(port: LinkPort): void {
    this.port = port;
  }
  receive(packet: Packet): void {
    this.arrivals.push([this.sim.now(), packet.id]);
  }
}

/** A link `config` between probes `a` and `b`, on a new simulator with `seed`. */
export function probedLink(seed: number, config: PointToPointLinkConfig) {
  const sim = new Simulator({ seed });
  const a = new Probe(sim, 'a');
  const b = new Probe(sim, 'b');
  const link = new PointToPointLink(sim, config);
  link.connect(a, b);
  return { sim, a, b, link };
}
