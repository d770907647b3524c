// Connection tracking as netfilter's conntrack does it for TCP, UDP and ICMP echo: flows keyed by
// their 5-tuple in both directions, each packet given a state (NEW, ESTABLISHED, RELATED, INVALID).
// The API is three calls so an XState machine per entry (issue 17) can wrap an entry's life later:
// `track` reads a packet's state and updates its entry, `confirm` adds a NEW flow once its first
// packet was accepted, `expire` removes timed-out entries; each reports the event its entry went
// through (conntrack.new/reply/fin/close/expire), a few per flow, never one per packet; an
// optional `onReport` hears each (conntrackEntryActors.ts turns them into machine events).

import { readU16 } from '../../net/wire/bytes.ts';
import { checkDamage } from '../../net/wire/corruption.ts';
import { readQuote } from '../../net/wire/icmpErrors.ts';
import { ICMP_TYPE, IP_PROTOCOL, ipHeaderLength } from '../../net/wire/packet.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { flowKey, icmpType, invert, isTrackedProtocol, tupleOf } from './flowTuple.ts';
import type { FlowTuple } from './flowTuple.ts';
import { openTcpClose, tcpCloseStep, type TcpCloseState } from './tcpClose.ts';

export type { FlowTuple } from './flowTuple.ts';

/** A packet's state as iptables' `-m conntrack --ctstate` sees it. */
export type ConnState = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID';

/** Which way a packet goes in its flow: as the first packet did, or back. */
export type Direction = 'original' | 'reply';

/** Where an entry is in its life; a closed or expired entry leaves the table. */
export type EntryPhase = 'unreplied' | 'established' | 'closing';

/** A tracked flow: plain data, changed only by the table (a TCP flow's close: tcpClose.ts). */
export interface ConntrackEntry extends TcpCloseState {
  /** 1, 2, 3, ... per table, in the order entries were confirmed; 0 while not yet confirmed. */
  id: number;
  original: FlowTuple;
  reply: FlowTuple;
  phase: EntryPhase;
  createdAt: number;
  /** When the last packet of the flow (either way) was tracked, ns; what idle timeouts count from. */
  lastSeenAt: number;
  /** Packets tracked each way (as conntrack's accounting; RELATED errors are not counted). */
  packets: { original: number; reply: number };
  /** When the entry times out (ns of simulated time); TCP entries have none and end by RST or FIN. */
  expiresAt?: number;
}

/** What happened to an entry: the events a per-entry machine will receive. */
export type ConntrackEvent =
  | { type: 'conntrack.new' }
  | { type: 'conntrack.reply' }
  | { type: 'conntrack.fin'; direction: Direction }
  | { type: 'conntrack.close'; reason: 'rst' | 'fin' }
  | { type: 'conntrack.expire' };

/** An event of an entry, as the table reports it to `onReport`: at simulated time `at` (ns). */
export interface ConntrackReport {
  event: ConntrackEvent;
  entry: ConntrackEntry;
  at: number;
}

/** A packet's state, its entry (for NEW one not yet in the table), and what changed. */
export interface Tracked {
  state: ConnState;
  direction?: Direction;
  entry?: ConntrackEntry;
  event?: ConntrackEvent;
  /** An entry of this flow found timed out (and removed) on the way. */
  expired?: ConntrackEntry;
}

/** Timeouts in ns, with netfilter's defaults (nf_conntrack_*_timeout). */
export interface ConntrackOptions {
  /** UDP before a reply was seen (nf_conntrack_udp_timeout, 30 s). */
  udpTimeoutNs: number;
  /** UDP once both ways carried traffic (nf_conntrack_udp_timeout_stream, 120 s). */
  udpStreamTimeoutNs: number;
  /** ICMP echo (nf_conntrack_icmp_timeout, 30 s). */
  icmpTimeoutNs: number;
  /** Other protocols (nf_conntrack_generic_timeout, 600 s). */
  genericTimeoutNs: number;
}

const S = 1_000_000_000;
/** netfilter's default timeouts. */
export const CONNTRACK_DEFAULTS: Readonly<ConntrackOptions> = Object.freeze({
  udpTimeoutNs: 30 * S,
  udpStreamTimeoutNs: 120 * S,
  icmpTimeoutNs: 30 * S,
  genericTimeoutNs: 600 * S,
});

