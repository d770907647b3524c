// Checks of the actions among a scenario's timed events that a schema cannot make: the acting
// node exists and has an address to send from, its target exists (or, for a DNS name, the node
// has a resolver), the action happens before the document's run ends, and each kind's own checks (a sink
// or web server listening where it sends, behind a NAT's port forward if it sends to one).

import { formatIpv4, parseIpv4 } from '../../net/wire/ipv4Address.ts';
import type { AnyActionKind } from '../kinds/actionKind.ts';
import { kindOf } from '../kinds/appInstances.ts';
import { ACTION_KINDS, NODE_NAT } from '../kinds/kindRegistry.ts';
import type { ValidationIssue } from '../schema/schema.ts';
import { phrase, phrased } from '../schema/phrase.ts';
import { formatDuration } from '../../engine/time.ts';
import { checkPeer, isHostName, type KnownNetwork } from './checkReferences.ts';
import { listIds } from './resolveLinkEnd.ts';
import { isNetworkEvent, type Scenario, type ScenarioNode } from './scenarioSchema.ts';

const KINDS = new Map<string, AnyActionKind>(ACTION_KINDS.map((kind) => [kind.type, kind]));

/** Adds an issue for every problem of the scenario's actions. */
export function checkActions(
  scenario: Scenario,
  known: KnownNetwork,
  issues: ValidationIssue[],
): void {
  const until = scenario.until;
  const nat = NODE_NAT.statically(scenario);
  const listens = (peer: string, protocol: 'tcp' | 'udp', port: number): boolean => {
    // A NAT's port forward: the server behind it must listen (src/kinds/nat).
    const address = parseIpv4(peer);
    const forward = address.ok ? nat.forwardOf(address.address, protocol, port) : undefined;
    const at = forward ? forward.port : port;
    const node = nodeNamed(scenario, known, forward ? formatIpv4(forward.address) : peer);
    return (node?.apps ?? []).some((app) => {
      const socket = kindOf(app).listens?.(app);
      return socket?.protocol === protocol && socket.port === at;
    });
  };
  scenario.events?.forEach((event, i) => {
    if (isNetworkEvent(event)) return;
    const path = `$.events[${i}]`;
    const kind = KINDS.get(event.type);
    if (!kind) return; // the schema knows only the registry's kinds
    const index = known.nodeIndex.get(event.node);
    const node = index === undefined ? undefined : scenario.nodes[index];
    if (!node) {
      issues.push(
        phrased(
          `${path}.node`,
          phrase('ref.unknownNode', {
            ids: listIds([...known.nodeIndex.keys()]),
            value: event.node,
          }),
        ),
      );
      return;
    }
    if (!node.interfaces?.some((x) => x.address || x.dhcp)) {
      issues.push(
        phrased(
          `${path}.node`,
          phrase('action.unaddressed', { node: node.id, action: event.type }),
        ),
      );
      return;
    }
    if (until !== undefined && event.at >= until)
      issues.push(
        phrased(
          `${path}.at`,
          phrase('action.tooLate', { at: formatDuration(event.at), until: formatDuration(until) }),
        ),
      );
    const target = kind.target(event);
    if (isHostName(target.value)) {
      if (!node.dns)
        issues.push(
          phrased(
            `${path}.${target.field}`,
            phrase('app.needsDns', { name: target.value, node: node.id }),
          ),
        );
      return;
    }
    const before = issues.length;
    checkPeer(scenario, target.value, `${path}.${target.field}`, known, issues);
    if (issues.length === before) kind.check?.(event, path, listens, issues);
  });
}

/** The node a peer names: by id, or the owner of an IPv4 address. */
function nodeNamed(
  scenario: Scenario,
  known: KnownNetwork,
  peer: string,
): ScenarioNode | undefined {
  const address = parseIpv4(peer);
  const id = address.ok ? known.ownerOfAddress.get(address.address)?.split(':')[0] : peer;
  const index = id === undefined ? undefined : known.nodeIndex.get(id);
  return index === undefined ? undefined : scenario.nodes[index];
}
