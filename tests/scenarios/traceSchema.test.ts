// docs/trace.schema.json against the code and the traces: one definition per record type that
// the code declares (TraceRecordTypes, merged across src/), and every line of every shipped
// scenario's trace (as `run --trace` writes it) valid under it (Ajv, JSON Schema draft-07).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { updatedDoc, type Schema } from '../../scripts/traceDoc.ts';
import { traceLineWriter } from '../../src/engine/traceJson.ts';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';

const schema = JSON.parse(readFileSync('docs/trace.schema.json', 'utf8')) as Schema & {
  $id: string;
  properties: { type: { enum: string[] } };
  oneOf: { $ref: string }[];
};
const SIMULATIONS = join(process.cwd(), 'simulations');
const scenarios = readdirSync(SIMULATIONS).filter((f) => f.endsWith('.json'));

/** Every `.ts` file under `dir`, tests excluded. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * The record types the code declares: the keys of each `interface TraceRecordTypes { ... }`
 * block (read as text: a key is a quoted dotted name at the block's first level).
 */
function declaredTypes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources('src')) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/interface TraceRecordTypes \{/g)) {
      let depth = 0;
      let at = (match.index ?? 0) + match[0].length - 1;
      const start = at;
      do {
        const c = text[at++];
        if (c === '{') depth++;
        else if (c === '}') depth--;
      } while (depth > 0 && at < text.length);
      const body = text.slice(start + 1, at - 1);
      // First-level keys only: blank out nested braces' contents first.
      let flat = body;
      for (let prev = ''; prev !== flat;) {
        prev = flat;
        flat = flat.replace(/\{[^{}]*\}/g, '0');
      }
      for (const key of flat.matchAll(/^\s*'([a-zA-Z][a-zA-Z0-9]*\.[a-zA-Z0-9.]+)'\s*:/gm)) {
        found.set(key[1] as string, file);
      }
    }
  }
  return found;
}

describe('docs/trace.schema.json', () => {
  const declared = declaredTypes();
  const documented = Object.keys(schema.definitions).filter((name) => name.includes('.'));

  it('has one definition for each record type the code declares, and no other', () => {
    expect(declared.size).toBeGreaterThan(70);
    expect(declared.get('sim.start')).toBe('src/engine/trace.ts');
    expect(declared.get('link.txBegin')).toBe('src/net/link/linkTrace.ts');
    expect(documented.sort()).toEqual([...declared.keys()].sort());
    expect(schema.properties.type.enum.sort()).toEqual([...declared.keys()].sort());
    expect(schema.oneOf.map((r) => r.$ref).sort()).toEqual(
      [...declared.keys()].map((type) => `#/definitions/${type}`).sort(),
    );
    for (const type of documented) {
      const definition = schema.definitions[type] ?? {};
      expect(definition.properties?.type, type).toEqual({ const: type });
      expect(definition.required, type).toEqual(Object.keys(definition.properties ?? {}));
    }
  });

  it('is documented field by field in docs/trace.md, as scripts/traceDoc.ts writes it', async () => {
    const doc = readFileSync('docs/trace.md', 'utf8');
    expect(doc, 'run: npx tsx scripts/traceDoc.ts').toBe(await updatedDoc(doc, schema));
    for (const type of documented) {
      expect(doc, type).toContain(`#### \`${type}\``);
      for (const field of Object.keys(schema.definitions[type]?.properties ?? {})) {
        if (field !== 't' && field !== 'type')
          expect(doc, `${type}.${field}`).toContain(`\`${field}\``);
      }
    }
  });

  describe('validates every line of the shipped scenarios', () => {
    const ajv = new Ajv({ allErrors: false, allowUnionTypes: true, strict: true });
    const whole = ajv.compile(schema);
    const byType = new Map<string, ValidateFunction>();
    const validatorOf = (type: string) => {
      let validate = byType.get(type);
      if (!validate) {
        validate = ajv.getSchema(`${schema.$id}#/definitions/${type}`);
        if (!validate) throw new Error(`no definition for ${type}`);
        byType.set(type, validate);
      }
      return validate;
    };
    const seen = new Set<string>();

    it.each(scenarios)('%s', (file) => {
      const parsed = parseScenarioText(readFileSync(join(SIMULATIONS, file), 'utf8'));
      if (!parsed.ok) throw new Error(file);
      const write = traceLineWriter();
      const firsts = new Map<string, number>();
      let checked = 0;
      runScenario(parsed.scenario, {
        trace: false,
        onRecord: (record) => {
          const line = write(record);
          const value = JSON.parse(line) as { type: string };
          const validate = declared.has(value.type) ? validatorOf(value.type) : whole;
          if (!validate(value)) {
            throw new Error(`${file}: ${line.trim()}\n${JSON.stringify(validate.errors)}`);
          }
          // The whole schema (its oneOf on `type`) too, on the first few records of each type.
          const n = firsts.get(value.type) ?? 0;
          if (n < 3) {
            firsts.set(value.type, n + 1);
            if (!whole(value)) throw new Error(`${file}: ${JSON.stringify(whole.errors)}`);
          }
          seen.add(value.type);
          checked++;
        },
      });
      expect(checked).toBeGreaterThan(0);
    });

    it('and the whole schema refuses what no record is', () => {
      expect(whole({ t: 0, type: 'sim.start', scenario: 'x', seed: 1 })).toBe(true);
      expect(whole({ t: 0, type: 'sim.start', scenario: 'x' })).toBe(false);
      expect(whole({ t: 0, type: 'sim.start', scenario: 'x', seed: 1, more: 1 })).toBe(false);
      expect(whole({ t: -1, type: 'sim.start', scenario: 'x', seed: 1 })).toBe(false);
      expect(whole({ t: 0, type: 'sim.nothing' })).toBe(false);
      expect(validatorOf('sim.start')({ t: 0, type: 'sim.start', scenario: 'x' })).toBe(false);
      expect(validatorOf('link.rx')({ t: 0, type: 'link.rx' })).toBe(false);
      expect(seen.size).toBeGreaterThan(40);
    });
  });
});