/** ICMP types that quote a datagram: unreachable, source quench, redirect, time exceeded, parameter problem. */
const ICMP_ERROR_TYPES = new Set([3, 4, 5, 11, 12]);

/**
 * One node's connection table. Simplified from netfilter: TCP sequence numbers are not checked
 * against windows, a TCP entry ends as soon as RST passes or both FINs are acknowledged (Linux
 * keeps it in TIME_WAIT/CLOSE a while), UDP gets the stream timeout after the first reply, and a
 * fragment other than the first is INVALID (Linux reassembles before tracking).
 */
export class ConnectionTable {
  private readonly byTuple = new Map<string, ConntrackEntry>();
  private readonly options: ConntrackOptions;
  private lastId = 0;

  /** `onReport`, if given, is called with each event an entry goes through (never per packet). */
  constructor(
    options: Partial<ConntrackOptions> = {},
    private readonly onReport?: (report: ConntrackReport) => void,
  ) {
    this.options = { ...CONNTRACK_DEFAULTS, ...options };
  }

  /** The packet's state at `now` (ns); an existing entry is updated as conntrack does before the filter. */
  track(packet: Packet, now: number): Tracked {
    // Linux verifies the checksum of what arrives (nf_conntrack_checksum) and tracks a packet that
    // fails it as INVALID; only a link's damage can make one here.
    if (packet.corruptBits !== undefined && checkDamage(packet).caught === 'transport')
      return { state: 'INVALID' };
    const t = packet.transport;
    if (t.kind === 'icmp') {
      const type = icmpType(packet);
      if (ICMP_ERROR_TYPES.has(type)) return this.related(packet, now);
      if (type !== ICMP_TYPE.echoRequest && type !== ICMP_TYPE.echoReply)
        return { state: 'INVALID' };
    }
    if (t.kind === 'raw' && isTrackedProtocol(t.protocol)) return { state: 'INVALID' };
    const tuple = tupleOf(packet);
    const found = this.lookup(tuple, now);
    if (!found.entry) return { ...this.fresh(packet, tuple, now), expired: found.expired };
    const { entry, direction } = found;
    entry.lastSeenAt = now;
    entry.packets[direction] += 1;
    const state: ConnState =
      direction === 'reply' || entry.phase !== 'unreplied' ? 'ESTABLISHED' : 'NEW';
    let event: ConntrackEvent | undefined;
    if (direction === 'reply' && entry.phase === 'unreplied') {
      entry.phase = 'established';
      event = { type: 'conntrack.reply' };
    }
    if (t.kind === 'tcp') event = this.tcpUpdate(packet, entry, direction) ?? event;
    else entry.expiresAt = now + this.timeout(entry);
    if (event) this.onReport?.({ event, entry, at: now });
    return { state, direction, entry, event };
  }

  /** Adds the entry of a NEW packet that was accepted (netfilter confirms it as it leaves). */
  confirm(tracked: Tracked): ConntrackEvent | undefined {
    const entry = tracked.entry;
    if (tracked.state !== 'NEW' || !entry || entry.id !== 0) return undefined;
    entry.id = ++this.lastId;
    this.byTuple.set(flowKey(entry.original), entry);
    this.byTuple.set(flowKey(entry.reply), entry);
    const event: ConntrackEvent = { type: 'conntrack.new' };
    this.onReport?.({ event, entry, at: entry.createdAt });
    return event;
  }

  /** Removes and returns the entries whose timeout has passed at `now`. */
  expire(now: number): ConntrackEntry[] {
    const gone = this.entries().filter((e) => e.expiresAt !== undefined && now >= e.expiresAt);
    for (const entry of gone) this.expired(entry, now);
    return gone;
  }

  /**
   * Removes `entry` at `now` as timed out (reporting `conntrack.expire`), when its machine's idle
   * timer ran out; nothing if the table no longer holds it.
   */
  expireEntry(entry: ConntrackEntry, now: number): void {
    if (this.byTuple.get(flowKey(entry.original)) !== entry) return;
    this.expired(entry, now);
  }

  /** The entries in the table, oldest first. */
  entries(): ConntrackEntry[] {
    const unique = new Set(this.byTuple.values());
    return [...unique].sort((a, b) => a.id - b.id);
  }

