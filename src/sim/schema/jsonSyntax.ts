// Finds the first JSON syntax error of a text (RFC 8259) and says what is wrong in words, with
// hints for the usual slips (a trailing comma, a comment, NaN, single quotes). JSON.parse says
// where only sometimes; this scanner always does. Iterative, so deep nesting cannot overflow.

import { phrase, sayPhrase, withPhrase, type Phrase } from './phrase.ts';

/** A syntax error: the offset of the offending character (text.length at the end) and why. */
export interface JsonSyntaxError {
  offset: number;
  reason: string;
  /** The reason as a phrase (phrase.ts), hidden from JSON and comparisons. */
  phrase?: Phrase;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NUMBER_RUN = /[-+0-9.eE]+/y;
const WORD = /[A-Za-z_$][\w$]*/y;
const WORD_HINTS: Record<string, Phrase> = {
  NaN: phrase('json.hint.notJsonNumber'),
  Infinity: phrase('json.hint.notJsonNumber'),
  undefined: phrase('json.hint.notJsonNull'),
  True: phrase('json.hint.lowerTrue'),
  False: phrase('json.hint.lowerFalse'),
  None: phrase('json.hint.null'),
  Null: phrase('json.hint.lowerNull'),
};

/** A character for a message: `','`, or `U+0009` for one that does not print. */
export function showChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return code > 0x20 && code !== 0x7f
    ? `'${c}'`
    : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first syntax error of `text` as one JSON document, or undefined when it has none. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  // Open containers: '{' or '[' and where each opened, for "never closed" messages.
  const open: { c: string; at: number }[] = [];
  let i = 0;
  /** Set when the last value read opened a container. */
  let fresh = false;
  const skip = (): void => {
    while (i < text.length && WS.has(text[i] as string)) i++;
  };
  const fail = (offset: number, why: Phrase): JsonSyntaxError =>
    withPhrase({ offset, reason: sayPhrase(why) }, why);
  /** What is wrong with the character at i, where `expected` was wanted. */
  const unexpected = (expected: Phrase): JsonSyntaxError => {
    if (i >= text.length) {
      const last = open[open.length - 1];
      const where = last && lineColumn(text, last.at);
      const unclosed = where
        ? phrase('json.unclosed', {
            bracket: last.c,
            line: `${where.line}`,
            column: `${where.column}`,
          })
        : '';
      return fail(i, phrase('json.end', { expected, unclosed }));
    }
    const c = text[i] as string;
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
      return fail(i, phrase('json.comment'));
    if (c === "'") return fail(i, phrase('json.singleQuote'));
    WORD.lastIndex = i;
    const word = WORD.exec(text)?.[0];
    if (word !== undefined && !['true', 'false', 'null'].includes(word)) {
      const hint = WORD_HINTS[word] ?? phrase('json.hint.expected', { expected });
      return fail(i, phrase('json.word', { word, hint }));
    }
    return fail(i, phrase('json.char', { char: showChar(c), expected }));
  };
  /** Reads one scalar or opens a container at i; an error, or undefined. */
  const value = (expected: Phrase): JsonSyntaxError | undefined => {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      open.push({ c, at: i });
      i++;
      fresh = true;
      return undefined;
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      if (text.startsWith('-Infinity', i))
        return fail(
          i,
          phrase('json.word', { word: '-Infinity', hint: phrase('json.hint.notJsonNumber') }),
        );
      NUMBER.lastIndex = i;
      const number = NUMBER.exec(text)?.[0] ?? '';
      NUMBER_RUN.lastIndex = i;
      const run = NUMBER_RUN.exec(text)?.[0] ?? '';
      if (number === '' || run.length > number.length)
        return fail(i, phrase('json.invalidNumber', { number: run }));
      i += number.length;
      return undefined;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (!text.startsWith(literal, i)) continue;
      WORD.lastIndex = i;
      if ((WORD.exec(text)?.[0] ?? '') !== literal) break;
      i += literal.length;
      return undefined;
    }
    return unexpected(expected);
  };
  const string = (): JsonSyntaxError | undefined => {
    const start = i++;
    for (; i < text.length; i++) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c < ' ') return fail(i, phrase('json.controlInString', { char: showChar(c) }));
      if (c !== '\\') continue;
      const e = text[++i];
      if (e === undefined) break;
      if (!ESCAPES.has(e)) return fail(i - 1, phrase('json.badEscape', { escape: e }));
      if (e === 'u' && !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5)))
        return fail(i - 1, phrase('json.badUnicode'));
    }
    return fail(start, phrase('json.unclosedString'));
  };

  const first = value(phrase('json.expected.value'));
  if (first) return first;
  for (;;) {
    skip();
    const top = open[open.length - 1];
    if (!top) {
      if (i >= text.length) return undefined;
      return fail(i, phrase('json.afterEnd', { char: showChar(text[i] as string) }));
    }
    const close = top.c === '{' ? '}' : ']';
    const first = fresh; // just opened: empty, or its first member
    fresh = false;
    if (text[i] === close) {
      open.pop();
      i++;
      continue;
    }
    if (!first) {
      if (text[i] !== ',') return unexpected(phrase('json.expected.commaOr', { close }));
      const comma = i++;
      skip();
      if (text[i] === close) return fail(comma, phrase('json.trailingComma'));
    }
    if (top.c === '{') {
      skip();
      if (text[i] !== '"')
        return unexpected(phrase(first ? 'json.expected.nameOrClose' : 'json.expected.name'));
      const bad = string();
      if (bad) return bad;
      skip();
      if (text[i] !== ':') return unexpected(phrase('json.expected.colon'));
      i++;
    }
    const bad = value(phrase('json.expected.value'));
    if (bad) return bad;
  }
}

/** Line and column (both from 1) of `offset` in `text`; a column counts UTF-16 code units. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
