// What a bulk transfer carries: the sink's default port (iperf's) and the bytes a bulk sender
// writes, a repeating pattern a learner recognises in a packet's hex dump ("handshake ...").

/** The TCP port sinks listen on unless told otherwise (iperf's). */
export const DEFAULT_BULK_PORT = 5001;

/** `length` bytes of the pattern, starting `offset` bytes into the stream. */
export function pattern(length: number, offset: number): Uint8Array {
  const text = 'handshake ';
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = text.charCodeAt((offset + i) % text.length);
  return bytes;
}