  /** How many flows are tracked. */
  get size(): number {
    return new Set(this.byTuple.values()).size;
  }

  private lookup(
    tuple: FlowTuple,
    now: number,
  ): { entry?: ConntrackEntry; direction: Direction; expired?: ConntrackEntry } {
    const entry = this.byTuple.get(flowKey(tuple));
    if (!entry) return { direction: 'original' };
    if (entry.expiresAt !== undefined && now >= entry.expiresAt) {
      this.expired(entry, now);
      return { direction: 'original', expired: entry };
    }
    return { entry, direction: flowKey(entry.original) === flowKey(tuple) ? 'original' : 'reply' };
  }

  /** The first packet of a flow: NEW with an entry to confirm, or INVALID if it cannot start one. */
  private fresh(packet: Packet, tuple: FlowTuple, now: number): Tracked {
    const t = packet.transport;
    if (t.kind === 'tcp') {
      // netfilter's tcp_new: RST, FIN and SYN+ACK cannot open a connection; a SYN can, and so can
      // a bare ACK (nf_conntrack_tcp_loose=1 picks up connections already under way).
      if (t.flags.rst || t.flags.fin || (t.flags.syn && t.flags.ack)) return { state: 'INVALID' };
    }
    if (t.kind === 'icmp' && icmpType(packet) !== ICMP_TYPE.echoRequest)
      return { state: 'INVALID' };
    const entry: ConntrackEntry = {
      id: 0,
      original: tuple,
      reply: invert(tuple),
      phase: 'unreplied',
      createdAt: now,
      lastSeenAt: now,
      packets: { original: 1, reply: 0 },
      ...openTcpClose(),
    };
    if (t.kind !== 'tcp') entry.expiresAt = now + this.timeout(entry);
    return { state: 'NEW', direction: 'original', entry };
  }

  /** An ICMP error: RELATED to the flow whose datagram it quotes, else INVALID. */
  private related(packet: Packet, now: number): Tracked {
    const quote = readQuote(packet.payload);
    if (!quote.ok) return { state: 'INVALID' };
    const q = quote.quoted;
    let srcPort = q.srcPort;
    let dstPort = q.dstPort;
    if (q.protocol === IP_PROTOCOL.icmp) {
      const at = ipHeaderLength(q.ip);
      if (packet.payload.length >= at + 6) {
        dstPort = packet.payload[at] as number;
        srcPort = readU16(packet.payload, at + 4);
      }
    } else if (!isTrackedProtocol(q.protocol)) {
      srcPort = dstPort = 0;
    }
    if (srcPort === undefined || dstPort === undefined) return { state: 'INVALID' };
    const tuple = { protocol: q.protocol, src: q.ip.src, srcPort, dst: q.ip.dst, dstPort };
    const found = this.lookup(tuple, now);
    if (!found.entry) return { state: 'INVALID', expired: found.expired };
    // The error travels against the datagram it quotes.
    const direction: Direction = found.direction === 'original' ? 'reply' : 'original';
    return { state: 'RELATED', direction, entry: found.entry };
  }

  private tcpUpdate(
    packet: Packet,
    entry: ConntrackEntry,
    direction: Direction,
  ): ConntrackEvent | undefined {
    const step = tcpCloseStep(entry, direction, packet);
    if (step === 'reset' || step === 'closed') {
      this.remove(entry);
      return { type: 'conntrack.close', reason: step === 'reset' ? 'rst' : 'fin' };
    }
    if (step !== 'fin') return undefined;
    entry.phase = 'closing';
    return { type: 'conntrack.fin', direction };
  }

  private timeout(entry: ConntrackEntry): number {
    const o = this.options;
    switch (entry.original.protocol) {
      case IP_PROTOCOL.udp:
        return entry.phase === 'unreplied' ? o.udpTimeoutNs : o.udpStreamTimeoutNs;
      case IP_PROTOCOL.icmp:
        return o.icmpTimeoutNs;
      default:
        return o.genericTimeoutNs;
    }
  }

  private expired(entry: ConntrackEntry, now: number): void {
    this.remove(entry);
    this.onReport?.({ event: { type: 'conntrack.expire' }, entry, at: now });
  }

  private remove(entry: ConntrackEntry): void {
    this.byTuple.delete(flowKey(entry.original));
    this.byTuple.delete(flowKey(entry.reply));
  }
}
