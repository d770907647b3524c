// DNS messages (RFC 1035 section 4) as plain data, and reading their exact bytes: header with
// flags and counts, questions, and A / NS / CNAME / MX records, compressed names followed. Making and
// writing messages is dnsEncode.ts, apart, so what only reads packets (their names in the
// picture) does not bring the writer.
import { readU16, readU32 } from '../../wire/bytes.ts';
import type { Ipv4Address } from '../../wire/ipv4Address.ts';

/** TYPE values (RFC 1035 section 3.2.2; AAAA from RFC 3596). */
export const DNS_TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28 };
/** CLASS IN, the Internet (RFC 1035 section 3.2.4). */
export const DNS_CLASS_IN = 1;
/** The well-known port (RFC 1035 section 4.2). */
export const DNS_PORT = 53;

/** RCODE values (RFC 1035 section 4.1.1). */
export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };
export type RcodeName = keyof typeof RCODE;

/** The name of an RCODE, or `RCODE<n>` for one RFC 1035 does not name. */
export function rcodeName(rcode: number): string {
  const entry = Object.entries(RCODE).find(([, value]) => value === rcode);
  return entry ? entry[0] : `RCODE${rcode}`;
}

/** The header's flag word (RFC 1035 section 4.1.1); Z is sent as zero and ignored on receipt. */
export interface DnsFlags {
  /** Response (true) or query. */
  qr: boolean;
  /** 0 standard query. */
  opcode: number;
  /** Authoritative answer. */
  aa: boolean;
  /** Truncated. */
  tc: boolean;
  /** Recursion desired. */
  rd: boolean;
  /** Recursion available. */
  ra: boolean;
  rcode: number;
}

/** A question: name, QTYPE, QCLASS (RFC 1035 section 4.1.2). Names have no trailing dot. */
export interface DnsQuestion {
  name: string;
  type: number;
  class: number;
}

interface RecordBase {
  name: string;
  class: number;
  /** Seconds a resolver may cache the record. */
  ttl: number;
}

/** A resource record (RFC 1035 section 4.1.3); types we do not model keep their raw RDATA. */
export type DnsRecord =
  | (RecordBase & { type: typeof DNS_TYPE.A; address: Ipv4Address })
  | (RecordBase & { type: typeof DNS_TYPE.NS | typeof DNS_TYPE.CNAME; target: string })
  /** A mail exchanger (RFC 1035 section 3.3.9): lower `preference` is tried first. */
  | (RecordBase & { type: typeof DNS_TYPE.MX; preference: number; exchange: string })
  | (RecordBase & { type: number; data: Uint8Array });

/** A whole message (RFC 1035 section 4.1). */
export interface DnsMessage {
  id: number;
  flags: DnsFlags;
  questions: DnsQuestion[];
  answers: DnsRecord[];
  authorities: DnsRecord[];
  additionals: DnsRecord[];
}

export type DnsDecodeResult = { ok: true; message: DnsMessage } | { ok: false; error: string };

export const DNS_HEADER_LENGTH = 12;
/** Longest name and label (RFC 1035 section 2.3.4). */
export const MAX_NAME = 255;
export const MAX_LABEL = 63;

/** Lower-case, no trailing dot: the form names are compared in (RFC 1035 section 2.3.3). */
export function normalizeName(name: string): string {
  return name.replace(/\.$/, '').toLowerCase();
}

class DecodeError extends Error {}

/** Reads a possibly compressed name at `start`; returns it and where the data after it begins. */
function readName(bytes: Uint8Array, start: number): { name: string; next: number } {
  const labels: string[] = [];
  let at = start;
  let next = -1;
  let length = 1;
  let limit = start; // every pointer must go strictly back (a "prior occurrence", 4.1.4)
  for (;;) {
    if (at >= bytes.length) throw new DecodeError(`name at ${start} runs past the end`);
    const size = bytes[at] as number;
    if (size === 0) break;
    const top = size & 0xc0;
    if (top === 0xc0) {
      if (at + 1 >= bytes.length) throw new DecodeError(`pointer at ${at} runs past the end`);
      const target = readU16(bytes, at) & 0x3fff;
      if (next < 0) next = at + 2;
      if (target >= limit)
        throw new DecodeError(`compression pointer at ${at} does not point back`);
      limit = target;
      at = target;
      continue;
    }
    if (top !== 0) throw new DecodeError(`unsupported label type 0x${top.toString(16)} at ${at}`);
    if (at + 1 + size > bytes.length) throw new DecodeError(`label at ${at} runs past the end`);
    length += size + 1;
    if (length > MAX_NAME) throw new DecodeError(`name at ${start} is longer than 255 bytes`);
    labels.push(String.fromCharCode(...bytes.subarray(at + 1, at + 1 + size)));
    at += 1 + size;
  }
  return { name: labels.join('.'), next: next < 0 ? at + 1 : next };
}

