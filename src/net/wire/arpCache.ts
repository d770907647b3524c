// A node's ARP cache (its neighbour table) as a pure data structure on simulated time: entries
// learned with the time and how long they stay good, lookups that tell a live entry from an
// expired one, per-next-hop queues of packets waiting for resolution, and the retries and
// failure of an unanswered request. The node owns the timers: it calls `tick` at `nextDeadline`.
//
// Linux's neighbour states (net/core/neighbour.c, RFC 4861's NUD) simplified to three:
//   incomplete  a request is out; packets wait in the entry's queue (Linux NUD_INCOMPLETE).
//   reachable   the MAC is known and fresh for `reachableNs` after it was learned (NUD_REACHABLE).
//   expired     the MAC is known but old (NUD_STALE). Linux keeps sending to a stale MAC and
//               confirms it with unicast probes (NUD_DELAY, NUD_PROBE, delay_first_probe_time 5 s,
//               ucast_solicit 3); here the next packet instead re-resolves with a broadcast
//               request and waits, as for a new neighbour, so a learner sees the entry age out and
//               be asked for again. An expired entry unused for `staleNs` is forgotten (gc).
// Confirmation by upper layers (TCP ACKs refreshing an entry) is not modelled.
//
// Defaults, Linux's (Documentation/networking/ip-sysctl.rst, man 7 arp):
//   base_reachable_time_ms 30000  Linux draws each reachable time uniformly from [15 s, 45 s)
//                                 (neigh_rand_reach_time); here it is a fixed 30 s unless the
//                                 node passes a seeded `randomUnit`, so runs are reproducible.
//   retrans_time_ms 1000, mcast_solicit 3
//                                 three broadcast requests 1 s apart (at 0, 1 and 2 s); no
//                                 reply by 3 s and the entry fails, dropping what waited (Linux
//                                 then reports ICMP host unreachable to the senders).
//   unres_qlen 101                packets queued per unresolved neighbour. Since Linux 3.3 the
//                                 real limit is unres_qlen_bytes (SK_WMEM_MAX, about 212 KB) and
//                                 101 is what it gives for full-size frames; a count is simpler
//                                 to show. When full, the oldest waiting packet is dropped, as
//                                 __neigh_event_send does.
//   gc_stale_time 60              an unused stale entry is removed after 60 s.

import type { Nanos } from '../../engine/time.ts';
import type { Ipv4Address } from './ipv4Address.ts';
import type { MacAddress } from './mac.ts';

const S = 1_000_000_000;

export interface ArpCacheOptions {
  /** How long a learned entry is reachable. Default 30 s (base_reachable_time_ms). */
  reachableNs?: Nanos;
  /**
   * A seeded uniform [0, 1) draw; when given, each entry's reachable time is drawn as Linux does,
   * uniformly from [reachableNs / 2, 3 * reachableNs / 2). Never Math.random: runs must repeat.
   */
  randomUnit?: () => number;
  /** Time between requests for an unresolved address. Default 1 s (retrans_time_ms). */
  retransNs?: Nanos;
  /** Requests sent before resolution fails. Default 3 (mcast_solicit). */
  maxProbes?: number;
  /** Packets queued per unresolved address; the oldest is dropped beyond it. Default 101. */
  queueLimit?: number;
  /** How long an expired entry is kept, unused, before it is forgotten. Default 60 s. */
  staleNs?: Nanos;
}

export const ARP_DEFAULTS: Required<Omit<ArpCacheOptions, 'randomUnit'>> = {
  reachableNs: 30 * S,
  retransNs: 1 * S,
  maxProbes: 3,
  queueLimit: 101,
  staleNs: 60 * S,
};

/** A reachable time drawn as Linux's neigh_rand_reach_time: base/2 + uniform [0, base). */
export function randomizedReachableTime(baseNs: Nanos, unit: number): Nanos {
  return Math.floor(baseNs / 2) + Math.floor(unit * baseNs);
}

