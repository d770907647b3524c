// What a bulk transfer carries: the sink's default port (iperf's) and the bytes a bulk sender
// writes, a repeating pattern a learner recognises in a packet's hex dump ("handshake ...").

/** The TCP port sinks listen on unless told otherwise (iperf's). */
export const DEFAULT_BULK_PORT = 5001;

const TEXT = 'handshake ';
/** The pattern repeated, long enough for any write of up to TEMPLATE_SPAN bytes at any phase. */
const TEMPLATE_SPAN = 64 * 1024;
let template: Uint8Array | undefined;

/** The pattern from phase 0, TEMPLATE_SPAN + one period long, built once by doubling copies. */
function patternTemplate(): Uint8Array {
  if (template) return template;
  const bytes = new Uint8Array(TEMPLATE_SPAN + TEXT.length);
  for (let i = 0; i < TEXT.length; i++) bytes[i] = TEXT.charCodeAt(i);
  for (let filled = TEXT.length; filled < bytes.length; filled *= 2)
    bytes.copyWithin(filled, 0, Math.min(filled, bytes.length - filled));
  template = bytes;
  return bytes;
}

/**
 * `length` bytes of the pattern starting `offset` bytes into the stream, as a read-only view of a
 * shared template (no copy): hand it to a socket (`sendShared` keeps views of it), and never
 * write to it. Longer requests than the template get a fresh array.
 */
export function patternView(length: number, offset: number): Uint8Array {
  if (length > TEMPLATE_SPAN) return pattern(length, offset);
  const phase = offset % TEXT.length;
  return patternTemplate().subarray(phase, phase + length);
}

/**
 * `patternView(length, offset)`, where `previous` was the view of the bytes just before `offset`:
 * when the template has room, the new view starts where `previous` ends in memory (the template
 * repeats, so the phase is right), and a socket that keeps views (`sendShared`) can join the two
 * into one block, so fewer segments straddle two blocks and need a copy.
 */
export function patternViewAfter(
  previous: Uint8Array | undefined,
  length: number,
  offset: number,
): Uint8Array {
  const bytes = patternTemplate();
  if (previous !== undefined && previous.buffer === bytes.buffer) {
    const end = previous.byteOffset - bytes.byteOffset + previous.length;
    if (end + length <= bytes.length) return bytes.subarray(end, end + length);
  }
  return patternView(length, offset);
}

/** `length` bytes of the pattern, starting `offset` bytes into the stream (a fresh array). */
export function pattern(length: number, offset: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const phase = offset % TEXT.length;
  const first = Math.min(length, TEXT.length);
  for (let i = 0; i < first; i++) bytes[i] = TEXT.charCodeAt((phase + i) % TEXT.length);
  // Each copy doubles the filled prefix, which is always a whole number of periods long (or
  // the whole array), so copying from index 0 continues the pattern at the right phase.
  for (let filled = first; filled < length; filled *= 2)
    bytes.copyWithin(filled, 0, Math.min(filled, length - filled));
  return bytes;
}
