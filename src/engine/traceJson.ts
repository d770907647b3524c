// The trace's line format (docs/trace.md): one JSON object per record, `t` and `type` first, then
// the type's fields in the order of its first record; byte arrays (packet payloads, IP and TCP
// option bytes) as `{"base64":"..."}`. Pure and browser-safe: the CLI streams its trace file with
// it, the page hashes the same lines, and `parseTraceLine` reads a line back exactly.

import type { TraceRecord } from './trace.ts';

/** The one key of the object that stands for a Uint8Array in a trace line. */
export const BYTES_KEY = 'base64';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** Char code -> six bits, 255 for a character outside the alphabet. */
const SIXES = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) SIXES[ALPHABET.charCodeAt(i)] = i;

/** RFC 4648 base64 (standard alphabet, padded with "="). */
export function bytesToBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o++] = CODES[n >>> 18] as number;
    out[o++] = CODES[(n >>> 12) & 63] as number;
    out[o++] = CODES[(n >>> 6) & 63] as number;
    out[o++] = CODES[n & 63] as number;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0);
    out[o++] = CODES[n >>> 18] as number;
    out[o++] = CODES[(n >>> 12) & 63] as number;
    out[o++] = rest === 2 ? (CODES[(n >>> 6) & 63] as number) : 61;
    out[o] = 61;
  }
  let text = '';
  for (let at = 0; at < out.length; at += 8192) {
    text += String.fromCharCode.apply(null, out.subarray(at, at + 8192) as unknown as number[]);
  }
  return text;
}

/** Decodes RFC 4648 base64 (padded, standard alphabet); throws SyntaxError on anything else. */
export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new SyntaxError(`base64 of length ${text.length}`);
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const code = text.charCodeAt(i + k);
      const last = i + 4 === text.length;
      let six = code < 128 ? (SIXES[code] as number) : 255;
      if (code === 61 && last && k >= 4 - padding) six = 0;
      if (six === 255) throw new SyntaxError(`not base64: ${JSON.stringify(text.slice(i, i + 4))}`);
      n = (n << 6) | six;
    }
    out[o++] = n >>> 16;
    if (o < out.length) out[o++] = (n >>> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

export interface TraceLineOptions {
  /** Base64 of bytes (default `bytesToBase64`; the CLI passes Node's faster Buffer encoder). */
  base64?: (bytes: Uint8Array) => string;
}

/** Turns records into lines (each with its "\n"); it learns each type's fields from its first. */
export type TraceLineWriter = (record: TraceRecord) => string;

/**
 * A serialiser of records into trace lines. Like the packed store (traceStore.ts), it takes a
 * type's fields, and their order, from the first record of the type, and leaves out a field
 * that is undefined: so a record streamed as it is appended and the same record rebuilt from the
 * store give the same line. Use one writer per trace, from its first record.
 */
export function traceLineWriter(options: TraceLineOptions = {}): TraceLineWriter {
  const toJson = objectWriter(options.base64 ?? bytesToBase64);
  // A packet is in several records (txBegin, then rx, on each hop; a switch passes it on as it
  // is): objects in records never change, so each is written once and its text reused.
  const seen = new Map<object, string>();
  const shapes = new Map<string, { fields: string[]; keys: string[]; head: string }>();
  let lastType = '';
  let last: { fields: string[]; keys: string[]; head: string } | undefined;
  return (record) => {
    let shape = last;
    if (shape === undefined || lastType !== record.type) {
      shape = shapes.get(record.type);
      if (shape === undefined) {
        const fields = Object.keys(record).filter((k) => k !== 't' && k !== 'type');
        const keys = fields.map((f) => `,${JSON.stringify(f)}:`);
        shape = { fields, keys, head: `,"type":${JSON.stringify(record.type)}` };
        shapes.set(record.type, shape);
      }
      lastType = record.type;
      last = shape;
    }
    const fields = shape.fields;
    const values = record as unknown as Record<string, unknown>;
    let line = `{"t":${jsonNumber(record.t)}${shape.head}`;
    for (let f = 0; f < fields.length; f++) {
      const value = values[fields[f] as string];
      let text: string | undefined;
      switch (typeof value) {
        case 'number':
          text = jsonNumber(value);
          break;
        case 'string':
          text = JSON.stringify(value);
          break;
        case 'boolean':
          text = value ? 'true' : 'false';
          break;
        case 'undefined':
          continue;
        default:
          if (typeof value === 'object' && value !== null) {
            text = seen.get(value);
            if (text === undefined) {
              text = toJson(value);
              if (seen.size >= SEEN_OBJECTS) seen.clear();
              seen.set(value, text);
            }
          } else text = JSON.stringify(value) as string | undefined;
      }
      if (text !== undefined) line += (shape.keys[f] as string) + text;
    }
    return line + '}\n';
  };
}

/** How many objects' texts a line writer keeps for reuse (then it forgets them all). */
const SEEN_OBJECTS = 256;

/** Writes an object as JSON.stringify does, but a Uint8Array as `{"base64":"..."}`. */
function objectWriter(base64: (bytes: Uint8Array) => string): (value: object) => string {
  const replacer = (_key: string, value: unknown): unknown =>
    value instanceof Uint8Array ? { [BYTES_KEY]: base64(value) } : value;
  return (value) => JSON.stringify(value, replacer);
}

/** A number as JSON.stringify writes it (non-finite numbers become null). */
function jsonNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

/** Serialises records as JSON Lines, the format of `handshake run --trace` (see above). */
export function recordsToJsonLines(
  records: readonly TraceRecord[],
  options?: TraceLineOptions,
): string {
  const line = traceLineWriter(options);
  let out = '';
  for (const record of records) out += line(record);
  return out;
}

/** JSON.parse reviver: `{"base64":"..."}` (that key alone, a string) becomes its Uint8Array. */
export function reviveBytes(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const text = (value as Record<string, unknown>)[BYTES_KEY];
  if (typeof text !== 'string') return value;
  for (const key in value) if (key !== BYTES_KEY) return value;
  return base64ToBytes(text);
}

/** Reads one trace line (with or without its "\n") back into the record it was written from. */
export function parseTraceLine(line: string): TraceRecord {
  const record = JSON.parse(line, reviveBytes) as unknown;
  if (
    typeof record !== 'object' ||
    record === null ||
    typeof (record as { type?: unknown }).type !== 'string' ||
    typeof (record as { t?: unknown }).t !== 'number'
  ) {
    throw new SyntaxError('a trace line is an object with a number "t" and a string "type"');
  }
  return record as TraceRecord;
}
