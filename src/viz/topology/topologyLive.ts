// Live decorations of the topology picture at time t, read from the trace: the ports each node
// listens on, a "backlog full" state when a listener dropped a SYN in the last second, each link
// end's queue, and how busy each link was. The records are indexed once per records array (and
// extended as a streaming run appends to it), in time order, so each query is a binary search.

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import '../../net/link/linkTrace.ts';
import '../../net/ip/ipTrace.ts';
import '../../net/transport/socketTrace.ts';
import '../../machines/tcp/tcpTrace.ts';
import '../../machines/cpu/cpuTrace.ts';
import { DEFAULT_BANDWIDTH, DEFAULT_QUEUE_PACKETS } from '../../sim/documents.ts';
import type { ScenarioLink } from '../../sim/scenario/scenarioSchema.ts';

export { queueText } from './topologyWords.ts';

const SECOND = 1e9;
/** How long after a dropped SYN a node shows "backlog full", in ns. */
export const BACKLOG_FULL_NS = SECOND;
/** The longest utilization window, in ns. */
export const MAX_WINDOW_NS = 100e6;

/** A port change of one node: a bind or release, or a TCP listener opening or closing. */
interface PortEvent {
  t: number;
  protocol: 'tcp' | 'udp';
  port: number;
  what: 'bind' | 'release' | 'listen' | 'closed';
}

/** Times and values of one queue, in time order. */
interface QueueSeries {
  t: number[];
  packets: number[];
  bytes: number[];
}

/** The busy time of one link: disjoint intervals in order, and the busy time before each. */
interface BusySeries {
  start: number[];
  end: number[];
  before: number[];
}

/** The trace indexed for the live decorations. */
export interface LiveIndex {
  /** How many records have been read. */
  count: number;
  ports: Map<string, PortEvent[]>;
  synDrops: Map<string, number[]>;
  /** Keyed by `link node`. */
  queues: Map<string, QueueSeries>;
  busy: Map<string, BusySeries>;
  /** Transmissions begun and not yet ended, keyed by `link node iface`. */
  open: Map<string, number>;
  /** Busy cores of each node's CPU scheduler over time (cpu.* records). */
  cpu: Map<string, CpuBusySeries>;
}

/** How many cores of a node are busy (running or switching to a job), as a step series. */
interface CpuBusySeries {
  t: number[];
  busy: number[];
  /** The cores busy now (while reading), and the highest core index seen. */
  cores: Set<number>;
  maxCore: number;
}

const cache = new WeakMap<TraceRecords, LiveIndex>();

/** The record types `read` uses; the others are skipped without being built. */
const LIVE_TYPES: ReadonlySet<string> = new Set([
  'node.crash',
  'cpu.switch',
  'cpu.dispatch',
  'cpu.preempt',
  'cpu.block',
  'cpu.complete',
  'socket.bind',
  'socket.release',
  'socket.state',
  'tcp.synDropped',
  'tcp.synQueueFull',
  'queue.length',
  'link.txBegin',
  'link.txEnd',
]);

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Adds a transmission [start, end] to a link's busy intervals, merging overlaps. */
function addBusy(series: BusySeries, start: number, end: number): void {
  let s = start;
  let e = end;
  while (series.end.length > 0 && s <= series.end[series.end.length - 1]!) {
    s = Math.min(s, series.start.pop()!);
    e = Math.max(e, series.end.pop()!);
    series.before.pop();
  }
  const n = series.start.length;
  series.before.push(
    n === 0 ? 0 : series.before[n - 1]! + series.end[n - 1]! - series.start[n - 1]!,
  );
  series.start.push(s);
  series.end.push(e);
}

