// The MAC address of every addressed interface of a scenario (a host's, a router's), of every
// switch port and of every switch itself (its bridge address, for the spanning tree): derived
// from the node's id and the interface's name (src/net/wire/mac.ts, 02:00:hh:hh:hh:hh), with
// any two that hash alike kept apart. The same document gives the same addresses in every run,
// in the page and the CLI, and adding a node changes no other interface's. The builder gives
// them to the nodes; the node inspector shows them.

import { assignMacs, interfaceKey, type MacAddress } from '../../net/wire/mac.ts';
import type { Scenario } from './scenarioSchema.ts';

/**
 * Each addressed interface's and switch port's MAC, keyed by `interfaceKey(node, interface)`,
 * and each switch's own, keyed by `interfaceKey(switch, '')` (`bridgeMac`).
 */
export function scenarioMacs(scenario: Pick<Scenario, 'nodes'>): Map<string, MacAddress> {
  const keys: string[] = [];
  for (const node of scenario.nodes) {
    const isSwitch = node.role === 'switch';
    if (isSwitch) keys.push(interfaceKey(node.id, ''));
    for (const iface of node.interfaces ?? []) {
      if (iface.address || isSwitch) keys.push(interfaceKey(node.id, iface.name));
    }
  }
  return assignMacs(keys);
}

/** A switch's own MAC: the low 48 bits of its bridge ID. */
export function bridgeMac(
  macs: ReadonlyMap<string, MacAddress>,
  node: string,
): MacAddress | undefined {
  return macs.get(interfaceKey(node, ''));
}

/** The MAC of `node`'s interface `iface`, if it has an address. */
export function interfaceMac(
  macs: ReadonlyMap<string, MacAddress>,
  node: string,
  iface: string,
): MacAddress | undefined {
  return macs.get(interfaceKey(node, iface));
}
