// Ethernet II frames (IEEE 802.3 with an EtherType, as IPv4 and ARP use): the 14-byte header of
// destination, source and EtherType, padding to the 60-byte minimum, the optional CRC-32 frame
// check sequence, and the sizes a link needs for transmission time.
//
// Captures: a pcap file of LINKTYPE_ETHERNET (1) holds each frame from the destination address
// to the end of the payload and its padding, with no FCS: capturing NICs strip it, and
// Wireshark does not expect one unless told (its eth.assume_fcs preference). So frames for a
// capture are encoded without FCS (the default here); `{ fcs: true }` appends it, for a model of
// corruption that checks it. Frames captured on the sending host may also lack their padding
// (the NIC pads them after the capture point), so the decoder accepts frames under 60 bytes.

import { assertUint, readU16, writeU16 } from './bytes.ts';
import {
  ETHERNET_FCS_LENGTH,
  ETHERNET_HEADER_LENGTH,
  ETHERNET_MIN_FRAME_LENGTH,
  ethernetFrameLength,
  ethernetWireLength,
} from './frameSizes.ts';
import { crc32 } from './crc32.ts';
import { isMulticast, MAC_LENGTH, readMac, writeMac, type MacAddress } from './mac.ts';

/** EtherType values (IEEE Registration Authority): the protocol the payload carries. */
export const ETHERTYPE = { ipv4: 0x0800, arp: 0x0806 } as const;

/**
 * The smallest EtherType: a value of 1536 (0x0600) or more in the type/length field is a type;
 * 1500 (0x05DC) or less is the length of an IEEE 802.3 frame with an LLC header instead (IEEE
 * 802.3-2022 clause 3.2.6). Values in between mean neither.
 */
export const ETHERTYPE_MIN = 0x0600;

export {
  ETHERNET_FCS_LENGTH,
  ETHERNET_HEADER_LENGTH,
  ETHERNET_MIN_FRAME_LENGTH,
  ethernetFrameLength,
  ethernetWireLength,
} from './frameSizes.ts';

/** The smallest payload that needs no padding: 60 - 14. */
export const ETHERNET_MIN_PAYLOAD = ETHERNET_MIN_FRAME_LENGTH - ETHERNET_HEADER_LENGTH;
/** The largest payload of an untagged frame (maxBasicFrameSize 1518 = 14 + 1500 + 4): the MTU. */
export const ETHERNET_MTU = 1500;
/**
 * Preamble (7 octets of 0x55) and start frame delimiter (1 octet, 0xD5) sent before every frame
 * (clauses 3.2.1 and 3.2.2). Not part of the frame: no capture shows them.
 */
export const ETHERNET_PREAMBLE_SFD_LENGTH = 8;
/** interFrameGap, 96 bit times (clause 4.4.2): the idle line between two frames, 12 octets. */
export const ETHERNET_INTERFRAME_GAP = 12;

/** The fields of an Ethernet II header. */
export interface EthernetHeader {
  dst: MacAddress;
  src: MacAddress;
  /** Two bytes, at least ETHERTYPE_MIN: what the payload is (ETHERTYPE.ipv4, ETHERTYPE.arp). */
  etherType: number;
}

/**
 * The addresses of a frame whose EtherType its contents imply (`Packet.eth`, `ArpFrame.eth` in
 * frame.ts): destination first, as on the wire.
 */
export interface EthernetAddresses {
  readonly dst: MacAddress;
  readonly src: MacAddress;
}

export interface EthernetEncodeOptions {
  /** Append the 4-byte FCS. Default false: what a pcap of LINKTYPE_ETHERNET holds. */
  fcs?: boolean;
}

/** A decoded frame. */
export interface EthernetFrame {
  header: EthernetHeader;
  /**
   * Everything after the header (and before the FCS when there is one), padding included: the
   * link layer cannot tell padding from payload, so the protocol above trims it (IPv4 by its
   * total length, ARP by its fixed 28 bytes).
   */
  payload: Uint8Array;
  /** With `{ fcs: true }`: the FCS as sent and whether it matches the frame's bytes. */
  fcs?: { value: number; valid: boolean };
}

export type EthernetDecodeResult =
  { ok: true; frame: EthernetFrame } | { ok: false; error: string };

/**
 * Byte times the medium is busy with one frame: preamble and SFD, the frame with its FCS, and the
 * interframe gap before the next frame may start; 84 to 1538. Dividing a link's bit rate by 8
 * times this gives its frame rate at line rate: 10 Gb/s carries 14,880,952 minimum-size frames
 * a second. A link that serialises `ethernetWireLength` instead leaves out the 20 bytes of
 * overhead per frame that make a small-frame flood slower than its bytes alone suggest.
 */
