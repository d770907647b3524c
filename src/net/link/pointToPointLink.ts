// A full-duplex point-to-point link: per direction a drop-tail queue and a store-and-forward
// transmitter (one packet on the wire at a time), then propagation delay, with seeded loss,
// duplication, reordering, jitter and corruption, and an up/down state. Bandwidth, latency and loss can change
// mid-run. Every step is a trace record.

import type { Simulator } from '../../engine/simulator.ts';
import type { Nanos } from '../../engine/time.ts';
import type { QueueLimits } from './dropTailQueue.ts';
import type { Attachable } from './linkEndpoint.ts';
import { LinkDirection, type Impairments } from './linkDirection.ts';
import { checkBandwidth } from './transmissionDelay.ts';
import { burstLossModel, type BurstLoss } from './burstLoss.ts';

/** How a link behaves; the same in both directions. */
export interface PointToPointLinkConfig {
  /** The link's id in trace records and random stream names. */
  id: string;
  /** Bits per second, a positive integer (or Infinity: no serialisation delay). */
  bandwidth: number;
  /** One-way propagation delay in ns. */
  delay: Nanos;
  /** Probability in [0, 1] that a transmitted packet never arrives. */
  loss?: number;
  /** Losses in bursts (Gilbert–Elliott, burstLoss.ts) instead of `loss`. */
  burstLoss?: BurstLoss;
  /** Probability in [0, 1] that an arriving packet arrives twice (the copy right behind it). */
  duplicate?: number;
  /** A packet is held back `extraDelay` ns more with `probability`, so later ones overtake it. */
  reorder?: { probability: number; extraDelay: Nanos };
  /**
   * Up to this many ns more propagation for each packet, uniform, drawn per packet; packets still
   * arrive in the order they were sent (jitter from varying paths and queues, not reordering).
   */
  jitter?: Nanos;
  /**
   * Probability in [0, 1] that a packet arrives damaged: one bit of its bytes, drawn evenly,
   * flipped (as netem's `corrupt`). The receiver's checksums catch it and drop the packet.
   */
  corrupt?: number;
  /** Bounds of the queue at each sending end (default: unlimited). */
  queue?: QueueLimits;
  /** Whether the link starts up (default true). */
  up?: boolean;
}

/**
 * A full-duplex link between two attachables. Create it, then `connect(a, b)`: each end gets a
 * `LinkPort` through `plug` and receives arrivals through `receive`.
 */
export class PointToPointLink {
  private settings: Readonly<PointToPointLinkConfig>;
  private isUp: boolean;
  private directions: LinkDirection[] = [];
  private readonly impairments: Impairments;

  constructor(
    private readonly sim: Simulator,
    config: PointToPointLinkConfig,
  ) {
    checkBandwidth(config.bandwidth);
    checkTime('delay', config.delay);
    const loss = checkProbability('loss', config.loss ?? 0);
    const duplicate = checkProbability('duplicate', config.duplicate ?? 0);
    const reorder = checkProbability('reorder probability', config.reorder?.probability ?? 0);
    const reorderDelay = config.reorder?.extraDelay ?? 0;
    checkTime('reorder extraDelay', reorderDelay);
    const burst = config.burstLoss && checkBurstLoss(config.burstLoss);
    if (burst && loss > 0) throw new RangeError('a link has either loss or burstLoss, not both');
    const jitter = config.jitter ?? 0;
    checkTime('jitter', jitter);
    const corrupt = checkProbability('corrupt', config.corrupt ?? 0);
    const random =
      loss > 0 || duplicate > 0 || reorder > 0 || burst !== undefined || jitter > 0 || corrupt > 0;
    this.impairments = {
      loss,
      duplicate,
      reorder,
      reorderDelay,
      jitter,
      corrupt,
      random,
      ...(burst ? { burst } : {}),
    };
    this.settings = { ...config };
    this.isUp = config.up ?? true;
  }

  /** How the link behaves now (a change replaces it). */
  get config(): Readonly<PointToPointLinkConfig> {
    return this.settings;
  }

