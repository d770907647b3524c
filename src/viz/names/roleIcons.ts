// The role of each node as a small line icon (SVG path data in a 24 x 24 box, drawn with a
// stroke) and as words, so the picture says what a node is by shape and by text, not by colour.
// Each role's words (in each language, its phrasebook) and icon are in its own view
// (src/kinds/*/…View.ts, the view registry).

import { ENGLISH, type Language } from '../../engine/language.ts';
import { ROLE_VIEWS } from '../kinds/roleViews.ts';

const VIEWS = new Map(ROLE_VIEWS.map((view) => [view.role, view]));

/** The words for a role in a language (the role itself when unknown): `router`, `Router`. */
export function roleName(role: string, language: Language = ENGLISH): string {
  return VIEWS.get(role)?.name(language) ?? role;
}

/** The icon of a role; unknown roles get a plain box. */
export function roleIcon(role: string): string {
  return VIEWS.get(role)?.icon ?? 'M4 4h16v16H4z';
}

/** Whether sentences name a node of this role with its role first (`Router r1`). */
export function isDevice(role: string): boolean {
  return VIEWS.get(role)?.device ?? false;
}

/** The colour band of a role's nodes (unknown roles are devices). */
export function roleTone(role: string): 'client' | 'server' | 'device' {
  return VIEWS.get(role)?.tone ?? 'device';
}

/** What the node inspector says instead of a routing table, for roles without one. */
export function noRoutingTable(role: string, language: Language = ENGLISH): string | undefined {
  return VIEWS.get(role)?.noRoutingTable?.(language);
}
