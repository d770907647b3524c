// The spanning tree as a behaviour loaded on demand (kindBehaviours.ts): only a scenario with
// switches cabled to switches downloads the protocol, so an embed of anything else stays small.
// Here a switch's bridge ID and edge ports are worked out from the document.

import type { Simulator } from '../../engine/simulator.ts';
import type { LearningSwitch } from '../../net/link/learningSwitch.ts';
import { SpanningTree } from '../../net/link/spanningTree.ts';
import { interfaceKey, type MacAddress } from '../../net/wire/mac.ts';
import { bridgeMac } from '../../sim/scenario/scenarioMacs.ts';
import type { Scenario, ScenarioNode } from '../../sim/scenario/scenarioSchema.ts';
import { switchFacingPorts } from './switchPortsFeature.ts';

export const stpBehaviour = {
  /**
   * Runs RSTP on switch `spec` from time 0, once its links are connected, if a port of it faces
   * another switch; its other ports are edge ports. A switch with no switch beside it runs none.
   */
  attach(
    sim: Simulator,
    sw: LearningSwitch,
    spec: ScenarioNode,
    scenario: Scenario,
    macs: ReadonlyMap<string, MacAddress>,
  ): void {
    const facing = switchFacingPorts(scenario, spec.id);
    const mac = bridgeMac(macs, spec.id);
    if (facing.size === 0 || mac === undefined) return;
    const names = (spec.interfaces ?? []).map((i) => i.name);
    const stp = new SpanningTree(sim, sw, {
      mac,
      ...(spec.bridgePriority !== undefined ? { priority: spec.bridgePriority } : {}),
      portMac: (port) => macs.get(interfaceKey(spec.id, port)) ?? mac,
      edgePorts: new Set(names.filter((n) => !facing.has(n))),
    });
    sw.stp = stp;
    sim.schedule(0, () => stp.start());
  },
};
