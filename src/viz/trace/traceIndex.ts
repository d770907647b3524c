// An incremental index over a trace for the animated view: every packet hop over a link (when it
// began, ended, arrived or was dropped, and why), which hops show at time t, the times of events
// and packet events for stepping, and timeline markers (drops, socket states, retransmissions).

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { IndexedHop } from './indexedHop.ts';
import type { LinkDropReason } from '../../net/link/linkTrace.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { isArpFrame, isBpduFrame, isLinkFrame, type Frame } from '../../net/wire/frame.ts';
import { retransmitReason } from '../packet/index.ts';

/** The protocol a dot is coloured by. */
export type HopProtocol = 'tcp' | 'udp' | 'icmp' | 'arp' | 'stp' | 'other';

/** One packet crossing one link (or dropped at the queue in front of it). */
export interface Hop {
  /** Stable id of the hop in this index (its creation order). */
  id: number;
  pkt: number;
  link: string;
  /** The sending end. */
  fromNode: string;
  fromIface: string;
  /** The receiving end, known once the packet arrived. */
  toNode: string | null;
  toIface: string | null;
  /** First bit on the wire; for a queue drop, the time of the drop. */
  txBegin: number;
  /** Last bit on the wire, or null (not yet, or never for a queue drop). */
  txEnd: number | null;
  /** Arrival of the whole packet, or null. */
  rx: number | null;
  /** A loss on the wire or a drop at the queue, with the reason; null when none (yet). */
  drop: { t: number; reason: LinkDropReason; atQueue: boolean } | null;
  /** Bytes on the wire. */
  bytes: number;
  /**
   * The frame as this hop carries it (an IP packet, or ARP); null for a queue drop of a packet
   * never seen before. An index's hops read it from the trace when first asked (`IndexedHop`).
   */
  readonly packet: Frame | null;
  protocol: HopProtocol;
  /** A TCP segment sent again (a `tcp.retransmit` of its sender, same sequence number). */
  retransmit: boolean;
  /** A second arrival of a packet the link duplicated. */
  duplicate: boolean;
  /**
   * Until when the hop shows: its arrival, or for a drop the drop plus a short fall (a fraction
   * of the link's transit time). Infinity while the hop's end is not recorded yet.
   */
  visibleUntil: number;
}

/** A moment worth marking on the timeline. */
export interface TimelineMarker {
  t: number;
  kind: 'drop' | 'state' | 'retransmit';
  /** A short text: "packet #4 lost on wan", "laptop SYN-SENT", "retransmit seq=1 (timeout)". */
  label: string;
}

/** How long a dropped packet keeps falling, as a fraction of its link's transit time. */
export const DROP_FALL_FRACTION = 0.5;
/** The fall when a link's transit time is not known yet (1 ms). */
const DEFAULT_FALL_NS = 1_000_000;
/** Hops per block; each block remembers the latest end of its hops so queries skip whole blocks. */
const BLOCK = 64;

const PACKET_EVENTS = new Set(['link.txBegin', 'link.txEnd', 'link.rx', 'link.lost', 'queue.drop']);
/** The record types `add` reads; of the others only the time counts. */
const INDEXED = new Set([...PACKET_EVENTS, 'socket.state', 'tcp.retransmit', 'fw.verdict']);

/** Builds hop and time indexes from trace records, appended in time order as they arrive. */
export class TraceIndex {
  /** Hops in order of `txBegin` (ties in record order). */
  readonly hops: Hop[] = [];
  readonly markers: TimelineMarker[] = [];
  /** Records seen so far. */
  records = 0;
  /** Time of the last record seen (0 when none). */
  lastTime = 0;
  private nextId = 0;
  private readonly times: number[] = [];
  private readonly packetTimes: number[] = [];
  /** Latest `visibleUntil` of the hops in each block (ignoring open hops). */
  private readonly blockEnd: number[] = [];
  /** Longest `visibleUntil - txBegin` of a closed hop: the bound a query scans back by. */
  private maxSpan = 0;
  /** Hops whose end is not recorded yet. */
  private readonly open = new Set<Hop>();
  /** Open hops by `link#pkt`, oldest first, waiting for txEnd, rx or lost. */
  private readonly waiting = new Map<string, Hop[]>();
  /** The last hop that arrived, by `link#pkt`: a second arrival is a duplicate of it. */
  private readonly arrived = new Map<string, Hop>();
  /**
   * Where the latest copy of each packet is: the position of its last `link.txBegin` (queue
   * drops carry only the id).
   */
  private readonly packets = new Map<number, number>();
  /** The records read: those given to `appendFrom`, or `append`'s own growing array. */
  private source: TraceRecords | null = null;
  private own: TraceRecord[] | null = null;
  /** Retransmissions announced and not yet on a link, by `address:port|seq`. */
  private readonly pendingRetransmits = new Map<string, { node: string; t: number }>();
  /** Packet ids that are TCP retransmissions: every hop of them is marked. */
  private readonly retransmitted = new Set<number>();
  /** Transit (txBegin to arrival) of the last delivered hop on each link. */
  private readonly transit = new Map<string, number>();

