// Turns untrusted text into a checked Scenario: JSON syntax (with line and column), the schema,
// then the cross-references the schema cannot see (unique ids, links and peers that exist).

import type { ValidationIssue } from '../schema/schema.ts';
import { scenarioSchema, type Scenario } from './scenarioSchema.ts';

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
  checkReferences(scenario, issues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario };
}

function checkReferences(scenario: Scenario, issues: ValidationIssue[]): void {
  const nodeIndex = new Map<string, number>();
  scenario.nodes.forEach((node, i) => {
    const first = nodeIndex.get(node.id);
    if (first !== undefined) {
      issues.push({
        path: `$.nodes[${i}].id`,
        message: `duplicates the id "${node.id}" of $.nodes[${first}]`,
      });
    } else {
      nodeIndex.set(node.id, i);
    }
  });
  const linkIds = new Map<string, number>();
  const neighbours = new Map<string, Set<string>>();
  scenario.links.forEach((link, i) => {
    const first = linkIds.get(link.id);
    if (first !== undefined) {
      issues.push({
        path: `$.links[${i}].id`,
        message: `duplicates the id "${link.id}" of $.links[${first}]`,
      });
    }
    linkIds.set(link.id, i);
    for (const end of ['a', 'b'] as const) {
      if (!nodeIndex.has(link[end])) {
        issues.push({
          path: `$.links[${i}].${end}`,
          message: `expected the id of a node (${listIds(nodeIndex)}), got "${link[end]}"`,
        });
      }
    }
    if (link.a === link.b) {
      issues.push({
        path: `$.links[${i}].b`,
        message: `a link must join two different nodes, both ends are "${link.a}"`,
      });
    }
    if (!neighbours.has(link.a)) neighbours.set(link.a, new Set());
    if (!neighbours.has(link.b)) neighbours.set(link.b, new Set());
    neighbours.get(link.a)?.add(link.b);
    neighbours.get(link.b)?.add(link.a);
  });
  // A broken link would make every peer behind it look unlinked too; report the link alone.
  const linksValid = issues.length === 0;
  scenario.nodes.forEach((node, i) => {
    const pingerPeers = new Set<string>();
    let echoes = 0;
    node.apps?.forEach((app, j) => {
      if (app.type === 'echo' && ++echoes > 1) {
        issues.push({
          path: `$.nodes[${i}].apps[${j}]`,
          message: 'a node runs at most one echo app',
        });
      }
      if (app.type !== 'pinger') return;
      if (pingerPeers.has(app.peer)) {
        issues.push({
          path: `$.nodes[${i}].apps[${j}].peer`,
          message: `another pinger on "${node.id}" already talks to "${app.peer}"`,
        });
      }
      pingerPeers.add(app.peer);
      const path = `$.nodes[${i}].apps[${j}].peer`;
      if (!nodeIndex.has(app.peer)) {
        issues.push({
          path,
          message: `expected the id of a node (${listIds(nodeIndex)}), got "${app.peer}"`,
        });
      } else if (linksValid && !neighbours.get(node.id)?.has(app.peer)) {
        issues.push({
          path,
          message: `"${app.peer}" is not linked to "${node.id}": add a link between them`,
        });
      } else if (
        !scenario.nodes[nodeIndex.get(app.peer) ?? -1]?.apps?.some((a) => a.type === 'echo')
      ) {
        issues.push({ path, message: `"${app.peer}" runs no echo app to answer requests` });
      }
    });
  });
}

function listIds(index: Map<string, number>): string {
  const ids = [...index.keys()];
  const shown = ids
    .slice(0, 8)
    .map((id) => `"${id}"`)
    .join(', ');
  return ids.length > 8 ? `${shown}, …` : shown;
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
