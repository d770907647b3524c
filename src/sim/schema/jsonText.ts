// JSON text as people hand it in: a UTF-8 byte-order mark at the start is accepted (editors on
// Windows write one), and a syntax error always says where, as "line L, column C", and why.

import { findJsonSyntaxError, lineColumn } from './jsonSyntax.ts';

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; message: string };

/** The byte-order mark U+FEFF, as a UTF-8 decoder leaves it at the start of a text. */
const BOM = '\uFEFF';

/** `text` without a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Parses JSON text (a leading byte-order mark ignored). A bad one gives a message such as
 * `invalid JSON at line 3, column 14: unexpected ',' (trailing comma?)`. Never throws.
 */
export function parseJsonText(text: string): JsonTextResult {
  const body = stripBom(text);
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return { ok: false, message: describeJsonError(body, error) };
  }
}

/** Rewrites a JSON.parse error of `text` as "invalid JSON at line L, column C: reason". */
export function describeJsonError(text: string, error: unknown): string {
  if (text.trim() === '') return 'invalid JSON: the document is empty';
  const found = findJsonSyntaxError(text);
  if (found) {
    const { line, column } = lineColumn(text, found.offset);
    return `invalid JSON at line ${line}, column ${column}: ${found.reason}`;
  }
  // The scanner and JSON.parse disagree (a bug): say what JSON.parse said, where it says it.
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const offset = /end of JSON input/.test(raw) ? text.length : Number(position?.[1] ?? NaN);
  const reason = raw
    .replace(/,? in JSON at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  if (Number.isNaN(offset)) return `invalid JSON: ${reason}`;
  const { line, column } = lineColumn(text, offset);
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}
