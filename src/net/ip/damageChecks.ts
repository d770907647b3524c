// The checksums a node verifies on a packet a link damaged (`Packet.corruptBits`, corruption.ts):
// the IPv4 header's on arrival, at every node (Linux's ip_rcv, before any netfilter hook), and the
// transport's before the handover, at the destination only (a router does not look past the IP
// header, so damage after it travels on).

import type { Simulator } from '../../engine/simulator.ts';
import { checkDamage } from '../wire/corruption.ts';
import type { Packet } from '../wire/packet.ts';
import './ipTrace.ts';

/**
 * A damaged packet on arrival: undefined when its IPv4 header checksum fails (the node drops it,
 * `badChecksum`); else the packet to go on with, still damaged when the damage lies after the
 * header, or as its bytes read when no checksum can see it.
 */
export function checkIpHeader(arrived: Packet): Packet | undefined {
  const check = checkDamage(arrived);
  if (check.caught === 'ip') return undefined;
  return check.caught === undefined ? check.packet : arrived;
}

/**
 * Whether the transport of a damaged packet delivered to `node` drops it: every transport (TCP,
 * UDP and ICMP alike) verifies its checksum before it reads the segment. Records `transport.drop`.
 */
export function droppedByTransport(sim: Simulator, node: string, packet: Packet): boolean {
  if (packet.transport.kind === 'raw' || checkDamage(packet).caught !== 'transport') return false;
  recordTransportDrop(sim, node, packet);
  return true;
}

/**
 * Records that the transport of `node` dropped `packet` for its bad checksum (a datagram
 * reassembled from fragments whose bytes a link damaged, or a packet checkDamage caught).
 */
export function recordTransportDrop(sim: Simulator, node: string, packet: Packet): void {
  const protocol = packet.transport.kind;
  if (protocol === 'raw') return;
  const t = sim.now();
  sim.record({ t, type: 'transport.drop', node, pkt: packet.id, protocol, reason: 'badChecksum' });
}
