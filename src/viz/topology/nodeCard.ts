// What a node's card in the topology picture lists under its name: one line per interface with
// its address, at most MAX_CARD_LINES, and the card's height for that many lines.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { ScenarioNode } from '../../sim/scenario/scenarioSchema.ts';
import { interfaceText } from '../names/index.ts';
import { clip } from './topologyLayout.ts';
import { topologyPhrases } from './topologyPhrases.ts';

/** Most interface lines a card shows; the rest are counted ("+3 more"). */
export const MAX_CARD_LINES = 4;
/** Baseline of the first interface line, and the step between lines (SVG user units). */
export const CARD_FIRST_LINE = 72;
export const CARD_LINE_STEP = 17;
/** Longest interface line, in characters, that fits the card's width. */
const LINE_CHARS = 26;

/** The interface lines of a node's card: `wlan0 192.168.1.10/24`, ..., `+3 more`. */
export function cardLines(
  node: Pick<ScenarioNode, 'interfaces'>,
  language: Language = ENGLISH,
): string[] {
  const { say } = topologyPhrases.in(language);
  const interfaces = node.interfaces ?? [];
  if (interfaces.length === 0) return [say('card.noInterfaces')];
  const shown =
    interfaces.length <= MAX_CARD_LINES ? interfaces : interfaces.slice(0, MAX_CARD_LINES - 1);
  const lines = shown.map((i) => clip(interfaceText(i), LINE_CHARS));
  if (shown.length < interfaces.length)
    lines.push(say('card.more', { count: interfaces.length - shown.length }));
  return lines;
}

/** Height of a card listing `lines` interface lines (at least one). */
export function cardHeight(lines: number): number {
  return CARD_FIRST_LINE + CARD_LINE_STEP * (Math.max(1, lines) - 1) + 12;
}
