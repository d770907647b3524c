// The spanning tree as a behaviour loaded on demand (kindBehaviours.ts): only a scenario with
// switches cabled to switches downloads the protocol, so an embed of anything else stays small.

import type { Simulator } from '../../engine/simulator.ts';
import type { LearningSwitch } from '../../net/link/learningSwitch.ts';
import { SpanningTree, type SpanningTreeOptions } from '../../net/link/spanningTree.ts';

export const stpBehaviour = {
  /** Runs RSTP on the switch's ports (added so far) from time 0, once its links are connected. */
  attach(sim: Simulator, sw: LearningSwitch, options: SpanningTreeOptions): void {
    const stp = new SpanningTree(sim, sw, options);
    sw.stp = stp;
    sim.schedule(0, () => stp.start());
  },
};
