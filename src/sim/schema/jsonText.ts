// JSON text as people hand it in: a UTF-8 byte-order mark at the start is accepted (editors on
// Windows write one), and a syntax error always says where, as "line L, column C", and why.

import { findJsonSyntaxError, lineColumn } from './jsonSyntax.ts';
import { phrase, sayPhrase, withPhrase, type Phrase } from './phrase.ts';

export type JsonTextResult =
  { ok: true; value: unknown } | { ok: false; message: string; phrase?: Phrase };

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
    const said = jsonErrorPhrase(body, error);
    return withPhrase({ ok: false as const, message: sayPhrase(said) }, said);
  }
}

/** Rewrites a JSON.parse error of `text` as "invalid JSON at line L, column C: reason". */
export function describeJsonError(text: string, error: unknown): string {
  return sayPhrase(jsonErrorPhrase(text, error));
}

/** describeJsonError as a phrase (JSON.parse's own reason, when the scanner has none, as it is). */
export function jsonErrorPhrase(text: string, error: unknown): Phrase {
  if (text.trim() === '') return phrase('json.empty');
  const found = findJsonSyntaxError(text);
  if (found) {
    const { line, column } = lineColumn(text, found.offset);
    const reason = found.phrase ?? found.reason;
    return phrase('json.at', { line: `${line}`, column: `${column}`, reason });
  }
  // The scanner and JSON.parse disagree (a bug): say what JSON.parse said, where it says it.
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const offset = /end of JSON input/.test(raw) ? text.length : Number(position?.[1] ?? NaN);
  const reason = raw
    .replace(/,? in JSON at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  if (Number.isNaN(offset)) return phrase('json.reason', { reason });
  const { line, column } = lineColumn(text, offset);
  return phrase('json.at', { line: `${line}`, column: `${column}`, reason });
}
