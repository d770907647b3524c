// A small schema language: each schema validates untrusted JSON, collecting every problem with
// its JSON path and what was expected, and can describe itself as JSON Schema for editors.

import { formatDuration, parseDuration } from '../../engine/time.ts';
import { phrase, phrased, sayPhrase, withPhrase, type Phrase } from './phrase.ts';
import { durationErrorPhrase } from './textPhrases.ts';

/** One problem found in a document. */
export interface ValidationIssue {
  /** Where, as a JSON path: `$.links[0].b`. */
  path: string;
  /** What was expected there, in English words (the CLI's). */
  message: string;
  /** The same as a phrase, to say it in another language (phrase.ts `spoken`); absent: English only. */
  phrase?: Phrase;
}

/** Validates a value (pushing problems to `issues`) and describes itself as JSON Schema. */
export interface Schema<T> {
  parse(value: unknown, path: string, issues: ValidationIssue[]): T | undefined;
  jsonSchema(): Record<string, unknown>;
}

/** The TypeScript type a schema produces. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

/** Describes a received value in a message: `a string ("abc")`, `a number (3)`, `null`. */
export function describeValue(value: unknown): string {
  return sayPhrase(valuePhrase(value));
}

/** A received value as a phrase (describeValue in any language). */
export function valuePhrase(value: unknown): Phrase {
  if (value === null) return phrase('value.null');
  if (Array.isArray(value)) return phrase('value.array');
  switch (typeof value) {
    case 'string':
      return phrase('value.string', {
        text: JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value),
      });
    case 'number':
      return phrase('value.number', { value: `${value}` });
    case 'boolean':
      return phrase('value.other', { type: `${value}` });
    case 'object':
      return phrase('value.object');
    default:
      return phrase('value.other', { type: typeof value });
  }
}

/** "expected {expected}, got {value}" as an issue. */
export function expectedIssue(path: string, expected: Phrase, got: unknown): ValidationIssue {
  return phrased(path, phrase('schema.expected', { expected, got: valuePhrase(got) }));
}

function fail(issues: ValidationIssue[], path: string, expected: Phrase, got: unknown): undefined {
  issues.push(expectedIssue(path, expected, got));
  return undefined;
}

/** A string, optionally restricted by a pattern (with a description for messages). */
export function string(
  options: {
    pattern?: RegExp;
    /** What the pattern accepts, in words: English, or a phrase to say in any language. */
    patternText?: string | Phrase;
    maxLength?: number;
    description?: string;
  } = {},
): Schema<string> {
  const { patternText } = options;
  const expected =
    patternText === undefined
      ? phrase('expected.string')
      : typeof patternText === 'string'
        ? phrase('expected.exactly', { value: patternText })
        : patternText;
  const patternWords =
    typeof patternText === 'string' ? patternText : patternText && sayPhrase(patternText);
  return {
    parse(value, path, issues) {
      if (typeof value !== 'string') return fail(issues, path, expected, value);
      if (options.pattern && !options.pattern.test(value))
        return fail(issues, path, expected, value);
      if (options.maxLength !== undefined && value.length > options.maxLength) {
        issues.push(
          phrased(
            path,
            phrase('schema.tooLong', { max: `${options.maxLength}`, length: `${value.length}` }),
          ),
        );
        return undefined;
      }
      return value;
    },
    jsonSchema: () => ({
      type: 'string',
      ...(options.pattern ? { pattern: options.pattern.source } : {}),
      ...(options.maxLength !== undefined ? { maxLength: options.maxLength } : {}),
      // Editors show the description on hover: say what the pattern means when nothing else does.
      ...(options.description || patternWords
        ? { description: options.description ?? patternWords }
        : {}),
    }),
  };
}

