// Warnings about a valid scenario: settings that are legal and realistic but will surprise, such
// as switches cabled in a loop (with no spanning tree, a flooded packet circles forever) or a
// client whose packets find no way to its server. The document stays valid and runs; the command
// line and the page show these beside it. Each role gives its own (RoleKind.warn), in the
// registry's order, then the paths of the traffic (reachabilityWarnings.ts), then timed events
// that do nothing (a restart of a node that is running: checkNetworkEvents.ts).

import { ENGLISH, type Language } from '../../engine/language.ts';
import { dhcpWarnings } from '../../kinds/dhcp/dhcpWarningsFeature.ts';
import { NODE_NAT, ROLE_KINDS } from '../kinds/kindRegistry.ts';
import { spoken, type Phrase } from '../schema/phrase.ts';
import { reachabilityWarnings } from './reachabilityWarnings.ts';
import { networkEventWarnings } from './checkNetworkEvents.ts';
import type { Scenario } from './scenarioSchema.ts';

/** One warning: where in the document, what will happen, and what it explains. */
export interface ScenarioWarning {
  /** Where, as a JSON path: `$.links`. */
  path: string;
  /** What will happen, in English words (the CLI's). */
  message: string;
  /** The same as a phrase, for the page's language (phrase.ts); absent: English only. */
  phrase?: Phrase;
  /** When a run stops at its event limit: why this is the likely cause, in words. */
  eventLimitCause?: string;
  /** The same as a phrase, if it has one. */
  eventLimitPhrase?: Phrase;
}

/** The roles whose nodes forward packets (a NAT on any other has a warning). */
const FORWARDING_ROLES: ReadonlySet<string> = new Set(
  ROLE_KINDS.filter((role) => role.forwards).map((role) => role.role),
);

/** The warnings of a validated scenario, empty when it has none. */
export function scenarioWarnings(scenario: Scenario): ScenarioWarning[] {
  return [
    ...ROLE_KINDS.flatMap((role) => role.warn?.(scenario) ?? []),
    ...NODE_NAT.warn(scenario, FORWARDING_ROLES),
    ...dhcpWarnings(scenario),
    ...reachabilityWarnings(scenario),
    ...networkEventWarnings(scenario),
  ];
}

/** The first warning that explains a run stopping at its event limit, if any, in `language`. */
export function eventLimitCause(
  warnings: readonly ScenarioWarning[],
  language: Language = ENGLISH,
): string | undefined {
  const warning = warnings.find((w) => w.eventLimitCause !== undefined);
  if (warning?.eventLimitCause === undefined) return undefined;
  return spoken({ message: warning.eventLimitCause, phrase: warning.eventLimitPhrase }, language);
}

/** What a warning says, in `language` (its English message when it has no phrase). */
export function warningText(warning: ScenarioWarning, language: Language = ENGLISH): string {
  return spoken(warning, language);
}