  /** Adds records (in time order, after those already added), kept in an array of its own. */
  append(records: Iterable<TraceRecord>): void {
    if (this.own === null) {
      if (this.source !== null) throw new Error('this index reads a trace given to appendFrom');
      this.own = [];
      this.source = recordList(this.own);
    }
    const from = this.own.length;
    for (const record of records) this.own.push(record);
    this.appendFrom(this.source as TraceRecords, from);
  }

  /**
   * Adds the records of `records` from `from` on (in time order, after those already added),
   * building only those of the types it indexes. The index keeps `records` to read packets from
   * when asked, so every call must pass the same trace (which may have grown).
   */
  appendFrom(records: TraceRecords, from: number): void {
    if (this.source === null) this.source = records;
    else if (this.source !== records) throw new Error('a TraceIndex reads one trace');
    for (let i = from; i < records.length; i++) {
      const type = records.typeAt(i);
      this.addTime(records.timeAt(i), type);
      if (INDEXED.has(type)) this.add(records.get(i), i);
    }
  }

  private addTime(t: number, type: string): void {
    this.records++;
    this.lastTime = t;
    if (this.times[this.times.length - 1] !== t) this.times.push(t);
    if (PACKET_EVENTS.has(type) && this.packetTimes[this.packetTimes.length - 1] !== t) {
      this.packetTimes.push(t);
    }
  }

  private add(r: TraceRecord, at: number): void {
    const t = r.t;
    switch (r.type) {
      case 'link.txBegin':
        this.begin(r, at);
        break;
      case 'link.txEnd': {
        const hop = this.waiting.get(`${r.link}#${r.pkt}`)?.find((h) => h.txEnd === null);
        if (hop) hop.txEnd = t;
        break;
      }
      case 'link.rx':
        this.arrive(r);
        break;
      case 'link.lost': {
        const hop = this.take(`${r.link}#${r.pkt}`);
        if (hop) {
          hop.drop = { t, reason: r.reason, atQueue: false };
          this.close(hop, t + this.fall(r.link, t - hop.txBegin));
        }
        this.markers.push({ t, kind: 'drop', label: `packet #${r.pkt} lost on ${r.link}` });
        break;
      }
      case 'queue.drop':
        this.queueDrop(r);
        break;
      case 'fw.verdict':
        // A packet a firewall refused ends at that node: a drop on the timeline, with its rule.
        if (r.verdict !== 'ACCEPT') {
          const by = r.rule === 0 ? `${r.chain} policy` : `${r.chain} rule ${r.rule}`;
          this.markers.push({
            t,
            kind: 'drop',
            label: `packet #${r.pkt} refused by ${r.node} (${by})`,
          });
        }
        break;
      case 'socket.state':
        this.markers.push({ t, kind: 'state', label: `${r.node} ${r.state}` });
        break;
      case 'tcp.retransmit': {
        const local = r.conn.slice(0, r.conn.indexOf('>'));
        this.pendingRetransmits.set(`${local}|${r.seq}`, { node: r.node, t });
        this.markers.push({
          t,
          kind: 'retransmit',
          label: `${r.node} retransmits seq=${r.seq} (${retransmitReason(r.reason)})`,
        });
        break;
      }
      default:
        break;
    }
  }