/** What the cache says of an address, without changing anything. */
export type ArpLookup =
  | { state: 'reachable' | 'expired'; mac: MacAddress; learnedNs: Nanos; expiresNs: Nanos }
  | { state: 'incomplete'; probes: number; queued: number }
  | { state: 'none' };

/** What to do with a packet for a next hop (`resolve`). */
export type ArpResolve<P> =
  | { action: 'send'; mac: MacAddress }
  /** The packet waits; send an ARP request for the address now (the first of `maxProbes`). */
  | { action: 'request' }
  /** The packet joins those already waiting; `dropped` is the oldest, pushed out of a full queue. */
  | { action: 'queued'; dropped?: P };

/** Something `tick` found due. */
export type ArpEvent<P> =
  /** Send another request for `ip`; `probe` counts them, the first being sent by `resolve`. */
  | { kind: 'retry'; ip: Ipv4Address; probe: number }
  /** No reply to `maxProbes` requests: the entry is gone and the waiting packets are dropped. */
  | { kind: 'failed'; ip: Ipv4Address; dropped: P[] }
  /** A reachable entry reached its timeout (it stays, as expired, until used or forgotten). */
  | { kind: 'expired'; ip: Ipv4Address; mac: MacAddress }
  /** An expired entry went unused for `staleNs` and was removed. */
  | { kind: 'forgotten'; ip: Ipv4Address; mac: MacAddress };

/** One row of the cache as an inspector shows it. */
export type ArpEntryView = { ip: Ipv4Address } & Exclude<ArpLookup, { state: 'none' }>;

type Entry<P> =
  | { state: 'known'; mac: MacAddress; learnedNs: Nanos; expiresNs: Nanos; toldExpired: boolean }
  | { state: 'incomplete'; probes: number; nextProbeNs: Nanos; queue: P[] };

/** A neighbour table mapping IPv4 addresses to MACs; `P` is whatever the node queues. */
export class ArpCache<P> {
  private readonly entries = new Map<Ipv4Address, Entry<P>>();
  private readonly options: Required<Omit<ArpCacheOptions, 'randomUnit'>>;
  private readonly randomUnit: (() => number) | undefined;

  constructor(options: ArpCacheOptions = {}) {
    this.options = { ...ARP_DEFAULTS, ...options };
    this.randomUnit = options.randomUnit;
    const { reachableNs, retransNs, maxProbes, queueLimit, staleNs } = this.options;
    for (const [name, value] of Object.entries({ reachableNs, retransNs, staleNs })) {
      if (!Number.isSafeInteger(value) || value <= 0) {
        throw new RangeError(`${name} must be a positive whole number of ns, got ${value}`);
      }
    }
    if (!Number.isInteger(maxProbes) || maxProbes < 1) {
      throw new RangeError(`maxProbes must be at least 1, got ${maxProbes}`);
    }
    if (!Number.isInteger(queueLimit) || queueLimit < 1) {
      throw new RangeError(`queueLimit must be at least 1, got ${queueLimit}`);
    }
  }

  /** The entry for `ip` at time `nowNs`, expired or not. */
  lookup(ip: Ipv4Address, nowNs: Nanos): ArpLookup {
    const entry = this.entries.get(ip);
    if (entry === undefined) return { state: 'none' };
    if (entry.state === 'incomplete') {
      return { state: 'incomplete', probes: entry.probes, queued: entry.queue.length };
    }
    const { mac, learnedNs, expiresNs } = entry;
    return { state: nowNs < expiresNs ? 'reachable' : 'expired', mac, learnedNs, expiresNs };
  }

