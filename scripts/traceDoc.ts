// Writes the record reference of docs/trace.md from docs/trace.schema.json, between its two
// markers, so the page and the schema cannot disagree: `npx tsx scripts/traceDoc.ts`.
// tests/scenarios/traceSchema.test.ts fails when the page is not what this script writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

export const BEGIN = '<!-- records: written by scripts/traceDoc.ts from docs/trace.schema.json -->';
export const END = '<!-- end of records -->';

interface Property {
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  allOf?: { $ref: string }[];
  items?: Property;
  oneOf?: Definition[];
}
interface Definition extends Property {
  properties?: Record<string, Property>;
  required?: string[];
}
export interface Schema {
  definitions: Record<string, Definition>;
}

/** A field's JSON type, short: `integer`, `string or null`, one of the enum, a definition. */
function typeOf(p: Property): string {
  const ref = p.$ref ?? p.allOf?.[0]?.$ref;
  if (ref) return ref.replace('#/definitions/', '');
  if (p.enum) return p.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (p.const !== undefined) return `\`${JSON.stringify(p.const)}\``;
  if (p.oneOf) return p.oneOf.map(typeOf).join(' \\| ');
  if (p.type === 'array' && p.items) return `array of ${typeOf(p.items)}`;
  return Array.isArray(p.type) ? p.type.join(' or ') : (p.type ?? 'any');
}

/** One table row per field: name, type, meaning (and unit). */
function table(definition: Definition, skip: readonly string[] = []): string[] {
  const rows = ['| field | type | meaning |', '| --- | --- | --- |'];
  for (const [name, p] of Object.entries(definition.properties ?? {})) {
    if (skip.includes(name)) continue;
    const optional = definition.required?.includes(name) ? '' : ' (optional)';
    const text = (p.description ?? '').replace(/\|/g, '\\|');
    rows.push(`| \`${name}\`${optional} | ${typeOf(p)} | ${text} |`);
  }
  return rows;
}

/** The reference: each record type (by prefix), then the value types packets are made of. */
export function renderRecords(schema: Schema): string {
  const names = Object.keys(schema.definitions);
  const records = names.filter((n) => n.includes('.')).sort();
  const values = names.filter((n) => !n.includes('.'));
  const out: string[] = [BEGIN, ''];
  let group = '';
  for (const type of records) {
    const prefix = type.slice(0, type.indexOf('.'));
    if (prefix !== group) {
      group = prefix;
      out.push(`### ${prefix}.*`, '');
    }
    const definition = schema.definitions[type] as Definition;
    out.push(`#### \`${type}\``, '', definition.description ?? '', '');
    out.push(...table(definition, ['t', 'type']), '');
  }
  out.push('### Values inside records', '');
  for (const name of values) {
    const definition = schema.definitions[name] as Definition;
    out.push(`#### ${name}`, '', definition.description ?? '', '');
    if (definition.properties) out.push(...table(definition), '');
    for (const variant of definition.oneOf ?? []) {
      if (!variant.properties) continue;
      out.push(`${variant.description ?? ''}`, '', ...table(variant), '');
    }
    if (!definition.properties && !definition.oneOf) out.push(`Type: ${typeOf(definition)}.`, '');
  }
  out.push(END);
  return out.join('\n');
}

/** docs/trace.md with its reference section written anew, formatted as Prettier does. */
export async function updatedDoc(doc: string, schema: Schema): Promise<string> {
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`docs/trace.md needs the markers ${BEGIN} ${END}`);
  const text = doc.slice(0, begin) + renderRecords(schema) + doc.slice(end + END.length);
  const options = (await resolveConfig('docs/trace.md')) ?? {};
  return format(text, { ...options, parser: 'markdown' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const schema = JSON.parse(readFileSync('docs/trace.schema.json', 'utf8')) as Schema;
  writeFileSync('docs/trace.md', await updatedDoc(readFileSync('docs/trace.md', 'utf8'), schema));
}
