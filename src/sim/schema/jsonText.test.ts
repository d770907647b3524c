// JSON syntax errors say where (line and column, counted by hand below) and why, and the scanner
// agrees with JSON.parse about which texts are JSON; a byte-order mark is accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineColumn } from './jsonSyntax.ts';
import { parseJsonText } from './jsonText.ts';

const messageOf = (text: string): string => {
  const result = parseJsonText(text);
  return result.ok ? 'ok' : result.message;
};

describe('parseJsonText', () => {
  it('accepts a UTF-8 byte-order mark before the document', () => {
    expect(parseJsonText('\uFEFF{"a": [1]}')).toEqual({ ok: true, value: { a: [1] } });
    // Positions count from after the mark, as an editor shows them.
    expect(messageOf('\uFEFF{"a": 1,}')).toBe(
      "invalid JSON at line 1, column 8: unexpected ',' (trailing comma?)",
    );
  });

  // Each position counted by hand from the text: line 1 is before the first "\n", columns from 1.
  it.each([
    // The comma itself is what to delete: line 2 `  "a": [1, 2,],` has it at column 13.
    ['{\n  "a": [1, 2,],\n  "b": 1\n}', "line 2, column 13: unexpected ',' (trailing comma?)"],
    ['{\n  "seed": 7,\n}', "line 2, column 12: unexpected ',' (trailing comma?)"],
    [
      '{"rate": NaN}',
      "line 1, column 10: unexpected 'NaN' (not a JSON value; use a number or null)",
    ],
    [
      '[Infinity]',
      "line 1, column 2: unexpected 'Infinity' (not a JSON value; use a number or null)",
    ],
    [
      '[-Infinity]',
      "line 1, column 2: unexpected '-Infinity' (not a JSON value; use a number or null)",
    ],
    [
      '{\n  // a note\n  "a": 1\n}',
      "line 2, column 3: unexpected '/' (comments are not allowed in JSON)",
    ],
    ['{ /* note */ }', "line 1, column 3: unexpected '/' (comments are not allowed in JSON)"],
    ["{'a': 1}", `line 1, column 2: unexpected "'" (JSON strings use double quotes)`],
    [
      '{a: 1}',
      "line 1, column 2: unexpected 'a' (expected a property name in double quotes or '}')",
    ],
    ['[true, True]', "line 1, column 8: unexpected 'True' (JSON writes true in lower case)"],
    ['{"a": tru}', "line 1, column 7: unexpected 'tru' (expected a value)"],
    [
      '{"a": 01}',
      "line 1, column 7: invalid number '01' (expected digits such as 12, -0.5 or 1e-3, no leading zeros)",
    ],
    [
      '[1e]',
      "line 1, column 2: invalid number '1e' (expected digits such as 12, -0.5 or 1e-3, no leading zeros)",
    ],
    ['{"a": 1 "b": 2}', "line 1, column 9: unexpected '\"': expected ',' or '}'"],
    ['{"a" 1}', "line 1, column 6: unexpected '1': expected ':' after the property name"],
    ['[1] [2]', "line 1, column 5: unexpected '[' after the end of the document"],
    [
      '{"a": "x\ty"}',
      'line 1, column 9: U+0009 inside a string (a line break or tab must be written \\n or \\t)',
    ],
    ['["\\x"]', "line 1, column 3: invalid escape '\\x' in a string"],
    ['["abc', `line 1, column 2: a string that is never closed (missing '"'?)`],
    // Truncated: the end of the text is the place; line 2 `"a": [1,` has 8 characters.
    [
      '{\n"a": [1,',
      "line 2, column 9: unexpected end of the document: expected a value; the '[' at line 2, column 6 is never closed (truncated?)",
    ],
    [
      '{"a": 1',
      "line 1, column 8: unexpected end of the document: expected ',' or '}'; the '{' at line 1, column 1 is never closed (truncated?)",
    ],
  ])('%j: %s', (text, where) => {
    expect(messageOf(text)).toBe(`invalid JSON at ${where}`);
  });

  it('says an empty document is empty', () => {
    expect(messageOf(' \n ')).toBe('invalid JSON: the document is empty');
    expect(messageOf('\uFEFF')).toBe('invalid JSON: the document is empty');
  });

  it('counts lines and columns from 1, after each "\\n"', () => {
    expect(lineColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\r\nef', 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumn('ab\ncd\r\nef', 7)).toEqual({ line: 3, column: 1 });
    expect(lineColumn('ab\ncd\r\nef', 9)).toEqual({ line: 3, column: 3 });
  });
});

describe('findJsonSyntaxError', () => {
  const isJson = (text: string): boolean => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };
  const agrees = (text: string): void => {
    expect(findJsonSyntaxError(text) === undefined, JSON.stringify(text)).toBe(isJson(text));
  };

  it('agrees with JSON.parse on texts made of JSON pieces', () => {
    const piece = fc.constantFrom(
      ...['{', '}', '[', ']', ',', ':', ' ', '\n', '"a"', '"\\u00e9"', '"\\q"', '0', '-1.5e3'],
      ...['01', '1.', 'true', 'null', 'nul', 'NaN', '"', '\\', '/', '\t', '-', 'e', '.5'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => agrees(pieces.join(''))),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('agrees with JSON.parse on JSON documents with one character changed', () => {
    const doc = fc.json({ maxDepth: 3 });
    const edit = fc.tuple(doc, fc.nat(), fc.constantFrom(',', '}', ']', '"', ' ', '', 'x', '0'));
    fc.assert(
      fc.property(edit, ([text, at, c]) => {
        agrees(text);
        const k = at % (text.length + 1);
        agrees(text.slice(0, k) + c + text.slice(k + 1));
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('scans deep nesting without running out of stack', () => {
    expect(findJsonSyntaxError('['.repeat(200_000) + ']'.repeat(200_000))).toBeUndefined();
    expect(findJsonSyntaxError('['.repeat(200_000))?.offset).toBe(200_000);
  });
});
