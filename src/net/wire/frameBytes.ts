// The bytes of a frame as a capture holds it, for captures and the dissector: apart from frame.ts
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
import { isArpFrame, type Frame } from './frame.ts';
import { MAC_ZERO } from './mac.ts';

/**
 * The frame as a capture of LINKTYPE_ETHERNET holds it: header, payload (with any bits a link
 * flipped), padding to 60 bytes, no FCS. A packet with no `eth` gets zero addresses. Unlike
 * `encodeEthernetFrame` it takes a payload over 1500 bytes (the model has no MTU yet): a capture
 * shows it as a jumbo frame rather than failing.
 */
export function frameBytes(frame: Frame): Uint8Array {
  const arp = isArpFrame(frame);
  const payload = arp ? encodeArp(frame.arp) : wireBytes(frame);
  const eth = frame.eth ?? { dst: MAC_ZERO, src: MAC_ZERO };
  const out = new Uint8Array(ethernetFrameLength(payload.length));
  const etherType = arp ? ETHERTYPE.arp : ETHERTYPE.ipv4;
  writeEthernetHeader(out, 0, { dst: eth.dst, src: eth.src, etherType });
  out.set(payload, ETHERNET_HEADER_LENGTH);
  return out;
}
