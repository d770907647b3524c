// The bytes of a pinger's request, echoed back as the reply: the request's number and attempt
// (two 32-bit big-endian words), then zeros up to the request's size.

/** The UDP port echo servers listen on unless told otherwise (RFC 862). */
export const DEFAULT_ECHO_PORT = 7;

/** Writes a request's number and attempt into a payload of `size` bytes (at least 8). */
export function encodeRequest(seq: number, attempt: number, size: number): Uint8Array {
  const bytes = new Uint8Array(Math.max(8, size));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, seq);
  view.setUint32(4, attempt);
  return bytes;
}

/** Reads a request's number and attempt back; undefined when the payload is too short. */
export function decodeRequest(payload: Uint8Array): { seq: number; attempt: number } | undefined {
  if (payload.length < 8) return undefined;
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  return { seq: view.getUint32(0), attempt: view.getUint32(4) };
}