  private begin(r: TraceRecord<'link.txBegin'>, at: number): void {
    const packet = r.packet;
    this.packets.set(r.pkt, at);
    const t = isLinkFrame(packet) ? undefined : packet.transport;
    if (t?.kind === 'tcp' && !isLinkFrame(packet)) {
      const key = `${formatIpv4(packet.ip.src)}:${t.srcPort}|${t.seq}`;
      const pending = this.pendingRetransmits.get(key);
      if (pending && pending.node === r.node) {
        this.pendingRetransmits.delete(key);
        this.retransmitted.add(r.pkt);
      }
    }
    const hop = this.newHop(r.pkt, r.link, r.node, r.iface, r.t, r.bytes, at, protocolOf(packet));
    hop.visibleUntil = Infinity;
    this.open.add(hop);
    const key = `${r.link}#${r.pkt}`;
    const list = this.waiting.get(key);
    if (list) list.push(hop);
    else this.waiting.set(key, [hop]);
    this.push(hop);
  }

  private arrive(r: TraceRecord<'link.rx'>): void {
    const key = `${r.link}#${r.pkt}`;
    let hop = this.take(key);
    if (!hop) {
      // A duplicate: the link delivers the packet a second time. Same departure, later arrival.
      const first = this.arrived.get(key);
      if (!first) return;
      hop = (first as IndexedHop).copy(this.nextId++);
      hop.duplicate = true;
      this.insertSorted(hop);
    }
    hop.toNode = r.node;
    hop.toIface = r.iface;
    hop.rx = r.t;
    this.arrived.set(key, hop);
    this.transit.set(r.link, r.t - hop.txBegin);
    this.close(hop, r.t);
  }

  private queueDrop(r: TraceRecord<'queue.drop'>): void {
    const t = r.t;
    const seen = this.packets.get(r.pkt);
    const hop = this.newHop(r.pkt, r.link, r.node, r.iface, t, r.bytes, seen ?? -1, null);
    // A retransmission its own sender's queue refused: announced by that node at this moment.
    for (const [key, pending] of this.pendingRetransmits) {
      if (pending.node === r.node && pending.t === t && seen === undefined) {
        this.pendingRetransmits.delete(key);
        this.retransmitted.add(r.pkt);
        hop.retransmit = true;
        hop.protocol = 'tcp';
        break;
      }
    }
    hop.drop = { t, reason: r.reason, atQueue: true };
    hop.visibleUntil = t + this.fall(r.link, 0);
    this.push(hop);
    this.markers.push({
      t,
      kind: 'drop',
      label: `packet #${r.pkt} dropped at ${r.node} ${r.iface} (${r.reason === 'queueFull' ? 'queue full' : r.reason})`,
    });
  }

  private newHop(
    pkt: number,
    link: string,
    node: string,
    iface: string,
    t: number,
    bytes: number,
    packetAt: number,
    protocol: HopProtocol | null,
  ): Hop {
    const hop = new IndexedHop(this.source as TraceRecords, packetAt);
    hop.id = this.nextId++;
    hop.pkt = pkt;
    hop.link = link;
    hop.fromNode = node;
    hop.fromIface = iface;
    hop.txBegin = t;
    hop.bytes = bytes;
    hop.protocol = protocol ?? (packetAt < 0 ? 'other' : protocolOf(hop.packet as Frame));
    hop.retransmit = this.retransmitted.has(pkt);
    hop.visibleUntil = t;
    return hop;
  }

  /** How long a drop on `link` keeps falling, from the link's transit time. */
  private fall(link: string, ownTransit: number): number {
    const transit = Math.max(ownTransit, this.transit.get(link) ?? 0);
    return transit > 0 ? Math.round(transit * DROP_FALL_FRACTION) : DEFAULT_FALL_NS;
  }

  private take(key: string): Hop | undefined {
    const list = this.waiting.get(key);
    const hop = list?.shift();
    if (list && list.length === 0) this.waiting.delete(key);
    return hop;
  }

  private close(hop: Hop, visibleUntil: number): void {
    this.open.delete(hop);
    hop.visibleUntil = visibleUntil;
    this.maxSpan = Math.max(this.maxSpan, visibleUntil - hop.txBegin);
    const index = this.indexOf(hop);
    const block = Math.floor(index / BLOCK);
    this.blockEnd[block] = Math.max(this.blockEnd[block] ?? -Infinity, visibleUntil);
  }

