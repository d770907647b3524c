// The event log's entries stored compactly, one per trace record, in columns: each entry's kind
// as a byte, its time as a float and its sentence as UTF-8, in chunks of typed arrays (a long
// run has hundreds of thousands of entries: an object and a string each cost ~450 bytes an
// entry, these columns ~90). An entry is made as an object only when asked for (the virtual log
// draws a few dozen rows), and a text search decodes a chunk's sentences at once.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { formatMoment } from '../../engine/time.ts';
import type { EntryKind } from './narratePackets.ts';

export interface LogEntry {
  /** Position of the record in the trace, from 0. */
  index: number;
  /** Simulated time in ns. */
  t: number;
  /** The time for people: `0 s`, `20 ms`, `1.442 s` (German `1,442 s`). */
  time: string;
  kind: EntryKind;
  text: string;
}

/** Every entry kind, in the order of their codes in the store. */
export const ENTRY_KINDS: readonly EntryKind[] = [
  'run',
  'send',
  'deliver',
  'forward',
  'loss',
  'timeout',
  'reply',
  'error',
  'socket',
  'link',
  'congestion',
  'state',
  'detail',
];
const KIND_CODES = new Map(ENTRY_KINDS.map((kind, code) => [kind, code]));

/** Simulated time for the log: `0 s` at the start, `1,5 ms` in German (engine/time.ts). */
export const formatTime = formatMoment;

/** Entries per chunk by default (a chunk's text is about 80 bytes an entry). */
const CHUNK = 8192;
/** Each sentence's bytes are followed by this one (so a chunk decodes to sentences split by it). */
const SEPARATOR = 0;
const SEPARATOR_CHAR = '\u0000';

/** One chunk: its entries' kinds, times and text ends (after each one's separator byte). */
interface Chunk {
  kinds: Uint8Array;
  times: Float64Array;
  ends: Uint32Array;
  text: Uint8Array;
  /** Bytes of `text` in use. */
  used: number;
  /** Whether a sentence of this chunk holds a FOLDS_TO_ASCII character (see `search`). */
  foldsToAscii: boolean;
}

/**
 * The only characters past ASCII whose lower case holds ASCII letters (İ → i̇, the Kelvin sign
 * → k): a search for an ASCII needle in a chunk with them reads its sentences as strings.
 */
const FOLDS_TO_ASCII = /[\u0130\u212a]/;

// A leading U+FEFF is a character of the sentence, not a byte-order mark to drop.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The log's entries, appended in record order: entry i is record i's. */
export class LogStore {
  private readonly chunks: Chunk[] = [];
  private count = 0;

  /**
   * `chunkSize`: entries per chunk (small in tests, to cross chunk boundaries); `language`: how
   * an entry's time is written (its sentences are told in it already).
   */
  constructor(
    private readonly chunkSize = CHUNK,
    readonly language: Language = ENGLISH,
  ) {}

  get length(): number {
    return this.count;
  }

  /** Appends the next entry (its index is the length before). */
  push(t: number, kind: EntryKind, text: string): void {
    const at = this.count % this.chunkSize;
    if (at === 0) {
      const last = this.chunks[this.chunks.length - 1];
      if (last) last.text = last.text.slice(0, last.used);
      const n = this.chunkSize;
      this.chunks.push({
        kinds: new Uint8Array(n),
        times: new Float64Array(n),
        ends: new Uint32Array(n),
        text: new Uint8Array(Math.min(n * 64, 1 << 16)),
        used: 0,
        foldsToAscii: false,
      });
    }
    const chunk = this.chunks[this.chunks.length - 1] as Chunk;
    const code = KIND_CODES.get(kind);
    if (code === undefined) throw new RangeError(`unknown log entry kind ${kind}`);
    chunk.kinds[at] = code;
    chunk.times[at] = t;
    // At most 3 bytes per UTF-16 unit, and the separator.
    const room = text.length * 3 + 1;
    if (chunk.used + room > chunk.text.length) {
      const grown = new Uint8Array(Math.max(chunk.text.length * 2, chunk.used + room));
      grown.set(chunk.text.subarray(0, chunk.used));
      chunk.text = grown;
    }
    const start = chunk.used;
    chunk.used = encodeUtf8(text, chunk.text, start);
    if (chunk.used - start !== text.length && FOLDS_TO_ASCII.test(text)) chunk.foldsToAscii = true;
    chunk.text[chunk.used++] = SEPARATOR;
    chunk.ends[at] = chunk.used;
    this.count++;
  }

  private chunkOf(i: number): Chunk {
    if (!(i >= 0 && i < this.count)) throw new RangeError(`no log entry ${i}`);
    return this.chunks[Math.floor(i / this.chunkSize)] as Chunk;
  }

  timeAt(i: number): number {
    return this.chunkOf(i).times[i % this.chunkSize] as number;
  }

  kindAt(i: number): EntryKind {
    return ENTRY_KINDS[this.chunkOf(i).kinds[i % this.chunkSize] as number] as EntryKind;
  }

  textAt(i: number): string {
    const chunk = this.chunkOf(i);
    const at = i % this.chunkSize;
    const start = at === 0 ? 0 : (chunk.ends[at - 1] as number);
    return decoder.decode(chunk.text.subarray(start, (chunk.ends[at] as number) - 1));
  }

  /** Entry i as an object (made anew on every call). */
  entry(i: number): LogEntry {
    const t = this.timeAt(i);
    return {
      index: i,
      t,
      time: formatTime(t, this.language),
      kind: this.kindAt(i),
      text: this.textAt(i),
    };
  }