  /**
   * The send path for `packet` to next hop `ip`: send it to the MAC of a reachable entry, or keep
   * it until the address is resolved, starting resolution when none is under way (no entry, or
   * an expired one).
   */
  resolve(ip: Ipv4Address, packet: P, nowNs: Nanos): ArpResolve<P> {
    const entry = this.entries.get(ip);
    if (entry?.state === 'known' && nowNs < entry.expiresNs) {
      return { action: 'send', mac: entry.mac };
    }
    if (entry?.state === 'incomplete') {
      entry.queue.push(packet);
      if (entry.queue.length > this.options.queueLimit) {
        return { action: 'queued', dropped: entry.queue.shift() as P };
      }
      return { action: 'queued' };
    }
    this.entries.delete(ip); // re-inserted last, so `tick` reports in the order resolution began
    this.entries.set(ip, {
      state: 'incomplete',
      probes: 1,
      nextProbeNs: nowNs + this.options.retransNs,
      queue: [packet],
    });
    return { action: 'request' };
  }

  /**
   * Records that `ip` is at `mac` (a reply, or a request from it), fresh from `nowNs`, and hands
   * back the packets that were waiting for it, oldest first. With `create: false` only an
   * existing entry is updated, as for a gratuitous ARP about a neighbour this node never asked
   * for (Linux's arp_accept 0); then `stored` says whether anything changed.
   */
  learn(
    ip: Ipv4Address,
    mac: MacAddress,
    nowNs: Nanos,
    { create = true }: { create?: boolean } = {},
  ): { stored: boolean; released: P[] } {
    const entry = this.entries.get(ip);
    if (entry === undefined && !create) return { stored: false, released: [] };
    const base = this.options.reachableNs;
    const reachable = this.randomUnit ? randomizedReachableTime(base, this.randomUnit()) : base;
    this.entries.set(ip, {
      state: 'known',
      mac,
      learnedNs: nowNs,
      expiresNs: nowNs + reachable,
      toldExpired: false,
    });
    return { stored: true, released: entry?.state === 'incomplete' ? entry.queue : [] };
  }

  /** Removes the entry for `ip` (a link went down), giving back any packets that waited. */
  forget(ip: Ipv4Address): P[] {
    const entry = this.entries.get(ip);
    this.entries.delete(ip);
    return entry?.state === 'incomplete' ? entry.queue : [];
  }

  /** The earliest time `tick` has something to do, or undefined when nothing is pending. */
  nextDeadline(): Nanos | undefined {
    let next: Nanos | undefined;
    for (const entry of this.entries.values()) {
      const due = this.dueAt(entry);
      if (next === undefined || due < next) next = due;
    }
    return next;
  }

  /**
   * Handles everything due at or before `nowNs`, in the order the entries were made: a retry or
   * the failure of each unresolved address, the expiry of reachable entries, and forgetting
   * stale ones. Each entry takes at most one step per call; call again at `nextDeadline`.
   */
  tick(nowNs: Nanos): ArpEvent<P>[] {
    const events: ArpEvent<P>[] = [];
    for (const [ip, entry] of this.entries) {
      if (this.dueAt(entry) > nowNs) continue;
      if (entry.state === 'incomplete') {
        if (entry.probes < this.options.maxProbes) {
          entry.probes++;
          entry.nextProbeNs += this.options.retransNs;
          events.push({ kind: 'retry', ip, probe: entry.probes });
        } else {
          this.entries.delete(ip);
          events.push({ kind: 'failed', ip, dropped: entry.queue });
        }
      } else if (!entry.toldExpired) {
        entry.toldExpired = true;
        events.push({ kind: 'expired', ip, mac: entry.mac });
      } else {
        this.entries.delete(ip);
        events.push({ kind: 'forgotten', ip, mac: entry.mac });
      }
    }
    return events;
  }

  /** Every entry at `nowNs`, by address, for an inspector. */
  entriesAt(nowNs: Nanos): ArpEntryView[] {
    return [...this.entries.keys()]
      .sort((a, b) => a - b)
      .map((ip) => ({ ip, ...(this.lookup(ip, nowNs) as Exclude<ArpLookup, { state: 'none' }>) }));
  }

  /** How many entries there are, of any state. */
  get size(): number {
    return this.entries.size;
  }

  private dueAt(entry: Entry<P>): Nanos {
    if (entry.state === 'incomplete') return entry.nextProbeNs;
    return entry.toldExpired ? entry.expiresNs + this.options.staleNs : entry.expiresNs;
  }
}