function readRecord(bytes: Uint8Array, start: number): { record: DnsRecord; next: number } {
  const { name, next: at } = readName(bytes, start);
  if (at + 10 > bytes.length) throw new DecodeError(`record ${name} is cut short`);
  const type = readU16(bytes, at);
  const base = { name, class: readU16(bytes, at + 2), ttl: readU32(bytes, at + 4) };
  const rdLength = readU16(bytes, at + 8);
  const data = at + 10;
  const end = data + rdLength;
  if (end > bytes.length) throw new DecodeError(`RDATA of ${name} runs past the end`);
  if (type === DNS_TYPE.A && rdLength === 4) {
    return { record: { ...base, type, address: readU32(bytes, data) }, next: end };
  }
  if (type === DNS_TYPE.NS || type === DNS_TYPE.CNAME) {
    const target = readName(bytes.subarray(0, end), data);
    if (target.next !== end) throw new DecodeError(`RDATA of ${name} is not one name`);
    return { record: { ...base, type, target: target.name }, next: end };
  }
  if (type === DNS_TYPE.MX) {
    if (rdLength < 3)
      throw new DecodeError(`MX record ${name} has ${rdLength} bytes, fewer than 3`);
    const exchange = readName(bytes.subarray(0, end), data + 2);
    if (exchange.next !== end)
      throw new DecodeError(`RDATA of ${name} is not a preference and a name`);
    const preference = readU16(bytes, data);
    return { record: { ...base, type, preference, exchange: exchange.name }, next: end };
  }
  if (type === DNS_TYPE.A) throw new DecodeError(`A record ${name} has ${rdLength} bytes, not 4`);
  return { record: { ...base, type, data: bytes.slice(data, end) }, next: end };
}

/** Parses a message; malformed bytes give `{ ok: false, error }` (a server answers FORMERR). */
export function decodeDns(bytes: Uint8Array): DnsDecodeResult {
  if (bytes.length < DNS_HEADER_LENGTH) {
    return { ok: false, error: `a DNS message needs 12 header bytes, got ${bytes.length}` };
  }
  const word = readU16(bytes, 2);
  const flags: DnsFlags = {
    qr: (word & 0x8000) !== 0,
    opcode: (word >> 11) & 0xf,
    aa: (word & 0x400) !== 0,
    tc: (word & 0x200) !== 0,
    rd: (word & 0x100) !== 0,
    ra: (word & 0x80) !== 0,
    rcode: word & 0xf,
  };
  const counts = [4, 6, 8, 10].map((offset) => readU16(bytes, offset));
  const message: DnsMessage = {
    id: readU16(bytes, 0),
    flags,
    questions: [],
    answers: [],
    authorities: [],
    additionals: [],
  };
  try {
    let at = DNS_HEADER_LENGTH;
    for (let i = 0; i < (counts[0] ?? 0); i++) {
      const { name, next } = readName(bytes, at);
      if (next + 4 > bytes.length) throw new DecodeError(`question ${name} is cut short`);
      message.questions.push({ name, type: readU16(bytes, next), class: readU16(bytes, next + 2) });
      at = next + 4;
    }
    const sections = [message.answers, message.authorities, message.additionals];
    for (const [s, section] of sections.entries()) {
      for (let i = 0; i < (counts[s + 1] ?? 0); i++) {
        const { record, next } = readRecord(bytes, at);
        section.push(record);
        at = next;
      }
    }
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, error: error.message };
    throw error;
  }
  return { ok: true, message };
}
