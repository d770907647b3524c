// Labels for ARP frames as Wireshark's Info column writes them ("Who has 10.0.0.1? Tell
// 10.0.0.2", "10.0.0.1 is at 02:00:0a:00:00:01"): they imitate a tool, so they stay English in
// every language, like the packet labels of packetLabel.ts.

import type { ArpPacket } from '../../net/wire/arp.ts';
import { isArpProbe, isGratuitous } from '../../net/wire/arpForms.ts';
import type { Bpdu } from '../../net/wire/bpdu.ts';
import { isArpFrame, isBpduFrame, type Frame } from '../../net/wire/frame.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { formatMac } from '../../net/wire/macText.ts';
import { packetKind, packetLabel, type PacketLabelOptions } from './packetLabel.ts';

/** Wireshark's Info for an ARP packet (packet-arp.c's wording). */
export function arpInfo(arp: ArpPacket): string {
  const target = formatIpv4(arp.targetIp);
  if (arp.operation === 'reply')
    return `${formatIpv4(arp.senderIp)} is at ${formatMac(arp.senderMac)}`;
  if (isArpProbe(arp)) return `Who has ${target}? (ARP Probe)`;
  if (isGratuitous(arp)) return `ARP Announcement for ${target}`;
  return `Who has ${target}? Tell ${formatIpv4(arp.senderIp)}`;
}

/** A one-line label for an ARP frame, as the picture and the packet list show it. */
export function arpLabel(arp: ArpPacket): string {
  return `ARP ${arp.operation} ${arpInfo(arp)}`;
}

/**
 * A BPDU as Wireshark's Info column writes it: "RST. Root = 32768/0/02:00:0a:00:00:01  Cost = 0
 * Port = 0x8001" (the root's priority, system ID extension and MAC).
 */
export function bpduLabel(bpdu: Bpdu): string {
  const { priority, mac } = bpdu.rootId;
  const port = bpdu.portId.toString(16).padStart(4, '0');
  return `RST. Root = ${priority & 0xf000}/${priority & 0xfff}/${formatMac(mac)}  Cost = ${bpdu.rootPathCost}  Port = 0x${port}`;
}

/** `packetLabel` for any frame: an ARP frame gets `arpLabel`, a BPDU `bpduLabel`. */
export function frameLabel(frame: Frame, options: PacketLabelOptions = {}): string {
  if (isArpFrame(frame)) return arpLabel(frame.arp);
  return isBpduFrame(frame) ? bpduLabel(frame.bpdu) : packetLabel(frame, options);
}

/** `packetKind` for any frame: `ARP request`, `ARP reply`, `RST BPDU`, or the IP packet's kind. */
export function frameKind(frame: Frame): string {
  if (isArpFrame(frame)) return `ARP ${frame.arp.operation}`;
  return isBpduFrame(frame) ? 'RST BPDU' : packetKind(frame);
}
