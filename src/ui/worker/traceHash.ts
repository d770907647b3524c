// The trace fingerprint (SHA-256 of the records as JSON Lines, as `handshake run --trace` writes
// them), computed in the simulation worker once a run is over, from its packed trace a record at a
// time: a big trace is gigabytes of JSON, which fits in no string, and hashing it in the page cost
// over a second of the page's main thread (measured on a thousand pingers' 592k records).

import type { TraceRecord } from '../../engine/trace.ts';
import { traceLineWriter } from '../../engine/traceJson.ts';
import { Sha256 } from '../../net/app/sha256.ts';

/** Encode lines in pieces of about this many characters. */
const PIECE = 1 << 18;

/** Hex SHA-256 of `count` records as JSON Lines, byte for byte the CLI's trace file. */
export function traceSha256(count: number, recordAt: (i: number) => TraceRecord): string {
  const hash = new Sha256();
  const encoder = new TextEncoder();
  const line = traceLineWriter();
  let piece = '';
  for (let i = 0; i < count; i++) {
    piece += line(recordAt(i));
    if (piece.length >= PIECE) {
      hash.update(encoder.encode(piece));
      piece = '';
    }
  }
  hash.update(encoder.encode(piece));
  return hash.hex();
}
