// What links carry: Ethernet frames of three kinds. An IPv4 packet travels as a `Packet` whose
// `eth` holds the addresses of this hop's frame (its sender frames it anew on every hop, as a
// router rewrites the Ethernet header); an ARP packet travels as an `ArpFrame`; a switch's
// spanning tree BPDU as a `BpduFrame` (an IEEE 802.3 frame with an LLC header, not Ethernet II).
// All take their ids from the simulation's one packet counter, so `pkt` in a link record names any.
//
// A frame is not a byte array on the data path: its header is two MAC numbers in one object that
// the sending node shares between every frame to the same neighbour, so framing a packet costs
// one small object per hop and no encoding. `frameBytes` writes the bytes for captures and the
// dissector; `frameWireLength` is the size a link serialises.

import { encodeArp, ARP_LENGTH, type ArpPacket } from './arp.ts';
import { BPDU_LLC, encodeBpdu, RST_BPDU_LENGTH, type Bpdu } from './bpdu.ts';
import { writeU16 } from './bytes.ts';
import { wireBytes } from './corruption.ts';
import {
  ethernetFrameLength,
  ethernetWireLength,
  ETHERNET_HEADER_LENGTH,
  ETHERTYPE,
  writeEthernetHeader,
  type EthernetAddresses,
} from './ethernet.ts';
import { MAC_ZERO } from './mac.ts';
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

/** Bytes after an 802.3 BPDU frame's length field: the LLC header and the RST BPDU. */
const BPDU_LLC_LENGTH = BPDU_LLC.length + RST_BPDU_LENGTH;

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

/**
 * The frame as a capture of LINKTYPE_ETHERNET holds it: header, payload (with any bits a link
 * flipped), padding to 60 bytes, no FCS. A packet with no `eth` gets zero addresses. Unlike
 * `encodeEthernetFrame` it takes a payload over 1500 bytes (the model has no MTU yet): a capture
 * shows it as a jumbo frame rather than failing.
 */
export function frameBytes(frame: Frame): Uint8Array {
  if (isBpduFrame(frame)) return bpduFrameBytes(frame);
  const arp = isArpFrame(frame);
  const payload = arp ? encodeArp(frame.arp) : wireBytes(frame as Packet);
  const eth = frame.eth ?? { dst: MAC_ZERO, src: MAC_ZERO };
  const out = new Uint8Array(ethernetFrameLength(payload.length));
  const etherType = arp ? ETHERTYPE.arp : ETHERTYPE.ipv4;
  writeEthernetHeader(out, 0, { dst: eth.dst, src: eth.src, etherType });
  out.set(payload, ETHERNET_HEADER_LENGTH);
  return out;
}

/** An 802.3 frame: addresses, the length of what follows (39), LLC 42 42 03, the BPDU, padding. */
function bpduFrameBytes(frame: BpduFrame): Uint8Array {
  const out = new Uint8Array(ethernetFrameLength(BPDU_LLC_LENGTH));
  writeEthernetHeader(out, 0, { dst: frame.eth.dst, src: frame.eth.src, etherType: 0 });
  writeU16(out, 12, BPDU_LLC_LENGTH);
  out.set(BPDU_LLC, ETHERNET_HEADER_LENGTH);
  out.set(encodeBpdu(frame.bpdu), ETHERNET_HEADER_LENGTH + BPDU_LLC.length);
  return out;
}
