// Where the ladder diagram draws things at time t: the time span drawn (a window the learner chose,
// or the run so far, its end rounded up in steps of about a quarter so that a layout serves many
// moments), the layout of that span (ladderLayout.ts, computed once) cut at t, a drag turned into a
// window, and the items in the rows scrolled into view.

import type { ScaleLinear } from 'd3-scale';
import type { Language } from '../../engine/language.ts';
import type { Ladder, LadderArrow } from './ladder.ts';
import {
  activeUntil,
  settlesAt,
  type PlacedBand,
  type PlacedItem,
  type Segment,
} from './ladderGeometry.ts';
import { ladderAt, layoutLadder, type LadderLayout } from './ladderLayout.ts';

export type {
  PlacedArrow,
  PlacedBand,
  PlacedItem,
  PlacedRun,
  PlacedText,
  Segment,
} from './ladderGeometry.ts';
export { AXIS_WIDTH, CHAR_WIDTH, LADDER_TOP, LINE_HEIGHT } from './ladderGeometry.ts';
export { arrowTexts, formatTimeTick, lossText } from './ladderWords.ts';

export interface LadderView {
  width: number;
  height: number;
  /** The x of the left and right lifelines. */
  lanes: [number, number];
  top: number;
  ticks: { y: number; label: string }[];
  items: PlacedItem[];
  /** Packets sent by the time shown within the window, lost ones, and ones sent again. */
  counts: { packets: number; lost: number; resent: number };
  /** The y of the time shown. */
  nowY: number;
  /** The time span drawn, ns. */
  domain: [number, number];
  scale: ScaleLinear<number, number>;
}

