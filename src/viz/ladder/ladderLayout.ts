// The ladder laid out once and cut at each moment. `layoutLadder` places every arrow and run of a
// time span as it will be once everything in it has arrived or been lost, labels included (no
// label over another); `ladderAt` then shows what was sent by the time shown, reusing each settled
// item as laid out and drawing again only what is still on its way (its label placed among the
// settled ones). The learner dragging the timeline thus costs a pass over the items, not a layout.

import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Ladder, LadderArrow } from './ladder.ts';
import { ENGLISH, type Language } from '../../engine/language.ts';
import { arrowTexts, formatTimeTick, lossText, runLabel, runShortLabel } from './ladderWords.ts';
import {
  GAP,
  LADDER_BOTTOM,
  LADDER_TOP,
  LadderGeometry,
  band,
  extent,
  settlesAt,
  type ArrowDraft,
  type PlacedArrow,
  type PlacedItem,
  type PlacedRun,
  type PlacedText,
} from './ladderGeometry.ts';
import {
  boxesIntersect,
  fitText,
  placeLabels,
  type Box,
  type LabelCandidate,
} from './ladderLabels.ts';
import { collapseRuns, type LadderItem, type LadderRun } from './ladderRuns.ts';

/** How a layout is drawn: the time span, how tall, how wide, what is open and chosen. */
export interface LadderLayoutOptions {
  /** The time span laid out, ns. */
  domain: readonly [number, number];
  width: number;
  /** Pixels per millisecond; when absent the span fits `fitHeight`. */
  pxPerMs?: number;
  fitHeight?: number;
  /** Zoomed over the run so far: the page ends where the exchange shown does, growing with time. */
  grows?: boolean;
  /** Ids of runs the learner opened: their segments are drawn one by one. */
  expanded?: ReadonlySet<string>;
  /** The arrow whose label goes before every other (the selected packet's), by key. */
  first?: string | null;
  /** Width of one character of the label font (monospace), px. */
  charWidth?: number;
  /** A node's name for the reasons of losses. */
  nameOf?: (node: string) => string;
  /** The language of the labels and the time axis (English when absent). */
  language?: Language;
}

/** An item of the layout: drawn as laid out from `settles` on, drawn again before. */
interface LaidItem {
  source: LadderItem;
  /** Its first arrow's send time: nothing of it shows before. */
  start: number;
  /** When the last of its arrows arrives or is lost (Infinity when one never does). */
  settles: number;
  /** The item as drawn once settled, or null when it lies outside the span. */
  settled: PlacedItem | null;
}

/** A ladder laid out over a time span. */
export interface LadderLayout {
  geometry: LadderGeometry;
  domain: [number, number];
  scale: ScaleLinear<number, number>;
  /** The bottom of the rows drawn when the page does not grow. */
  bottomY: number;
  grows: boolean;
  items: LaidItem[];
  /** The settled labels, filed by 32 px bands with the index of their item. */
  labelBands: Map<number, { box: Box; item: number }[]>;
  /** The arrows that reach into the span, in the order sent (for the counts). */
  arrows: LadderArrow[];
  ticks: { y: number; label: string }[];
  /** The language of its labels and time axis. */
  language: Language;
}

/** Height of the bands the settled labels are filed under (ladderLabels.ts uses the same idea). */
const BAND = 32;
const bandsOf = (box: Box): number[] => {
  const out: number[] = [];
  const last = Math.floor((box.y + box.height + GAP) / BAND);
  for (let b = Math.floor((box.y - GAP) / BAND); b <= last; b++) out.push(b);
  return out;
};
/** Ticks every 60 px or so, 2 to 12 of them, from `top` to `bottom` of the scale. */
export function timeTicks(
  scale: ScaleLinear<number, number>,
  top: number,
  bottom: number,
  language: Language = ENGLISH,
): { y: number; label: string }[] {
  const t0 = scale.invert(top);
  const t1 = scale.invert(bottom);
  const count = Math.max(2, Math.min(12, Math.floor(Math.max(120, bottom - top) / 60)));
  const values = scale.copy().domain([t0, t1]).ticks(count);
  const step = values.length > 1 ? (values[1] as number) - (values[0] as number) : t1 - t0;
  return values.map((v) => ({ y: scale(v), label: formatTimeTick(v, step, language) }));
}

/**
 * A run as it stands with only `arrows` of it sent: its counts and words (in `language`) over
 * those alone.
 */
function runSoFar(
  run: LadderRun,
  arrows: readonly LadderArrow[],
  language: Language = ENGLISH,
): LadderRun {
  if (arrows.length === run.arrows.length && language === ENGLISH) return run;
  let segments = 0;
  let bytes = 0;
  for (const a of arrows) {
    if (a.from !== run.from) continue;
    segments++;
    bytes += a.payload;
  }
  const acks = arrows.length - segments;
  return {
    ...run,
    arrows,
    segments,
    acks,
    bytes,
    label: runLabel(segments, bytes, acks, language),
    short: runShortLabel(segments, acks, language),
  };
}

