// One direction of a point-to-point link: the drop-tail queue and store-and-forward transmitter
// at the sending end, the seeded fate of each frame (lost, duplicated, held back, late, or
// damaged: one bit flipped), and its propagation to the receiving end. Every link is Ethernet:
// it serialises and queues each frame's size on the wire (frame.ts, `frameWireLength`).

import type { EventId, Simulator } from '../../engine/simulator.ts';
import type { RandomStream } from '../../engine/random.ts';
import type { Nanos } from '../../engine/time.ts';
import { flipBit } from '../wire/corruption.ts';
import { frameWireLength, ipBytesOf, isLinkFrame, type Frame } from '../wire/frame.ts';
import { DropTailQueue, type QueueLimits } from './dropTailQueue.ts';
import type { Attachable, LinkPort } from './linkEndpoint.ts';
import type { LinkDropReason } from './linkTrace.ts';
import { transmissionDelay } from './transmissionDelay.ts';
import { GilbertElliott, type BurstLoss } from './burstLoss.ts';

/** What a direction reads from its link: the shared config and the up/down state. */
export interface LinkOwner {
  readonly up: boolean;
  readonly config: Readonly<{ id: string; bandwidth: number; delay: Nanos }>;
}

/**
 * A packet on the wire (after its last bit left), waiting to arrive. Flights in the air form a
 * doubly linked list: arrival unlinks one without the hashing and table resizing a Map's delete
 * costs on every packet (measured at 6% of a UDP echo run).
 */
interface Flight {
  prev: Flight | undefined;
  next: Flight | undefined;
  event: EventId;
  packet: Frame;
  lost: boolean;
  duplicate: boolean;
}

/** The impairments shared by both directions, resolved from the config. */
export interface Impairments {
  loss: number;
  duplicate: number;
  reorder: number;
  reorderDelay: Nanos;
  /** Up to this much more propagation per packet, uniform; order kept (0: none). */
  jitter: Nanos;
  /** Probability that a packet arriving has one bit flipped (0: never). */
  corrupt: number;
  /** Losses in bursts instead of `loss` (burstLoss.ts): each direction runs its own chain. */
  burst?: Required<BurstLoss>;
  /**
   * Whether any is set: then every transmitted packet draws three numbers, one more with `burst`,
   * one more with `jitter`, and two more with `corrupt` (whether, and which bit).
   */
  random: boolean;
}

/** One direction of a link: the queue and transmitter at `from`, delivering to `to`. */
export class LinkDirection implements LinkPort {
  readonly queue: DropTailQueue;
  readonly link: string;
  /** The frame being serialised, the event that ends it, and its drawn fate. */
  private current: Frame | undefined = undefined;
  private currentEvent: EventId = -1;
  /** The latency when the current packet began: a change while it is sent does not move it. */
  private currentDelay: Nanos = 0;
  private readonly fate = { lost: false, duplicate: false, extra: 0, jitter: 0, bit: -1 };
  /** When the last packet that kept its place arrives: jitter never lets one overtake it. */
  private lastArrival = 0;
  /** The oldest and newest flights still in the air (a linked list, see Flight). */
  private flights: Flight | undefined = undefined;
  private lastFlight: Flight | undefined = undefined;
  private readonly txEndEvent = (): void => this.txEnd();
  private readonly arriveEvent = (flight: Flight): void => this.arrive(flight);

  constructor(
    private readonly sim: Simulator,
    private readonly owner: LinkOwner,
    private readonly impairments: Impairments,
    readonly from: Attachable,
    readonly to: Attachable,
    private readonly random: RandomStream,
    limits: QueueLimits,
  ) {
    this.queue = new DropTailQueue(limits);
    this.link = owner.config.id;
    this.burst = impairments.burst && new GilbertElliott(impairments.burst);
  }

  /** This direction's burst-loss chain, when the link has one. */
  private readonly burst: GilbertElliott | undefined;

  get up(): boolean {
    return this.owner.up;
  }

  get bandwidth(): number {
    return this.owner.config.bandwidth;
  }

  /** Transmits now if idle, else queues (or drops when the queue is full or the link down). */
  send(packet: Frame): void {
    if (!this.owner.up) {
      this.queueDrop(packet, 'linkDown');
    } else if (this.current === undefined) {
      this.txBegin(packet);
    } else if (this.queue.offer(packet, frameWireLength(packet))) {
      this.queueLength();
    } else {
      this.queueDrop(packet, 'queueFull');
    }
  }

  /** The link went down: drop what is on the wire and what waits. */
  flush(): void {
    if (this.current) {
      this.sim.cancel(this.currentEvent);
      this.lost(this.current, 'linkDown');
      this.current = undefined;
    }
    for (let flight = this.flights; flight !== undefined; flight = flight.next) {
      this.sim.cancel(flight.event);
      this.lost(flight.packet, 'linkDown');
    }
    this.flights = undefined;
    this.lastFlight = undefined;
    if (this.queue.packets > 0) {
      for (const packet of this.queue.clear()) this.queueDrop(packet, 'linkDown');
      this.queueLength();
    }
  }

