// public/scenario.schema.json, the published JSON Schema of handshake/scenario@1, against the
// code: it is what scripts/scenarioSchema.ts writes from the validator's schema (never stale),
// every built-in scenario names it and meets it, and it rejects the broken documents that the
// validator's schema stage rejects, checked with a real JSON Schema validator (Ajv, 2020-12).
//
// What "the same documents" means. The validator works in two stages: the schema stage
// (scenarioSchema.parse: types, required and unknown keys, ranges, enums, the text of durations,
// addresses and rates) and the cross-field checks (checkReferences.ts, checkApps.ts,
// checkTcpSettings.ts: duplicate ids, link ends, subnets, peers, RTO bounds in order...), which
// no JSON Schema can express. So, for every broken document:
//   1. the schema stage accepts it  =>  the JSON Schema accepts it (the published schema is never
//      stricter than Handshake; a document the validator refuses only across fields is accepted
//      by the JSON Schema, and counted here as cross-field);
//   2. the schema stage reports a problem a JSON Schema can express  =>  the JSON Schema rejects.
// The schema stage's problems a JSON Schema cannot express are listed in INEXPRESSIBLE: each
// needs arithmetic on the text (a duration's bounds other than zero, a whole number of
// nanoseconds, bits or bytes, a host address that is not its prefix's network or broadcast
// address, host bits of a route, uniform max >= min, the 500 ms delayed-ACK limit).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderScenarioSchema, SCHEMA_PATH } from '../../scripts/scenarioSchema.ts';
import { RandomStreams } from '../../src/engine/random.ts';
import {
  REPOSITORY_SCHEMA_REF,
  SCENARIO_SCHEMA_ID,
  scenarioSchema,
} from '../../src/sim/scenario/scenarioSchema.ts';
import { validateScenario, type ValidationIssue } from '../../src/sim/index.ts';
import {
  breakDocument,
  CATEGORIES,
  patternBreakages,
  rangeBreakages,
  type Category,
  type Json,
  type SchemaNode,
} from '../support/schemaMutations.ts';
import { mutateScenario } from '../support/scenarioMutator.ts';

const text = readFileSync(SCHEMA_PATH, 'utf8');
const schema = JSON.parse(text) as SchemaNode & { $id: string; $schema: string };
// Strict, but `required` may name keys of the enclosing object (the idiom for "one of size and
// text": `oneOf: [{ required: ["size"] }, { required: ["text"] }]`).
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(
  schema,
);

const SIMULATIONS = 'simulations';
const builtIns = readdirSync(SIMULATIONS)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => {
    const source = readFileSync(join(SIMULATIONS, file), 'utf8');
    return { file, source, doc: JSON.parse(source) as Json };
  });

