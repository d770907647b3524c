// One packet-id counter per simulation, shared by every node, so ids are unique and deterministic
// within a run. The allocator itself is wire's `PacketIds`; this file finds a simulation's one.

import type { Simulator } from '../../engine/simulator.ts';
import { PacketIds } from '../wire/packet.ts';

export { PacketIds } from '../wire/packet.ts';

const bySimulator = new WeakMap<Simulator, PacketIds>();

/** The packet-id allocator of `sim` (created on first use): ids 1, 2, 3, ... in the order asked. */
export function packetIdsOf(sim: Simulator): PacketIds {
  let ids = bySimulator.get(sim);
  if (!ids) {
    ids = new PacketIds();
    bySimulator.set(sim, ids);
  }
  return ids;
}
