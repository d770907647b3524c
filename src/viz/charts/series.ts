// Time series for the charts, read from the trace in one incremental pass per records array:
// request latency, link throughput, TCP's cwnd/ssthresh and RTO/SRTT, and queue lengths.

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import '../../net/link/linkTrace.ts';
import '../../machines/tcp/tcpTrace.ts';
import '../../sim/appTrace.ts';
import { frameWireLength } from '../../net/wire/frame.ts';

/** Points of one series in time order: `t[i]` in ns, `v[i]` in the series' own unit. */
export interface Points {
  t: number[];
  v: number[];
}

/** Round trips of one pinger (`app.reply` with an rtt), in ns. */
export interface LatencySeries {
  node: string;
  rtt: Points;
}

/** A TCP connection's congestion window and slow-start threshold, in bytes (`tcp.cwnd`). */
export interface CwndSeries {
  node: string;
  conn: string;
  cwnd: Points;
  ssthresh: Points;
}

/** A TCP connection's retransmission timeout and smoothed RTT, in ns (`tcp.rto`). */
export interface RtoSeries {
  node: string;
  conn: string;
  rto: Points;
  srtt: Points;
}

/** The queue at one sending interface, in packets and bytes (`queue.length`). */
export interface QueueSeries {
  link: string;
  node: string;
  iface: string;
  packets: Points;
  bytes: Points;
}

/**
 * What one direction of a link delivered: for each `link.rx`, the interval over which its bits
 * arrived (`end` is the arrival of the last bit; `end - start` its transmission time) and its
 * size on the wire. `cumBytes[i]` is the sum of `bytes[0..i-1]`.
 */
export interface LinkDirectionSeries {
  link: string;
  from: string;
  to: string;
  toIface: string;
  start: number[];
  end: number[];
  bytes: number[];
  cumBytes: number[];
  /** Longest `end - start` seen, which bounds the search in `bytesReceivedBy`. */
  maxDuration: number;
}

/** Every series of a trace, as far as it has been read. Read-only for callers. */
export interface TraceSeries {
  /** Records read so far. */
  read: number;
  /** Time of the last record read, in ns. */
  end: number;
  latency: Map<string, LatencySeries>;
  cwnd: Map<string, CwndSeries>;
  rto: Map<string, RtoSeries>;
  queue: Map<string, QueueSeries>;
  throughput: Map<string, LinkDirectionSeries>;
}

interface Transmission {
  from: string;
  begin: number;
  end: number;
  bytes: number;
}

interface State {
  series: TraceSeries;
  /** Transmissions by link, then packet id, to time each arrival. */
  tx: Map<string, Map<number, Transmission>>;
}

const memo = new WeakMap<TraceRecords, State>();

/** The record types `read` takes a point from; the others are skipped without being built. */
const SERIES_TYPES: ReadonlySet<string> = new Set([
  'app.reply',
  'tcp.cwnd',
  'tcp.rto',
  'queue.length',
  'link.txBegin',
  'link.txEnd',
  'link.rx',
]);

function points(): Points {
  return { t: [], v: [] };
}

function fresh(): State {
  return {
    series: {
      read: 0,
      end: 0,
      latency: new Map(),
      cwnd: new Map(),
      rto: new Map(),
      queue: new Map(),
      throughput: new Map(),
    },
    tx: new Map(),
  };
}

