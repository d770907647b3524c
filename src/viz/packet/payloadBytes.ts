// A packet's payload bytes written for one line: as hex, or as quoted text when printable. Used
// by the application-message names here and by the field dissection (src/viz/dissect).

/** Bytes as `00 1f a0`, with at most `max` bytes before an ellipsis. */
export function hexBytes(bytes: Uint8Array, max = 24): string {
  const shown = Array.from(bytes.subarray(0, max), (b) => b.toString(16).padStart(2, '0'));
  return bytes.length > max ? `${shown.join(' ')} …` : shown.join(' ');
}

/** Whether bytes are printable ASCII text (tabs and line breaks allowed). */
export function isPrintable(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  for (const b of bytes) {
    if (!((b >= 0x20 && b <= 0x7e) || b === 0x09 || b === 0x0a || b === 0x0d)) return false;
  }
  return true;
}

/** A payload for one line: printable ASCII as quoted text (line breaks escaped), else hex. */
export function payloadText(bytes: Uint8Array, max = 120): string {
  if (bytes.length === 0) return '(none)';
  if (isPrintable(bytes)) {
    const text = String.fromCharCode(...bytes.subarray(0, max))
      .replace(/\r/g, '\\r')
      .replace(/\n/g, '\\n')
      .replace(/\t/g, '\\t');
    return `"${text}${bytes.length > max ? '…' : ''}"`;
  }
  return hexBytes(bytes);
}
