// Wires a validated scenario's network: each node built by its role (src/kinds/), a
// PointToPointLink per link between the ends its roles made, and the timed events of links (what
// each does to its link: scenario/linkEvents.ts) and interfaces (down, up). Crashes and restarts
// are nodeLife.ts's.

import type { Simulator } from '../../engine/simulator.ts';
import type { Attachable } from '../../net/link/linkEndpoint.ts';
import { PointToPointLink } from '../../net/link/pointToPointLink.ts';
import { ROLE_KINDS } from '../kinds/kindRegistry.ts';
import { buildHost } from './buildHost.ts';
import { runsSpanningTree, stpBehaviour } from '../kinds/kindBehaviours.ts';
import type { BuildContext, BuiltNode, HostBuilder, RoleKind } from '../kinds/roleKind.ts';
import { scenarioMacs } from '../scenario/scenarioMacs.ts';
import { DEFAULT_BANDWIDTH, DEFAULT_QUEUE_PACKETS } from '../scenario/defaults.ts';
import { applyLinkEvent, isLinkEvent } from '../scenario/linkEvents.ts';
import { resolveLinkEnd } from '../scenario/resolveLinkEnd.ts';
import type { Scenario, ScenarioNode } from '../scenario/scenarioSchema.ts';

export interface Network {
  nodes: Map<string, BuiltNode>;
  links: Map<string, PointToPointLink>;
}

const ROLES = new Map<string, RoleKind>(ROLE_KINDS.map((r) => [r.role, r]));

/**
 * Builds the nodes and links of a scenario that passed validation. `simOf` gives the simulator a
 * node is built on (a crashing node's scope, nodeLife.ts); links are built on `sim`.
 */
export function buildNetwork(
  sim: Simulator,
  scenario: Scenario,
  simOf: (node: string) => Simulator = () => sim,
): Network {
  const nodes = new Map<string, BuiltNode>();
  const ends = new Map<string, Attachable>();
  const macs = scenarioMacs(scenario);
  // Loaded only when a switch faces a switch (kindsNeeded); otherwise there is no tree to run.
  const runSpanningTree: BuildContext['runSpanningTree'] = (...args) => {
    if (runsSpanningTree(scenario)) stpBehaviour().attach(...args);
  };
  const host: HostBuilder = (s, spec, options) => buildHost(s, spec, { ...options, macs });
  for (const spec of scenario.nodes) {
    const role = ROLES.get(spec.role);
    if (!role)
      throw new Error(
        `node ${spec.id}: no role "${spec.role}" (validation should have caught this)`,
      );
    const built = role.build(simOf(spec.id), spec, host, { scenario, macs, runSpanningTree });
    nodes.set(spec.id, built.node);
    for (const [name, end] of built.ends) ends.set(`${spec.id}:${name}`, end);
  }

  const nodeIndex = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const links = new Map<string, PointToPointLink>();
  for (const spec of scenario.links) {
    const [a, b] = [spec.a, spec.b].map((end) => {
      const resolved = resolveLinkEnd(scenario, end, nodeIndex);
      if (!resolved.ok)
        throw new Error(`link ${spec.id}: ${resolved.error} (validation should have caught this)`);
      const node = scenario.nodes[resolved.nodeIndex] as ScenarioNode;
      const name = node.interfaces?.[resolved.interfaceIndex]?.name ?? '';
      const attachable = ends.get(`${node.id}:${name}`);
      if (!attachable)
        throw new Error(
          `link ${spec.id}: ${node.id}:${name} has no address (validation should have caught this)`,
        );
      return attachable;
    }) as [Attachable, Attachable];
    const link = new PointToPointLink(sim, {
      id: spec.id,
      bandwidth: spec.bandwidth ?? DEFAULT_BANDWIDTH,
      delay: spec.latency,
      loss: spec.loss ?? 0,
      duplicate: spec.duplicate ?? 0,
      ...(spec.burstLoss ? { burstLoss: spec.burstLoss } : {}),
      ...(spec.jitter ? { jitter: spec.jitter } : {}),
      ...(spec.corrupt ? { corrupt: spec.corrupt } : {}),
      ...(spec.reorder
        ? { reorder: { probability: spec.reorder.probability, extraDelay: spec.reorder.delay } }
        : {}),
      queue: spec.queue ?? { packets: DEFAULT_QUEUE_PACKETS },
    });
    link.connect(a, b);
    links.set(spec.id, link);
  }

  for (const event of scenario.events ?? []) {
    if (isLinkEvent(event)) {
      const link = links.get(event.link);
      if (link) sim.scheduleAt(event.at, () => applyLinkEvent(event, link));
      continue;
    }
    switch (event.type) {
      case 'interfaceDown':
      case 'interfaceUp': {
        const node = nodes.get(event.node);
        const up = event.type === 'interfaceUp';
        if (node?.kind === 'host')
          sim.scheduleAt(event.at, () => node.net.setInterfaceUp(event.interface, up));
        break;
      }
      default: // a node's action (started with the apps) or its crash or restart (nodeLife.ts)
        break;
    }
  }
  return { nodes, links };
}
