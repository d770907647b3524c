// Turns untrusted text into a checked Scenario: JSON syntax (with line and column), the schema,
// then what the schema cannot see: checkTcpSettings.ts for each node's TCP, checkReferences.ts
// for the network, checkApps.ts for the apps, checkActions.ts for the actions at a moment,
// checkNetworkEvents.ts for the network's timed events, each role and kind adding its own.

import { NODE_DHCP, NODE_NAT } from '../kinds/kindRegistry.ts';
import { parseJsonText } from '../schema/jsonText.ts';
import type { ValidationIssue } from '../schema/schema.ts';
import { withPhrase } from '../schema/phrase.ts';
import { scenarioSchema, type Scenario } from './scenarioSchema.ts';
import { checkActions } from './checkActions.ts';
import { checkApps } from './checkApps.ts';
import { checkReferences, checkResolvers } from './checkReferences.ts';
import { checkRoleFields } from './checkRoleFields.ts';
import { checkTcpSettings } from './checkTcpSettings.ts';
import { checkNetworkEvents } from './checkNetworkEvents.ts';

export type { ValidationIssue } from '../schema/schema.ts';

export type ScenarioResult =
  { ok: true; scenario: Scenario } | { ok: false; issues: ValidationIssue[] };

/**
 * Parses JSON text (a leading byte-order mark ignored; a syntax error with its line and column,
 * jsonText.ts) and validates it as a scenario. Never throws for bad input.
 */
export function parseScenarioText(text: string): ScenarioResult {
  const json = parseJsonText(text);
  if (!json.ok)
    return { ok: false, issues: [withPhrase({ path: '$', message: json.message }, json.phrase)] };
  return validateScenario(json.value);
}

/** Validates an already-parsed value as a scenario. */
export function validateScenario(value: unknown): ScenarioResult {
  const issues: ValidationIssue[] = [];
  const scenario = scenarioSchema.parse(value, '$', issues);
  if (!scenario) {
    return { ok: false, issues };
  }
  scenario.nodes.forEach((node, i) => checkTcpSettings(node.tcp, `$.nodes[${i}].tcp`, issues));
  checkRoleFields(scenario, issues);
  const known = checkReferences(scenario, issues);
  checkApps(scenario, known, issues);
  checkResolvers(scenario, known, issues);
  checkActions(scenario, known, issues);
  scenario.nodes.forEach((node, i) => NODE_NAT.check(node, `$.nodes[${i}].nat`, issues));
  NODE_DHCP.check(scenario, issues);
  checkNetworkEvents(scenario, known, issues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario };
}