  private push(hop: Hop): void {
    this.hops.push(hop);
    const block = Math.floor((this.hops.length - 1) / BLOCK);
    if (this.blockEnd[block] === undefined) this.blockEnd[block] = -Infinity;
    if (hop.visibleUntil !== Infinity) {
      this.blockEnd[block] = Math.max(this.blockEnd[block] ?? -Infinity, hop.visibleUntil);
      this.maxSpan = Math.max(this.maxSpan, hop.visibleUntil - hop.txBegin);
    }
  }

  /** Inserts a hop that starts before the last one (a duplicate), and rebuilds later blocks. */
  private insertSorted(hop: Hop): void {
    const at = upperBound(this.hops, hop.txBegin);
    this.hops.splice(at, 0, hop);
    const first = Math.floor(at / BLOCK);
    this.blockEnd.length = first;
    for (let b = first; b * BLOCK < this.hops.length; b++) {
      let end = -Infinity;
      const stop = Math.min(this.hops.length, (b + 1) * BLOCK);
      for (let i = b * BLOCK; i < stop; i++) {
        const until = (this.hops[i] as Hop).visibleUntil;
        if (until !== Infinity) end = Math.max(end, until);
      }
      this.blockEnd[b] = end;
    }
  }

  /** Position of a hop in `hops` (a binary search by start, then a short scan among ties). */
  private indexOf(hop: Hop): number {
    let i = upperBound(this.hops, hop.txBegin) - 1;
    while (i >= 0 && this.hops[i] !== hop) i--;
    return i;
  }

  /**
   * Hops that show at time t: begun at or before t and not yet gone (`visibleUntil >= t`), in
   * start order. A binary search finds the last hop begun by t; the scan goes back no further
   * than the longest hop, skipping blocks whose hops all ended before t.
   */
  hopsAt(t: number): Hop[] {
    const out: Hop[] = [];
    const hops = this.hops;
    const floor = t - this.maxSpan;
    let i = upperBound(hops, t) - 1;
    scan: while (i >= 0) {
      const blockStart = Math.floor(i / BLOCK) * BLOCK;
      if ((this.blockEnd[blockStart / BLOCK] ?? -Infinity) < t) {
        if ((hops[blockStart] as Hop).txBegin < floor) break;
        i = blockStart - 1;
        continue;
      }
      for (; i >= blockStart; i--) {
        const hop = hops[i] as Hop;
        if (hop.txBegin < floor) break scan;
        if (hop.visibleUntil !== Infinity && hop.visibleUntil >= t) out.push(hop);
      }
    }
    for (const hop of this.open) if (hop.txBegin <= t) out.push(hop);
    return out.sort((a, b) => a.txBegin - b.txBegin || a.id - b.id);
  }

  /** The transit time last seen on a link (txBegin to arrival), to place hops still in flight. */
  transitOf(link: string): number | undefined {
    return this.transit.get(link);
  }

  /** The first record time after t, or null. */
  nextTime(t: number): number | null {
    return this.times[upperBound(this.times, t)] ?? null;
  }

  /** The last record time before t, or null. */
  previousTime(t: number): number | null {
    return this.times[lowerBound(this.times, t) - 1] ?? null;
  }

  /** The first time after t at which a packet begins, ends, arrives or is dropped, or null. */
  nextPacketTime(t: number): number | null {
    return this.packetTimes[upperBound(this.packetTimes, t)] ?? null;
  }

  /** The last packet event time before t, or null. */
  previousPacketTime(t: number): number | null {
    return this.packetTimes[lowerBound(this.packetTimes, t) - 1] ?? null;
  }

  /** Distinct record times so far. */
  get eventTimes(): readonly number[] {
    return this.times;
  }
}

/** The protocol of a packet, for its colour. */
export function protocolOf(packet: Frame): HopProtocol {
  if (isArpFrame(packet)) return 'arp';
  if (isBpduFrame(packet)) return 'stp';
  const kind = packet.transport.kind;
  return kind === 'raw' ? 'other' : kind;
}

type Sorted = readonly number[] | readonly Hop[];

function keyAt(list: Sorted, i: number): number {
  const item = list[i] as number | Hop;
  return typeof item === 'number' ? item : item.txBegin;
}

/** First index whose key is > t. */
function upperBound(list: Sorted, t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyAt(list, mid) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose key is >= t. */
function lowerBound(list: Sorted, t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyAt(list, mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
