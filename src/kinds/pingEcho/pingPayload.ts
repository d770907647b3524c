// The bytes of a pinger's request, echoed back as the reply: the request's number and attempt
// (two 32-bit big-endian words), then zeros up to the request's size.

import type { ByteBlocks } from '../../net/wire/byteBlocks.ts';
import { readU32, writeU32 } from '../../net/wire/bytes.ts';

/** The UDP port echo servers listen on unless told otherwise (RFC 862). */
export const DEFAULT_ECHO_PORT = 7;

/**
 * Writes a request's number and attempt into a payload of `size` bytes (at least 8): fresh
 * zeroed bytes from `blocks` when given (a pinger sends many), else a new array.
 */
export function encodeRequest(
  seq: number,
  attempt: number,
  size: number,
  blocks?: ByteBlocks,
): Uint8Array {
  const n = Math.max(8, size);
  const bytes = blocks ? blocks.take(n) : new Uint8Array(n);
  writeU32(bytes, 0, seq);
  writeU32(bytes, 4, attempt);
  return bytes;
}

/** Reads a request's number and attempt back; undefined when the payload is too short. */
export function decodeRequest(payload: Uint8Array): { seq: number; attempt: number } | undefined {
  if (payload.length < 8) return undefined;
  return { seq: readU32(payload, 0), attempt: readU32(payload, 4) };
}
