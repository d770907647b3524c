// The firewall role: a router whose `firewall` setting filters what it forwards (its FORWARD
// chain), what is sent to it (INPUT) and what it sends (OUTPUT). Any node with an address can
// have a `firewall` setting (a host firewall); this role only draws the node as a firewall and
// warns when it lets everything through. Its warnings cover every node with a firewall: a rule
// that can never match, as an earlier rule of its chain takes all its packets (shadowedRules.ts).

import type { RoleKind } from '../../sim/kinds/roleKind.ts';
import type { Scenario } from '../../sim/scenario/scenarioSchema.ts';
import type { ScenarioWarning } from '../../sim/scenario/scenarioWarnings.ts';
import { sayPhrase } from '../../sim/schema/phrase.ts';
import { CHAIN_NAMES } from './firewallRules.ts';
import { firewallPhrase } from './firewallSchemas.ts';
import { shadowedRules } from './shadowedRules.ts';

export const firewallRole: RoleKind = {
  role: 'firewall',
  description:
    'A router that filters the packets it forwards, by the rules of its firewall setting.',
  addressed: true,
  forwards: true,
  warn: firewallWarnings,
  build: (sim, spec, buildHost) => buildHost(sim, spec, { router: true }),
};

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
