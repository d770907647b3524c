// The trace fingerprint: SHA-256 of the trace as JSON Lines, computed with Web Crypto so a
// person (or a test) can compare a browser run with `handshake run --trace` byte for byte.

import { traceToJsonLines, type TraceRecord } from '../engine/trace.ts';

/** Hex SHA-256 of the records as JSON Lines; null where Web Crypto is unavailable. */
export async function traceFingerprint(records: readonly TraceRecord[]): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const bytes = new TextEncoder().encode(traceToJsonLines(records));
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