/** Draws an item as seen at `time` (labels left to the caller); null when nothing of it shows. */
function drawItem(
  g: LadderGeometry,
  item: LadderItem,
  time: number,
  top: number,
  bottom: number,
): { arrow: ArrowDraft } | { run: LadderRun; sent: ArrowDraft[]; back: ArrowDraft[] } | null {
  if (item.kind === 'arrow') {
    const d = g.draft(item.arrow, time, top, bottom);
    return d ? { arrow: d } : null;
  }
  const sent: ArrowDraft[] = [];
  const back: ArrowDraft[] = [];
  for (const a of item.arrows) {
    if (a.sent > time) break;
    const d = g.draft(a, time, top, bottom);
    if (d) (a.from === item.from ? sent : back).push(d);
  }
  return sent.length > 0 ? { run: item, sent, back } : null;
}

/** An arrow placed, with the label and reason given. */
function placedArrow(
  d: ArrowDraft,
  label: PlacedText | null,
  reason: PlacedText | null,
): PlacedArrow {
  const [top, bottom] = extent([d.seg], [label, reason]);
  return {
    kind: 'arrow',
    arrow: d.arrow,
    ...d.seg,
    end: d.end,
    cutEnd: d.cutEnd,
    label,
    reason,
    top,
    bottom,
  };
}

/** A run placed from its drafts, with the label given. */
function placedRun(
  run: LadderRun,
  sent: ArrowDraft[],
  back: ArrowDraft[],
  label: PlacedText | null,
): PlacedRun {
  const data = band(sent[0]!.seg, sent.at(-1)!.seg);
  const acks = back.length > 0 ? band(back[0]!.seg, back.at(-1)!.seg) : null;
  const segs = [data.first, data.last, ...(acks ? [acks.first, acks.last] : [])];
  const flight = sent.some((d) => d.end === 'flight') || back.some((d) => d.end === 'flight');
  const [top, bottom] = extent(segs, [label]);
  return { kind: 'run', run, ...data, acks, flight, label, top, bottom };
}

/** Lays out every item of the ladder over the span asked for, as it is once settled. */
export function layoutLadder(ladder: Ladder, options: LadderLayoutOptions): LadderLayout {
  const [t0, t1raw] = options.domain;
  const t1 = Math.max(t1raw, t0 + 1);
  const span =
    options.pxPerMs === undefined
      ? (options.fitHeight ?? 480)
      : ((t1 - t0) / 1e6) * options.pxPerMs;
  const bottomY = LADDER_TOP + Math.max(120, span);
  const scale = scaleLinear().domain([t0, t1]).range([LADDER_TOP, bottomY]);
  const g = new LadderGeometry(options.width, scale, options.charWidth ?? 6.7);
  const nameOf = options.nameOf ?? ((n: string) => n);
  const language = options.language ?? ENGLISH;

  const candidates: LabelCandidate[] = [];
  const texts = new Map<string, string>();
  const offer = (id: string, text: string | null, priority: number, boxes: () => Box[]) => {
    if (text === null) return;
    texts.set(id, text);
    candidates.push({ id, priority, boxes: boxes() });
  };
  type Drawn = NonNullable<ReturnType<typeof drawItem>>;
  const drawn: Drawn[] = [];
  const laid: LaidItem[] = [];
  const arrows: LadderArrow[] = [];
  for (const collapsed of collapseRuns(ladder.arrows, options.expanded)) {
    // A run's words in the layout's language (collapseRuns writes them in English).
    const item =
      collapsed.kind === 'run' && language !== ENGLISH
        ? runSoFar(collapsed, collapsed.arrows, language)
        : collapsed;
    const members = item.kind === 'arrow' ? [item.arrow] : item.arrows;
    const first = members[0]!;
    if (first.sent > t1) break;
    const settles = members.reduce((end, a) => Math.max(end, settlesAt(a)), first.sent);
    // As settled: at the last moment of the span, or when it settles if that is later.
    const d = drawItem(
      g,
      item,
      Math.max(t1, Number.isFinite(settles) ? settles : t1),
      LADDER_TOP,
      bottomY,
    );
    if (!d) continue;
    drawn.push(d);
    laid.push({ source: item, start: first.sent, settles, settled: null });
    if ('arrow' in d) {
      arrows.push(d.arrow.arrow);
      const arrow = d.arrow.arrow;
      const important = arrow.retransmit !== null || arrow.lost !== null || arrow.message !== null;
      const priority = arrow.key === options.first ? 9 : important ? 1 : 0;
      const text = fitText(arrowTexts(arrow, language), g.maxChars);
      offer(`a:${arrow.key}`, text, priority, () => g.arrowLabelBoxes(text ?? '', d.arrow.seg));
      if (d.arrow.end === 'lost' && !d.arrow.cutEnd) {
        const reason = fitText([lossText(arrow, nameOf, language)], Math.floor(g.maxChars / 2));
        offer(`r:${arrow.key}`, reason, priority + 1, () =>
          g.reasonBoxes(reason ?? '', d.arrow.seg),
        );
      }
    } else {
      arrows.push(...d.sent.map((s) => s.arrow), ...d.back.map((s) => s.arrow));
      const text = fitText([d.run.label, d.run.short], g.maxChars);
      offer(d.run.id, text, 1, () =>
        g.runLabelBoxes(text ?? '', d.sent[0]!.seg, d.sent.at(-1)!.seg),
      );
    }
  }
  arrows.sort((a, b) => a.sent - b.sent);

  const placed = placeLabels(candidates, GAP);
  const labelBands: LadderLayout['labelBands'] = new Map();
  const textOf = (id: string, item: number): PlacedText | null => {
    const p = placed.get(id);
    const text = texts.get(id);
    if (!p || text === undefined) return null;
    for (const b of bandsOf(p.box)) {
      const list = labelBands.get(b);
      if (list) list.push({ box: p.box, item });
      else labelBands.set(b, [{ box: p.box, item }]);
    }
    return g.placed(text, p.box);
  };
  drawn.forEach((d, i) => {
    const item = laid[i]!;
    if ('arrow' in d) {
      const key = d.arrow.arrow.key;
      item.settled = placedArrow(d.arrow, textOf(`a:${key}`, i), textOf(`r:${key}`, i));
    } else item.settled = placedRun(d.run, d.sent, d.back, textOf(d.run.id, i));
  });
  return {
    geometry: g,
    domain: [t0, t1],
    scale,
    bottomY,
    grows: options.grows ?? false,
    items: laid,
    labelBands,
    arrows,
    ticks: timeTicks(scale, LADDER_TOP, bottomY, language),
    language,
  };
}

