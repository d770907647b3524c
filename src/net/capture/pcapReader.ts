// Reads classic libpcap files of either byte order and timestamp resolution, so tests (and
// later an import feature) can check what the writer produced record by record.

import {
  PCAP_FILE_HEADER_LENGTH,
  PCAP_MAGIC_MICROSECONDS,
  PCAP_MAGIC_NANOSECONDS,
  PCAP_RECORD_HEADER_LENGTH,
} from './pcapWriter.ts';

/** A record as read: time since the epoch in ns, captured bytes, and the length on the wire. */
export interface PcapReadRecord {
  timeNs: number;
  bytes: Uint8Array;
  originalLength: number;
}

/** A parsed pcap file. */
export interface PcapFile {
  versionMajor: number;
  versionMinor: number;
  nanoseconds: boolean;
  littleEndian: boolean;
  snapLength: number;
  linkType: number;
  records: PcapReadRecord[];
}

/** The file, or why it is not a classic pcap file. */
export type PcapReadResult = { ok: true; file: PcapFile } | { ok: false; error: string };

/** Parses a classic libpcap file (not pcapng). */
export function readPcap(bytes: Uint8Array): PcapReadResult {
  if (bytes.length < PCAP_FILE_HEADER_LENGTH) {
    return { ok: false, error: `a pcap file header needs 24 bytes, only ${bytes.length} present` };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let littleEndian = true;
  let magic = view.getUint32(0, true);
  if (magic !== PCAP_MAGIC_MICROSECONDS && magic !== PCAP_MAGIC_NANOSECONDS) {
    littleEndian = false;
    magic = view.getUint32(0, false);
  }
  if (magic !== PCAP_MAGIC_MICROSECONDS && magic !== PCAP_MAGIC_NANOSECONDS) {
    return { ok: false, error: `not a pcap file: magic number 0x${magic.toString(16)}` };
  }
  const nanoseconds = magic === PCAP_MAGIC_NANOSECONDS;
  const file: PcapFile = {
    versionMajor: view.getUint16(4, littleEndian),
    versionMinor: view.getUint16(6, littleEndian),
    nanoseconds,
    littleEndian,
    snapLength: view.getUint32(16, littleEndian),
    linkType: view.getUint32(20, littleEndian) & 0x0fffffff,
    records: [],
  };
  let at = PCAP_FILE_HEADER_LENGTH;
  while (at < bytes.length) {
    if (at + PCAP_RECORD_HEADER_LENGTH > bytes.length) {
      return { ok: false, error: `record ${file.records.length + 1} has a truncated header` };
    }
    const seconds = view.getUint32(at, littleEndian);
    const fraction = view.getUint32(at + 4, littleEndian);
    const captured = view.getUint32(at + 8, littleEndian);
    const originalLength = view.getUint32(at + 12, littleEndian);
    const start = at + PCAP_RECORD_HEADER_LENGTH;
    if (start + captured > bytes.length) {
      return {
        ok: false,
        error: `record ${file.records.length + 1} runs past the end of the file`,
      };
    }
    file.records.push({
      timeNs: seconds * 1_000_000_000 + fraction * (nanoseconds ? 1 : 1000),
      bytes: bytes.slice(start, start + captured),
      originalLength,
    });
    at = start + captured;
  }
  return { ok: true, file };
}
