// Turns untrusted text into a checked Scenario: JSON syntax (with line and column), the schema,
// then what the schema cannot see: checkTcpSettings.ts for each node's TCP, checkReferences.ts
// for the network, checkApps.ts for the apps, each role and kind adding its own.

import type { ValidationIssue } from '../schema/schema.ts';
import { scenarioSchema, type Scenario } from './scenarioSchema.ts';
import { checkApps } from './checkApps.ts';
import { checkReferences, checkResolversAndEvents } from './checkReferences.ts';
import { checkTcpSettings } from './checkTcpSettings.ts';

export type { ValidationIssue } from '../schema/schema.ts';

export type ScenarioResult =
  { ok: true; scenario: Scenario } | { ok: false; issues: ValidationIssue[] };

/** Parses JSON text and validates it as a scenario. Never throws for bad input. */
export function parseScenarioText(text: string): ScenarioResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '$', message: describeJsonError(text, error) }] };
  }
  return validateScenario(value);
}

/** Validates an already-parsed value as a scenario. */
export function validateScenario(value: unknown): ScenarioResult {
  const issues: ValidationIssue[] = [];
  const scenario = scenarioSchema.parse(value, '$', issues);
  if (!scenario) {
    return { ok: false, issues };
  }
  scenario.nodes.forEach((node, i) => checkTcpSettings(node.tcp, `$.nodes[${i}].tcp`, issues));
  const known = checkReferences(scenario, issues);
  checkApps(scenario, known, issues);
  checkResolversAndEvents(scenario, known, issues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario };
}

/** Rewrites a JSON.parse error as "invalid JSON at line L, column C: reason". */
export function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(raw);
  const reason = raw
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/,? in JSON at position \d+.*$/, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/^JSON\.parse: /, '');
  if (lineColumn)
    return `invalid JSON at line ${lineColumn[1]}, column ${lineColumn[2]}: ${reason}`;
  if (text.trim() === '') return 'invalid JSON: the document is empty';
  const atEnd = /Unexpected end of JSON input/.test(raw);
  if (position || atEnd) {
    const offset = atEnd ? text.length : Number(position?.[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return `invalid JSON at line ${line}, column ${column}: ${reason}`;
  }
  return `invalid JSON: ${reason}`;
}
