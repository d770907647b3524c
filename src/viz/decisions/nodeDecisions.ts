// "What this device decided": a packet's steps at one node, read from the trace. Each visit of the
// packet to the node (its making there, or each arrival) is read by every decider
// (decisionRegistry.ts); their steps are put in the order the packet met them (by stage) and
// worded in the language asked. Pure: the same trace, scenario and choice give the same steps.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { TraceRecords } from '../../engine/trace.ts';
import type { Scenario } from '../../sim/index.ts';
import type { NetworkNames } from '../names/index.ts';
import { decisionPhrases } from './decisionPhrases.ts';
import { DECIDERS } from './decisionRegistry.ts';
import type { DecisionContext, DecisionStep, Indexed } from './decisionTypes.ts';
import { packetRecords, visitsAt } from './packetVisits.ts';

/** One passage of the packet through the node, with what the node decided. */
export interface VisitDecisions {
  /** The node made the packet (else it arrived). */
  made: boolean;
  /** When the visit began. */
  t: number;
  steps: DecisionStep[];
}

/** What the decisions read: the scenario, the trace and the names of the view. */
export interface DecisionInput {
  scenario: Scenario;
  records: TraceRecords;
  names: NetworkNames;
}

/**
 * The steps of packet `pkt` at `node`, visit by visit. `own` is the packet's records
 * (packetRecords), found once per packet and passed again for each node asked about.
 */
export function nodeDecisions(
  input: DecisionInput,
  pkt: number,
  node: string,
  language: Language = ENGLISH,
  own: readonly Indexed[] = packetRecords(input.records, pkt),
): VisitDecisions[] {
  const context: DecisionContext = {
    records: input.records,
    scenario: input.scenario,
    spec: input.scenario.nodes.find((n) => n.id === node),
    names: input.names,
    language,
    say: decisionPhrases.in(language).say,
  };
  return visitsAt(own, pkt, node).map((visit) => {
    const steps = DECIDERS.flatMap((decide) => decide(visit, context));
    // Stable: steps of one stage keep the deciders' order, and each decider's own order.
    steps.sort((a, b) => a.stage - b.stage);
    return { made: visit.made, t: visit.t, steps };
  });
}
