// A node's crashes and restarts (the scenario's nodeCrash and nodeRestart events). A node that the
// scenario crashes runs its software (transport layers, CPU, resolver, apps) in a SimulatorScope,
// so that a crash voids every timer it had set; nodes that never crash run on the simulator
// itself and pay nothing. A crash takes the IP layer down (every packet dropped, nodeDown), drops
// every socket and connection without sending anything, and forgets the CPU and the resolver; a
// restart brings the IP layer back and boots the node's software again from its configuration.

import type { Simulator } from '../../engine/simulator.ts';
import { SimulatorScope } from '../../engine/simulatorScope.ts';
import type { BuiltNode, HostNode } from '../kinds/roleKind.ts';
import type { Scenario } from '../scenario/scenarioSchema.ts';

/** The scopes of the nodes a scenario crashes, by node id. */
export type NodeScopes = ReadonlyMap<string, SimulatorScope>;

/** A scope for each node that a `nodeCrash` event names. */
export function nodeScopes(sim: Simulator, scenario: Scenario): NodeScopes {
  const scopes = new Map<string, SimulatorScope>();
  for (const event of scenario.events ?? [])
    if (event.type === 'nodeCrash' && !scopes.has(event.node))
      scopes.set(event.node, new SimulatorScope(sim));
  return scopes;
}

/** The simulator as a node's software sees it: its scope's view when it can crash. */
export function simulatorOf(sim: Simulator, scopes: NodeScopes, node: string): Simulator {
  return scopes.get(node)?.sim ?? sim;
}

/** What the builder does around a crash and a restart, beyond the network's part. */
export interface NodeLifeHooks {
  /** The node's software is gone: forget what the builder keeps of it (its CPU, its resolver). */
  crashed(host: HostNode): void;
  /** The node is running again: start its software afresh (its servers listen again). */
  restarted(host: HostNode): void;
}

/** Schedules the scenario's crashes and restarts (validated: they name nodes with an IP stack). */
export function scheduleNodeLife(
  sim: Simulator,
  scenario: Scenario,
  nodes: ReadonlyMap<string, BuiltNode>,
  scopes: NodeScopes,
  hooks: NodeLifeHooks,
): void {
  for (const event of scenario.events ?? []) {
    if (event.type !== 'nodeCrash' && event.type !== 'nodeRestart') continue;
    const host = nodes.get(event.node);
    if (host?.kind !== 'host') continue;
    if (event.type === 'nodeCrash') {
      const scope = scopes.get(event.node);
      sim.scheduleAt(event.at, () => {
        if (!host.net.up) return;
        host.net.crash();
        host.tcp.crash();
        host.udp.crash();
        scope?.cancelAll();
        hooks.crashed(host);
      });
    } else {
      sim.scheduleAt(event.at, () => {
        if (host.net.up) return;
        host.net.restart();
        hooks.restarted(host);
      });
    }
  }
}
