// Seeded, targeted breakages of scenario documents, made by walking a document beside its JSON
// Schema so each edit knows what the value there must be: a value of a type the place does not
// allow, a required key deleted, an unknown key added, a number just out of its range, a value
// outside its enum, a string that breaks (or only bends) its pattern. Used to check that the
// published JSON Schema and the validator reject the same documents.

import type { RandomStream } from '../../src/engine/random.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** The JSON Schema keywords this walk reads (the subset scenarioJsonSchema() writes). */
export interface SchemaNode {
  type?: string;
  const?: Json;
  enum?: Json[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  oneOf?: SchemaNode[];
}

/** A place in a document, the value there and the schema it must meet. */
interface Site {
  path: Path;
  value: Json;
  /** The branch of the place's schema its value takes (the schema itself when it has one). */
  schema: SchemaNode;
  /** The place's whole schema, every `oneOf` branch: what a value there may be at all. */
  place: SchemaNode;
}

export const CATEGORIES = [
  'wrongType',
  'missingRequired',
  'unknownKey',
  'outOfRange',
  'badEnum',
  'patternText',
] as const;
export type Category = (typeof CATEGORIES)[number];

function jsonType(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeFits(type: string | undefined, value: Json): boolean {
  if (type === undefined) return true;
  const actual = jsonType(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** The branch of a `oneOf` that a valid value takes: its type and its constant fields match. */
function branchOf(schema: SchemaNode, value: Json): SchemaNode | undefined {
  return schema.oneOf?.find((branch) => {
    if (!typeFits(branch.type, value)) return false;
    if (branch.const !== undefined) return branch.const === value;
    if (branch.required?.some((key) => !Object.hasOwn(value as object, key))) return false;
    if (branch.pattern !== undefined) return new RegExp(branch.pattern, 'u').test(value as string);
    for (const [key, field] of Object.entries(branch.properties ?? {})) {
      const fixed = field.const ?? (field.enum?.length === 1 ? field.enum[0] : undefined);
      if (fixed !== undefined && (value as Record<string, Json>)[key] !== fixed) return false;
    }
    return true;
  });
}

/** Every place of a valid `doc` with the schema that applies there, the root included. */
export function sitesOf(doc: Json, schema: SchemaNode, path: Path = [], out: Site[] = []): Site[] {
  // A `oneOf` beside the place's own type is a constraint on it (one of size and text), not a
  // choice of what the place is.
  const choice = schema.oneOf !== undefined && schema.type === undefined;
  const here = choice ? (branchOf(schema, doc) ?? schema) : schema;
  out.push({ path, value: doc, schema: here, place: schema });
  if (Array.isArray(doc) && here.items) {
    doc.forEach((item, i) => sitesOf(item, here.items as SchemaNode, [...path, i], out));
  } else if (doc !== null && typeof doc === 'object' && !Array.isArray(doc) && here.properties) {
    for (const [key, value] of Object.entries(doc)) {
      const field = here.properties[key];
      if (field) sitesOf(value, field, [...path, key], out);
    }
  }
  return out;
}

function pick<T>(random: RandomStream, items: readonly T[]): T {
  return items[random.integer(0, items.length - 1)] as T;
}

/** Sets the value at `path` of `doc` (in place); the root cannot be replaced. */
function setAt(doc: Json, path: Path, value: Json | undefined): void {
  let node = doc as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, Json>;
  const key = path[path.length - 1] as string | number;
  if (value === undefined) delete node[key];
  else node[key] = value;
}

/** The types a place allows (any of its `oneOf` branches'), `undefined` if it does not say. */
function allowedTypes(schema: SchemaNode): Set<string> | undefined {
  const branches = schema.oneOf ?? [schema];
  const types = new Set<string>();
  for (const branch of branches) {
    if (branch.type) types.add(branch.type);
    else if (branch.const !== undefined) types.add(jsonType(branch.const));
    else if (branch.enum) branch.enum.forEach((v) => types.add(jsonType(v)));
    else return undefined;
  }
  if (types.has('number')) types.add('integer');
  return types;
}

const OTHER_TYPES: Json[] = [true, null, 12, 0.5, 'x', [], {}];

/** Strings that break or bend a pattern: digits and units changed, parts added, case flipped. */
function patternEdits(text: string): string[] {
  return [
    '',
    ' ',
    `-${text}`,
    `${text}0`,
    `${text}x`,
    `0${text}`,
    ` ${text} `,
    text.toUpperCase(),
    text.toLowerCase(),
    text.replace(/\d/, 'x'),
    text.replace(/\d+/, '0'),
    text.replace(/\d+/, '256'),
    text.replace(/\d+$/, '33'),
    text.replace(/\./, ''),
    text.replace(/[a-z]+/i, ''),
    text.replace(/(\d)([a-z])/i, '$1 $2'),
    text.replace(/\d+/, '1.5'),
    text.replace(/\d+/, '0.0000001'),
    text.replace(/[a-z]+$/i, 'sec'),
    '10.0.0.1/24',
    '999999h',
  ];
}

/** Numbers just outside a number's range, and a fraction where it must be whole. */
function outOfRange(site: Site): number[] {
  if (typeof site.value !== 'number') return [];
  const { minimum, maximum, exclusiveMaximum, type } = site.schema;
  const options: number[] = [];
  if (minimum !== undefined) options.push(minimum - 1, minimum - 0.001);
  if (maximum !== undefined) options.push(maximum + 1, maximum * 2 + 2);
  if (exclusiveMaximum !== undefined) options.push(exclusiveMaximum);
  if (type === 'integer') options.push(site.value + 0.5);
  return options;
}

/** Every out-of-range edit of every number of `doc`, each (range, new value) pair once. */
export function* rangeBreakages(
  doc: Json,
  schema: SchemaNode,
  seen: Set<string>,
): Generator<{ doc: Json; edit: string }> {
  for (const site of sitesOf(doc, schema)) {
    const { minimum, maximum, exclusiveMaximum, type } = site.schema;
    for (const value of outOfRange(site)) {
      const key = JSON.stringify([minimum, maximum, exclusiveMaximum, type, value]);
      if (seen.has(key)) continue;
      seen.add(key);
      const copy = structuredClone(doc);
      setAt(copy, site.path, value);
      yield { doc: copy, edit: `$.${site.path.join('.')} = ${value}` };
    }
  }
}

/**
 * Every pattern edit of every patterned string of `doc`, each (pattern, new text) pair once
 * across calls sharing `seen`: the texts of one pattern are judged alike wherever they stand.
 */
export function* patternBreakages(
  doc: Json,
  schema: SchemaNode,
  seen: Set<string>,
): Generator<{ doc: Json; edit: string }> {
  for (const site of sitesOf(doc, schema)) {
    if (!site.schema.pattern || typeof site.value !== 'string') continue;
    for (const value of patternEdits(site.value)) {
      const key = `${site.schema.pattern}\u0000${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const copy = structuredClone(doc);
      setAt(copy, site.path, value);
      yield { doc: copy, edit: `$.${site.path.join('.')} = ${JSON.stringify(value)}` };
    }
  }
}

/**
 * One edit of `category` to a copy of `doc` at a site picked with `random`, or undefined when
 * the document has no place for it. The description says what was done and where.
 */
export function breakDocument(
  doc: Json,
  schema: SchemaNode,
  category: Category,
  random: RandomStream,
): { doc: Json; edit: string } | undefined {
  const copy = structuredClone(doc);
  const sites = sitesOf(copy, schema).filter((site) => site.path.length > 0);
  const where = (site: Site) => `$.${site.path.join('.')}`;
  switch (category) {
    case 'wrongType': {
      const site = pick(random, sites);
      // Not a type of any branch: 12 for a size written "3MB" is the other branch, not wrong.
      const allowed = allowedTypes(site.place);
      const options = OTHER_TYPES.filter((v) => allowed !== undefined && !allowed.has(jsonType(v)));
      if (options.length === 0) return undefined;
      const value = pick(random, options);
      setAt(copy, site.path, structuredClone(value));
      return { doc: copy, edit: `${where(site)} = ${JSON.stringify(value)}` };
    }
    case 'missingRequired': {
      const objects = sitesOf(copy, schema).filter((s) => (s.schema.required ?? []).length > 0);
      const site = pick(random, objects);
      const key = pick(random, site.schema.required as string[]);
      setAt(copy, [...site.path, key], undefined);
      return { doc: copy, edit: `delete $.${[...site.path, key].join('.')}` };
    }
    case 'unknownKey': {
      const objects = sitesOf(copy, schema).filter((s) => s.schema.properties !== undefined);
      const site = pick(random, objects);
      const known = Object.keys(site.value as object);
      // A typo of a key it has, a key of no schema, or `$schema` below the root.
      const key = pick(random, [
        `${pick(random, known.length > 0 ? known : ['x'])}s`,
        'colour',
        site.path.length > 0 ? '$schema' : 'nodes2',
      ]);
      setAt(copy, [...site.path, key], 1);
      return { doc: copy, edit: `add $.${[...site.path, key].join('.')}` };
    }
    case 'outOfRange': {
      const numbers = sites.filter((s) => outOfRange(s).length > 0);
      if (numbers.length === 0) return undefined;
      const site = pick(random, numbers);
      const value = pick(random, outOfRange(site));
      setAt(copy, site.path, value);
      return { doc: copy, edit: `${where(site)} = ${value}` };
    }
    case 'badEnum': {
      const fixed = sites.filter((s) => s.schema.enum || s.schema.const !== undefined);
      const site = pick(random, fixed);
      const was = String(site.value);
      const options = [`${was}x`, was.toUpperCase(), was.toLowerCase(), ''];
      const value = pick(
        random,
        options.filter((v) => v !== was),
      );
      setAt(copy, site.path, value);
      return { doc: copy, edit: `${where(site)} = ${JSON.stringify(value)}` };
    }
    case 'patternText': {
      const texts = sites.filter((s) => s.schema.pattern && typeof s.value === 'string');
      const site = pick(random, texts);
      const value = pick(random, patternEdits(site.value as string));
      setAt(copy, site.path, value);
      return { doc: copy, edit: `${where(site)} = ${JSON.stringify(value)}` };
    }
  }
}
