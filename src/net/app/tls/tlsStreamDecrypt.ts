// Reads one direction of a TLS byte stream with that direction's traffic keys, as Wireshark does
// with a key log: each record's place in the stream, its outer type and, when it decrypts, its
// inner type and plaintext. Used to show a packet "from an endpoint's point of view".

import { CONTENT_TYPE, unprotectRecord } from './tlsRecord.ts';

/** One record of the stream. */
export interface StreamRecord {
  /** Offset of the record header in the stream. */
  offset: number;
  /** Header plus fragment, in bytes. */
  length: number;
  /** The type on the wire (23 for every encrypted record). */
  outerType: number;
  /** The real content type, when known (plaintext records, or decrypted ones). */
  innerType: number | null;
  /** The content: the fragment of a plaintext record, the decrypted content of a protected one. */
  plaintext: Uint8Array | null;
  /** Which key opened it. */
  key: 'none' | 'handshake' | 'application' | 'failed';
}

const HEADER = 5;
const FINISHED = 20;

/**
 * Splits `stream` (the bytes one side sent, from the start) into records and decrypts the
 * protected ones: handshake key first (its records are numbered from 0), then, after the
 * Finished message, the application key (numbered from 0 again), as RFC 8446 section 5.3 says.
 */
export function decryptTlsStream(
  stream: Uint8Array,
  keys: { handshake: Uint8Array; application: Uint8Array },
): StreamRecord[] {
  const records: StreamRecord[] = [];
  let epoch: 'handshake' | 'application' = 'handshake';
  let sequence = 0;
  let at = 0;
  while (at + HEADER <= stream.length) {
    const type = stream[at] as number;
    const version = ((stream[at + 1] as number) << 8) | (stream[at + 2] as number);
    const length = ((stream[at + 3] as number) << 8) | (stream[at + 4] as number);
    if (at + HEADER + length > stream.length) break;
    const fragment = stream.subarray(at + HEADER, at + HEADER + length);
    const record: StreamRecord = {
      offset: at,
      length: HEADER + length,
      outerType: type,
      innerType: null,
      plaintext: null,
      key: 'none',
    };
    if (type !== CONTENT_TYPE.applicationData) {
      record.innerType = type;
      record.plaintext = fragment;
    } else {
      let opened = unprotectRecord(keys[epoch], sequence, { type, version, fragment });
      if (!opened && epoch === 'handshake') {
        // No Finished seen (a capture that starts late): try the application key.
        epoch = 'application';
        sequence = 0;
        opened = unprotectRecord(keys.application, sequence, { type, version, fragment });
      }
      if (opened) {
        record.innerType = opened.type;
        record.plaintext = opened.content;
        record.key = epoch;
        sequence++;
        if (epoch === 'handshake' && containsFinished(opened.type, opened.content)) {
          epoch = 'application';
          sequence = 0;
        }
      } else record.key = 'failed';
    }
    records.push(record);
    at += HEADER + length;
  }
  return records;
}

/** Whether handshake content holds a Finished message (type 20), walking its messages. */
function containsFinished(type: number, content: Uint8Array): boolean {
  if (type !== CONTENT_TYPE.handshake) return false;
  let at = 0;
  while (at + 4 <= content.length) {
    if (content[at] === FINISHED) return true;
    const length =
      ((content[at + 1] as number) << 16) |
      ((content[at + 2] as number) << 8) |
      (content[at + 3] as number);
    at += 4 + length;
  }
  return false;
}