  private txBegin(sent: Frame): void {
    const { sim, impairments: imp, fate } = this;
    const bytes = frameWireLength(sent);
    // Exactly three draws per transmitted packet whenever any impairment is configured (four
    // with burst loss: its loss and its move; one more with jitter; two more with corruption:
    // whether, and which bit), in a fixed order, so no packet's fate changes how many numbers
    // another packet's fate uses.
    if (imp.random) {
      fate.lost = this.burst
        ? this.burst.lost(this.random.float(), this.random.float())
        : this.random.float() < imp.loss;
      fate.duplicate = this.random.float() < imp.duplicate;
      fate.extra = this.random.float() < imp.reorder ? imp.reorderDelay : 0;
      fate.jitter = imp.jitter > 0 ? Math.floor(this.random.float() * (imp.jitter + 1)) : 0;
      fate.bit = -1;
      if (imp.corrupt > 0) {
        // The bit is drawn from the IPv4 datagram inside the frame (see docs/model.md: the
        // model lets damage past the Ethernet FCS so that IP's and TCP's checksums catch it);
        // an ARP frame or BPDU draws as well, and arrives intact.
        const damaged = this.random.float() < imp.corrupt;
        const bit = Math.floor(this.random.float() * ipBytesOf(sent) * 8);
        if (damaged && !fate.lost && !isLinkFrame(sent)) fate.bit = bit;
      }
    } else {
      // Nothing set now; `loss` may have been, until a change took it away.
      fate.lost = false;
    }
    // A damaged packet is the one on the wire from its first bit: the link's capture shows it so
    // (as a capture on a sender with netem's corruption does).
    const packet = fate.bit >= 0 && !isLinkFrame(sent) ? flipBit(sent, fate.bit) : sent;
    sim.record({
      t: sim.now(),
      type: 'link.txBegin',
      link: this.link,
      node: this.from.node,
      iface: this.from.name,
      pkt: packet.id,
      bytes,
      packet,
    });
    if (imp.random) {
      if (!fate.lost && fate.duplicate) this.impair(packet, 'duplicate');
      if (!fate.lost && fate.extra > 0) this.impair(packet, 'reorder');
      if (fate.bit >= 0) this.corrupt(packet, fate.bit);
    }
    this.current = packet;
    const { bandwidth, delay } = this.owner.config;
    this.currentDelay = delay;
    const txTime = transmissionDelay(bytes, bandwidth);
    this.currentEvent = sim.schedule(txTime, this.txEndEvent);
  }

  /** The last bit left: the packet propagates, and the next queued packet starts. */
  private txEnd(): void {
    const { sim, fate } = this;
    const packet = this.current as Frame;
    this.current = undefined;
    sim.record({
      t: sim.now(),
      type: 'link.txEnd',
      link: this.link,
      node: this.from.node,
      iface: this.from.name,
      pkt: packet.id,
    });
    const last = this.lastFlight;
    const flight: Flight = {
      prev: last,
      next: undefined,
      event: -1,
      packet,
      lost: fate.lost,
      duplicate: fate.duplicate,
    };
    if (last === undefined) this.flights = flight;
    else last.next = flight;
    this.lastFlight = flight;
    flight.event = sim.schedule(this.propagation(), this.arriveEvent, flight);
    const next = this.queue.poll();
    if (next !== undefined) {
      this.queueLength();
      this.txBegin(next);
    }
  }

  /**
   * How long the packet just sent propagates: the latency when it began, plus its jitter, never arriving before
   * the packet ahead of it (a path's delays vary, its order holds); a reordered one is held back
   * on top of that and does not hold the others up.
   */
  private propagation(): Nanos {
    const { sim, fate } = this;
    const delay = this.currentDelay;
    if (fate.jitter === 0 && this.impairments.jitter === 0) return delay + fate.extra;
    const now = sim.now();
    const inOrder = Math.max(now + delay + fate.jitter, this.lastArrival);
    if (fate.extra > 0) return inOrder + fate.extra - now;
    this.lastArrival = inOrder;
    return inOrder - now;
  }

  /** The packet reached the far end (or would have, had it not been lost). */
  private arrive(flight: Flight): void {
    const { prev, next } = flight;
    if (prev === undefined) this.flights = next;
    else prev.next = next;
    if (next === undefined) this.lastFlight = prev;
    else next.prev = prev;
    if (flight.lost) {
      this.lost(flight.packet, 'loss');
      return;
    }
    this.deliver(flight.packet);
    if (flight.duplicate) this.deliver(flight.packet);
  }

  private deliver(packet: Frame): void {
    this.sim.record({
      t: this.sim.now(),
      type: 'link.rx',
      link: this.link,
      node: this.to.node,
      iface: this.to.name,
      pkt: packet.id,
      packet,
    });
    this.to.receive(packet);
  }

  private lost(packet: Frame, reason: LinkDropReason): void {
    const { node, name } = this.from;
    const t = this.sim.now();
    this.sim.record({
      t,
      type: 'link.lost',
      link: this.link,
      node,
      iface: name,
      pkt: packet.id,
      reason,
    });
  }

  private impair(packet: Frame, effect: 'duplicate' | 'reorder'): void {
    const { node, name } = this.from;
    const t = this.sim.now();
    this.sim.record({
      t,
      type: 'link.impair',
      link: this.link,
      node,
      iface: name,
      pkt: packet.id,
      effect,
    });
  }

  private corrupt(packet: Frame, bit: number): void {
    const { node, name } = this.from;
    const t = this.sim.now();
    this.sim.record({
      t,
      type: 'link.corrupt',
      link: this.link,
      node,
      iface: name,
      pkt: packet.id,
      bit,
    });
  }

  private queueDrop(packet: Frame, reason: LinkDropReason): void {
    this.sim.record({
      t: this.sim.now(),
      type: 'queue.drop',
      link: this.link,
      node: this.from.node,
      iface: this.from.name,
      pkt: packet.id,
      bytes: frameWireLength(packet),
      reason,
    });
  }

  private queueLength(): void {
    this.sim.record({
      t: this.sim.now(),
      type: 'queue.length',
      link: this.link,
      node: this.from.node,
      iface: this.from.name,
      packets: this.queue.packets,
      bytes: this.queue.bytes,
    });
  }
}