export function ethernetLineLength(payloadLength: number): number {
  return ETHERNET_PREAMBLE_SFD_LENGTH + ethernetWireLength(payloadLength) + ETHERNET_INTERFRAME_GAP;
}

/**
 * Encodes a frame: header, payload, zero padding up to 60 bytes, and the FCS if asked. Throws a
 * RangeError for an EtherType below 0x0600, a payload over the 1500-byte MTU, or a group
 * address as the source (IEEE 802.3 clause 3.2.3: a source is always an individual address).
 */
export function encodeEthernetFrame(
  header: EthernetHeader,
  payload: Uint8Array,
  options: EthernetEncodeOptions = {},
): Uint8Array {
  assertUint('EtherType', header.etherType, 16);
  if (header.etherType < ETHERTYPE_MIN) {
    throw new RangeError(
      `EtherType must be at least 0x0600 (below it is an 802.3 length), got 0x${header.etherType.toString(16)}`,
    );
  }
  if (payload.length > ETHERNET_MTU) {
    throw new RangeError(`an Ethernet payload holds at most 1500 bytes, got ${payload.length}`);
  }
  if (isMulticast(header.src)) {
    throw new RangeError('an Ethernet source address must be an individual (unicast) address');
  }
  const length = ethernetFrameLength(payload.length);
  const out = new Uint8Array(length + (options.fcs === true ? ETHERNET_FCS_LENGTH : 0));
  writeEthernetHeader(out, 0, header);
  out.set(payload, ETHERNET_HEADER_LENGTH);
  if (options.fcs === true) writeFcs(out, length, crc32(out, 0, length));
  return out;
}

/** Writes the 14-byte header at `offset`. */
export function writeEthernetHeader(out: Uint8Array, offset: number, header: EthernetHeader): void {
  writeMac(out, offset, header.dst);
  writeMac(out, offset + MAC_LENGTH, header.src);
  writeU16(out, offset + 2 * MAC_LENGTH, header.etherType);
}

/**
 * Decodes a frame from its first byte to its end (the FCS's end with `{ fcs: true }`). Frames
 * shorter than 60 bytes are accepted (see the top of this file); a type/length field under
 * 0x0600 is refused, since it makes an 802.3 frame with an LLC header, not Ethernet II.
 */
export function decodeEthernetFrame(
  bytes: Uint8Array,
  options: EthernetEncodeOptions = {},
): EthernetDecodeResult {
  const trailer = options.fcs === true ? ETHERNET_FCS_LENGTH : 0;
  if (bytes.length < ETHERNET_HEADER_LENGTH + trailer) {
    return {
      ok: false,
      error: `an Ethernet frame needs ${ETHERNET_HEADER_LENGTH + trailer} bytes, only ${bytes.length} present`,
    };
  }
  const etherType = readU16(bytes, 2 * MAC_LENGTH);
  if (etherType < ETHERTYPE_MIN) {
    return {
      ok: false,
      error: `type/length 0x${etherType.toString(16).padStart(4, '0')} is an 802.3 length, not an Ethernet II EtherType`,
    };
  }
  const end = bytes.length - trailer;
  const frame: EthernetFrame = {
    header: { dst: readMac(bytes, 0), src: readMac(bytes, MAC_LENGTH), etherType },
    payload: bytes.subarray(ETHERNET_HEADER_LENGTH, end),
  };
  if (options.fcs === true) {
    const value = readFcs(bytes, end);
    frame.fcs = { value, valid: value === crc32(bytes, 0, end) };
  }
  return { ok: true, frame };
}

/** The name of an EtherType this simulator knows, or its hex value. */
export function etherTypeName(etherType: number): string {
  if (etherType === ETHERTYPE.ipv4) return 'IPv4';
  if (etherType === ETHERTYPE.arp) return 'ARP';
  return `0x${etherType.toString(16).padStart(4, '0')}`;
}

// The CRC is sent least significant bit first (clause 3.3), which in bytes is the 32-bit value
// little-endian: the order in which capture files and Wireshark hold it.
function writeFcs(out: Uint8Array, offset: number, crc: number): void {
  out[offset] = crc & 0xff;
  out[offset + 1] = (crc >>> 8) & 0xff;
  out[offset + 2] = (crc >>> 16) & 0xff;
  out[offset + 3] = crc >>> 24;
}

function readFcs(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset] as number) |
      ((bytes[offset + 1] as number) << 8) |
      ((bytes[offset + 2] as number) << 16) |
      ((bytes[offset + 3] as number) << 24)) >>>
    0
  );
}
