// The spanning tree's arithmetic, as pure functions (IEEE 802.1D-2004 clauses 17.6 and 17.19):
// priority vectors and their order, path costs from link speed, and the choice of each port's
// role from what the ports have heard. spanningTree.ts applies them with timers and BPDUs.

import { compareBridgeIds, type BridgeId } from '../wire/bpdu.ts';
import type { StpPortRole } from './stpTrace.ts';

/**
 * What a port says about the way to the root (clause 17.6): the root bridge, the cost to it from
 * the port's designated bridge, that bridge and its port. Lower is better, field by field.
 */
export interface PriorityVector {
  rootId: BridgeId;
  rootPathCost: number;
  bridgeId: BridgeId;
  portId: number;
}

/** Negative when `a` is better than `b` (clause 17.6: compared field by field, lower wins). */
export function compareVectors(a: PriorityVector, b: PriorityVector): number {
  return (
    compareBridgeIds(a.rootId, b.rootId) ||
    a.rootPathCost - b.rootPathCost ||
    compareBridgeIds(a.bridgeId, b.bridgeId) ||
    a.portId - b.portId
  );
}

/** Whether two vectors come from the same designated bridge and port (an update, clause 17.21.8). */
export function sameSender(a: PriorityVector, b: PriorityVector): boolean {
  return compareBridgeIds(a.bridgeId, b.bridgeId) === 0 && a.portId === b.portId;
}

/**
 * A port's path cost from its link's speed (IEEE 802.1D-2004 Table 17-3, recommended values):
 * 20,000,000,000,000 / bits per second, so 10 Mb/s costs 2,000,000, 100 Mb/s 200,000 and
 * 1 Gb/s 20,000; between 1 and 200,000,000.
 */
export function pathCostOf(bandwidth: number): number {
  if (!Number.isFinite(bandwidth)) return 1;
  return Math.min(200_000_000, Math.max(1, Math.round(20e12 / bandwidth)));
}

/** One port as role selection sees it. */
export interface PortView {
  portId: number;
  enabled: boolean;
  pathCost: number;
  /** The best designated information heard on the port and still fresh, if any. */
  received: PriorityVector | undefined;
}

/** The outcome of role selection: the root, the bridge's cost to it, its root port, each role. */
export interface Roles {
  rootId: BridgeId;
  rootPathCost: number;
  /** Index into the ports of the root port, or -1 at the root bridge. */
  rootPort: number;
  roles: StpPortRole[];
}

/**
 * Role selection (clause 17.19.21, updtRolesTree): the root priority vector is the best of the
 * bridge's own and each port's received vector plus that port's cost (ties by the receiving
 * port's ID); its port is the root port. Every other enabled port is designated, unless what it
 * heard beats what it would send: then alternate, or backup when it heard this very bridge.
 */
export function selectRoles(self: BridgeId, ports: readonly PortView[]): Roles {
  let best: PriorityVector = { rootId: self, rootPathCost: 0, bridgeId: self, portId: 0 };
  let rootPort = -1;
  ports.forEach((port, i) => {
    const heard = port.received;
    if (!port.enabled || !heard || compareBridgeIds(heard.bridgeId, self) === 0) return;
    const through = { ...heard, rootPathCost: heard.rootPathCost + port.pathCost };
    const order = compareVectors(through, best);
    const tie = rootPort >= 0 && order === 0 && port.portId < (ports[rootPort]?.portId ?? 0);
    if (order < 0 || tie) {
      best = through;
      rootPort = i;
    }
  });
  const roles = ports.map((port, i): StpPortRole => {
    if (!port.enabled) return 'disabled';
    if (i === rootPort) return 'root';
    const mine = designatedVector(best.rootId, best.rootPathCost, self, port.portId);
    const heard = port.received;
    if (heard && compareVectors(heard, mine) < 0) {
      return compareBridgeIds(heard.bridgeId, self) === 0 ? 'backup' : 'alternate';
    }
    return 'designated';
  });
  return { rootId: best.rootId, rootPathCost: best.rootPathCost, rootPort, roles };
}

/** What a designated port sends: the bridge's root and cost, the bridge and the port. */
export function designatedVector(
  rootId: BridgeId,
  rootPathCost: number,
  self: BridgeId,
  portId: number,
): PriorityVector {
  return { rootId, rootPathCost, bridgeId: self, portId };
}
