// Warnings about a valid scenario's firewalls: a rule that can never match because an earlier
// rule of its chain takes all its packets (shadowedRules.ts), and a firewall node that lets
// everything through (no rules, every policy ACCEPT). The scenario still runs.

import type { Scenario } from '../../sim/scenario/scenarioSchema.ts';
import type { ScenarioWarning } from '../../sim/scenario/scenarioWarnings.ts';
import { sayPhrase } from '../../sim/schema/phrase.ts';
import { CHAIN_NAMES } from './firewallRules.ts';
import { firewallPhrase } from './firewallSchemas.ts';
import { shadowedRules } from './shadowedRules.ts';

const CHAIN_FIELD = { INPUT: 'input', FORWARD: 'forward', OUTPUT: 'output' } as const;

/** The warnings of every node's firewall, in node order. */
export function firewallWarnings(scenario: Scenario): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  scenario.nodes.forEach((node, i) => {
    const rules = node.firewall;
    const at = `$.nodes[${i}]`;
    if (!rules) {
      if (node.role === 'firewall') warnings.push(warning(at, 'warn.noRules', { node: node.id }));
      return;
    }
    const open = CHAIN_NAMES.every(
      (c) => rules[c].rules.length === 0 && rules[c].policy === 'ACCEPT',
    );
    if (open && node.role === 'firewall')
      warnings.push(warning(`${at}.firewall`, 'warn.noRules', { node: node.id }));
    for (const s of shadowedRules(rules)) {
      warnings.push(
        warning(`${at}.firewall.${CHAIN_FIELD[s.chain]}.rules[${s.index}]`, 'warn.shadowed', {
          n: `${s.index + 1}`,
          chain: s.chain,
          node: node.id,
          by: `${s.shadowedBy + 1}`,
        }),
      );
    }
  });
  return warnings;
}

function warning(
  path: string,
  key: 'warn.noRules' | 'warn.shadowed',
  params: Record<string, string>,
): ScenarioWarning {
  const phrase = firewallPhrase({ key, params });
  return { path, message: sayPhrase(phrase), phrase };
}
