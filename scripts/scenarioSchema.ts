// Writes public/scenario.schema.json, the published JSON Schema of handshake/scenario@1, from the
// validator's own schema (scenarioJsonSchema()): `npm run schema`. Vite serves public/ as is, so
// the page serves it at /scenario.schema.json. tests/scenarios/scenarioSchemaFile.test.ts fails
// when the file is not what this script writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { SCENARIO_SCHEMA_FILE, scenarioJsonSchema } from '../src/sim/scenario/scenarioSchema.ts';

/** Where the published schema lives in the repository. */
export const SCHEMA_PATH = `public/${SCENARIO_SCHEMA_FILE}`;

/** The text of the published schema, formatted as the repository formats JSON. */
export async function renderScenarioSchema(): Promise<string> {
  const options = (await resolveConfig(SCHEMA_PATH)) ?? {};
  return format(JSON.stringify(scenarioJsonSchema()), { ...options, parser: 'json' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await renderScenarioSchema();
  const before = (() => {
    try {
      return readFileSync(SCHEMA_PATH, 'utf8');
    } catch {
      return '';
    }
  })();
  writeFileSync(SCHEMA_PATH, text);
  console.log(`${SCHEMA_PATH}: ${before === text ? 'unchanged' : 'written'}`);
}
