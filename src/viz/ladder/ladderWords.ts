// The words of the ladder, in a language: what an arrow and a run say, the reason of a loss
// beside its cross, the sentences a screen reader hears for an arrow or a run, and a tick of the
// time axis in a unit that suits its step. The phrases themselves are in ladderPhrases.ts.

import { ENGLISH, formatNumber, type Language } from '../../engine/language.ts';
import type { LadderArrow } from './ladder.ts';
import type { PlacedArrow, PlacedItem, PlacedRun } from './ladderGeometry.ts';
import { LADDER_EN, ladderPhrases } from './ladderPhrases.ts';

const UNITS: [number, string][] = [
  [1e9, 's'],
  [1e6, 'ms'],
  [1e3, 'µs'],
  [1, 'ns'],
];

/**
 * A tick of the time axis in a unit that suits the step between ticks: `0.1 s` for steps of
 * 100 ms, `20 ms`, `0.5 ms`, `250 µs`; `0` at the origin. German writes `0,1 s`.
 */
export function formatTimeTick(ns: number, stepNs: number, language: Language = ENGLISH): string {
  if (ns === 0) return '0';
  const [size, unit] = UNITS.find(([u]) => stepNs >= u / 10) ?? [1, 'ns'];
  const decimals = Math.max(0, Math.ceil(-Math.log10(stepNs / size) - 1e-9));
  const value = Number((ns / size).toFixed(decimals));
  const text =
    language === ENGLISH
      ? String(value)
      : formatNumber(language, value, { maximumFractionDigits: decimals, useGrouping: false });
  return `${text} ${unit}`;
}

/** The words drawn on an arrow: `↻ ACK seq=1 ack=1 len=1460 · GET /`, and shorter forms. */
export function arrowTexts(a: LadderArrow, language: Language = ENGLISH): string[] {
  const again = a.retransmit ? '↻ ' : '';
  const dup = a.duplicate ? ladderPhrases.in(language).say('arrow.duplicate') : '';
  const full = `${again}${a.label}${a.message ? ` · ${a.message}` : ''}${dup}`;
  return a.message ? [full, `${again}${a.message}${dup}`] : [full];
}

/** Why a packet was dropped, in words, from the trace's reason (`queueFull`: `queue full`). */
export function dropWords(reason: string, language: Language = ENGLISH): string {
  const key = `drop.${reason}`;
  return Object.hasOwn(LADDER_EN, key)
    ? ladderPhrases.in(language).say(key as keyof typeof LADDER_EN & `drop.${string}`)
    : reason;
}

/** The reason of a loss as written beside its cross. */
export function lossText(
  a: LadderArrow,
  nameOf: (node: string) => string = (n) => n,
  language: Language = ENGLISH,
): string {
  const lost = a.lost;
  if (!lost) return '';
  const { say } = ladderPhrases.in(language);
  return lost.link
    ? say('loss.onLink', { reason: lost.reason, link: lost.link })
    : say('loss.atNode', { reason: lost.reason, node: nameOf(lost.node) });
}

/** `214 data segments (312,440 bytes), 107 ACKs`; no ACK part when there are none. */
export function runLabel(
  segments: number,
  bytes: number,
  acks = 0,
  language: Language = ENGLISH,
): string {
  const { say } = ladderPhrases.in(language);
  const data = say('run.data', {
    segments: say('run.dataSegments', { count: segments }),
    bytes: say('run.bytes', { count: bytes }),
  });
  return acks > 0 ? say('run.withAcks', { data, acks: say('run.acks', { count: acks }) }) : data;
}

/** `214 segments, 107 ACKs`; `214 segments` when there are no ACKs. */
export function runShortLabel(segments: number, acks = 0, language: Language = ENGLISH): string {
  const { say } = ladderPhrases.in(language);
  const data = say('run.segments', { count: segments });
  return acks > 0 ? say('run.withAcks', { data, acks: say('run.acks', { count: acks }) }) : data;
}

/**
 * What a screen reader hears for an arrow: the words drawn on it first (WCAG's "label in name"),
 * then the packet, why it was sent again and what became of it.
 */
export function arrowSpoken(
  a: PlacedArrow,
  nameOf: (node: string) => string,
  language: Language = ENGLISH,
): string {
  const { say } = ladderPhrases.in(language);
  const r = a.arrow;
  const fate =
    a.end === 'lost'
      ? say('spoken.lost', { reason: lossText(r, nameOf, language) })
      : a.end === 'flight'
        ? say('spoken.flight')
        : r.refused
          ? say('spoken.refused', { reason: r.refused })
          : '';
  const again = r.retransmit ? say('spoken.again', { why: r.retransmit }) : '';
  const shown = [a.label?.text, a.reason?.text].filter(Boolean);
  const lead = shown.length > 0 ? `${shown.join(' ')}. ` : '';
  return say('spoken.arrow', { lead, pkt: String(r.pkt), title: r.title, again, fate });
}

/** What a screen reader hears for a run: its counts, who sent what, and how to open it. */
export function runSpoken(
  p: PlacedRun,
  endpoints: readonly [string, string],
  language: Language = ENGLISH,
): string {
  const { say } = ladderPhrases.in(language);
  const [a, b] = p.run.from === 0 ? endpoints : [endpoints[1], endpoints[0]];
  const still = p.flight ? say('spoken.runFlight') : '';
  const back = p.run.acks > 0 ? say('spoken.runAcks', { from: b, to: a }) : '';
  const label = runLabel(p.run.segments, p.run.bytes, p.run.acks, language);
  return say('spoken.run', { label, from: a, to: b, back, still });
}

/** The full words of the item with the keyboard focus, shown under the ladder. */
export function focusWords(
  item: PlacedItem,
  endpoints: readonly [string, string],
  nameOf: (node: string) => string,
  language: Language = ENGLISH,
): string {
  if (item.kind === 'run') return runSpoken(item, endpoints, language);
  const { say } = ladderPhrases.in(language);
  const [text = ''] = arrowTexts(item.arrow, language);
  const reason =
    item.end === 'lost'
      ? say('focus.lostReason', { reason: lossText(item.arrow, nameOf, language) })
      : '';
  return say('focus.arrow', { text, reason, pkt: String(item.arrow.pkt), title: item.arrow.title });
}

/** The selected packet's full words, shown under the ladder when no item has the focus. */
export function selectedWords(a: LadderArrow, language: Language = ENGLISH): string {
  const [text = ''] = arrowTexts(a, language);
  return ladderPhrases.in(language).say('selected', { text, pkt: String(a.pkt), title: a.title });
}

/** The ladder drawn whole when too dense to draw item by item, for screen readers. */
export function denseWords(count: number, language: Language = ENGLISH): string {
  return ladderPhrases.in(language).say('dense', { count });
}
