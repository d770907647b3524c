// Writes captures in the classic libpcap file format (draft-ietf-opsawg-pcap) with nanosecond
// timestamps and raw-IP link type by default, so Wireshark and tshark open them with no
// link-layer header; LINKTYPE_ETHERNET is there for captures of whole Ethernet frames.

/** Magic number of a microsecond-resolution pcap file. */
export const PCAP_MAGIC_MICROSECONDS = 0xa1b2c3d4;
/** Magic number of a nanosecond-resolution pcap file; simulated time is integer nanoseconds. */
export const PCAP_MAGIC_NANOSECONDS = 0xa1b23c4d;
/** LINKTYPE_RAW: each record is an IPv4 or IPv6 packet, the version read from its first nibble. */
export const LINKTYPE_RAW = 101;
/** LINKTYPE_IPV4: each record is an IPv4 packet. */
export const LINKTYPE_IPV4 = 228;
/**
 * LINKTYPE_ETHERNET: each record is an Ethernet frame from its destination address to the end of
 * its payload and padding, without preamble or FCS (ethernet.ts encodes frames so by default).
 */
export const LINKTYPE_ETHERNET = 1;

export const PCAP_FILE_HEADER_LENGTH = 24;
export const PCAP_RECORD_HEADER_LENGTH = 16;

const NS_PER_S = 1_000_000_000;

/**
 * One captured packet: when it was seen (simulated ns) and its bytes, from the IP header on (raw
 * IP link types) or from the Ethernet header on (LINKTYPE_ETHERNET).
 */
export interface PcapRecord {
  timeNs: number;
  bytes: Uint8Array;
}

/** File-level choices; the defaults suit a capture of simulated IPv4 traffic. */
export interface PcapWriteOptions {
  /** LINKTYPE_RAW (default), LINKTYPE_IPV4 or LINKTYPE_ETHERNET. */
  linkType?: number;
  /** Longest record kept; longer packets are cut and keep their original length. Default 262144. */
  snapLength?: number;
  /** Seconds since the Unix epoch at simulated time 0, so captures need not start in 1970. */
  epochSeconds?: number;
}

/**
 * Writes records as a little-endian, nanosecond-resolution libpcap file (version 2.4). Records
 * are written in the order given; times must be non-negative integers (simulated ns).
 */
export function writePcap(
  records: Iterable<PcapRecord>,
  options: PcapWriteOptions = {},
): Uint8Array {
  const snapLength = options.snapLength ?? 262_144;
  const list = Array.from(records);
  let size = PCAP_FILE_HEADER_LENGTH;
  for (const record of list) {
    size += PCAP_RECORD_HEADER_LENGTH + Math.min(record.bytes.length, snapLength);
  }
  const out = new Uint8Array(size);
  writePcapHeader(out, options);
  let at = PCAP_FILE_HEADER_LENGTH;
  for (const record of list) at += writePcapRecord(out, at, record, options);
  return out;
}

/** The 24-byte file header of `writePcap`'s files, for writers that stream the records after it. */
export function pcapHeader(options: PcapWriteOptions = {}): Uint8Array {
  const out = new Uint8Array(PCAP_FILE_HEADER_LENGTH);
  writePcapHeader(out, options);
  return out;
}

/** Bytes one record takes in a file (its header and the captured bytes). */
export function pcapRecordLength(record: PcapRecord, options: PcapWriteOptions = {}): number {
  return PCAP_RECORD_HEADER_LENGTH + Math.min(record.bytes.length, options.snapLength ?? 262_144);
}

function writePcapHeader(out: Uint8Array, options: PcapWriteOptions): void {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(0, PCAP_MAGIC_NANOSECONDS, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setInt32(8, 0, true); // thiszone: timestamps are UTC
  view.setUint32(12, 0, true); // sigfigs
  view.setUint32(16, options.snapLength ?? 262_144, true);
  view.setUint32(20, options.linkType ?? LINKTYPE_RAW, true);
}

/**
 * Writes one record (header and captured bytes) into `out` at `at`, as `writePcap` does, for
 * writers that stream records; gives the bytes written (`pcapRecordLength`).
 */
export function writePcapRecord(
  out: Uint8Array,
  at: number,
  { timeNs, bytes }: PcapRecord,
  options: PcapWriteOptions = {},
): number {
  if (!Number.isSafeInteger(timeNs) || timeNs < 0) {
    throw new RangeError(`pcap record time must be a non-negative integer of ns, got ${timeNs}`);
  }
  const view = new DataView(out.buffer, out.byteOffset + at, PCAP_RECORD_HEADER_LENGTH);
  const captured = Math.min(bytes.length, options.snapLength ?? 262_144);
  view.setUint32(0, (options.epochSeconds ?? 0) + Math.floor(timeNs / NS_PER_S), true);
  view.setUint32(4, timeNs % NS_PER_S, true);
  view.setUint32(8, captured, true);
  view.setUint32(12, bytes.length, true);
  out.set(captured === bytes.length ? bytes : bytes.subarray(0, captured), at + 16);
  return PCAP_RECORD_HEADER_LENGTH + captured;
}
