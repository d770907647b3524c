// The property panel's fields, read from the scenario format's own JSON Schema: for an object in
// the document (a node, a link, an app, the scenario itself), each field it may have, what kind of
// input it takes (a choice, a number with its range, a yes/no, a duration or rate with its unit, a
// group of fields, a list), its help text, and whether it is set. Choosing a variant (an app's
// `type`) picks that variant's fields. What a learner types is read back into a document value.
// Help, hints and refusals are in the language asked for (English by default).

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { DocPath, Json } from './documentEdits.ts';
import { fieldHelp } from './fieldHelp.ts';
import { fieldPhrases } from './fieldPhrases.ts';

export type JsonSchema = { [key: string]: unknown };

export type FieldKind =
  'choice' | 'yesno' | 'integer' | 'number' | 'text' | 'group' | 'list' | 'fixed';

/** One field of an object, as the panel draws it. */
export interface FieldSpec {
  key: string;
  path: DocPath;
  kind: FieldKind;
  schema: JsonSchema;
  required: boolean;
  /** The schema's description: the field's help text. */
  help: string | null;
  /** What to type, where the schema says: `a duration, like 20ms`. */
  hint: string | null;
  /** For a choice: the values offered. */
  options: readonly string[];
  /** For numbers: the range, both ends included unless said. */
  min: number | null;
  max: number | null;
  maxExclusive: boolean;
  /** The value in the document, or undefined when it is not set (a default applies). */
  value: Json | undefined;
}

const DURATION = /ns\|us\|µs\|ms\|s/;
const RATE = /\[bB\]\[pP\]\[sS\]|bps/;
const OCTET = '25[0-5]';
const MAC_PAIRS = '(:[0-9a-fA-F]{2}){5}';

/** What to type in a text field, from its pattern or format. */
function hintOf(schema: JsonSchema, language: Language): string | null {
  const say = fieldPhrases.in(language).say;
  const pattern = typeof schema.pattern === 'string' ? schema.pattern : '';
  if (DURATION.test(pattern)) return say('hint.duration');
  if (RATE.test(pattern)) return say('hint.rate');
  if (pattern.includes(OCTET) && pattern.includes('/')) return say('hint.prefix');
  if (pattern.includes(OCTET) || schema.format === 'ipv4') return say('hint.ipv4');
  if (pattern.includes(MAC_PAIRS)) return say('hint.mac');
  return null;
}

/** The variant of a `oneOf` of objects that `value` is, by the `const` its fields hold. */
export function variantOf(schema: JsonSchema, value: Json | undefined): JsonSchema | null {
  const variants = Array.isArray(schema.oneOf) ? (schema.oneOf as JsonSchema[]) : null;
  if (!variants) return schema;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  return (
    variants.find((v) => {
      const props = (v.properties ?? {}) as { [key: string]: JsonSchema };
      const consts = Object.entries(props).filter(([, p]) => 'const' in p);
      return consts.length > 0 && consts.every(([k, p]) => value[k] === p.const);
    }) ?? null
  );
}

function kindOf(schema: JsonSchema): FieldKind {
  if ('const' in schema) return 'fixed';
  if (Array.isArray(schema.enum)) return 'choice';
  if (schema.type === 'boolean') return 'yesno';
  if (schema.type === 'integer') return 'integer';
  if (schema.type === 'number') return 'number';
  if (schema.type === 'object' || Array.isArray(schema.oneOf)) {
    const variants = schema.oneOf as JsonSchema[] | undefined;
    // A oneOf of plain values (an integer or a size string) is typed as text.
    if (variants && !variants.every((v) => v.type === 'object')) return 'text';
    return 'group';
  }
  if (schema.type === 'array') return 'list';
  return 'text';
}

