// The run summary as cards of labelled figures, the same data the `handshake run` lines show:
// each app by its kind's own card (src/kinds/*/…View.ts, through the view registry), each action
// with figures of its own (attacks), then each node's resolver, firewall, NAT and CPU, each
// node that crashed, and each that cut, rebuilt or refused packets for their size, in a language (English by default). Links are a table of their own
// (RunSummary.svelte).

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { RunSummary } from '../../sim/index.ts';
import type { NetworkNames } from '../names/networkNames.ts';
import {
  ACTION_VIEWS,
  APP_VIEWS,
  FIREWALL_VIEW,
  NAT_VIEW,
  RESOLVER_VIEW,
} from '../kinds/viewRegistry.ts';
import { cpuCard, fragmentCard, nodeFailureCard, type SummaryCard } from './cardParts.ts';

export type { SummaryCard, SummaryFigure } from './cardParts.ts';

/** Cards for every app, resolver and CPU of a summary, in the registry's order of kinds. */
export function summaryCards(
  s: RunSummary,
  names: NetworkNames,
  language: Language = ENGLISH,
): SummaryCard[] {
  const cards: SummaryCard[] = [];
  const apps = s.apps as Record<string, unknown[] | undefined>;
  for (const view of APP_VIEWS) {
    for (const figures of apps[view.type] ?? []) cards.push(view.card(figures, names, language));
  }
  for (const view of ACTION_VIEWS) {
    for (const figures of s.actions?.[view.type] ?? [])
      if (view.card) cards.push(view.card(figures, names, language));
  }
  for (const r of s.resolvers ?? []) cards.push(RESOLVER_VIEW.card(r, names, language));
  for (const f of s.firewalls ?? []) cards.push(FIREWALL_VIEW.card(f, names, language));
  for (const n of s.nats ?? []) cards.push(NAT_VIEW.card(n, names, language));
  for (const p of s.cpus) cards.push(cpuCard(p, names.name, language));
  for (const f of s.nodeFailures ?? []) cards.push(nodeFailureCard(f, names.name, language));
  for (const f of s.fragmentation ?? []) cards.push(fragmentCard(f, names.name, language));
  // Several apps of a kind on one node: number the second and later cards so every id is unique.
  const seen = new Map<string, number>();
  for (const card of cards) {
    const n = (seen.get(card.id) ?? 0) + 1;
    seen.set(card.id, n);
    if (n > 1) card.id = `${card.id}-${n}`;
  }
  return cards;
}
