// A NAT seen from its own shell: its rules as `iptables -t nat -S` prints them, from the node's
// `nat` setting, and its translation table at time t as `conntrack -L` would list the translated
// flows, folded from the nat.* records up to t (a mapping is in the table from its nat.map to its
// nat.expire; each nat.translate counts a packet and says whether the flow has been answered).

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import { recordsOfTypes } from '../../engine/traceRecords.ts';
import { formatIpv4, formatPrefix } from '../../net/wire/ipv4Address.ts';
import type { ScenarioNode } from '../../sim/index.ts';
import '../../kinds/nat/natTrace.ts';

/** One translated flow in the table at a moment. */
export interface NatRow {
  /** The mapping's number on its node (1, 2, ...). */
  entry: number;
  /** `snat`: masquerade, opened from inside; `dnat`: a port forward, opened from outside. */
  kind: 'snat' | 'dnat';
  protocol: 'tcp' | 'udp' | 'icmp';
  /** The private end, the public end standing for it, and the far end. */
  inside: string;
  outside: string;
  remote: string;
  /** When the mapping was made, and when a packet last used it. */
  since: number;
  lastUsed: number;
  /** Packets translated leaving by the public side, and arriving on it. */
  packetsOut: number;
  packetsIn: number;
  /** Whether the flow has been answered (conntrack lists it `[UNREPLIED]` until it is). */
  replied: boolean;
}

const NAT_TYPES = new Set(['nat.map', 'nat.translate', 'nat.expire'] as const);

/**
 * The records of `node`'s NAT table, in time order: compute it once per trace, then ask
 * `natTableAt` at any time without scanning the whole trace again.
 */
export function natRecords(records: TraceRecords, node: string): TraceRecord[] {
  return recordsOfTypes(records, NAT_TYPES).filter((r) => r.node === node);
}

/** The first of `records` (in time order) after `time`. */
function endAt(records: readonly TraceRecord[], time: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((records[mid] as TraceRecord).t <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The translation table at `time` from a node's NAT records (natRecords), oldest mapping first. */
export function natTableAt(records: readonly TraceRecord[], time: number): NatRow[] {
  const rows = new Map<number, NatRow>();
  const end = endAt(records, time);
  for (let i = 0; i < end; i++) {
    const r = records[i] as TraceRecord;
    if (r.type === 'nat.map') {
      rows.set(r.entry, {
        entry: r.entry,
        kind: r.kind,
        protocol: r.protocol,
        inside: r.inside,
        outside: r.outside,
        remote: r.remote,
        since: r.t,
        lastUsed: r.t,
        packetsOut: 0,
        packetsIn: 0,
        replied: false,
      });
    } else if (r.type === 'nat.translate') {
      const row = rows.get(r.entry);
      if (!row) continue;
      if (r.way === 'out') row.packetsOut++;
      else row.packetsIn++;
      row.lastUsed = r.t;
      // The answer crosses the other way from the flow's first packet.
      if ((row.kind === 'snat') === (r.way === 'in')) row.replied = true;
    } else if (r.type === 'nat.expire') rows.delete(r.entry);
  }
  return [...rows.values()];
}

/** The node's NAT rules as `iptables -t nat -S` prints them (its own chains left out). */
export function natRules(node: ScenarioNode): string[] {
  const nat = node.nat;
  if (!nat) return [];
  const ports = (r: { low: number; high: number }) =>
    r.low === r.high ? `${r.low}` : `${r.low}:${r.high}`;
  const prerouting = (nat.portForwards ?? []).map((f) => {
    const to = `${formatIpv4(f.to.address)}${f.to.port === undefined ? '' : `:${f.to.port}`}`;
    const dport = ports(f.port);
    return `-A PREROUTING -i ${f.in} -p ${f.protocol} -m ${f.protocol} --dport ${dport} -j DNAT --to-destination ${to}`;
  });
  const postrouting = (nat.masquerade ?? []).map((m) => {
    const source = m.source ? `-s ${formatPrefix(m.source)} ` : '';
    const toPorts = m.toPorts ? ` --to-ports ${m.toPorts.low}-${m.toPorts.high}` : '';
    return `-A POSTROUTING ${source}-o ${m.out} -j MASQUERADE${toPorts}`;
  });
  return [...prerouting, ...postrouting];
}
