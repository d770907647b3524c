// A switch's spanning tree at time t, folded from its `stp.root` and `stp.port` records for the
// node inspector: its bridge ID, the root it takes and its cost to it, and each port's role and
// state (as `mstpctl showport` or Cisco's `show spanning-tree` list them).

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import { recordsOfTypes } from '../../engine/traceRecords.ts';
import type { StpPortRole, StpPortState } from '../../net/link/stpTrace.ts';
import '../../net/link/stpTrace.ts';

/** One port's place in the tree. */
export interface StpPortRow {
  port: string;
  role: StpPortRole;
  state: StpPortState;
}

/** A switch's view of the tree at one moment. */
export interface SpanningTreeView {
  bridge: string;
  root: string;
  cost: number;
  /** The port towards the root; null at the root bridge. */
  rootPort: string | null;
  ports: StpPortRow[];
}

/** The node's spanning tree records (`stp.root`, `stp.port`), in time order. */
export function spanningTreeRecords(records: TraceRecords, node: string): TraceRecord[] {
  return recordsOfTypes(records, ['stp.root', 'stp.port']).filter(
    (r) => 'node' in r && r.node === node,
  );
}

/** The tree as the switch sees it at `time`; null before it runs one (or when it runs none). */
export function spanningTreeAt(
  records: readonly TraceRecord[],
  time: number,
): SpanningTreeView | null {
  let view: SpanningTreeView | null = null;
  const ports = new Map<string, StpPortRow>();
  for (const r of records) {
    if (r.t > time) break;
    if (r.type === 'stp.root') {
      view = { bridge: r.bridge, root: r.root, cost: r.cost, rootPort: r.rootPort, ports: [] };
    } else if (r.type === 'stp.port') {
      ports.set(r.port, { port: r.port, role: r.role, state: r.state });
    }
  }
  return view && { ...view, ports: [...ports.values()] };
}

/** Ports that block data frames at `time` (alternate or backup), as "node:port" for a picture. */
export function blockedPortsAt(records: TraceRecords, time: number): Set<string> {
  const blocked = new Set<string>();
  for (const r of recordsOfTypes(records, ['stp.port'])) {
    if (r.t > time) break;
    if (r.type !== 'stp.port') continue;
    const key = `${r.node}:${r.port}`;
    if (r.role === 'alternate' || r.role === 'backup') blocked.add(key);
    else blocked.delete(key);
  }
  return blocked;
}
