// A node's path MTU cache at time t, as `ip route show cache` shows Linux's: each destination
// whose path an ICMP "fragmentation needed" said is narrower than the interface, with the MTU
// learned, who said so and when. Read from the node's ip.pmtu records; a crash empties it.

import type { TraceRecord, TraceRecords, TraceType } from '../../engine/trace.ts';
import { recordsOfTypes } from '../../engine/traceRecords.ts';
import '../../net/ip/ipTrace.ts';
import { recordsUntil } from './socketTable.ts';

/** One destination's entry. */
export interface PathMtuLine {
  /** The destination, dotted. */
  dst: string;
  mtu: number;
  /** The router whose ICMP message said so. */
  from: string;
  /** When it was learned (ns). */
  since: number;
  /** `10.0.3.20 cache mtu 576`, as `ip route show cache` lists it (without the expiry). */
  text: string;
}

const TYPES: ReadonlySet<TraceType> = new Set<TraceType>(['ip.pmtu', 'node.crash']);

/** The records of `node` its path MTU cache is read from; compute once per trace. */
export function pathMtuRecords(records: TraceRecords, node: string): TraceRecord[] {
  return recordsOfTypes(records, TYPES).filter((r) => 'node' in r && r.node === node);
}

/** Whether the node ever learned a path MTU in these records. */
export function learnsPathMtus(own: readonly TraceRecord[]): boolean {
  return own.some((r) => r.type === 'ip.pmtu');
}

/** The cache at `time`, destinations in the order first learned. */
export function pathMtuCache(own: readonly TraceRecord[], time: number): PathMtuLine[] {
  const lines = new Map<string, PathMtuLine>();
  const end = recordsUntil(own, time);
  for (let i = 0; i < end; i++) {
    const r = own[i] as TraceRecord;
    if (r.type === 'node.crash') lines.clear();
    else if (r.type === 'ip.pmtu') {
      const text = `${r.dst} cache mtu ${r.mtu}`;
      lines.set(r.dst, { dst: r.dst, mtu: r.mtu, from: r.from, since: r.t, text });
    }
  }
  return [...lines.values()];
}
