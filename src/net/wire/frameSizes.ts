// The sizes of frames (IEEE 802.3 Ethernet II, ARP over it), on their own so that what only counts
// bytes (links, the views, the embed's element) does not carry the encoders of ethernet.ts and
// arp.ts with it.

/** Destination (6), source (6), EtherType (2). */
export const ETHERNET_HEADER_LENGTH = 14;
/** The frame check sequence: a CRC-32 over the header, payload and padding (clause 3.2.9). */
export const ETHERNET_FCS_LENGTH = 4;
/** minFrameSize, 512 bits = 64 octets with the FCS (clause 4.4.2): 60 before the FCS. */
export const ETHERNET_MIN_FRAME_LENGTH = 60;
/**
 * Bytes of an Ethernet/IPv4 ARP packet: hrd 2, pro 2, hln 1, pln 1, op 2, sha 6, spa 4, tha 6,
 * tpa 4. Its frame is 14 + 28 = 42 bytes, padded to 60.
 */
export const ARP_LENGTH = 28;

/**
 * Bytes of the frame as a capture holds it: header, payload and padding up to 60, no FCS.
 * A 28-byte ARP packet makes a 60-byte frame; a 1500-byte datagram a 1514-byte one.
 */
export function ethernetFrameLength(payloadLength: number): number {
  return Math.max(ETHERNET_HEADER_LENGTH + payloadLength, ETHERNET_MIN_FRAME_LENGTH);
}

/** Bytes of the frame as IEEE 802.3 counts it, FCS included: 64 to 1518 for an untagged frame. */
export function ethernetWireLength(payloadLength: number): number {
  return ethernetFrameLength(payloadLength) + ETHERNET_FCS_LENGTH;
}
