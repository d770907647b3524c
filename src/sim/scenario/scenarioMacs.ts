// The MAC address of every addressed interface of a scenario (a host's, a router's, one given its
// address by DHCP), of every switch port and of every switch itself (its bridge address, for the
// spanning tree): the one its document gives (`mac`), else derived from the node's id and the
// interface's name (src/net/wire/mac.ts, 02:00:hh:hh:hh:hh), with any two that hash alike, or a
// derived one that a document gives another interface, kept apart. The same document gives the
// same addresses in every run, in the page and the CLI, and adding a node changes no other
// interface's. The builder gives them to the nodes; the node inspector shows them.

import { assignMacs, interfaceKey, type MacAddress } from '../../net/wire/mac.ts';
import type { Scenario } from './scenarioSchema.ts';

/**
 * Each addressed interface's and switch port's MAC, keyed by `interfaceKey(node, interface)`,
 * and each switch's own, keyed by `interfaceKey(switch, '')` (`bridgeMac`): the one its document
 * gives (`mac`), else one derived from the names that no interface of the document has.
 */
export function scenarioMacs(scenario: Pick<Scenario, 'nodes'>): Map<string, MacAddress> {
  const keys: string[] = [];
  const given = new Map<string, MacAddress>();
  for (const node of scenario.nodes) {
    const isSwitch = node.role === 'switch';
    if (isSwitch) keys.push(interfaceKey(node.id, ''));
    for (const iface of node.interfaces ?? []) {
      if (!iface.address && !iface.dhcp && !isSwitch) continue;
      const key = interfaceKey(node.id, iface.name);
      if (iface.mac === undefined) keys.push(key);
      else given.set(key, iface.mac);
    }
  }
  const macs = assignMacs(keys, given.values());
  for (const [key, mac] of given) macs.set(key, mac);
  return macs;
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