/** The value at a JSON path such as `$.nodes[0].apps[1].port` (undefined if there is none). */
function valueAt(doc: unknown, path: string): unknown {
  let node = doc;
  for (const step of path.slice(1).matchAll(/\.([^.[]+)|\[(\d+)\]/g)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[step[1] ?? (step[2] as string)];
  }
  return node;
}

/** Problems of the schema stage that need arithmetic no JSON Schema pattern or keyword has. */
const INEXPRESSIBLE = [
  /is not a whole number of nanoseconds$/,
  /is too long: the longest duration is about 104 days$/,
  /^expected a duration of at most /,
  /^expected a duration below 500ms \(RFC 5681 4\.2\)/,
  /^expected a duration of at least min \(/,
  // A client's retry cap against its base (either may be a default): one field against another.
  /: expected base <= cap$/,
  /is the (network|broadcast) address of its prefix, not a host address$/,
  /has host bits set: the network is /,
  /whole number of bits per second/,
  /is not a whole number of bytes$/,
];

/** Whether a JSON Schema can say this problem (a zero duration it can: a digit that is not 0). */
function expressible(issue: ValidationIssue, doc: unknown): boolean {
  if (/^expected a duration of at least \d|more than 0$/.test(issue.message)) {
    // Zero, written with no digit but 0, is what a pattern can refuse ("0s", "0.0Mbps").
    const value = valueAt(doc, issue.path);
    return typeof value === 'string' && /^[^1-9]*$/.test(value);
  }
  return !INEXPRESSIBLE.some((pattern) => pattern.test(issue.message));
}

interface Verdict {
  /** The published JSON Schema accepts it. */
  schema: boolean;
  /** The validator's schema stage accepts it. */
  stage: boolean;
  /** The whole validator accepts it. */
  validator: boolean;
  /** The schema stage's problems include one a JSON Schema can express. */
  expressible: boolean;
}

function judge(doc: unknown): Verdict {
  const issues: ValidationIssue[] = [];
  const stage = scenarioSchema.parse(doc, '$', issues) !== undefined && issues.length === 0;
  return {
    schema: validate(doc),
    stage,
    validator: validateScenario(doc).ok,
    expressible: issues.some((issue) => expressible(issue, doc)),
  };
}

/** Why a verdict breaks the contract, or undefined when the schema and the validator agree. */
function disagreement(v: Verdict): string | undefined {
  if (!v.stage && v.validator) return 'the validator accepts what its schema stage refuses';
  if (v.stage && !v.schema) return 'the JSON Schema refuses what the validator’s schema accepts';
  if (!v.stage && v.expressible && v.schema) return 'the JSON Schema accepts an expressible error';
  return undefined;
}

describe('public/scenario.schema.json', () => {
  it('is what `npm run schema` writes from the validator’s schema', async () => {
    expect(text, 'run: npm run schema').toBe(await renderScenarioSchema());
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://github.com/handshake/handshake/public/scenario.schema.json');
    expect(SCENARIO_SCHEMA_ID).toBe(schema.$id);
  });

  it('is named by every built-in scenario, first, by a path that reaches it from simulations/', () => {
    expect(builtIns.length).toBeGreaterThanOrEqual(10);
    expect(resolve(SIMULATIONS, REPOSITORY_SCHEMA_REF)).toBe(
      resolve('public/scenario.schema.json'),
    );
    for (const { file, source } of builtIns) {
      expect(source.startsWith('{\n  "$schema": "../public/scenario.schema.json",\n'), file).toBe(
        true,
      );
    }
  });

  it.each(builtIns.map((b) => [b.file, b.doc] as const))('accepts %s', (_file, doc) => {
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(validateScenario(doc).ok).toBe(true);
  });

  it('rejects a `$schema` that is not a string, and one below the root, as the validator does', () => {
    const doc = structuredClone(builtIns[0]?.doc) as Record<string, Json> & { nodes: Json[] };
    expect(judge({ ...doc, $schema: 7 })).toMatchObject({ schema: false, validator: false });
    const bare: Record<string, Json> = { ...doc };
    delete bare.$schema;
    expect(judge(bare)).toMatchObject({ schema: true, validator: true });
    const nested = structuredClone(doc);
    (nested.nodes[0] as Record<string, Json>).$schema = REPOSITORY_SCHEMA_REF;
    expect(judge(nested)).toMatchObject({ schema: false, validator: false });
  });

  it.each([
    ['a rate of zero', ['links', 0, 'bandwidth'], '0.0Mbps', false],
    ['a rate in capitals', ['links', 0, 'bandwidth'], '10MBPS', true],
    ['a latency of zero', ['links', 0, 'latency'], '0ms', true],
    ['a latency padded with spaces', ['links', 0, 'latency'], ' 20 ms ', true],
    ['a run of zero', ['until'], '0s', false],
    ['a size past 2^53 bytes', ['nodes', 0, 'tcp'], { sendBuffer: 2 ** 53 }, false],
    ['a size in lower case', ['nodes', 0, 'tcp'], { sendBuffer: '64kib' }, true],
    ['an octet with a leading zero', ['nodes', 0, 'gateway'], '010.0.0.1', false],
    ['an octet past 255', ['nodes', 0, 'gateway'], '10.0.0.256', false],
    ['a prefix of 33 bits', ['nodes', 0, 'interfaces', 0, 'address'], '10.0.0.1/33', false],
  ] as const)('agrees on %s', (_what, path, value, valid) => {
    // ping-over-a-link: a laptop and a server on one /24 link, the laptop without a gateway.
    const base = builtIns.find((b) => b.file === 'ping-over-a-link.json');
    const doc = structuredClone(base?.doc) as Record<string, Json>;
    let parent = doc as Record<string | number, Json>;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
    parent[path[path.length - 1] as string | number] = structuredClone(value) as Json;
    const verdict = judge(doc);
    expect(verdict.stage, 'the validator’s schema stage').toBe(valid);
    expect(verdict.schema, 'the JSON Schema').toBe(valid);
  });

  describe('rejects the broken documents the validator rejects', () => {
    const PER_CATEGORY = 300;

    it.each(CATEGORIES)('%s', (category: Category) => {
      const random = new RandomStreams(20260514).stream(`schema-${category}`);
      const failures: string[] = [];
      const counts = { made: 0, schemaRejects: 0, crossField: 0, inexpressible: 0 };
      for (let i = 0; i < PER_CATEGORY; i++) {
        const base = builtIns[i % builtIns.length] as (typeof builtIns)[number];
        const broken = breakDocument(base.doc, schema, category, random);
        if (!broken) continue;
        counts.made++;
        const verdict = judge(broken.doc);
        const why = disagreement(verdict);
        if (why) failures.push(`${base.file}: ${broken.edit}: ${why}`);
        if (!verdict.schema) counts.schemaRejects++;
        if (verdict.stage && !verdict.validator) counts.crossField++;
        if (!verdict.stage && !verdict.expressible) counts.inexpressible++;
      }
      expect(failures.slice(0, 10)).toEqual([]);
      expect(counts.made).toBeGreaterThan(PER_CATEGORY / 2);
      if (category === 'patternText') {
        // Some edits only bend the text ("20MS" is a duration too): both accept those.
        expect(counts.schemaRejects).toBeGreaterThan(counts.made / 3);
        expect(counts.schemaRejects).toBeLessThan(counts.made);
      } else {
        // A wrong type, a missing or unknown key, a number out of range, a value not in its enum:
        // every one is refused by both.
        expect(counts.schemaRejects).toBe(counts.made);
      }
    });

    /** Judges every document `breakages` makes of every built-in. */
    function judgeAll(breakages: typeof patternBreakages) {
      const seen = new Set<string>();
      const failures: string[] = [];
      const counts = { made: 0, schemaRejects: 0 };
      for (const base of builtIns) {
        for (const broken of breakages(base.doc, schema, seen)) {
          counts.made++;
          const verdict = judge(broken.doc);
          const why = disagreement(verdict);
          if (why) failures.push(`${base.file}: ${broken.edit}: ${why}`);
          if (!verdict.schema) counts.schemaRejects++;
        }
      }
      return { failures, counts };
    }

    it('patternText: every patterned string of every built-in, edited every way', () => {
      const { failures, counts } = judgeAll(patternBreakages);
      expect(failures.slice(0, 10)).toEqual([]);
      // Some edits only bend the text ("20MS", " 20ms "): both accept those.
      expect(counts.made).toBeGreaterThan(1000);
      expect(counts.schemaRejects).toBeGreaterThan(counts.made / 3);
      expect(counts.schemaRejects).toBeLessThan(counts.made);
    });

    it('outOfRange: every number of every built-in, just past each bound', () => {
      const { failures, counts } = judgeAll(rangeBreakages);
      expect(failures.slice(0, 10)).toEqual([]);
      expect(counts.made).toBeGreaterThan(50);
      expect(counts.schemaRejects).toBe(counts.made);
    });

    it('and agrees on 1500 documents mutated at random (tests/support/scenarioMutator.ts)', () => {
      const random = new RandomStreams(20260515).stream('schema-fuzz');
      const failures: string[] = [];
      const counts = { agreeRejected: 0, accepted: 0, crossField: 0, inexpressible: 0 };
      for (let i = 0; i < 1500; i++) {
        const base = builtIns[random.integer(0, builtIns.length - 1)] as (typeof builtIns)[number];
        const { doc, edits } = mutateScenario(base.doc, random);
        const verdict = judge(doc);
        const why = disagreement(verdict);
        if (why) failures.push(`${base.file}: ${edits.join('; ')}: ${why}`);
        else if (verdict.validator) counts.accepted++;
        else if (verdict.stage) counts.crossField++;
        else if (verdict.expressible) counts.agreeRejected++;
        else counts.inexpressible++;
      }
      expect(failures.slice(0, 10)).toEqual([]);
      // Every class is exercised; most refusals are ones the JSON Schema says too.
      expect(counts.agreeRejected).toBeGreaterThan(500);
      expect(counts.accepted).toBeGreaterThan(100);
      expect(counts.crossField).toBeGreaterThan(10);
      expect(counts.inexpressible).toBeGreaterThan(0);
      expect(counts.inexpressible).toBeLessThan(counts.agreeRejected / 5);
    });
  });
});
