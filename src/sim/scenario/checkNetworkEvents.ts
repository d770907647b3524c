// Checks of the timed events that happen to the network, which a schema cannot make: each names a
// link, node or interface that exists; only a node with an IP stack (a host or a router) crashes
// or has an interface taken down; a linkChange changes something, and no plain loss on a link
// with burst loss. And the warnings about a valid scenario's events: a restart of a node that is
// not down then, a crash of one already down, an interface brought up that is not down, or taken
// down twice (legal, and harmless: the event does nothing).

import { formatDuration } from '../../engine/time.ts';
import { ROLE_KINDS } from '../kinds/kindRegistry.ts';
import type { ValidationIssue } from '../schema/schema.ts';
import { phrase, phrased, sayPhrase, type Phrase } from '../schema/phrase.ts';
import type { KnownNetwork } from './checkReferences.ts';
import { listIds } from './resolveLinkEnd.ts';
import { isNetworkEvent, type NetworkEvent, type Scenario } from './scenarioSchema.ts';
import type { ScenarioWarning } from './scenarioWarnings.ts';

const ADDRESSED = new Map(ROLE_KINDS.map((r) => [r.role, r.addressed]));

/** Adds an issue for every problem of the scenario's network events. */
export function checkNetworkEvents(
  scenario: Scenario,
  known: KnownNetwork,
  issues: ValidationIssue[],
): void {
  const { linkIndex, nodeIndex } = known;
  scenario.events?.forEach((event, i) => {
    if (!isNetworkEvent(event)) return;
    const path = `$.events[${i}]`;
    if ('link' in event) {
      const k = linkIndex.get(event.link);
      if (k === undefined) {
        const ids = listIds([...linkIndex.keys()]);
        issues.push(phrased(`${path}.link`, phrase('ref.unknownLink', { ids, value: event.link })));
        return;
      }
      if (event.type !== 'linkChange') return;
      const { bandwidth, latency, loss } = event;
      if (bandwidth === undefined && latency === undefined && loss === undefined)
        issues.push(phrased(path, phrase('event.changesNothing')));
      if (loss !== undefined && loss > 0 && scenario.links[k]?.burstLoss)
        issues.push(phrased(`${path}.loss`, phrase('event.lossOnBurst', { link: event.link })));
      return;
    }
    const n = nodeIndex.get(event.node);
    const node = n === undefined ? undefined : scenario.nodes[n];
    if (!node) {
      const ids = listIds([...nodeIndex.keys()]);
      issues.push(phrased(`${path}.node`, phrase('ref.unknownNode', { ids, value: event.node })));
      return;
    }
    if (ADDRESSED.get(node.role) === false) {
      issues.push(
        phrased(`${path}.node`, phrase('event.noStack', { node: node.id, role: node.role })),
      );
      return;
    }
    if (event.type !== 'interfaceDown' && event.type !== 'interfaceUp') return;
    const names = (node.interfaces ?? []).map((x) => x.name);
    if (!names.includes(event.interface))
      issues.push(
        phrased(
          `${path}.interface`,
          phrase('ref.noSuchInterface', {
            node: node.id,
            interface: event.interface,
            names: names.length > 0 ? names.join(', ') : phrase('ref.none'),
          }),
        ),
      );
  });
}

/**
 * Warnings about events that do nothing: in time order (ties in document order, as they run),
 * a node restarted while it is up or crashed while it is down, an interface brought up while up
 * or taken down while down.
 */
export function networkEventWarnings(scenario: Scenario): ScenarioWarning[] {
  const down = new Set<string>();
  const warnings: ScenarioWarning[] = [];
  const ordered = (scenario.events ?? [])
    .map((event, index) => ({ event, index }))
    .filter((e): e is { event: NetworkEvent; index: number } => isNetworkEvent(e.event))
    .sort((a, b) => a.event.at - b.event.at || a.index - b.index);
  for (const { event, index } of ordered) {
    const at = formatDuration(event.at);
    let key: string;
    let idle: Phrase;
    switch (event.type) {
      case 'nodeCrash':
      case 'nodeRestart':
        key = event.node;
        idle =
          event.type === 'nodeCrash'
            ? phrase('warn.alreadyCrashed', { node: event.node, at })
            : phrase('warn.notCrashed', { node: event.node, at });
        break;
      case 'interfaceDown':
      case 'interfaceUp': {
        key = `${event.node}:${event.interface}`;
        const words = { node: event.node, interface: event.interface, at };
        idle =
          event.type === 'interfaceDown'
            ? phrase('warn.interfaceAlreadyDown', words)
            : phrase('warn.interfaceNotDown', words);
        break;
      }
      default:
        continue;
    }
    const goesDown = event.type === 'nodeCrash' || event.type === 'interfaceDown';
    if (goesDown !== down.has(key)) {
      if (goesDown) down.add(key);
      else down.delete(key);
      continue;
    }
    warnings.push({ path: `$.events[${index}]`, message: sayPhrase(idle), phrase: idle });
  }
  return warnings;
}
