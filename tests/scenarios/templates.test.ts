// The templates a new scenario starts from (simulations/templates/*.json): each names the schema the
// repository publishes and meets it (Ajv, 2020-12), is valid for Handshake's own validator, runs in
// the core engine to its time limit with no warning, and the ones with a web client really load
// their page: every request answered 200, as many replies on the server as responses on the client.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../../scripts/scenarioSchema.ts';
import { parseScenarioText, runScenario, scenarioWarnings } from '../../src/sim/index.ts';

const DIR = join(process.cwd(), 'simulations', 'templates');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(
  JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object,
);

function load(file: string) {
  const text = readFileSync(join(DIR, file), 'utf8');
  const result = parseScenarioText(text);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return { text, scenario: result.scenario };
}

describe('simulations/templates/', () => {
  it('has the five templates of the New menu', () => {
    expect(files).toEqual([
      '1-empty.json',
      '2-client-server.json',
      '3-client-router-server.json',
      '4-small-office.json',
      '5-web-farm.json',
    ]);
  });

  it.each(files)('%s names the published schema and meets it', (file) => {
    const { text } = load(file);
    expect(text.startsWith('{\n  "$schema": "../../public/scenario.schema.json",\n')).toBe(true);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(files)('%s runs to its time limit with no warning', (file) => {
    const { scenario } = load(file);
    expect(scenarioWarnings(scenario)).toEqual([]);
    const { summary } = runScenario(scenario);
    expect(summary.reason).toBe('until');
  });

  it('the empty template has no nodes and no links', () => {
    const { scenario } = load('1-empty.json');
    expect(scenario.nodes).toEqual([]);
    expect(scenario.links).toEqual([]);
  });

  // Each web client's visits load the page and its objects; every request is answered 200.
  it.each([
    ['2-client-server.json', { laptop: 2 }],
    ['3-client-router-server.json', { laptop: 2 }],
    ['4-small-office.json', { pc1: 1, pc2: 1 }],
    ['5-web-farm.json', { alice: 3, bob: 3, carol: 3 }],
  ] as const)('%s completes its HTTP exchanges', (file, visits) => {
    const { summary } = runScenario(load(file).scenario);
    const clients = summary.apps.httpClient ?? [];
    const servers = summary.apps.httpServer ?? [];
    expect(Object.fromEntries(clients.map((c) => [c.node, c.visits]))).toEqual(visits);
    for (const c of clients) {
      expect(c.failures, c.node).toBe(0);
      expect(c.requests, c.node).toBeGreaterThanOrEqual(c.visits);
      expect(c.responses, c.node).toBe(c.requests);
      expect(c.statuses, c.node).toEqual({ 200: c.responses });
    }
    const answered = servers.reduce((sum, s) => sum + s.replies, 0);
    expect(answered).toBe(clients.reduce((sum, c) => sum + c.responses, 0));
  });
});
