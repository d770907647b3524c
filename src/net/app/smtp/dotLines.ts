// Reading a mail protocol's byte stream as SMTP (RFC 5321) and POP3 (RFC 1939) both write it:
// CRLF-ended lines, and blocks of lines ended by a line holding one dot, with a leading dot of
// any other line doubled ("dot-stuffing", RFC 5321 section 4.5.2, RFC 1939 section 3). Bytes are
// kept as bytes, so 8-bit message text passes unchanged. Writing a block is `dotStuff`.

const CR = 13;
const LF = 10;
const DOT = 46;

/** A line as the reader gives it: its text (latin1, one character a byte), or too long. */
export type ReadLine = { kind: 'line'; text: string } | { kind: 'tooLong'; length: number };

/** Buffers a stream's bytes and hands out lines or dot-terminated blocks, one at a time. */
export class DotLineReader {
  private buffer = new Uint8Array(0);
  private start = 0;
  private end = 0;
  /** A block being read: its lines so far (offsets in the buffer) and where the next begins. */
  private lines: [number, number][] = [];
  private at = -1;

  /** Appends bytes that arrived. */
  push(bytes: Uint8Array): void {
    if (this.end + bytes.length > this.buffer.length) {
      const kept = this.end - this.start;
      const next = new Uint8Array(Math.max(kept + bytes.length, this.buffer.length * 2, 1024));
      next.set(this.buffer.subarray(this.start, this.end));
      this.lines = this.lines.map(([from, to]) => [from - this.start, to - this.start]);
      if (this.at >= 0) this.at -= this.start;
      this.buffer = next;
      this.start = 0;
      this.end = kept;
    }
    this.buffer.set(bytes, this.end);
    this.end += bytes.length;
  }

  /** Bytes waiting that no line or block has taken yet. */
  get waiting(): number {
    return this.end - this.start;
  }

  /** The index of the next LF at or after `from`, or -1. */
  private lf(from: number): number {
    for (let i = from; i < this.end; i++) if (this.buffer[i] === LF) return i;
    return -1;
  }

  /**
   * The next whole line without its CRLF (a bare LF is taken too, as servers tolerate), or
   * undefined until one has arrived. A line longer than `maxLength` bytes is skipped to its end
   * and reported as too long.
   */
  line(maxLength = Infinity): ReadLine | undefined {
    this.lines = [];
    this.at = -1;
    const lf = this.lf(this.start);
    if (lf < 0) return undefined;
    const stop = lf > this.start && this.buffer[lf - 1] === CR ? lf - 1 : lf;
    const length = stop - this.start;
    const text = latin1(this.buffer.subarray(this.start, stop));
    this.start = lf + 1;
    return length > maxLength ? { kind: 'tooLong', length } : { kind: 'line', text };
  }

  /**
   * The next dot-terminated block, its lines' leading dots undone, each line ending in CRLF and
   * without the final `.` line; undefined until the terminator has arrived.
   */
  block(): Uint8Array | undefined {
    const lines = this.lines;
    if (this.at < 0) this.at = this.start;
    for (;;) {
      const at = this.at;
      const lf = this.lf(at);
      if (lf < 0) return undefined;
      const stop = lf > at && this.buffer[lf - 1] === CR ? lf - 1 : lf;
      this.at = lf + 1;
      if (stop - at === 1 && this.buffer[at] === DOT) break;
      lines.push([this.buffer[at] === DOT ? at + 1 : at, stop]);
    }
    this.start = this.at;
    this.lines = [];
    this.at = -1;
    let size = 0;
    for (const [from, to] of lines) size += to - from + 2;
    const out = new Uint8Array(size);
    let w = 0;
    for (const [from, to] of lines) {
      out.set(this.buffer.subarray(from, to), w);
      w += to - from;
      out[w++] = CR;
      out[w++] = LF;
    }
    return out;
  }
}

/** Bytes as latin1 text: one character per byte, whatever the bytes. */
export function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192)
    text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

/**
 * A block as it goes on the wire: its text ending in CRLF (added if missing), each line that
 * starts with a dot given one more, then the `.` line (RFC 5321 section 4.5.2).
 */
export function dotStuff(text: Uint8Array): Uint8Array {
  let extra = 0;
  for (let i = 0; i < text.length; i++)
    if (text[i] === DOT && (i === 0 || text[i - 1] === LF)) extra++;
  const endsInCrlf = text.length >= 2 && text[text.length - 2] === CR && text.at(-1) === LF;
  const tail = endsInCrlf || text.length === 0 ? 3 : 5;
  const out = new Uint8Array(text.length + extra + tail);
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === DOT && (i === 0 || text[i - 1] === LF)) out[w++] = DOT;
    out[w++] = text[i] as number;
  }
  if (!endsInCrlf && text.length > 0) {
    out[w++] = CR;
    out[w++] = LF;
  }
  out.set([DOT, CR, LF], w);
  return out;
}
