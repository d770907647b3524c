// What links carry: Ethernet frames of three kinds. An IPv4 packet travels as a `Packet` whose
// `eth` holds the addresses of this hop's frame (its sender frames it anew on every hop, as a
// router rewrites the Ethernet header); an ARP packet travels as an `ArpFrame`; a switch's
// spanning tree BPDU as a `BpduFrame` (an IEEE 802.3 frame with an LLC header, not Ethernet II).
// All take their ids from the simulation's one packet counter, so `pkt` in a link record names any.
//
// A frame is not a byte array on the data path: its header is two MAC numbers in one object that
// the sending node shares between every frame to the same neighbour, so framing a packet costs
// one small object per hop and no encoding. `frameBytes` (frameBytes.ts) writes the bytes for captures
// and the dissector; `frameWireLength` is the size a link serialises.

import type { ArpPacket } from './arp.ts';
import type { Bpdu } from './bpdu.ts';
import type { EthernetAddresses } from './ethernet.ts';
import { ARP_LENGTH, ethernetWireLength } from './frameSizes.ts';
import { wireSize, type Packet } from './packet.ts';

/** An ARP packet in its Ethernet frame (EtherType 0x0806). */
export interface ArpFrame {
  id: number;
  eth: EthernetAddresses;
  arp: ArpPacket;
}

/** A spanning tree BPDU in its 802.3/LLC frame, from a switch port to 01:80:c2:00:00:00. */
export interface BpduFrame {
  id: number;
  eth: EthernetAddresses;
  bpdu: Bpdu;
}

/** Anything a link carries: an IPv4 packet (framed as `eth` says), an ARP frame or a BPDU. */
export type Frame = Packet | ArpFrame | BpduFrame;

/** A frame of the link layer's own: ARP or a BPDU (no IP header). */
export type LinkFrame = ArpFrame | BpduFrame;

/** Whether the frame carries ARP (it has no IP header). */
export function isArpFrame(frame: Frame): frame is ArpFrame {
  return (frame as ArpFrame).arp !== undefined;
}

/** Whether the frame is a spanning tree BPDU. */
export function isBpduFrame(frame: Frame): frame is BpduFrame {
  return (frame as BpduFrame).bpdu !== undefined;
}

/** Whether the frame carries an IPv4 packet (the `Packet` itself, with its frame's addresses). */
export function isIpPacket(frame: Frame): frame is Packet {
  return (frame as Packet).ip !== undefined;
}

/** Whether the frame is the link layer's own (ARP or a BPDU): not an IPv4 packet. */
export function isLinkFrame(frame: Frame): frame is LinkFrame {
  return (frame as Packet).ip === undefined;
}

/** The frame's IPv4 packet; throws for an ARP frame or BPDU (for code that follows IP only). */
export function ipPacketOf(frame: Frame): Packet {
  if (isLinkFrame(frame)) throw new TypeError(`frame #${frame.id} does not carry IPv4`);
  return frame;
}

/** Bytes after an 802.3 BPDU frame's length field: the LLC header (3) and the RST BPDU (36). */
export const BPDU_LLC_LENGTH = 39;

/** Bytes after the Ethernet header: the IP datagram, ARP's 28 or the BPDU with its LLC header. */
function payloadLength(frame: Frame): number {
  if (isArpFrame(frame)) return ARP_LENGTH;
  if (isBpduFrame(frame)) return BPDU_LLC_LENGTH;
  return wireSize(frame);
}

/**
 * The bytes a link serialises for the frame, as IEEE 802.3 counts a frame and ns-3's CSMA
 * device sends it: the 14-byte header, the payload padded to 46 bytes, the 4-byte FCS (64 to
 * 1518 bytes). The preamble, start delimiter and interframe gap (20 byte times) are not counted.
 * A packet not yet framed (a test's raw packet) is counted as the frame it would travel in.
 */
export function frameWireLength(frame: Frame): number {
  return ethernetWireLength(payloadLength(frame));
}

/** The IPv4 datagram's size inside the frame (0 for ARP or a BPDU), which `corrupt` damages. */
export function ipBytesOf(frame: Frame): number {
  return isLinkFrame(frame) ? 0 : wireSize(frame);
}