/** The fields of the object at `path` (whose schema is `schema`), in the schema's order. */
export function fieldsOf(
  schema: JsonSchema,
  value: Json | undefined,
  path: DocPath,
  language: Language = ENGLISH,
): FieldSpec[] {
  const object = variantOf(schema, value);
  if (!object) return [];
  const props = (object.properties ?? {}) as { [key: string]: JsonSchema };
  const required = new Set((object.required as string[] | undefined) ?? []);
  const values = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return Object.entries(props).map(([key, field]) => {
    const kind = kindOf(field);
    return {
      key,
      path: [...path, key],
      kind,
      schema: field,
      required: required.has(key),
      help: typeof field.description === 'string' ? fieldHelp(field.description, language) : null,
      hint: kind === 'text' ? hintOf(field, language) : null,
      options: Array.isArray(field.enum) ? field.enum.map(String) : [],
      min: typeof field.minimum === 'number' ? field.minimum : null,
      max:
        typeof field.maximum === 'number'
          ? field.maximum
          : typeof field.exclusiveMaximum === 'number'
            ? field.exclusiveMaximum
            : null,
      maxExclusive: typeof field.exclusiveMaximum === 'number',
      value: values[key],
    };
  });
}

/** Whether text matches the schema's pattern (true without one, or with one this engine rejects). */
function matchesPattern(schema: JsonSchema, text: string): boolean {
  if (typeof schema.pattern !== 'string') return true;
  try {
    return new RegExp(schema.pattern, 'u').test(text);
  } catch {
    return true;
  }
}

/** The schema of the items of a list field. */
export function itemSchema(field: JsonSchema): JsonSchema {
  return (field.items ?? {}) as JsonSchema;
}

/** A value as the field's input shows it. */
export function inputText(spec: FieldSpec): string {
  const v = spec.value;
  if (v === undefined || v === null) return '';
  if (spec.kind === 'list') return Array.isArray(v) ? v.map(String).join(', ') : '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * What a learner typed, as the document's value: undefined clears an optional field (empty
 * input); a required one cannot be cleared. Numbers are checked against their range here, the
 * rest by the validator when the edit is applied.
 */
export function readInput(
  spec: FieldSpec,
  text: string,
  language: Language = ENGLISH,
): { ok: true; value: Json | undefined } | { ok: false; message: string } {
  const say = fieldPhrases.in(language).say;
  const trimmed = text.trim();
  if (trimmed === '') {
    return spec.required
      ? { ok: false, message: say('input.required', { key: spec.key }) }
      : { ok: true, value: undefined };
  }
  switch (spec.kind) {
    case 'yesno':
      return { ok: true, value: trimmed === 'true' };
    case 'choice': {
      // A choice among numbers (a status, 503 or 429) keeps the number the schema offers.
      const offered = (spec.schema.enum as Json[]).find((option) => String(option) === trimmed);
      return { ok: true, value: offered ?? trimmed };
    }
    case 'integer':
    case 'number': {
      const n = Number(trimmed);
      if (!Number.isFinite(n))
        return { ok: false, message: say('input.notNumber', { text: trimmed }) };
      if (spec.kind === 'integer' && !Number.isInteger(n)) {
        return { ok: false, message: say('input.notWhole', { text: trimmed }) };
      }
      if (spec.min !== null && n < spec.min) {
        return { ok: false, message: say('input.below', { min: `${spec.min}`, text: trimmed }) };
      }
      if (spec.max !== null && (spec.maxExclusive ? n >= spec.max : n > spec.max)) {
        const max = `${spec.max}`;
        return {
          ok: false,
          message: say(spec.maxExclusive ? 'input.under' : 'input.above', { max, text: trimmed }),
        };
      }
      return { ok: true, value: n };
    }
    case 'list':
      return {
        ok: true,
        value: trimmed
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      };
    case 'text': {
      // A field that is a number or a text (a queue's size in bytes): a number when it reads as one.
      const variants = spec.schema.oneOf as JsonSchema[] | undefined;
      if (variants?.some((v) => v.type === 'integer' || v.type === 'number')) {
        const n = Number(trimmed);
        if (Number.isFinite(n)) return { ok: true, value: n };
      }
      if (!matchesPattern(spec.schema, trimmed)) {
        return {
          ok: false,
          message: spec.hint
            ? say('input.pattern', { hint: spec.hint, text: trimmed })
            : say('input.notAllowed', { text: trimmed }),
        };
      }
      return { ok: true, value: trimmed };
    }
    default:
      return { ok: true, value: trimmed };
  }
}
