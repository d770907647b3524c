// Link ends in scenarios are written "node:interface", or just "node" when the node has one
// interface. Validation and the builder resolve them the same way, here.

import { phrase, sayPhrase, withPhrase, type Phrase } from '../schema/phrase.ts';
import type { Scenario } from './scenarioSchema.ts';

export type LinkEndResult =
  | { ok: true; nodeIndex: number; interfaceIndex: number }
  | { ok: false; error: string; phrase?: Phrase };

function refused(p: Phrase): LinkEndResult {
  return withPhrase({ ok: false as const, error: sayPhrase(p) }, p);
}

/** Finds the node and interface a link end names. */
export function resolveLinkEnd(
  scenario: Scenario,
  end: string,
  nodeIndexById: Map<string, number>,
): LinkEndResult {
  const [nodeId = '', interfaceName] = end.split(':');
  const nodeIndex = nodeIndexById.get(nodeId);
  if (nodeIndex === undefined) {
    return refused(
      phrase('ref.unknownNode', { ids: listIds([...nodeIndexById.keys()]), value: nodeId }),
    );
  }
  const interfaces = scenario.nodes[nodeIndex]?.interfaces ?? [];
  if (interfaceName === undefined) {
    if (interfaces.length === 1) return { ok: true, nodeIndex, interfaceIndex: 0 };
    if (interfaces.length === 0) {
      return refused(phrase('ref.noInterfaces', { node: nodeId }));
    }
    return refused(
      phrase('ref.nameInterface', {
        node: nodeId,
        count: `${interfaces.length}`,
        first: `${interfaces[0]?.name}`,
      }),
    );
  }
  const interfaceIndex = interfaces.findIndex((i) => i.name === interfaceName);
  if (interfaceIndex < 0) {
    const names = interfaces.map((i) => `"${i.name}"`).join(', ');
    return refused(
      phrase('ref.noSuchInterface', {
        node: nodeId,
        interface: interfaceName,
        names: names || phrase('ref.none'),
      }),
    );
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