export interface LadderViewOptions {
  width: number;
  /** Pixels per millisecond of simulated time; when absent the time span fits `fitHeight`. */
  pxPerMs?: number;
  fitHeight?: number;
  /** The time window drawn, ns; the whole run up to the time shown when absent. */
  window?: readonly [number, number] | null;
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

/** The arrows sent at or before `time`. */
export function arrowsUntil(ladder: Ladder, time: number): LadderArrow[] {
  return ladder.arrows.filter((a) => a.sent <= time);
}

/** Steps of a span, per decade, each about a quarter more than the last (the R10 series). */
const SPAN_STEPS = [1, 1.25, 1.6, 2, 2.5, 3.2, 4, 5, 6.4, 8, 10];

/** The smallest step of SPAN_STEPS times a power of ten that is at least `span` (ns). */
export function roundSpanUp(span: number): number {
  if (span <= 0) return 0;
  const decade = 10 ** Math.floor(Math.log10(span));
  const step = SPAN_STEPS.find((s) => s * decade >= span * (1 - 1e-12)) ?? 10;
  return Math.round(step * decade * 1e6) / 1e6;
}

/** When the ladder's last arrow settles (arrives or is lost), or null when one never does. */
export function ladderEnd(ladder: Ladder): number | null {
  let end = -Infinity;
  for (const a of ladder.arrows) end = Math.max(end, settlesAt(a));
  return Number.isFinite(end) ? end : null;
}

/** Where the run so far ends at `time`: its last packet's arrival or loss, or `time`. */
function endSoFar(ladder: Ladder, time: number, t0: number): number {
  let end = t0 + 1_000_000;
  for (const a of ladder.arrows) {
    if (a.sent > time) break;
    end = Math.max(end, activeUntil(a, time));
  }
  return end;
}

/**
 * The time span drawn at `time`, and whether the page grows with time. A window is drawn as
 * chosen. Otherwise the run so far: from its first packet to where its last packet stops moving
 * (so a long quiet tail after the exchange does not squeeze it into a stripe). Fitted, that end
 * is rounded up to the next of about ten steps a decade (never past the ladder's end), so one
 * layout serves every moment until the exchange outgrows it. Zoomed, the span is the whole
 * ladder and the page ends where the run so far does.
 */
export function ladderDomain(
  ladder: Ladder,
  time: number,
  options: Pick<LadderViewOptions, 'window' | 'pxPerMs'>,
): { domain: [number, number]; grows: boolean } {
  if (options.window) {
    const [w0, w1] = options.window;
    return { domain: [w0, Math.max(w1, w0 + 1_000)], grows: false };
  }
  const first = ladder.arrows[0];
  if (!first || first.sent > time) return { domain: [time, time + 1_000_000], grows: false };
  const t0 = first.sent;
  const whole = ladderEnd(ladder);
  if (options.pxPerMs !== undefined) {
    const last = ladder.arrows.at(-1)?.sent ?? t0;
    return { domain: [t0, Math.max(whole ?? last, last, t0 + 1_000_000)], grows: true };
  }
  const end = endSoFar(ladder, time, t0);
  if (whole !== null && end >= whole) return { domain: [t0, end], grows: false };
  const rounded = t0 + roundSpanUp(end - t0);
  return { domain: [t0, whole === null ? rounded : Math.min(rounded, whole)], grows: false };
}

/** The layout options of `ladderView` for a span. */
export function layoutOptions(
  options: LadderViewOptions,
  span: { domain: [number, number]; grows: boolean },
): Parameters<typeof layoutLadder>[1] {
  return {
    domain: span.domain,
    grows: span.grows,
    width: options.width,
    ...(options.pxPerMs === undefined
      ? { fitHeight: options.fitHeight ?? 480 }
      : { pxPerMs: options.pxPerMs }),
    ...(options.expanded ? { expanded: options.expanded } : {}),
    first: options.first ?? null,
    charWidth: options.charWidth ?? 6.7,
    ...(options.nameOf ? { nameOf: options.nameOf } : {}),
    ...(options.language ? { language: options.language } : {}),
  };
}

/** A layout cut at `time` as a view. */
export function viewAt(layout: LadderLayout, time: number): LadderView {
  const moment = ladderAt(layout, time);
  return {
    width: layout.geometry.width,
    height: moment.height,
    lanes: layout.geometry.lanes,
    top: layout.scale.range()[0] as number,
    ticks: moment.ticks,
    items: moment.items,
    counts: moment.counts,
    nowY: moment.nowY,
    domain: layout.domain,
    scale: layout.scale,
  };
}

/** Lays out the ladder as it stands at `time` (once: a view keeps the layout between moments). */
export function ladderView(ladder: Ladder, time: number, options: LadderViewOptions): LadderView {
  const span = ladderDomain(ladder, time, options);
  return viewAt(layoutLadder(ladder, layoutOptions(options, span)), time);
}

/** The time window a drag from `yA` to `yB` on the view selects, or null for a drag under 4 px. */
export function brushWindow(view: LadderView, yA: number, yB: number): [number, number] | null {
  if (Math.abs(yB - yA) < 4) return null;
  const [d0, d1] = view.domain;
  const clamp = (t: number) => Math.round(Math.max(d0, Math.min(d1, t)));
  const a = clamp(view.scale.invert(Math.min(yA, yB)));
  const b = clamp(view.scale.invert(Math.max(yA, yB)));
  return b > a ? [a, b] : null;
}

/** The items of `view` that reach into the rows `y0`..`y1` (the part scrolled into sight). */
export function itemsWithin(view: LadderView, y0: number, y1: number): PlacedItem[] {
  return view.items.filter((i) => i.bottom >= y0 && i.top <= y1);
}

/** Fewer pixels than this down the page per item drawn, and the arrows run into one another. */
export const DENSE_PX_PER_ITEM = 3;

/**
 * How crowded the view is: the items drawn and the rows they share (from the top to the time
 * shown, or the bottom), when there are at least 40 of them and under DENSE_PX_PER_ITEM rows
 * each; else null. Labels never overprint, but arrows that close blur into a block. Under one
 * row an item, `oneByOne` is false: the view draws them as one picture (densePaths), since
 * thousands of separate arrows cost a long frame and cannot be told apart or picked anyway.
 */
export function crowding(
  view: LadderView,
): { items: number; px: number; oneByOne: boolean } | null {
  const items = view.items.length;
  const px = Math.max(1, Math.round(Math.min(view.nowY, view.height - 24) - view.top));
  return items >= 40 && px / items < DENSE_PX_PER_ITEM
    ? { items, px, oneByOne: px >= items }
    : null;
}

/** SVG path data for the items of a crowded view drawn as one picture, by what they are. */
export interface DensePaths {
  /** Arrows from the left endpoint, and from the right one. */
  right: string;
  left: string;
  /** The bands of runs of data segments (and of the ACKs they took in). */
  bands: string;
  /** The crosses of lost packets. */
  crosses: string;
}

/** The items as four paths: one line per arrow, one closed shape per band, one cross per loss. */
export function densePaths(items: readonly PlacedItem[]): DensePaths {
  const f = (n: number) => Math.round(n * 10) / 10;
  const line = (s: Segment) => `M${f(s.x1)} ${f(s.y1)}L${f(s.x2)} ${f(s.y2)}`;
  const shape = (b: PlacedBand) =>
    `M${f(b.first.x1)} ${f(b.first.y1)}L${f(b.first.x2)} ${f(b.first.y2)}L${f(b.last.x2)} ${f(b.last.y2)}L${f(b.last.x1)} ${f(b.last.y1)}Z`;
  const right: string[] = [];
  const left: string[] = [];
  const bands: string[] = [];
  const crosses: string[] = [];
  for (const item of items) {
    if (item.kind === 'run') {
      bands.push(shape(item));
      if (item.acks) bands.push(shape(item.acks));
      continue;
    }
    (item.arrow.from === 0 ? right : left).push(line(item));
    if (item.end === 'lost' && !item.cutEnd) {
      const [x, y] = [f(item.x2), f(item.y2)];
      crosses.push(`M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x - 4} ${y + 4}L${x + 4} ${y - 4}`);
    }
  }
  return {
    right: right.join(''),
    left: left.join(''),
    bands: bands.join(''),
    crosses: crosses.join(''),
  };
}

/** Layouts of one ladder kept for the spans seen last, so scrubbing back and forth reuses them. */
export class LadderLayouts {
  private readonly kept = new Map<string, LadderLayout>();
  private base: unknown = null;

  constructor(private readonly size = 12) {}

  /**
   * The layout for `key`, made with `make` when not kept. `base` names everything else the layouts
   * depend on (the ladder, width, zoom, what is open and chosen): a new one forgets them all.
   */
  get(base: unknown, key: string, make: () => LadderLayout): LadderLayout {
    if (base !== this.base) {
      this.base = base;
      this.kept.clear();
    }
    const kept = this.kept.get(key);
    if (kept) {
      this.kept.delete(key);
      this.kept.set(key, kept);
      return kept;
    }
    const made = make();
    this.kept.set(key, made);
    if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value as string);
    return made;
  }
}