function push(p: Points, t: number, v: number): void {
  p.t.push(t);
  p.v.push(v);
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function read(state: State, record: TraceRecord): void {
  const s = state.series;
  switch (record.type) {
    case 'app.reply':
      if (record.rtt !== null) {
        const node = record.node;
        push(getOr(s.latency, node, () => ({ node, rtt: points() })).rtt, record.t, record.rtt);
      }
      return;
    case 'tcp.cwnd': {
      const { node, conn } = record;
      const c = getOr(s.cwnd, `${node} ${conn}`, () => ({
        node,
        conn,
        cwnd: points(),
        ssthresh: points(),
      }));
      push(c.cwnd, record.t, record.cwnd);
      push(c.ssthresh, record.t, record.ssthresh);
      return;
    }
    case 'tcp.rto': {
      const { node, conn } = record;
      const r = getOr(s.rto, `${node} ${conn}`, () => ({
        node,
        conn,
        rto: points(),
        srtt: points(),
      }));
      push(r.rto, record.t, record.rto);
      if (record.srtt !== null) push(r.srtt, record.t, record.srtt);
      return;
    }
    case 'queue.length': {
      const { link, node, iface } = record;
      const q = getOr(s.queue, `${node}:${iface}`, () => ({
        link,
        node,
        iface,
        packets: points(),
        bytes: points(),
      }));
      push(q.packets, record.t, record.packets);
      push(q.bytes, record.t, record.bytes);
      return;
    }
    case 'link.txBegin':
      getOr(state.tx, record.link, () => new Map()).set(record.pkt, {
        from: record.node,
        begin: record.t,
        end: record.t,
        bytes: record.bytes,
      });
      return;
    case 'link.txEnd': {
      const tx = state.tx.get(record.link)?.get(record.pkt);
      if (tx) tx.end = record.t;
      return;
    }
    case 'link.rx': {
      const tx = state.tx.get(record.link)?.get(record.pkt);
      const from = tx?.from ?? '?';
      const { link, node } = record;
      const dir = getOr(s.throughput, `${link} ${from}>${node}`, () => ({
        link,
        from,
        to: node,
        toIface: record.iface,
        start: [],
        end: [],
        bytes: [],
        cumBytes: [0],
        maxDuration: 0,
      }));
      const duration = tx ? tx.end - tx.begin : 0;
      const bytes = tx ? tx.bytes : frameWireLength(record.packet);
      dir.start.push(record.t - duration);
      dir.end.push(record.t);
      dir.bytes.push(bytes);
      dir.cumBytes.push((dir.cumBytes[dir.cumBytes.length - 1] as number) + bytes);
      if (duration > dir.maxDuration) dir.maxDuration = duration;
      return;
    }
    default:
      return;
  }
}

/**
 * Every series of `records`, read once per records array: a call with the same array after it
 * grew reads only the new records. The result is shared; do not change it.
 */
export function traceSeries(records: TraceRecords): TraceSeries {
  let state = memo.get(records);
  if (!state || state.series.read > records.length) {
    state = fresh();
    memo.set(records, state);
  }
  const s = state.series;
  for (let i = s.read; i < records.length; i++) {
    if (SERIES_TYPES.has(records.typeAt(i))) read(state, records.get(i));
  }
  if (records.length > s.read) s.end = records.timeAt(records.length - 1);
  s.read = records.length;
  return s;
}

/** How many of the sorted `values` are <= `x` (binary search). */
export function countAtMost(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The points with `t <= time`. A step series (a value that holds until it changes) also gets a
 * last point at `time` with the value then, so the line reaches the moment shown.
 */
export function pointsUntil(p: Points, time: number, step = false): Points {
  const n = countAtMost(p.t, time);
  const out = { t: p.t.slice(0, n), v: p.v.slice(0, n) };
  if (step && n > 0 && (p.t[n - 1] as number) < time) push(out, time, p.v[n - 1] as number);
  return out;
}

/**
 * Bytes of `dir` received by time `x`, counting the packets whose last bit arrived by `limit`
 * (default: all) and spreading each packet's bytes evenly over the time its bits arrived.
 */
export function bytesReceivedBy(dir: LinkDirectionSeries, x: number, limit = Infinity): number {
  const n = countAtMost(dir.end, limit);
  const k = Math.min(countAtMost(dir.end, x), n);
  let total = dir.cumBytes[k] as number;
  for (let j = k; j < n && (dir.end[j] as number) < x + dir.maxDuration; j++) {
    const start = dir.start[j] as number;
    const end = dir.end[j] as number;
    if (start < x && end > start) total += ((dir.bytes[j] as number) * (x - start)) / (end - start);
  }
  return total;
}

/** One bin of a throughput series. */
export interface ThroughputBin {
  start: number;
  end: number;
  bytes: number;
  bitsPerSecond: number;
}

/**
 * Throughput of `dir` in bins of `binNs` from 0 to `time` (the last bin may be shorter), from the
 * packets received by `time`. Each bin costs a binary search, not a pass over the packets.
 */
export function throughputBins(
  dir: LinkDirectionSeries,
  binNs: number,
  time: number,
): ThroughputBin[] {
  const bins: ThroughputBin[] = [];
  if (!(binNs > 0) || !(time > 0)) return bins;
  let before = 0;
  for (let start = 0; start < time; start += binNs) {
    const end = Math.min(start + binNs, time);
    const by = bytesReceivedBy(dir, end, time);
    const bytes = by - before;
    before = by;
    bins.push({ start, end, bytes, bitsPerSecond: (bytes * 8 * 1e9) / (end - start) });
  }
  return bins;
}

/** A round bin width (1, 2, 2.5 or 5 times a power of ten ns) giving at most about `bins` bins. */
export function niceBinWidth(spanNs: number, bins = 120): number {
  const raw = Math.max(1, spanNs / bins);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}
