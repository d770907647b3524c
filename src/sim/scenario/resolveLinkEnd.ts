// Link ends in scenarios are written "node:interface", or just "node" when the node has one
// interface. Validation and the builder resolve them the same way, here.

import type { Scenario } from './scenarioSchema.ts';

export type LinkEndResult =
  { ok: true; nodeIndex: number; interfaceIndex: number } | { ok: false; error: string };

/** Finds the node and interface a link end names. */
export function resolveLinkEnd(
  scenario: Scenario,
  end: string,
  nodeIndexById: Map<string, number>,
): LinkEndResult {
  const [nodeId = '', interfaceName] = end.split(':');
  const nodeIndex = nodeIndexById.get(nodeId);
  if (nodeIndex === undefined) {
    return {
      ok: false,
      error: `expected the id of a node (${listIds([...nodeIndexById.keys()])}), got "${nodeId}"`,
    };
  }
  const interfaces = scenario.nodes[nodeIndex]?.interfaces ?? [];
  if (interfaceName === undefined) {
    if (interfaces.length === 1) return { ok: true, nodeIndex, interfaceIndex: 0 };
    if (interfaces.length === 0) {
      return {
        ok: false,
        error: `node "${nodeId}" has no interfaces: give it one, e.g. { "name": "eth0", "address": "10.0.0.2/24" }`,
      };
    }
    return {
      ok: false,
      error: `node "${nodeId}" has ${interfaces.length} interfaces: name one, e.g. "${nodeId}:${interfaces[0]?.name}"`,
    };
  }
  const interfaceIndex = interfaces.findIndex((i) => i.name === interfaceName);
  if (interfaceIndex < 0) {
    const names = interfaces.map((i) => `"${i.name}"`).join(', ') || 'none';
    return {
      ok: false,
      error: `node "${nodeId}" has no interface "${interfaceName}" (it has: ${names})`,
    };
  }
  return { ok: true, nodeIndex, interfaceIndex };
}

/** Up to eight ids, quoted, for messages. */
export function listIds(ids: readonly string[]): string {
  const shown = ids
    .slice(0, 8)
    .map((id) => `"${id}"`)
    .join(', ');
  return ids.length > 8 ? `${shown}, …` : shown;
}
