// Fuzz of the editor's path: ten thousand documents, each opened as the page opens a file or a
// share link (text -> parseScenarioText). A third are shipped scenarios mutated in their JSON
// tree, a third random JSON trees in the scenario's words, a third texts damaged by the byte (cut,
// a character changed, junk inserted). Each must be refused with issues that name a JSON path and
// say what is wrong, or be valid; a valid one must then give its warnings, its property panel
// fields, a saved file that reads back the same, and take a random edit (adopted or refused)
// without throwing. Share fragments of random text are refused in words, never thrown.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RandomStreams, type RandomStream } from '../../src/engine/random.ts';
import { parseScenarioText, scenarioJsonSchema, scenarioWarnings } from '../../src/sim/index.ts';
import {
  documentForSaving,
  fieldsOf,
  SetValue,
  type DocPath,
  type Json,
  type JsonSchema,
} from '../../src/viz/editor/index.ts';
import { readShareFragment, shareFragment } from '../../src/viz/share/index.ts';
import { mutateScenario } from '../support/scenarioMutator.ts';

const DOCUMENTS = 10_000;
const SCHEMA = scenarioJsonSchema() as JsonSchema;
const SCHEMA_REF = 'https://example.org/handshake/scenario.schema.json';

const shipped = readdirSync('simulations')
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(`simulations/${file}`, 'utf8')) as Json);

const WORDS = [
  'format',
  'name',
  'nodes',
  'links',
  'events',
  'id',
  'role',
  'interfaces',
  'address',
  'gateway',
  'routes',
  'to',
  'via',
  'apps',
  'type',
  'peer',
  'server',
  'port',
  'latency',
  'bandwidth',
  'loss',
  'queue',
  'packets',
  'a',
  'b',
  'at',
  'link',
  'until',
  'seed',
  'tcp',
  'cpu',
  'dns',
  'records',
  'concurrency',
  'model',
  '__proto__',
  'constructor',
  '$schema',
];
const STRINGS = [
  'handshake/scenario@1',
  'client',
  'server',
  'router',
  'switch',
  'dns',
  'pinger',
  'echo',
  'httpClient',
  'httpServer',
  'eth0',
  'c',
  's',
  'c:eth0',
  '10.0.0.1/24',
  '10.0.0.2',
  '10ms',
  '1s',
  '100Mbps',
  '',
  '<script>alert(1)</script>',
  'x" onerror="alert(1)',
  'javascript:alert(1)',
];

/** A random JSON value of the scenario's words, at most `depth` deep. */
function randomJson(random: RandomStream, depth: number): Json {
  const pick = random.integer(0, depth > 0 ? 7 : 4);
  if (pick === 0) return null;
  if (pick === 1) return random.bernoulli(0.5);
  if (pick === 2) return [0, 1, -1, 0.5, 64, 65_536, 1e21, -0][random.integer(0, 7)] as number;
  if (pick <= 4) return STRINGS[random.integer(0, STRINGS.length - 1)] as string;
  if (pick === 5) {
    const list: Json[] = [];
    for (let n = random.integer(0, 3); n > 0; n--) list.push(randomJson(random, depth - 1));
    return list;
  }
  const object: { [key: string]: Json } = {};
  for (let n = random.integer(0, 5); n > 0; n--)
    object[WORDS[random.integer(0, WORDS.length - 1)] as string] = randomJson(random, depth - 1);
  return object;
}