/** What `ladderAt` gives: the items drawn at a moment, the page's size and what to count. */
export interface LadderMoment {
  items: PlacedItem[];
  /** Packets sent by the time shown within the span, lost ones, and ones sent again. */
  counts: { packets: number; lost: number; resent: number };
  nowY: number;
  height: number;
  ticks: { y: number; label: string }[];
}

/**
 * The layout as it stands at `time`: the items sent by then, settled ones as laid out (the same
 * objects every moment, so a view redraws only what changed), the rest drawn at `time` with their
 * labels placed where no label of a settled item shown, nor of another moving one, lies.
 */
export function ladderAt(layout: LadderLayout, time: number): LadderMoment {
  const g = layout.geometry;
  let bottomY = layout.bottomY;
  if (layout.grows) {
    // Zoomed over the run so far: the page ends where the last packet shown stops moving.
    let end = layout.domain[0] + 1_000_000;
    for (const item of layout.items) {
      if (item.start > time) break;
      const members = item.source.kind === 'arrow' ? [item.source.arrow] : item.source.arrows;
      for (const a of members)
        if (a.sent <= time) end = Math.max(end, Math.min(settlesAt(a), time));
    }
    bottomY = LADDER_TOP + Math.max(120, layout.scale(end) - LADDER_TOP);
  }
  const shownUpTo = (i: number) =>
    i < layout.items.length ? layout.items[i]!.start <= time : false;
  const settledShown = (i: number) => shownUpTo(i) && layout.items[i]!.settles <= time;
  const moving: Box[] = [];
  const free = (box: Box): boolean =>
    bandsOf(box).every((b) =>
      (layout.labelBands.get(b) ?? []).every(
        (e) => !settledShown(e.item) || !boxesIntersect(box, e.box, GAP),
      ),
    ) && moving.every((m) => !boxesIntersect(box, m, GAP));
  const take = (text: string | null, boxes: Box[]): PlacedText | null => {
    if (text === null) return null;
    const box = boxes.find(free);
    if (!box) return null;
    moving.push(box);
    return g.placed(text, box);
  };

  const items: PlacedItem[] = [];
  for (const item of layout.items) {
    if (item.start > time) break;
    if (item.settles <= time) {
      if (item.settled) items.push(item.settled);
      continue;
    }
    const d = drawItem(g, item.source, time, LADDER_TOP, bottomY);
    if (!d) continue;
    if ('arrow' in d) {
      const text = fitText(arrowTexts(d.arrow.arrow, layout.language), g.maxChars);
      const label = take(text, text === null ? [] : g.arrowLabelBoxes(text, d.arrow.seg));
      items.push(placedArrow(d.arrow, label, null));
    } else {
      const run = runSoFar(
        d.run,
        d.run.arrows.filter((a) => a.sent <= time),
        layout.language,
      );
      const text = fitText([run.label, run.short], g.maxChars);
      const boxes = text === null ? [] : g.runLabelBoxes(text, d.sent[0]!.seg, d.sent.at(-1)!.seg);
      items.push(placedRun(run, d.sent, d.back, take(text, boxes)));
    }
  }

  const counts = { packets: 0, lost: 0, resent: 0 };
  for (const a of layout.arrows) {
    if (a.sent > time) break;
    counts.packets++;
    if (a.lost && a.arrived === null && a.lost.t <= time) counts.lost++;
    if (a.retransmit) counts.resent++;
  }
  const ticks = layout.grows
    ? timeTicks(layout.scale, LADDER_TOP, bottomY, layout.language)
    : layout.ticks;
  return { items, counts, nowY: layout.scale(time), height: bottomY + LADDER_BOTTOM, ticks };
}
