// The TLS record layer (RFC 8446 section 5): plaintext records, an incremental record parser over
// a TCP stream, and protected records (section 5.2) whose inner content type follows the content.
import { open, seal, TAG_LENGTH } from './simulatedCrypto.ts';
import { CONTENT_TYPE, MAX_FRAGMENT, RECORD_HEADER_LENGTH, TLS_PORT } from './tlsNumbers.ts';

export { CONTENT_TYPE, MAX_FRAGMENT, RECORD_HEADER_LENGTH, TLS_PORT };

/** legacy_record_version: 0x0301 on the first ClientHello, 0x0303 otherwise (section 5.1). */
export const TLS_1_0 = 0x0301;
export const TLS_1_2 = 0x0303;
export const TLS_1_3 = 0x0304;

/** One record as on the wire. */
export interface TlsRecord {
  type: number;
  version: number;
  fragment: Uint8Array;
}

/** The bytes of a record: type, legacy_record_version, length, fragment. */
export function encodeRecord(record: TlsRecord): Uint8Array {
  if (record.fragment.length > MAX_FRAGMENT + 256) {
    throw new RangeError(`TLS record fragment of ${record.fragment.length} bytes is too long`);
  }
  const out = new Uint8Array(RECORD_HEADER_LENGTH + record.fragment.length);
  out[0] = record.type;
  out[1] = record.version >> 8;
  out[2] = record.version & 0xff;
  out[3] = record.fragment.length >> 8;
  out[4] = record.fragment.length & 0xff;
  out.set(record.fragment, RECORD_HEADER_LENGTH);
  return out;
}

/** What the record parser reports. */
export type TlsRecordEvent =
  { kind: 'record'; record: TlsRecord } | { kind: 'error'; reason: string };

/** Splits a TCP byte stream into records, whatever the segment boundaries. */
export class TlsRecordParser {
  private buffer = new Uint8Array(0);
  private failed = false;

  /** Feeds stream bytes; returns the records they complete (or an error, after which nothing). */
  push(bytes: Uint8Array): TlsRecordEvent[] {
    if (this.failed) return [];
    const joined = new Uint8Array(this.buffer.length + bytes.length);
    joined.set(this.buffer, 0);
    joined.set(bytes, this.buffer.length);
    const events: TlsRecordEvent[] = [];
    let at = 0;
    while (joined.length - at >= RECORD_HEADER_LENGTH) {
      const type = joined[at] as number;
      const version = ((joined[at + 1] as number) << 8) | (joined[at + 2] as number);
      const length = ((joined[at + 3] as number) << 8) | (joined[at + 4] as number);
      if (type < 20 || type > 23 || version >> 8 !== 3 || length > MAX_FRAGMENT + 256) {
        this.failed = true;
        events.push({ kind: 'error', reason: `not a TLS record header at stream byte ${at}` });
        return events;
      }
      if (joined.length - at < RECORD_HEADER_LENGTH + length) break;
      const fragment = joined.slice(at + RECORD_HEADER_LENGTH, at + RECORD_HEADER_LENGTH + length);
      events.push({ kind: 'record', record: { type, version, fragment } });
      at += RECORD_HEADER_LENGTH + length;
    }
    this.buffer = joined.slice(at);
    return events;
  }
}

/**
 * Protects `content` of `innerType` (section 5.2): TLSInnerPlaintext = content, type, zero
 * padding; sealed with the SIMULATED AEAD under `key` and record number `sequence`, with the
 * record header as additional data. The outer record says application_data, version 0x0303.
 */
export function protectRecord(
  key: Uint8Array,
  sequence: number,
  innerType: number,
  content: Uint8Array,
  padding = 0,
): Uint8Array {
  const inner = new Uint8Array(content.length + 1 + padding);
  inner.set(content, 0);
  inner[content.length] = innerType;
  const length = inner.length + TAG_LENGTH;
  const header = Uint8Array.of(
    CONTENT_TYPE.applicationData,
    0x03,
    0x03,
    length >> 8,
    length & 0xff,
  );
  return encodeRecord({
    type: CONTENT_TYPE.applicationData,
    version: TLS_1_2,
    fragment: seal(key, sequence, header, inner),
  });
}

/** Removes protection: the inner type and content, or undefined if the tag fails or it is empty. */
export function unprotectRecord(
  key: Uint8Array,
  sequence: number,
  record: TlsRecord,
): { type: number; content: Uint8Array } | undefined {
  const length = record.fragment.length;
  const header = Uint8Array.of(
    record.type,
    record.version >> 8,
    record.version & 0xff,
    length >> 8,
    length & 0xff,
  );
  const inner = open(key, sequence, header, record.fragment);
  if (!inner) return undefined;
  let end = inner.length - 1;
  while (end >= 0 && inner[end] === 0) end--; // strip the zero padding (section 5.4)
  if (end < 0) return undefined;
  return { type: inner[end] as number, content: inner.subarray(0, end) };
}
