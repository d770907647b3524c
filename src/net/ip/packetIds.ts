// One packet-id counter per simulation, shared by every node, so ids are unique and deterministic
// within a run. The allocator itself is wire's `PacketIds`; this file finds a simulation's one.

import type { Simulator } from '../../engine/simulator.ts';
import { rootSimulator } from '../../engine/simulatorScope.ts';
import { PacketIds } from '../wire/packet.ts';

export { PacketIds } from '../wire/packet.ts';

const bySimulator = new WeakMap<Simulator, PacketIds>();

/**
 * The packet-id allocator of `sim` (created on first use): ids 1, 2, 3, ... in the order asked.
 * A scope's view of a simulator (a node that can crash) shares its simulator's.
 */
export function packetIdsOf(sim: Simulator): PacketIds {
  const root = rootSimulator(sim);
  let ids = bySimulator.get(root);
  if (!ids) {
    ids = new PacketIds();
    bySimulator.set(root, ids);
  }
  return ids;
}
