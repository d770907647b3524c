// The apps of a scenario as the builder, the validator and the figures see them: each with its
// kind from the registry and its name in the trace, and the addresses peers name.

import { parseIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import type { Scenario, ScenarioApp, ScenarioNode } from '../scenario/scenarioSchema.ts';
import type { AnyAppKind, AppInstance } from './appKind.ts';
import { APP_KINDS } from './kindRegistry.ts';

const KINDS = new Map<string, AnyAppKind>(APP_KINDS.map((kind) => [kind.type, kind]));

/** The registry's kind of an app. */
export function kindOf(app: { type: string }): AnyAppKind {
  const kind = KINDS.get(app.type);
  if (!kind)
    throw new Error(`no kind "${app.type}" in the registry (validation should have caught this)`);
  return kind;
}

/**
 * The names a node's apps go by in the trace, by index: a server's own name (`web`, `db`), else
 * its kind's name, numbered from the second of a kind on (`http`, `http2`).
 */
export function appLabels(node: ScenarioNode): string[] {
  const seen = new Map<string, number>();
  return (node.apps ?? []).map((app) => {
    const kind = kindOf(app);
    const name = kind.traceName;
    if (kind.nameOf) return kind.nameOf(app) ?? name;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}${n}`;
  });
}

/** The first interface address of a node, for apps that name their peer by node id. */
export function firstAddress(spec: ScenarioNode): Ipv4Address | undefined {
  return spec.interfaces?.find((i) => i.address)?.address?.address;
}

/** Resolves what a peer field names (a node id or an IPv4 literal) in `scenario`. */
export function addressResolver(scenario: Scenario): (peer: string) => Ipv4Address | undefined {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  return (peer) => {
    const literal = parseIpv4(peer);
    if (literal.ok) return literal.address;
    const node = byId.get(peer);
    return node && firstAddress(node);
  };
}

/** Every app of the scenario with its kind and trace name, node by node. */
export function appInstances(
  scenario: Scenario,
): { instance: AppInstance<ScenarioApp>; kind: AnyAppKind }[] {
  const addressOf = addressResolver(scenario);
  return scenario.nodes.flatMap((node) => {
    const labels = appLabels(node);
    return (node.apps ?? []).map((app, index) => ({
      kind: kindOf(app),
      instance: { node: node.id, index, app, label: labels[index] as string, addressOf },
    }));
  });
}
