// The two gratuitous forms of an ARP packet (RFC 5227), told apart by its fields alone, for the
// views that name them without the ARP codec (arp.ts re-exports them).

import type { ArpPacket } from './arp.ts';

/** Whether the packet is gratuitous: it asks for, or announces, the sender's own address. */
export function isGratuitous(arp: ArpPacket): boolean {
  return arp.senderIp === arp.targetIp && arp.senderIp !== 0;
}

/** Whether the packet is an RFC 5227 probe (sender address 0.0.0.0). */
export function isArpProbe(arp: ArpPacket): boolean {
  return arp.operation === 'request' && arp.senderIp === 0;
}
