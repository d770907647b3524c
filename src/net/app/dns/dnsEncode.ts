// DNS messages made and written as their exact bytes (RFC 1035 section 4): a stub resolver's
// query, a server's response, and the encoder, names compressed (section 4.1.4) unless asked not
// to. Reading them is dnsMessage.ts.
import { assertUint, writeU16, writeU32 } from '../../wire/bytes.ts';
import {
  DNS_CLASS_IN,
  DNS_TYPE,
  MAX_LABEL,
  MAX_NAME,
  RCODE,
  type DnsMessage,
  type DnsRecord,
} from './dnsMessage.ts';

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
  else if ('exchange' in record) {
    w.u16('MX preference', record.preference);
    w.name(record.exchange); // compressed, as RFC 1035 section 4.1.4 allows for MX
  } else w.raw(record.data);
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
