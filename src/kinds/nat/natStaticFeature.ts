// What a scenario's NATs do to addresses, from the document alone, for the checks before a run:
// the inside server a port forward sends a packet on to, and the public address a masquerade
// rule gives a packet leaving by its interface (so the reachability warnings follow the
// translated packets); and the warnings about a `nat` setting that is legal but likely wrong.

import {
  contains,
  formatIpv4,
  formatPrefix,
  type Ipv4Address,
} from '../../net/wire/ipv4Address.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import type { Scenario, ScenarioNode } from '../../sim/scenario/scenarioSchema.ts';
import type { ScenarioWarning } from '../../sim/scenario/scenarioWarnings.ts';
import { natCheckPhrases } from './natCheckPhrases.ts';

/** Where a port forward sends a packet: the NAT (a node's index), the inside address and port. */
export interface StaticForward {
  nat: number;
  address: Ipv4Address;
  port: number;
}

/** The NATs of a scenario, asked about one packet at a time. */
export interface StaticNat {
  /** The port forward that takes a packet to `dst` (TCP or UDP, to `port`), if one does. */
  forwardOf(dst: Ipv4Address, protocol: 'tcp' | 'udp', port: number): StaticForward | undefined;
  /** The public address a packet from `source` gets leaving node `node` by `iface`, if any. */
  masqueradeOf(node: number, iface: string, source: Ipv4Address): Ipv4Address | undefined;
}

function addressOf(node: ScenarioNode, iface: string): Ipv4Address | undefined {
  return node.interfaces?.find((x) => x.name === iface)?.address?.address;
}

/** The NATs of `scenario` (validated). */
export function natStatically(scenario: Scenario): StaticNat {
  const nodes = scenario.nodes;
  return {
    forwardOf(dst, protocol, port) {
      for (const [index, node] of nodes.entries()) {
        for (const rule of node.nat?.portForwards ?? []) {
          if (addressOf(node, rule.in) !== dst || rule.protocol !== protocol) continue;
          if (port < rule.port.low || port > rule.port.high) continue;
          return { nat: index, address: rule.to.address, port: rule.to.port ?? port };
        }
      }
      return undefined;
    },
    masqueradeOf(index, iface, source) {
      const node = nodes[index];
      const rules = node?.nat?.masquerade ?? [];
      const rule = rules.find((r) => r.out === iface && (!r.source || contains(r.source, source)));
      const address = rule && node ? addressOf(node, iface) : undefined;
      return address === source ? undefined : address;
    },
  };
}

/**
 * Warnings about the scenario's `nat` settings: a port forward to an address on none of the
 * node's subnets, a NAT on a node that does not forward (`forwards`: the roles that do).
 */
export function natWarnings(scenario: Scenario, forwards: ReadonlySet<string>): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  scenario.nodes.forEach((node, i) => {
    if (!node.nat) return;
    const at = `$.nodes[${i}].nat`;
    if (!forwards.has(node.role))
      warnings.push(
        phrased(
          at,
          bookPhrase(natCheckPhrases, 'warn.notRouter', { node: node.id, role: node.role }),
        ),
      );
    const subnets = (node.interfaces ?? []).flatMap((x) => (x.address ? [x.address.prefix] : []));
    node.nat.portForwards?.forEach((rule, j) => {
      if (subnets.some((s) => contains(s, rule.to.address))) return;
      warnings.push(
        phrased(
          `${at}.portForwards[${j}].to`,
          bookPhrase(natCheckPhrases, 'warn.forwardOffSubnet', {
            n: `${j + 1}`,
            node: node.id,
            address: formatIpv4(rule.to.address),
            subnets: subnets.map(formatPrefix).join(', ') || '-',
          }),
        ),
      );
    });
  });
  return warnings;
}