  /** Whether the link is up. */
  get up(): boolean {
    return this.isUp;
  }

  /** Plugs `a` and `b` into the two ends. Random streams: `link:<id>:a>b` and `link:<id>:b>a`. */
  connect(a: Attachable, b: Attachable): this {
    if (this.directions.length > 0)
      throw new Error(`link "${this.config.id}" is already connected`);
    const { sim, impairments } = this;
    const { id, queue = {} } = this.config;
    const direction = (from: Attachable, to: Attachable, name: string): LinkDirection =>
      new LinkDirection(sim, this, impairments, from, to, sim.random.stream(name), queue);
    const ab = direction(a, b, `link:${id}:a>b`);
    const ba = direction(b, a, `link:${id}:b>a`);
    this.directions = [ab, ba];
    a.plug(ab);
    b.plug(ba);
    return this;
  }

  /** The queue at `end`'s sending side (for inspection). */
  queueAt(end: Attachable): { packets: number; bytes: number } {
    const dir = this.directions.find((d) => d.from === end);
    if (!dir) throw new RangeError(`${end.node}/${end.name} is not an end of "${this.config.id}"`);
    return { packets: dir.queue.packets, bytes: dir.queue.bytes };
  }

  /**
   * Changes bandwidth, latency or loss from now on (traced as `link.change` with the values then
   * in force). A packet already being transmitted or propagating keeps its timing; the next one to
   * start transmission is serialised at the new bandwidth and propagates with the new latency,
   * and loss applies to packets that start transmission from now. A link with burst loss takes no
   * plain loss.
   */
  change(change: LinkChange): void {
    const bandwidth = change.bandwidth ?? this.settings.bandwidth;
    const delay = change.delay ?? this.settings.delay;
    checkBandwidth(bandwidth);
    checkTime('delay', delay);
    const imp = this.impairments;
    if (change.loss !== undefined) {
      const loss = checkProbability('loss', change.loss);
      if (imp.burst && loss > 0)
        throw new RangeError('a link has either loss or burstLoss, not both');
      imp.loss = loss;
      imp.random =
        loss > 0 ||
        imp.duplicate > 0 ||
        imp.reorder > 0 ||
        imp.burst !== undefined ||
        imp.jitter > 0 ||
        imp.corrupt > 0;
    }
    this.settings = { ...this.settings, bandwidth, delay, loss: imp.loss };
    this.sim.record({
      t: this.sim.now(),
      type: 'link.change',
      link: this.settings.id,
      bandwidth,
      latency: delay,
      loss: imp.loss,
    });
  }

  /**
   * Brings the link up or down (traced as `link.state`). Going down drops every packet being
   * transmitted or propagating (`link.lost`) and every queued one (`queue.drop`), reason linkDown.
   */
  setUp(up: boolean): void {
    if (up === this.isUp) return;
    this.isUp = up;
    this.sim.record({ t: this.sim.now(), type: 'link.state', link: this.config.id, up });
    if (!up) for (const dir of this.directions) dir.flush();
    for (const dir of this.directions) dir.from.linkState?.(up);
  }
}

/** New values for some of a link's parameters (`PointToPointLink.change`). */
export interface LinkChange {
  bandwidth?: number;
  /** One-way propagation delay, ns. */
  delay?: Nanos;
  loss?: number;
}

function checkProbability(name: string, p: number): number {
  if (!(p >= 0 && p <= 1))
    throw new RangeError(`${name} must be a probability in [0, 1], got ${p}`);
  return p;
}

function checkBurstLoss(model: BurstLoss): Required<BurstLoss> {
  const filled = burstLossModel(model);
  for (const key of ['p', 'r', 'lossInGood', 'lossInBad'] as const)
    checkProbability(`burstLoss ${key}`, filled[key]);
  return filled;
}

function checkTime(name: string, ns: number): void {
  if (!(Number.isSafeInteger(ns) && ns >= 0)) {
    throw new RangeError(`${name} must be a non-negative whole number of ns, got ${ns}`);
  }
}