/** A number within bounds; `integer` demands a whole number. */
export function number(
  options: {
    min?: number;
    max?: number;
    exclusiveMax?: number;
    integer?: boolean;
    description?: string;
  } = {},
): Schema<number> {
  let expected = phrase(options.integer ? 'expected.integer' : 'expected.number');
  if (options.min !== undefined)
    expected = phrase('expected.min', { expected, min: `${options.min}` });
  if (options.max !== undefined)
    expected = phrase('expected.max', { expected, max: `${options.max}` });
  if (options.exclusiveMax !== undefined)
    expected = phrase('expected.below', { expected, max: `${options.exclusiveMax}` });
  return {
    parse(value, path, issues) {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return fail(issues, path, expected, value);
      if (options.integer && !Number.isSafeInteger(value))
        return fail(issues, path, expected, value);
      if (options.min !== undefined && value < options.min)
        return fail(issues, path, expected, value);
      if (options.max !== undefined && value > options.max)
        return fail(issues, path, expected, value);
      if (options.exclusiveMax !== undefined && value >= options.exclusiveMax) {
        return fail(issues, path, expected, value);
      }
      return value;
    },
    jsonSchema: () => ({
      type: options.integer ? 'integer' : 'number',
      ...(options.min !== undefined ? { minimum: options.min } : {}),
      ...(options.max !== undefined ? { maximum: options.max } : {}),
      ...(options.exclusiveMax !== undefined ? { exclusiveMaximum: options.exclusiveMax } : {}),
      ...(options.description ? { description: options.description } : {}),
    }),
  };
}

/** One of a fixed set of string values. */
export function oneOf<const V extends string>(
  values: readonly V[],
  description?: string,
): Schema<V> {
  const expected = phrase('expected.oneOf', {
    values: values.map((v) => JSON.stringify(v)).join(', '),
  });
  return {
    parse(value, path, issues) {
      if (typeof value !== 'string' || !values.includes(value as V))
        return fail(issues, path, expected, value);
      return value as V;
    },
    jsonSchema: () => ({ enum: [...values], ...(description ? { description } : {}) }),
  };
}

/**
 * What a pattern can say of a number written in a string: its text (digits, an optional
 * fraction) and, in a lookahead, that it is not zero. Bounds other than zero, and whether the
 * value is a whole number of nanoseconds, bits or bytes, need arithmetic a pattern cannot do.
 */
export const NOT_ZERO = '(?=[0-9.]*[1-9])';
const DURATION_TEXT = '\\d+(\\.\\d+)?\\s*(ns|us|µs|ms|s|m|h)';

/** A duration string (`250us`, `20ms`, `2s`, `1m`), parsed to integer nanoseconds; bounds in ns. */
export function duration(
  options: { min?: number; max?: number; description?: string } = {},
): Schema<number> {
  return {
    parse(value, path, issues) {
      if (typeof value !== 'string') {
        return fail(issues, path, phrase('expected.durationString'), value);
      }
      const parsed = parseDuration(value);
      if (!parsed.ok) {
        issues.push(
          withPhrase({ path, message: parsed.error }, durationErrorPhrase(value, parsed.error)),
        );
        return undefined;
      }
      if (options.min !== undefined && parsed.ns < options.min) {
        const min = formatDuration(options.min);
        issues.push(phrased(path, phrase('schema.durationAtLeast', { min, value })));
        return undefined;
      }
      if (options.max !== undefined && parsed.ns > options.max) {
        const max = formatDuration(options.max);
        issues.push(phrased(path, phrase('schema.durationAtMost', { max, value })));
        return undefined;
      }
      return parsed.ns;
    },
    jsonSchema: () => ({
      type: 'string',
      // A positive minimum rules out zero, which a pattern can say: some digit is not 0.
      pattern: `^\\s*${(options.min ?? 0) > 0 ? NOT_ZERO : ''}${DURATION_TEXT}\\s*$`,
      description: options.description ?? 'A duration: a number and a unit (ns, us, ms, s, m, h).',
    }),
  };
}

/** A list of items, each validated by `item`. */
export function array<T>(
  item: Schema<T>,
  options: { minItems?: number; maxItems?: number } = {},
): Schema<T[]> {
  return {
    parse(value, path, issues) {
      if (!Array.isArray(value)) return fail(issues, path, phrase('expected.array'), value);
      const out: T[] = [];
      let ok = true;
      if (options.minItems !== undefined && value.length < options.minItems) {
        issues.push(
          phrased(
            path,
            phrase('schema.tooFewItems', { min: `${options.minItems}`, count: `${value.length}` }),
          ),
        );
        ok = false;
      }
      if (options.maxItems !== undefined && value.length > options.maxItems) {
        issues.push(
          phrased(
            path,
            phrase('schema.tooManyItems', { max: `${options.maxItems}`, count: `${value.length}` }),
          ),
        );
        return undefined;
      }
      value.forEach((element, i) => {
        const parsed = item.parse(element, `${path}[${i}]`, issues);
        if (parsed === undefined) ok = false;
        else out.push(parsed);
      });
      return ok ? out : undefined;
    },
    jsonSchema: () => ({
      type: 'array',
      items: item.jsonSchema(),
      ...(options.minItems !== undefined ? { minItems: options.minItems } : {}),
      ...(options.maxItems !== undefined ? { maxItems: options.maxItems } : {}),
    }),
  };
}

