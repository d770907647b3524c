// What every panel of the simulator view receives: the scenario, the trace recorded so far, the
// moment being shown, and what the learner selected. The view at time t is a pure function of
// (trace, t), so panels derive everything from these and hold no simulation state of their own.

import type { LayerChoice } from '../layers/index.ts';
import type { TraceRecords } from '../../engine/trace.ts';
import type { Scenario } from '../../sim/index.ts';
import type { NetworkNames } from '../names/index.ts';

/** The input of every panel. */
export interface ViewInput {
  scenario: Scenario;
  /** The whole trace recorded so far, in time order (it may still grow while a run streams in). */
  records: TraceRecords;
  /** The simulated moment shown, in ns: records with `t <= time` have happened. */
  time: number;
  /** Display names of nodes, links and addresses. */
  names: NetworkNames;
  /** The layer the layer view shows (absent or 'all': every layer, as an embed always shows). */
  layer?: LayerChoice;
}

/** What the learner picked to inspect. */
export type Selection =
  | { kind: 'packet'; pkt: number; link: string | null }
  | { kind: 'node'; node: string }
  | { kind: 'connection'; node: string; conn: string }
  | { kind: 'link'; link: string }
  | null;

/** Called by a panel when the learner selects something in it. */
export type SelectHandler = (selection: Selection) => void;
