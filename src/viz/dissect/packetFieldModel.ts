// The shapes of a dissected packet (fields with their exact byte and bit ranges) and the small
// helpers the dissectors share: reading a field's value back from the bytes, hex formatting, and
// the field builders of one language (fieldMakers: explanations and value words in it).

import { ENGLISH, type Language } from '../../engine/language.ts';
import { fieldHelp } from './fieldHelp.ts';
import { packetPhrases, type PacketWords } from '../packet/packetPhrases.ts';
import { hexBytes, isPrintable, payloadText } from '../packet/payloadBytes.ts';

export { hexBytes, isPrintable, payloadText };

/** Bits of a field inside its bytes: `first` counts from the most significant bit of the first byte. */
export interface BitRange {
  first: number;
  count: number;
}

/** One field of a packet, where it lies in the encoded bytes, and what it is for. */
export interface PacketField {
  /** Unique in the dissection: `ip.ttl`, `tcp.flags.syn`, `tcp.option.0`, `quote.ip.src`. */
  id: string;
  name: string;
  /** The value as people read it: `64`, `10.0.0.1`, `0x1c46 (correct)`. */
  value: string;
  /** Extra words about the value: `raw 4264223102`, `relative to the ISN`. */
  note?: string;
  /** The number the bits hold, read from the bytes (absent for text and byte strings). */
  raw?: number;
  /** First byte of the field in the encoded packet. */
  offset: number;
  /** Number of bytes the field touches (a 4-bit field touches 1). */
  length: number;
  /** Set when the field is narrower than its bytes. */
  bits?: BitRange;
  /** What the field is for, in plain words. */
  about: string;
  /** Computed by the sender's stack from the rest of the packet (lengths, checksums, protocol). */
  derived?: boolean;
  children?: PacketField[];
}

/** One protocol layer of a packet and its byte range. */
export interface PacketLayer {
  id: 'eth' | 'arp' | 'llc' | 'stp' | 'ip' | 'tcp' | 'udp' | 'icmp' | 'data' | 'quote';
  name: string;
  summary: string;
  offset: number;
  length: number;
  fields: PacketField[];
}

/** A packet's exact bytes and its layers. */
export interface PacketDissection {
  bytes: Uint8Array;
  layers: PacketLayer[];
  /** Why the bytes could not be dissected (never for packets the simulator made). */
  error?: string;
}

/** The field builders and value words of one language, for the dissectors. */
export interface FieldMakers {
  language: Language;
  words: PacketWords;
  /** Builds a field, taking its explanation from fieldHelp unless `about` is given. */
  field(
    id: string,
    name: string,
    offset: number,
    length: number,
    value: string,
    extra?: Partial<Omit<PacketField, 'id' | 'name' | 'offset' | 'length' | 'value'>>,
  ): PacketField;
  /** A bit field read from bytes, with its bits recorded so the inspector can point at them. */
  bitField(
    bytes: Uint8Array,
    id: string,
    name: string,
    offset: number,
    length: number,
    bits: BitRange,
    format: (raw: number) => string,
    extra?: Partial<PacketField>,
  ): PacketField;
  /** A whole-byte number field read from bytes. */
  numberField(
    bytes: Uint8Array,
    id: string,
    name: string,
    offset: number,
    length: number,
    format?: (raw: number) => string,
    extra?: Partial<PacketField>,
  ): PacketField;
  /** The explanation of a field id in this language. */
  help(id: string): string;
  /** `1 byte`, `56 bytes` (the number as it is, like the field's value). */
  byteCount(n: number): string;
  /** `set` or `not set` for a one-bit flag. */
  bitText(raw: number): string;
  /** A payload for one line (payloadText), `(none)` in this language when empty. */
  payloadText(bytes: Uint8Array, max?: number): string;
}

const makers = new Map<Language, FieldMakers>();

/** The field builders of `language` (English by default), made once and kept. */
export function fieldMakers(language: Language = ENGLISH): FieldMakers {
  const known = makers.get(language);
  if (known) return known;
  const words = packetPhrases.in(language);
  const field: FieldMakers['field'] = (id, name, offset, length, value, extra = {}) => ({
    id,
    name,
    value,
    offset,
    length,
    about: fieldHelp(id, language),
    ...extra,
  });
  const made: FieldMakers = {
    language,
    words,
    field,
    bitField(bytes, id, name, offset, length, bits, format, extra = {}) {
      const raw = fieldBits(bytes, { offset, length, bits });
      return field(id, name, offset, length, format(raw), { raw, bits, ...extra });
    },
    numberField(bytes, id, name, offset, length, format = String, extra = {}) {
      const raw = readUint(bytes, offset, length);
      return field(id, name, offset, length, format(raw), { raw, ...extra });
    },
    help: (id) => fieldHelp(id, language),
    // The count as a string: a field's value shows the number as the bytes hold it (1500).
    byteCount: (n) => words.say('bytes', { count: String(n) }),
    bitText: (raw) => words.say(raw ? 'bit.set' : 'bit.notSet'),
    payloadText: (bytes, max) =>
      bytes.length === 0 ? words.say('payload.none') : payloadText(bytes, max),
  };
  makers.set(language, made);
  return made;
}

const english = fieldMakers();

/** Builds an English field, taking its explanation from fieldHelp unless `about` is given. */
export const field = english.field;

/** The unsigned big-endian number in bytes [offset, offset + length), up to 6 bytes. */
export function readUint(bytes: Uint8Array, offset: number, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + (bytes[offset + i] ?? 0);
  return value;
}

/** The number a field's bits hold in `bytes`: its bytes, narrowed to its bit range if any. */
export function fieldBits(
  bytes: Uint8Array,
  f: Pick<PacketField, 'offset' | 'length' | 'bits'>,
): number {
  const whole = readUint(bytes, f.offset, f.length);
  if (!f.bits) return whole;
  const shift = f.length * 8 - f.bits.first - f.bits.count;
  return Math.floor(whole / 2 ** shift) % 2 ** f.bits.count;
}

/** An English bit field read from bytes (fieldMakers(language).bitField for another language). */
export const bitField = english.bitField;

/** An English whole-byte number field read from bytes. */
export const numberField = english.numberField;

/** `0x1c46` for a 16-bit value. */
export function hex16(value: number): string {
  return `0x${value.toString(16).padStart(4, '0')}`;
}

/** `1 byte`, `56 bytes`. */
export function byteCount(n: number): string {
  return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
}

/** `set` or `not set` for a one-bit flag. */
export function bitText(raw: number): string {
  return raw ? 'set' : 'not set';
}

/** A checksum's value and whether it verified, from decodePacket. */
export function checksumText(m: FieldMakers, raw: number, valid: boolean | null): string {
  if (valid === null) return raw === 0 ? m.words.say('checksum.none') : hex16(raw);
  return m.words.say(valid ? 'checksum.correct' : 'checksum.wrong', { value: hex16(raw) });
}
