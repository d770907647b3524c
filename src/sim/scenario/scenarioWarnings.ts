// Warnings about a valid scenario: settings that are legal and realistic but will surprise, such
// as switches cabled in a loop (with no spanning tree, a flooded packet circles forever) or a
// client whose packets find no way to its server. The document stays valid and runs; the command
// line and the page show these beside it. Each role gives its own (RoleKind.warn), in the
// registry's order, then the paths of the traffic (reachabilityWarnings.ts).

import { ROLE_KINDS } from '../kinds/kindRegistry.ts';
import { reachabilityWarnings } from './reachabilityWarnings.ts';
import type { Scenario } from './scenarioSchema.ts';

/** One warning: where in the document, what will happen, and what it explains. */
export interface ScenarioWarning {
  /** Where, as a JSON path: `$.links`. */
  path: string;
  /** What will happen, in words. */
  message: string;
  /** When a run stops at its event limit: why this is the likely cause, in words. */
  eventLimitCause?: string;
}

/** The warnings of a validated scenario, empty when it has none. */
export function scenarioWarnings(scenario: Scenario): ScenarioWarning[] {
  return [
    ...ROLE_KINDS.flatMap((role) => role.warn?.(scenario) ?? []),
    ...reachabilityWarnings(scenario),
  ];
}

/** The first warning that explains a run stopping at its event limit, if any. */
export function eventLimitCause(warnings: readonly ScenarioWarning[]): string | undefined {
  return warnings.find((w) => w.eventLimitCause !== undefined)?.eventLimitCause;
}