/** A core of `node` becomes busy or idle at t. */
function cpuCore(index: LiveIndex, node: string, t: number, core: number, busy: boolean): void {
  let s = index.cpu.get(node);
  if (!s) index.cpu.set(node, (s = { t: [], busy: [], cores: new Set(), maxCore: 0 }));
  s.maxCore = Math.max(s.maxCore, core);
  if (busy) s.cores.add(core);
  else s.cores.delete(core);
  const n = s.t.length;
  if (n > 0 && s.t[n - 1] === t) s.busy[n - 1] = s.cores.size;
  else {
    s.t.push(t);
    s.busy.push(s.cores.size);
  }
}

function read(index: LiveIndex, r: TraceRecord): void {
  switch (r.type) {
    case 'node.crash': {
      // Its CPU is gone with whatever ran on it (its ports go with their own records).
      const s = index.cpu.get(r.node);
      if (s) for (const core of [...s.cores]) cpuCore(index, r.node, r.t, core, false);
      break;
    }
    case 'cpu.switch':
    case 'cpu.dispatch':
      cpuCore(index, r.node, r.t, r.core, true);
      break;
    case 'cpu.preempt':
    case 'cpu.block':
    case 'cpu.complete':
      cpuCore(index, r.node, r.t, r.core, false);
      break;
    case 'socket.bind':
    case 'socket.release':
      push(index.ports, r.node, {
        t: r.t,
        protocol: r.protocol,
        port: r.port,
        what: r.type === 'socket.bind' ? 'bind' : 'release',
      });
      break;
    case 'socket.state': {
      if (!r.conn.startsWith('*:')) break;
      const port = Number(r.conn.slice(2));
      const what = r.state === 'LISTEN' ? 'listen' : 'closed';
      push(index.ports, r.node, { t: r.t, protocol: 'tcp', port, what });
      break;
    }
    case 'tcp.synDropped':
    case 'tcp.synQueueFull':
      push(index.synDrops, r.node, r.t);
      break;
    case 'queue.length': {
      const key = `${r.link} ${r.node}`;
      let q = index.queues.get(key);
      if (!q) index.queues.set(key, (q = { t: [], packets: [], bytes: [] }));
      q.t.push(r.t);
      q.packets.push(r.packets);
      q.bytes.push(r.bytes);
      break;
    }
    case 'link.txBegin':
      index.open.set(`${r.link} ${r.node} ${r.iface}`, r.t);
      break;
    case 'link.txEnd': {
      const key = `${r.link} ${r.node} ${r.iface}`;
      const start = index.open.get(key);
      if (start === undefined) break;
      index.open.delete(key);
      let series = index.busy.get(r.link);
      if (!series) index.busy.set(r.link, (series = { start: [], end: [], before: [] }));
      addBusy(series, start, r.t);
      break;
    }
  }
}

/** The index of a records array, extended with any records appended since the last call. */
export function liveIndex(records: TraceRecords): LiveIndex {
  let index = cache.get(records);
  if (!index) {
    index = {
      count: 0,
      ports: new Map(),
      synDrops: new Map(),
      queues: new Map(),
      busy: new Map(),
      open: new Map(),
      cpu: new Map(),
    };
    cache.set(records, index);
  }
  for (; index.count < records.length; index.count++) {
    if (LIVE_TYPES.has(records.typeAt(index.count))) read(index, records.get(index.count));
  }
  return index;
}

/** How many of the ascending `times` are <= t. */
export function countAtOrBefore(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A port badge: `UDP 7`, `TCP 5001 LISTEN`. */
export interface PortBadge {
  protocol: 'tcp' | 'udp';
  port: number;
  text: string;
}

/** The UDP ports a node has bound and the TCP ports it listens on at t, in port order. */
export function portsAt(index: LiveIndex, node: string, t: number): PortBadge[] {
  const events = index.ports.get(node) ?? [];
  let n = 0;
  let hi = events.length;
  while (n < hi) {
    const mid = (n + hi) >>> 1;
    if (events[mid]!.t <= t) n = mid + 1;
    else hi = mid;
  }
  const udp = new Set<number>();
  const tcp = new Set<number>();
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    const set = e.protocol === 'udp' ? udp : tcp;
    if (e.protocol === 'udp' ? e.what === 'bind' : e.what === 'listen') set.add(e.port);
    else if (e.what === 'release' || e.what === 'closed') set.delete(e.port);
  }
  return [
    ...[...tcp].map((port) => ({ protocol: 'tcp' as const, port, text: `TCP ${port} LISTEN` })),
    ...[...udp].map((port) => ({ protocol: 'udp' as const, port, text: `UDP ${port}` })),
  ].sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
}

