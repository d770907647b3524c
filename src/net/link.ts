// A point-to-point link between two nodes: each message arrives after the link's one-way
// propagation delay, or is lost with the link's loss probability. Bandwidth, queues and real
// packets come with the network layer; the trace records every send, delivery and drop.

import type { Simulator } from '../engine/simulator.ts';
import type { RandomStream } from '../engine/random.ts';

declare module '../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A message left `from` on a link towards `to`. */
    'link.send': {
      link: string;
      from: string;
      to: string;
      msg: number;
      label: string;
      bytes: number;
    };
    /** A message reached the far end of a link. */
    'link.deliver': { link: string; from: string; to: string; msg: number };
    /** A message was lost on a link, and why. */
    'link.drop': { link: string; from: string; to: string; msg: number; reason: 'loss' };
  }
}

/** What crosses a link: a unique id, a short label for people, and a size in bytes. */
export interface LinkMessage {
  id: number;
  label: string;
  bytes: number;
}

export interface LinkConfig {
  id: string;
  a: string;
  b: string;
  /** One-way propagation delay in ns. */
  latency: number;
  /** Probability in [0, 1) that a message is lost. */
  loss: number;
}

export interface LinkCounters {
  sent: number;
  delivered: number;
  dropped: number;
}

type Receiver<M> = (message: M, from: string) => void;

interface InFlight<M> {
  message: M;
  from: string;
  to: string;
}

/** A bidirectional link; attach one receiver per end, then `send` from either end. */
export class Link<M extends LinkMessage> {
  readonly counters: LinkCounters = { sent: 0, delivered: 0, dropped: 0 };
  private readonly receivers = new Map<string, Receiver<M>>();
  private readonly deliverEvent = (flight: InFlight<M>): void => this.deliver(flight);

  constructor(
    private readonly sim: Simulator,
    readonly config: LinkConfig,
    private readonly random: RandomStream,
  ) {}

  /** The node at the other end from `node`. */
  otherEnd(node: string): string {
    return node === this.config.a ? this.config.b : this.config.a;
  }

  /** Registers the function that receives messages arriving at `node`'s end. */
  attach(node: string, receiver: Receiver<M>): void {
    if (node !== this.config.a && node !== this.config.b) {
      throw new RangeError(`node "${node}" is not an end of link "${this.config.id}"`);
    }
    this.receivers.set(node, receiver);
  }

  /** Sends a message from one end; it arrives at the other after the latency, unless lost. */
  send(from: string, message: M): void {
    const { sim, config } = this;
    const to = this.otherEnd(from);
    const t = sim.now();
    this.counters.sent++;
    sim.record({
      t,
      type: 'link.send',
      link: config.id,
      from,
      to,
      msg: message.id,
      label: message.label,
      bytes: message.bytes,
    });
    // Draw for every message, lost or not, so one message's fate never shifts another's.
    if (config.loss > 0 && this.random.bernoulli(config.loss)) {
      this.counters.dropped++;
      sim.record({
        t,
        type: 'link.drop',
        link: config.id,
        from,
        to,
        msg: message.id,
        reason: 'loss',
      });
      return;
    }
    sim.schedule(config.latency, this.deliverEvent, { message, from, to });
  }

  private deliver(flight: InFlight<M>): void {
    this.counters.delivered++;
    this.sim.record({
      t: this.sim.now(),
      type: 'link.deliver',
      link: this.config.id,
      from: flight.from,
      to: flight.to,
      msg: flight.message.id,
    });
    this.receivers.get(flight.to)?.(flight.message, flight.from);
  }
}