/** A scenario's text damaged the way files and links get damaged. */
function damagedText(text: string, random: RandomStream): string {
  const at = random.integer(0, text.length - 1);
  switch (random.integer(0, 4)) {
    case 0:
      return text.slice(0, at); // cut short
    case 1:
      return (
        text.slice(0, at) + String.fromCharCode(random.integer(0, 0x2fff)) + text.slice(at + 1)
      );
    case 2:
      return `${text.slice(0, at)},}]{"\\u0000${text.slice(at)}`;
    case 3:
      return `\uFEFF${text.slice(0, at)}${text.slice(at + 1)}`; // a BOM, a character gone
    default:
      return text.replace(/"/g, () => (random.bernoulli(0.01) ? "'" : '"'));
  }
}

/** Every path to an object in `doc`, for the property panel's fields of each. */
function objectPaths(doc: Json, path: DocPath = []): DocPath[] {
  if (doc === null || typeof doc !== 'object') return [];
  const children = Array.isArray(doc)
    ? doc.flatMap((item, i) => objectPaths(item, [...path, i]))
    : Object.entries(doc).flatMap(([key, value]) => objectPaths(value, [...path, key]));
  return Array.isArray(doc) ? children : [path, ...children];
}

/** The schema of the object at `path` (through properties and items, first variant of a oneOf). */
function schemaAt(path: DocPath, doc: Json): JsonSchema | null {
  let schema: JsonSchema | null = SCHEMA;
  let value: Json | undefined = doc;
  for (const step of path) {
    if (!schema) return null;
    const fields = fieldsOf(schema, value, []);
    if (typeof step === 'number') {
      schema = (schema.items ?? null) as JsonSchema | null;
    } else {
      schema = fields.find((f) => f.key === step)?.schema ?? null;
    }
    value = value !== null && typeof value === 'object' ? (value as never)[step] : undefined;
  }
  return schema;
}

describe('editor fuzz', () => {
  it(`refuses in words, or opens, edits and saves, each of ${DOCUMENTS} documents`, async () => {
    const random = new RandomStreams(20261206).stream('editor-fuzz');
    const failures: string[] = [];
    const counts = { refused: 0, valid: 0, warned: 0, editsAdopted: 0, editsRefused: 0 };
    for (let i = 0; i < DOCUMENTS; i++) {
      const base = shipped[random.integer(0, shipped.length - 1)] as Json;
      let text: string;
      if (i % 3 === 0) text = JSON.stringify(mutateScenario(base, random).doc);
      else if (i % 3 === 1) text = JSON.stringify(randomJson(random, 5));
      else text = damagedText(JSON.stringify(base, null, 2), random);
      const what = `#${i} ${text.slice(0, 80)}`;
      try {
        const parsed = parseScenarioText(text);
        if (!parsed.ok) {
          counts.refused++;
          if (parsed.issues.length === 0) failures.push(`${what}: refused without an issue`);
          for (const issue of parsed.issues)
            if (!issue.path.startsWith('$') || issue.message.trim().length === 0)
              failures.push(
                `${what}: an issue without a path or message: ${JSON.stringify(issue)}`,
              );
          continue;
        }
        counts.valid++;
        for (const warning of scenarioWarnings(parsed.scenario)) {
          counts.warned++;
          if (!warning.path.startsWith('$') || warning.message.length === 0)
            failures.push(`${what}: a warning without a path or message`);
        }
        const doc = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
        for (const path of objectPaths(doc)) {
          const schema = schemaAt(path, doc);
          if (schema)
            fieldsOf(
              schema,
              path.reduce<Json>((v, s) => (v as never)[s], doc),
              path,
            );
        }
        const saved = parseScenarioText(documentForSaving(text.replace(/^\uFEFF/, ''), SCHEMA_REF));
        if (!saved.ok || JSON.stringify(saved.scenario) !== JSON.stringify(parsed.scenario))
          failures.push(`${what}: the saved file does not read back as the same scenario`);
        // One edit at a random object's random key, with a random value: adopted or refused.
        const paths = objectPaths(doc);
        const at = paths[random.integer(0, paths.length - 1)] as DocPath;
        const key = WORDS[random.integer(0, WORDS.length - 1)] as string;
        const edit = new SetValue([...at, key], undefined, randomJson(random, 2));
        const edited = parseScenarioText(JSON.stringify(edit.apply(doc)));
        if (edited.ok) counts.editsAdopted++;
        else {
          counts.editsRefused++;
          if (edited.issues.some((x) => !x.path.startsWith('$') || x.message.length === 0))
            failures.push(`${what}: an edit refused without a path or message`);
        }
        if (i % 50 === 0) {
          const back = await readShareFragment(await shareFragment(text), 5_000_000);
          // A leading BOM is not part of the document (TextDecoder drops it, as JSON readers do).
          if (!back.ok || back.text !== text.replace(/^\uFEFF/, ''))
            failures.push(`${what}: the share link lost it`);
        }
      } catch (error) {
        failures.push(`${what}: threw ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    for (let i = 0; i < 200; i++) {
      const junk = Array.from({ length: random.integer(0, 60) }, () =>
        String.fromCharCode(random.integer(32, 126)),
      ).join('');
      try {
        const result = await readShareFragment(`#s1.${junk}`, 5_000_000);
        if (!result.ok && result.message.length === 0) failures.push(`junk link ${junk}: no words`);
      } catch (error) {
        failures.push(`junk link ${junk}: threw ${String(error)}`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // Every branch is exercised: refusals and valid documents, warnings, edits both ways.
    expect(counts.refused).toBeGreaterThan(DOCUMENTS / 3);
    expect(counts.valid).toBeGreaterThan(DOCUMENTS / 10);
    expect(counts.warned).toBeGreaterThan(0);
    expect(counts.editsAdopted).toBeGreaterThan(0);
    expect(counts.editsRefused).toBeGreaterThan(0);
  }, 300_000);
});
