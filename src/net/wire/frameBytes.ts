// The bytes of a frame as a capture holds it (Ethernet II for IPv4 and ARP, 802.3 with LLC for a
// BPDU), for captures and the dissector: apart from frame.ts
// so that what only tells frames apart (the views, the embed's element) does not carry the ARP
// and Ethernet encoders with it.

import { encodeArp } from './arp.ts';
import { wireBytes } from './corruption.ts';
import {
  ethernetFrameLength,
  ETHERNET_HEADER_LENGTH,
  ETHERTYPE,
  writeEthernetHeader,
} from './ethernet.ts';
import { BPDU_LLC, encodeBpdu } from './bpdu.ts';
import { writeU16 } from './bytes.ts';
import { BPDU_LLC_LENGTH, isArpFrame, isBpduFrame, type BpduFrame, type Frame } from './frame.ts';
import { MAC_ZERO } from './mac.ts';

/**
 * The frame as a capture of LINKTYPE_ETHERNET holds it: header, payload (with any bits a link
 * flipped), padding to 60 bytes, no FCS. A packet with no `eth` gets zero addresses. Unlike
 * `encodeEthernetFrame` it takes a payload over 1500 bytes (the model has no MTU yet): a capture
 * shows it as a jumbo frame rather than failing.
 */
export function frameBytes(frame: Frame): Uint8Array {
  if (isBpduFrame(frame)) return bpduFrameBytes(frame);
  const arp = isArpFrame(frame);
  const payload = arp ? encodeArp(frame.arp) : wireBytes(frame);
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