type Fields = Record<string, Schema<unknown>>;
type ObjectOf<R extends Fields, O extends Fields> = { [K in keyof R]: Infer<R[K]> } & {
  [K in keyof O]?: Infer<O[K]>;
};

/** An object with required and optional fields; unknown fields are reported (likely typos). */
export function object<R extends Fields, O extends Fields = Record<never, never>>(
  required: R,
  optional: O = {} as O,
  description?: string,
): Schema<ObjectOf<R, O>> {
  const known = new Set([...Object.keys(required), ...Object.keys(optional)]);
  return {
    parse(value, path, issues) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return fail(issues, path, phrase('expected.object'), value);
      }
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      let ok = true;
      for (const [key, schema] of Object.entries(required)) {
        if (!Object.hasOwn(record, key)) {
          issues.push(phrased(`${path}.${key}`, phrase('schema.missing')));
          ok = false;
          continue;
        }
        const parsed = schema.parse(record[key], `${path}.${key}`, issues);
        if (parsed === undefined) ok = false;
        else out[key] = parsed;
      }
      for (const [key, schema] of Object.entries(optional)) {
        if (!Object.hasOwn(record, key) || record[key] === undefined) continue;
        const parsed = schema.parse(record[key], `${path}.${key}`, issues);
        if (parsed === undefined) ok = false;
        else out[key] = parsed;
      }
      for (const key of Object.keys(record)) {
        if (!known.has(key)) {
          issues.push(
            phrased(
              `${path}.${key}`,
              phrase('schema.unknownField', { fields: [...known].join(', ') }),
            ),
          );
          ok = false;
        }
      }
      return ok ? (out as ObjectOf<R, O>) : undefined;
    },
    jsonSchema: () => ({
      type: 'object',
      ...(description ? { description } : {}),
      properties: Object.fromEntries(
        [...Object.entries(required), ...Object.entries(optional)].map(([k, s]) => [
          k,
          s.jsonSchema(),
        ]),
      ),
      required: Object.keys(required),
      additionalProperties: false,
    }),
  };
}

/** A union of object schemas told apart by a string field (`type`). */
export function tagged<K extends string, M extends Record<string, Schema<unknown>>>(
  tag: K,
  variants: M,
): Schema<Infer<M[keyof M]>> {
  const names = Object.keys(variants);
  return {
    parse(value, path, issues) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return fail(issues, path, phrase('expected.object'), value);
      }
      const kind = (value as Record<string, unknown>)[tag];
      const variant =
        typeof kind === 'string' && Object.hasOwn(variants, kind) ? variants[kind] : undefined;
      if (!variant) {
        return fail(
          issues,
          `${path}.${tag}`,
          phrase('expected.oneOf', { values: names.map((n) => JSON.stringify(n)).join(', ') }),
          kind,
        );
      }
      return variant.parse(value, path, issues) as Infer<M[keyof M]> | undefined;
    },
    jsonSchema: () => ({ oneOf: names.map((n) => (variants[n] as Schema<unknown>).jsonSchema()) }),
  };
}

/** Exactly this value. */
export function literal<const V extends string | number | boolean>(expected: V): Schema<V> {
  return {
    parse(value, path, issues) {
      if (value !== expected)
        return fail(
          issues,
          path,
          phrase('expected.exactly', { value: JSON.stringify(expected) }),
          value,
        );
      return expected;
    },
    jsonSchema: () => ({ const: expected }),
  };
}

/** true or false. */
export function boolean(description?: string): Schema<boolean> {
  return {
    parse(value, path, issues) {
      if (typeof value !== 'boolean') return fail(issues, path, phrase('expected.boolean'), value);
      return value;
    },
    jsonSchema: () => ({ type: 'boolean', ...(description ? { description } : {}) }),
  };
}