  /** Entries `from` to `to` (exclusive) as objects. */
  entries(from = 0, to = this.count): LogEntry[] {
    const out: LogEntry[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.count); i++) out.push(this.entry(i));
    return out;
  }

  /**
   * Calls `found` with each entry in `from` to `to` (exclusive), in order, whose text contains
   * `needle` once both are lower-cased (`needle` lower-cased already), as
   * `textAt(i).toLowerCase().includes(needle)` would. An ASCII needle is looked for in the UTF-8
   * bytes with ASCII letters folded: the lower case of any other character is not ASCII (but
   * for FOLDS_TO_ASCII), and no byte of a multi-byte character is, so the matches are the same.
   * Any other needle is looked for in a chunk's sentences decoded at once.
   */
  search(from: number, to: number, needle: string, found: (i: number) => void): void {
    const ascii = isAsciiNeedle(needle) ? new TextEncoder().encode(needle) : null;
    const end = Math.min(to, this.count);
    for (let i = Math.max(0, from); i < end;) {
      const c = Math.floor(i / this.chunkSize);
      const chunk = this.chunks[c] as Chunk;
      const base = c * this.chunkSize;
      const stop = Math.min(end, base + this.chunkSize);
      if (ascii && !chunk.foldsToAscii) searchBytes(chunk, base, i, stop, ascii, found);
      else this.searchDecoded(chunk, base, i, stop, needle, found);
      i = stop;
    }
  }

  /** `search` in entries `from` to `stop` of one chunk, its sentences decoded as one string. */
  private searchDecoded(
    chunk: Chunk,
    base: number,
    from: number,
    stop: number,
    needle: string,
    found: (i: number) => void,
  ): void {
    const start = from === base ? 0 : (chunk.ends[from - base - 1] as number);
    const bytes = chunk.text.subarray(start, chunk.ends[stop - 1 - base] as number);
    const texts = decoder.decode(bytes).toLowerCase().split(SEPARATOR_CHAR);
    // The last piece is the empty one after the last separator; a sentence that holds the
    // separator itself splits in more pieces: those are read one by one.
    if (texts.length === stop - from + 1 && !needle.includes(SEPARATOR_CHAR)) {
      for (let k = 0; k < stop - from; k++)
        if ((texts[k] as string).includes(needle)) found(from + k);
    } else {
      for (let i = from; i < stop; i++) if (this.textAt(i).toLowerCase().includes(needle)) found(i);
    }
  }
}

/**
 * `search` for an ASCII needle (no separator, lower case) in entries `from` to `stop` of a
 * chunk: each occurrence in the bytes, ASCII letters folded, names the entry it is in.
 */
function searchBytes(
  chunk: Chunk,
  base: number,
  from: number,
  stop: number,
  needle: Uint8Array,
  found: (i: number) => void,
): void {
  const { text, ends } = chunk;
  const m = needle.length;
  // The needle is found by one of its bytes (in either case) through the typed array's own
  // fast indexOf: its last byte that is neither a letter nor a space (rarer), else its first.
  let j = m - 1;
  while (j > 0 && (isLowerLetter(needle[j] as number) || needle[j] === 32)) j--;
  if (isLowerLetter(needle[j] as number) || needle[j] === 32) j = 0;
  const lower = needle[j] as number;
  const upper = isLowerLetter(lower) ? lower - 32 : lower;
  const last = ends[stop - 1 - base] as number;
  let entry = from - base;
  let p = (from === base ? 0 : (ends[entry - 1] as number)) + j;
  let nextLower = -2;
  let nextUpper = -2;
  while (p - j + m <= last) {
    if (nextLower !== -1 && nextLower < p) nextLower = text.indexOf(lower, p);
    if (upper === lower) nextUpper = nextLower;
    else if (nextUpper !== -1 && nextUpper < p) nextUpper = text.indexOf(upper, p);
    const hit =
      nextLower === -1 ? nextUpper : nextUpper === -1 ? nextLower : Math.min(nextLower, nextUpper);
    const at = hit - j;
    if (hit === -1 || at + m > last) return;
    let k = 0;
    for (; k < m; k++) {
      let c = text[at + k] as number;
      if (c >= 65 && c <= 90) c |= 32;
      if (c !== needle[k]) break;
    }
    if (k < m) {
      p = hit + 1;
      continue;
    }
    // A match never spans a separator (the needle has none): it is in the entry that holds it.
    while ((ends[entry] as number) <= at) entry++;
    found(base + entry);
    p = (ends[entry] as number) + j;
    entry++;
  }
}

const isLowerLetter = (b: number): boolean => b >= 97 && b <= 122;

/** Whether `needle` is ASCII only, not empty, without the separator. */
function isAsciiNeedle(needle: string): boolean {
  if (needle.length === 0) return false;
  for (let k = 0; k < needle.length; k++) {
    const c = needle.charCodeAt(k);
    if (c === SEPARATOR || c >= 0x80) return false;
  }
  return true;
}

/** Writes `text` as UTF-8 into `out` from `at` (lone surrogates as U+FFFD); returns the end. */
export function encodeUtf8(text: string, out: Uint8Array, at: number): number {
  let o = at;
  const n = text.length;
  for (let k = 0; k < n; k++) {
    let c = text.charCodeAt(k);
    if (c < 0x80) {
      out[o++] = c;
      continue;
    }
    if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = k + 1 < n ? text.charCodeAt(k + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        k++;
        out[o++] = 0xf0 | (cp >> 18);
        out[o++] = 0x80 | ((cp >> 12) & 0x3f);
        out[o++] = 0x80 | ((cp >> 6) & 0x3f);
        out[o++] = 0x80 | (cp & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    out[o++] = 0xe0 | (c >> 12);
    out[o++] = 0x80 | ((c >> 6) & 0x3f);
    out[o++] = 0x80 | (c & 0x3f);
  }
  return o;
}
