// DNS messages (RFC 1035 section 4) as plain data and their exact bytes: header with flags and
// counts, questions, and A / NS / CNAME records, names compressed on encode and followed on decode.
import { assertUint, readU16, readU32, writeU16, writeU32 } from '../../wire/bytes.ts';
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
const MAX_NAME = 255;
const MAX_LABEL = 63;

/** A recursive query for `name` (RD set, as a stub resolver sends). */
export function makeDnsQuery(id: number, name: string, type = DNS_TYPE.A): DnsMessage {
  return {
    id,
    flags: { qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, rcode: 0 },
    questions: [{ name, type, class: DNS_CLASS_IN }],
    answers: [],
    authorities: [],
    additionals: [],
  };
}

/** The answer to `query`: same id, question and RD, with `answers` and `rcode`. */
export function makeDnsResponse(
  query: DnsMessage,
  answers: DnsRecord[],
  rcode = RCODE.NOERROR,
  options: { authoritative?: boolean; recursionAvailable?: boolean } = {},
): DnsMessage {
  return {
    id: query.id,
    flags: {
      qr: true,
      opcode: query.flags.opcode,
      aa: options.authoritative ?? true,
      tc: false,
      rd: query.flags.rd,
      ra: options.recursionAvailable ?? false,
      rcode,
    },
    questions: query.questions.map((q) => ({ ...q })),
    answers,
    authorities: [],
    additionals: [],
  };
}

/** Lower-case, no trailing dot: the form names are compared in (RFC 1035 section 2.3.3). */
export function normalizeName(name: string): string {
  return name.replace(/\.$/, '').toLowerCase();
}

class Writer {
  bytes = new Uint8Array(512);
  length = 0;
  private readonly names = new Map<string, number>();

  constructor(private readonly compress: boolean) {}

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  u8(value: number): void {
    this.room(1);
    this.bytes[this.length++] = value;
  }

  u16(field: string, value: number): void {
    assertUint(field, value, 16);
    this.room(2);
    writeU16(this.bytes, this.length, value);
    this.length += 2;
  }

  u32(field: string, value: number): void {
    assertUint(field, value, 32);
    this.room(4);
    writeU32(this.bytes, this.length, value);
    this.length += 4;
  }

  raw(data: Uint8Array): void {
    this.room(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  /** A name as labels (section 3.1), ending in a pointer to an earlier suffix when compressing. */
  name(name: string): void {
    const trimmed = name.replace(/\.$/, '');
    const labels = trimmed === '' ? [] : trimmed.split('.');
    if (trimmed.length + 2 > MAX_NAME) throw new RangeError(`DNS name too long: ${name}`);
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.');
      const earlier = this.names.get(suffix);
      if (this.compress && earlier !== undefined) {
        this.u16('pointer', 0xc000 | earlier); // section 4.1.4
        return;
      }
      if (this.length < 0x4000) this.names.set(suffix, this.length);
      const label = labels[i] ?? '';
      if (label.length === 0 || label.length > MAX_LABEL || /[^\x21-\x7e]/.test(label)) {
        throw new RangeError(`bad DNS label ${JSON.stringify(label)} in ${name}`);
      }
      this.u8(label.length);
      for (let c = 0; c < label.length; c++) this.u8(label.charCodeAt(c));
    }
    this.u8(0);
  }
}

function writeRecord(w: Writer, record: DnsRecord): void {
  w.name(record.name);
  w.u16('TYPE', record.type);
  w.u16('CLASS', record.class);
  w.u32('TTL', record.ttl);
  const lengthAt = w.length;
  w.u16('RDLENGTH', 0);
  if ('address' in record) w.u32('A address', record.address);
  else if ('target' in record) w.name(record.target);
  else w.raw(record.data);
  writeU16(w.bytes, lengthAt, w.length - lengthAt - 2);
}

/** The bytes of a message; names are compressed (section 4.1.4) unless `compress` is false. */
export function encodeDns(message: DnsMessage, options: { compress?: boolean } = {}): Uint8Array {
  const w = new Writer(options.compress ?? true);
  const { flags } = message;
  assertUint('DNS opcode', flags.opcode, 4);
  assertUint('DNS rcode', flags.rcode, 4);
  w.u16('DNS id', message.id);
  const word =
    (flags.qr ? 0x8000 : 0) |
    (flags.opcode << 11) |
    (flags.aa ? 0x400 : 0) |
    (flags.tc ? 0x200 : 0) |
    (flags.rd ? 0x100 : 0) |
    (flags.ra ? 0x80 : 0) |
    flags.rcode;
  w.u16('DNS flags', word);
  w.u16('QDCOUNT', message.questions.length);
  w.u16('ANCOUNT', message.answers.length);
  w.u16('NSCOUNT', message.authorities.length);
  w.u16('ARCOUNT', message.additionals.length);
  for (const q of message.questions) {
    w.name(q.name);
    w.u16('QTYPE', q.type);
    w.u16('QCLASS', q.class);
  }
  for (const r of [...message.answers, ...message.authorities, ...message.additionals]) {
    writeRecord(w, r);
  }
  return w.bytes.slice(0, w.length);
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