/** Whether a listener of the node dropped a SYN in the BACKLOG_FULL_NS before t. */
export function backlogFullAt(index: LiveIndex, node: string, t: number): boolean {
  const drops = index.synDrops.get(node) ?? [];
  const n = countAtOrBefore(drops, t);
  return n > 0 && t - drops[n - 1]! < BACKLOG_FULL_NS;
}

/** A queue's fill at t against its capacity. */
export interface QueueFill {
  packets: number;
  bytes: number;
  /** The limit that applies: packets, or bytes when only a byte limit is set. */
  capacity: number;
  unit: 'packets' | 'bytes';
  /** 0 to 1. */
  fraction: number;
}

/** The queue of a link at one node's end at t. */
export function queueAt(index: LiveIndex, link: ScenarioLink, node: string, t: number): QueueFill {
  const q = index.queues.get(`${link.id} ${node}`);
  const n = q ? countAtOrBefore(q.t, t) : 0;
  const packets = q && n > 0 ? (q.packets[n - 1] ?? 0) : 0;
  const bytes = q && n > 0 ? (q.bytes[n - 1] ?? 0) : 0;
  const byBytes =
    link.queue !== undefined && link.queue.packets === undefined && link.queue.bytes !== undefined;
  const capacity = byBytes ? link.queue!.bytes! : (link.queue?.packets ?? DEFAULT_QUEUE_PACKETS);
  const used = byBytes ? bytes : packets;
  return {
    packets,
    bytes,
    capacity,
    unit: byBytes ? 'bytes' : 'packets',
    fraction: Math.min(1, used / capacity),
  };
}

/**
 * The utilization window of a link: 100 transmission times of a 1500-byte packet, or 100 ms,
 * whichever is shorter (12 ms at 100 Mbit/s, 100 ms at 2 Mbit/s).
 */
export function utilizationWindow(link: ScenarioLink): number {
  const bandwidth = link.bandwidth ?? DEFAULT_BANDWIDTH;
  return Math.min(MAX_WINDOW_NS, (100 * 1500 * 8 * SECOND) / bandwidth);
}

/** Time the link was busy (either direction transmitting) before x. */
function busyBefore(series: BusySeries, x: number): number {
  const k = countAtOrBefore(series.start, x);
  if (k === 0) return 0;
  return series.before[k - 1]! + Math.min(x, series.end[k - 1]!) - series.start[k - 1]!;
}

/** The fraction (0 to 1) of the window before t in which the link was transmitting. */
export function utilizationAt(index: LiveIndex, link: ScenarioLink, t: number): number {
  const series = index.busy.get(link.id);
  const from = Math.max(0, t - utilizationWindow(link));
  if (!series || t <= from) return 0;
  return Math.min(1, (busyBefore(series, t) - busyBefore(series, from)) / (t - from));
}

/** A node's CPU at t: cores busy of cores in all, or null when it has no scheduler records. */
export function cpuBusyAt(
  index: LiveIndex,
  node: string,
  t: number,
  configuredCores = 1,
): { busy: number; cores: number } | null {
  const s = index.cpu.get(node);
  if (!s) return null;
  const n = countAtOrBefore(s.t, t);
  return {
    busy: n > 0 ? (s.busy[n - 1] ?? 0) : 0,
    cores: Math.max(configuredCores, s.maxCore + 1),
  };
}
