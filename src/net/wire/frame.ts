// What links carry: Ethernet II frames of two kinds. An IPv4 packet travels as a `Packet` whose
// `eth` holds the addresses of this hop's frame (its sender frames it anew on every hop, as a
// router rewrites the Ethernet header); an ARP packet travels as an `ArpFrame`. Both take their
// ids from the simulation's one packet counter, so `pkt` in a link record names either.
//
// A frame is not a byte array on the data path: its header is two MAC numbers in one object that
// the sending node shares between every frame to the same neighbour, so framing a packet costs
// one small object per hop and no encoding. `frameBytes` (frameBytes.ts) writes the bytes for captures
// and the dissector; `frameWireLength` is the size a link serialises.

import type { ArpPacket } from './arp.ts';
import type { EthernetAddresses } from './ethernet.ts';
import { ARP_LENGTH, ethernetWireLength } from './frameSizes.ts';
import { wireSize, type Packet } from './packet.ts';

/** An ARP packet in its Ethernet frame (EtherType 0x0806). */
export interface ArpFrame {
  id: number;
  eth: EthernetAddresses;
  arp: ArpPacket;
}

/** Anything a link carries: an IPv4 packet (framed as `eth` says) or an ARP frame. */
export type Frame = Packet | ArpFrame;

/** Whether the frame carries ARP (it has no IP header). */
export function isArpFrame(frame: Frame): frame is ArpFrame {
  return (frame as ArpFrame).arp !== undefined;
}

/** Whether the frame carries an IPv4 packet (the `Packet` itself, with its frame's addresses). */
export function isIpPacket(frame: Frame): frame is Packet {
  return (frame as ArpFrame).arp === undefined;
}

/** The frame's IPv4 packet; throws for an ARP frame (for code that follows IP traffic only). */
export function ipPacketOf(frame: Frame): Packet {
  if (isArpFrame(frame)) throw new TypeError(`frame #${frame.id} carries ARP, not IPv4`);
  return frame;
}

/**
 * The bytes a link serialises for the frame, as IEEE 802.3 counts a frame and ns-3's CSMA
 * device sends it: the 14-byte header, the payload padded to 46 bytes, the 4-byte FCS (64 to
 * 1518 bytes). The preamble, start delimiter and interframe gap (20 byte times) are not counted.
 * A packet not yet framed (a test's raw packet) is counted as the frame it would travel in.
 */
export function frameWireLength(frame: Frame): number {
  return ethernetWireLength(isArpFrame(frame) ? ARP_LENGTH : wireSize(frame));
}

/** The IPv4 datagram's size inside the frame (0 for ARP), which a link's `corrupt` damages. */
export function ipBytesOf(frame: Frame): number {
  return isArpFrame(frame) ? 0 : wireSize(frame);
}
