// A learning Ethernet switch (IEEE 802.1D's transparent bridge): it learns which port each source
// MAC address is behind and forwards a frame by its destination MAC, flooding unknown
// destinations, broadcasts and multicasts out of every other port, and filtering a frame whose
// destination is behind the port it came in on. Entries age out. With `runSpanningTree` its ports
// follow the spanning tree (spanningTree.ts): a port that is not forwarding passes no data frames
// (and learns none while discarding), and BPDUs go to the protocol instead of being forwarded.

import type { Simulator } from '../../engine/simulator.ts';
import { NS_PER_S, type Nanos } from '../../engine/time.ts';
import { isBpduFrame, type Frame } from '../wire/frame.ts';
import { formatMac, isMulticast, type MacAddress } from '../wire/mac.ts';
import type { Attachable, LinkPort } from './linkEndpoint.ts';
import type { BpduFrame } from '../wire/frame.ts';
import './linkTrace.ts';

/** How long a switch keeps an address it has not seen again: 300 s, IEEE 802.1D's default. */
export const SWITCH_AGEING_NS: Nanos = 300 * NS_PER_S;

/** Options of a switch. */
export interface LearningSwitchOptions {
  /** How long an address stays learned without being seen again (default 300 s, as IEEE 802.1D). */
  ageingTime?: Nanos;
}

/** One learned address: the port it is behind and when it was last seen there. */
export interface SwitchTableEntry {
  address: MacAddress;
  port: string;
  lastSeen: Nanos;
}

/** What the switch asks of its spanning tree: BPDUs that arrive, and links going down or up. */
export interface SwitchStp {
  receive(port: SwitchPort, frame: BpduFrame): void;
  linkState(port: SwitchPort, up: boolean): void;
}

/** A port of a switch: plug a link into it. */
export class SwitchPort implements Attachable {
  /** The link port this switch port sends on, once a link is connected. */
  link: LinkPort | undefined = undefined;
  /** Learns source addresses (always, without a spanning tree). */
  learning = true;
  /** Passes data frames (always, without a spanning tree). */
  forwarding = true;

  constructor(
    private readonly owner: LearningSwitch,
    readonly name: string,
  ) {}

  get node(): string {
    return this.owner.name;
  }

  plug(port: LinkPort): void {
    if (this.link) throw new Error(`switch port ${this.node}/${this.name} already has a link`);
    this.link = port;
  }

  receive(frame: Frame): void {
    this.owner.receive(frame, this);
  }

  linkState(up: boolean): void {
    this.owner.linkState(this, up);
  }
}

/** A switch that forwards frames between its ports instantly (timing comes from the links). */
export class LearningSwitch {
  readonly ports: SwitchPort[] = [];
  /** The switch's spanning tree, when it runs one (spanningTree.ts, attached by its role). */
  stp: SwitchStp | undefined = undefined;
  /** Learned addresses: the port each is behind and when last seen (the spanning tree flushes). */
  readonly table = new Map<MacAddress, { port: SwitchPort; lastSeen: Nanos }>();
  private readonly ageingTime: Nanos;

  constructor(
    private readonly sim: Simulator,
    readonly name: string,
    options: LearningSwitchOptions = {},
  ) {
    this.ageingTime = options.ageingTime ?? SWITCH_AGEING_NS;
  }

  /** Adds a port; connect a link to it with `link.connect(port, ...)`. */
  addPort(name: string): SwitchPort {
    if (this.ports.some((p) => p.name === name)) {
      throw new RangeError(`switch ${this.name} already has a port "${name}"`);
    }
    const port = new SwitchPort(this, name);
    this.ports.push(port);
    return port;
  }

  /** A port's link went down or up: the spanning tree reacts (a plain switch needs nothing). */
  linkState(port: SwitchPort, up: boolean): void {
    this.stp?.linkState(port, up);
  }

  /** The port called `name`. */
  port(name: string): SwitchPort {
    const port = this.ports.find((p) => p.name === name);
    if (!port) throw new RangeError(`switch ${this.name} has no port "${name}"`);
    return port;
  }

  /** The learned addresses that have not aged out, in the order first learned. */
  entries(): SwitchTableEntry[] {
    const now = this.sim.now();
    const out: SwitchTableEntry[] = [];
    for (const [address, entry] of this.table) {
      if (now - entry.lastSeen < this.ageingTime) {
        out.push({ address, port: entry.port.name, lastSeen: entry.lastSeen });
      }
    }
    return out;
  }

  /**
   * A frame arrived on `from`: learn its source, then forward, flood or filter it. A packet with
   * no frame (a test's raw packet) teaches nothing and is flooded.
   */
  receive(packet: Frame, from: SwitchPort): void {
    const now = this.sim.now();
    if (this.stp && isBpduFrame(packet)) {
      this.stp.receive(from, packet);
      return;
    }
    if (!from.forwarding) {
      if (from.learning && packet.eth !== undefined) this.learn(packet.eth.src, from, now);
      this.sim.record({
        t: now,
        type: 'stp.discard',
        node: this.name,
        pkt: packet.id,
        port: from.name,
        state: from.learning ? 'learning' : 'discarding',
      });
      return;
    }
    const eth = packet.eth;
    if (eth !== undefined) this.learn(eth.src, from, now);
    const known = eth === undefined || isMulticast(eth.dst) ? undefined : this.table.get(eth.dst);
    if (known && now - known.lastSeen < this.ageingTime) {
      if (known.port === from) {
        this.sim.record({
          t: now,
          type: 'switch.filter',
          node: this.name,
          pkt: packet.id,
          port: from.name,
        });
      } else {
        this.forward(packet, from, known.port, false);
      }
      return;
    }
    for (const port of this.ports) {
      if (port !== from && port.link && port.forwarding) this.forward(packet, from, port, true);
    }
  }

  private learn(address: MacAddress, port: SwitchPort, now: Nanos): void {
    if (isMulticast(address)) return; // a source is never a group address; learn none as one
    const entry = this.table.get(address);
    if (entry && entry.port === port && now - entry.lastSeen < this.ageingTime) {
      entry.lastSeen = now;
      return;
    }
    this.table.set(address, { port, lastSeen: now });
    this.sim.record({
      t: now,
      type: 'switch.learn',
      node: this.name,
      port: port.name,
      address: formatMac(address),
    });
  }

  private forward(packet: Frame, from: SwitchPort, to: SwitchPort, flood: boolean): void {
    const link = to.link;
    if (!link || !to.forwarding) return;
    this.sim.record({
      t: this.sim.now(),
      type: 'switch.forward',
      node: this.name,
      pkt: packet.id,
      fromPort: from.name,
      toPort: to.name,
      flood,
    });
    link.send(packet);
  }
}
