// Where the ladder diagram draws things at time t: a d3 time scale down the page over the whole run
// or a chosen time window, the two lifelines, each arrow (or run of data segments) cut at t and at
// the window's edges, and labels placed so that none overprints another (ladderLabels.ts).

import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Ladder, LadderArrow } from './ladder.ts';
import { fitText, placeLabels, type Box, type LabelCandidate } from './ladderLabels.ts';
import { collapseRuns, type LadderRun } from './ladderRuns.ts';

/**
 * A line of text placed on the page: drawn from `x` (start-anchored) on the baseline `y`, inside
 * `box` (half a character of room each end), which the panel fills as a plate behind the words.
 */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  box: Box;
}

/** A segment of an arrow on the page, cut to the window. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** An arrow placed on the page. */
export interface PlacedArrow extends Segment {
  kind: 'arrow';
  arrow: LadderArrow;
  /** How it ends at the time shown: arrived, lost (a cross), or still on its way. */
  end: 'arrived' | 'lost' | 'flight';
  /** Its end lies past the window's bottom edge: no head or cross is drawn. */
  cutEnd: boolean;
  /** Its label, or null when there was no room (the tooltip and accessible name keep it). */
  label: PlacedText | null;
  /** The reason of a loss beside its cross, or null (same rule). */
  reason: PlacedText | null;
  /** The vertical extent of what is drawn, for culling to the part scrolled into view. */
  top: number;
  bottom: number;
}

/** A band between two segments drawn the same way: the first, the last, the polygon between. */
export interface PlacedBand {
  first: Segment;
  last: Segment;
  /** The band's corners for an SVG polygon. */
  points: string;
}

/** A run of data segments placed as one bar: the data's band, and the ACKs' band coming back. */
export interface PlacedRun extends PlacedBand {
  kind: 'run';
  run: LadderRun;
  /** The band of the ACKs it took in, from the first to the last (null when it has none). */
  acks: PlacedBand | null;
  /** Whether a segment of the run is still on its way at the time shown. */
  flight: boolean;
  label: PlacedText | null;
  top: number;
  bottom: number;
}

export type PlacedItem = PlacedArrow | PlacedRun;

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
}

/** Room above the first arrow, and below the last. */
export const LADDER_TOP = 20;
const BOTTOM = 24;
/** Left room for the time axis. */
export const AXIS_WIDTH = 64;
/** The box of a line of 11 px text: from 11 px above its baseline to 3 px below. */
export const LINE_HEIGHT = 14;
const ASCENT = 11;
/** DejaVu Sans Mono's advance at 11 px, rounded up. */
export const CHAR_WIDTH = 6.7;
/** Room kept between two labels, and between a label and a lifeline. */
const GAP = 2;
const UNITS: [number, string][] = [
  [1e9, 's'],
  [1e6, 'ms'],
  [1e3, 'µs'],
  [1, 'ns'],
];

/**
 * A tick of the time axis in a unit that suits the step between ticks: `0.1 s` for steps of
 * 100 ms, `20 ms`, `0.5 ms`, `250 µs`; `0` at the origin.
 */
export function formatTimeTick(ns: number, stepNs: number): string {
  if (ns === 0) return '0';
  const [size, unit] = UNITS.find(([u]) => stepNs >= u / 10) ?? [1, 'ns'];
  const decimals = Math.max(0, Math.ceil(-Math.log10(stepNs / size) - 1e-9));
  return `${Number((ns / size).toFixed(decimals))} ${unit}`;
}

/** The arrows sent at or before `time`. */
export function arrowsUntil(ladder: Ladder, time: number): LadderArrow[] {
  return ladder.arrows.filter((a) => a.sent <= time);
}

/** The words drawn on an arrow: `↻ ACK seq=1 ack=1 len=1460 · GET /`, and shorter forms. */
export function arrowTexts(a: LadderArrow): string[] {
  const again = a.retransmit ? '↻ ' : '';
  const dup = a.duplicate ? ' (duplicate)' : '';
  const full = `${again}${a.label}${a.message ? ` · ${a.message}` : ''}${dup}`;
  return a.message ? [full, `${again}${a.message}${dup}`] : [full];
}

/** The reason of a loss as written beside its cross. */
export function lossText(a: LadderArrow, nameOf: (node: string) => string = (n) => n): string {
  const lost = a.lost;
  if (!lost) return '';
  return lost.link
    ? `${lost.reason} (link ${lost.link})`
    : `${lost.reason} at ${nameOf(lost.node)}`;
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

/** When an arrow stops moving as seen at `time`: its arrival or loss, else `time` (on its way). */
function activeUntil(a: LadderArrow, time: number): number {
  const end = a.arrived ?? a.lost?.t ?? time;
  return Math.min(end, time);
}

const lerp = (a: number, b: number, f: number) => a + (b - a) * Math.max(0, Math.min(1, f));

/** The point of a segment at height y (its start or end when y is beyond it). */
function pointAt(s: Segment, y: number): { x: number; y: number } {
  const f = s.y2 === s.y1 ? 0.5 : (y - s.y1) / (s.y2 - s.y1);
  return { x: lerp(s.x1, s.x2, f), y: lerp(s.y1, s.y2, f) };
}

/** A segment cut to the rows `top`..`bottom`, or null when it lies outside them. */
function clip(s: Segment, top: number, bottom: number): { seg: Segment; cutEnd: boolean } | null {
  if (s.y2 < top || s.y1 > bottom) return null;
  const start = s.y1 < top ? pointAt(s, top) : { x: s.x1, y: s.y1 };
  const end = s.y2 > bottom ? pointAt(s, bottom) : { x: s.x2, y: s.y2 };
  return { seg: { x1: start.x, y1: start.y, x2: end.x, y2: end.y }, cutEnd: s.y2 > bottom };
}

/** The band between two segments drawn the same way, as an SVG polygon's points. */
function band(first: Segment, last: Segment): PlacedBand {
  const points = [
    [first.x1, first.y1],
    [first.x2, first.y2],
    [last.x2, last.y2],
    [last.x1, last.y1],
  ]
    .map(([px, py]) => `${px},${py}`)
    .join(' ');
  return { first, last, points };
}

/** Lays out the ladder as it stands at `time`, over the window asked for or the whole run. */
export function ladderView(ladder: Ladder, time: number, options: LadderViewOptions): LadderView {
  const shown = arrowsUntil(ladder, time);
  const charWidth = options.charWidth ?? CHAR_WIDTH;
  const nameOf = options.nameOf ?? ((n: string) => n);
  const t0 = options.window ? options.window[0] : (shown[0]?.sent ?? time);
  // The whole run ends where its last packet does (arrived, lost, or still on its way at `time`),
  // so a long quiet tail after the exchange does not squeeze the exchange into a stripe.
  const t1 = options.window
    ? Math.max(options.window[1], t0 + 1_000)
    : shown.reduce((end, a) => Math.max(end, activeUntil(a, time)), t0 + 1_000_000);
  const span =
    options.pxPerMs === undefined
      ? (options.fitHeight ?? 480)
      : ((t1 - t0) / 1e6) * options.pxPerMs;
  const bottomY = LADDER_TOP + Math.max(120, span);
  const scale = scaleLinear().domain([t0, t1]).range([LADDER_TOP, bottomY]);
  const y = (t: number) => scale(t);
  const usable = options.width - AXIS_WIDTH;
  const lanes: [number, number] = [AXIS_WIDTH + usable * 0.2, AXIS_WIDTH + usable * 0.8];
  const room = lanes[1] - lanes[0] - 2 * GAP;
  const maxChars = Math.floor(room / charWidth) - 1;

  /** Boxes for a line of text centred on the points given, kept between the lifelines. */
  const centred = (text: string, points: { x: number; y: number }[]): Box[] => {
    const width = ([...text].length + 1) * charWidth;
    return points.map((p) => ({
      x: Math.max(lanes[0] + GAP, Math.min(lanes[1] - GAP - width, p.x - width / 2)),
      y: p.y - ASCENT,
      width,
      height: LINE_HEIGHT,
    }));
  };
  const candidates: LabelCandidate[] = [];
  const texts = new Map<string, string>();
  const offer = (id: string, text: string | null, priority: number, boxes: Box[]) => {
    if (text === null) return;
    texts.set(id, text);
    candidates.push({ id, priority, boxes });
  };
  const FRACTIONS = [0.5, 0.35, 0.65, 0.2, 0.8];

  interface Draft {
    arrow: LadderArrow;
    seg: Segment;
    end: PlacedArrow['end'];
    cutEnd: boolean;
  }
  /** An arrow's segment at `time`, cut to the window; null when outside it. */
  const draft = (arrow: LadderArrow): Draft | null => {
    const x1 = lanes[arrow.from];
    const xTo = lanes[arrow.from === 0 ? 1 : 0];
    let x2: number;
    let tEnd: number;
    let end: PlacedArrow['end'];
    if (arrow.arrived !== null) {
      const f = (time - arrow.sent) / Math.max(1, arrow.arrived - arrow.sent);
      end = arrow.arrived <= time ? 'arrived' : 'flight';
      x2 = lerp(x1, xTo, f);
      tEnd = Math.min(time, arrow.arrived);
    } else if (arrow.lost !== null) {
      const f = (time - arrow.sent) / Math.max(1, arrow.lost.t - arrow.sent);
      end = arrow.lost.t <= time ? 'lost' : 'flight';
      x2 = lerp(x1, (x1 + xTo) / 2, f);
      tEnd = Math.min(time, arrow.lost.t);
    } else {
      end = 'flight';
      x2 = lerp(x1, xTo, 0.25);
      tEnd = time;
    }
    const cut = clip({ x1, y1: y(arrow.sent), x2, y2: y(tEnd) }, LADDER_TOP, bottomY);
    return cut ? { arrow, seg: cut.seg, end, cutEnd: cut.cutEnd } : null;
  };

  type Pending =
    | { kind: 'arrow'; d: Draft }
    | {
        kind: 'run';
        run: LadderRun;
        first: Draft;
        last: Draft;
        acks: [Draft, Draft] | null;
        flight: boolean;
      };
  const pending: Pending[] = [];
  const counts = { packets: 0, lost: 0, resent: 0 };
  for (const item of collapseRuns(shown, options.expanded)) {
    const arrows = item.kind === 'arrow' ? [item.arrow] : item.arrows;
    const drafts = arrows.map(draft).filter((d): d is Draft => d !== null);
    // A run's bar goes from its first data segment to its last; its ACKs have a band of their own.
    const sent = item.kind === 'run' ? drafts.filter((d) => d.arrow.from === item.from) : drafts;
    const back = item.kind === 'run' ? drafts.filter((d) => d.arrow.from !== item.from) : [];
    const [first, last] = [sent[0], sent.at(-1)];
    if (!first || !last) continue;
    for (const d of drafts) {
      counts.packets++;
      if (d.end === 'lost') counts.lost++;
      if (d.arrow.retransmit) counts.resent++;
    }
    if (item.kind === 'arrow') {
      const { seg, arrow } = first;
      pending.push({ kind: 'arrow', d: first });
      const important = arrow.retransmit !== null || arrow.lost !== null || arrow.message !== null;
      const priority = arrow.key === options.first ? 9 : important ? 1 : 0;
      const text = fitText(arrowTexts(arrow), maxChars);
      const points = FRACTIONS.map((f) => pointAt(seg, lerp(seg.y1, seg.y2, f)));
      offer(`a:${arrow.key}`, text, priority, text === null ? [] : centred(text, points));
      if (first.end === 'lost' && !first.cutEnd) {
        const reason = fitText([lossText(arrow, nameOf)], Math.floor(maxChars / 2));
        const width = ([...(reason ?? '')].length + 1) * charWidth;
        const x = Math.max(lanes[0] + GAP, Math.min(lanes[1] - GAP - width, seg.x2 + 7));
        const below = { x, y: seg.y2 + 12 - ASCENT, width, height: LINE_HEIGHT };
        const above = { ...below, y: seg.y2 - 8 - ASCENT };
        offer(`r:${arrow.key}`, reason, priority + 1, [below, above]);
      }
    } else {
      const flight = drafts.some((d) => d.end === 'flight');
      const [ackFirst, ackLast] = [back[0], back.at(-1)];
      const acks = ackFirst && ackLast ? ([ackFirst, ackLast] as [Draft, Draft]) : null;
      pending.push({ kind: 'run', run: item, first, last, acks, flight });
      const text = fitText([item.label, item.short], maxChars);
      const mid = (s: Segment) => pointAt(s, (s.y1 + s.y2) / 2);
      const [a, b] = [mid(first.seg), mid(last.seg)];
      const centre = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 + 4 };
      const points = [0, -1, 1, -2, 2].map((k) => ({ x: centre.x, y: centre.y + k * LINE_HEIGHT }));
      offer(item.id, text, 1, text === null ? [] : centred(text, points));
    }
  }

  const placed = placeLabels(candidates, GAP);
  const textOf = (id: string): PlacedText | null => {
    const p = placed.get(id);
    const text = texts.get(id);
    return p && text !== undefined
      ? { text, x: p.box.x + charWidth / 2, y: p.box.y + ASCENT, box: p.box }
      : null;
  };
  const extent = (segs: Segment[], boxes: (PlacedText | null)[]): [number, number] => {
    const ys = segs.flatMap((s) => [s.y1, s.y2]);
    for (const b of boxes) if (b) ys.push(b.box.y, b.box.y + b.box.height);
    return [Math.min(...ys) - 8, Math.max(...ys) + 8];
  };
  const items = pending.map((p): PlacedItem => {
    if (p.kind === 'arrow') {
      const { arrow, seg, end, cutEnd } = p.d;
      const label = textOf(`a:${arrow.key}`);
      const reason = textOf(`r:${arrow.key}`);
      const [top, bottom] = extent([seg], [label, reason]);
      return { kind: 'arrow', arrow, ...seg, end, cutEnd, label, reason, top, bottom };
    }
    const data = band(p.first.seg, p.last.seg);
    const acks = p.acks ? band(p.acks[0].seg, p.acks[1].seg) : null;
    const label = textOf(p.run.id);
    const segs = [data.first, data.last, ...(acks ? [acks.first, acks.last] : [])];
    const [top, bottom] = extent(segs, [label]);
    return { kind: 'run', run: p.run, ...data, acks, flight: p.flight, label, top, bottom };
  });

  const height = bottomY + BOTTOM;
  const count = Math.max(2, Math.min(12, Math.floor(Math.max(120, span) / 60)));
  const values = scale.ticks(count);
  const step = values.length > 1 ? (values[1] as number) - (values[0] as number) : t1 - t0;
  const ticks = values.map((v) => ({ y: y(v), label: formatTimeTick(v, step) }));
  return {
    width: options.width,
    height,
    lanes,
    top: LADDER_TOP,
    ticks,
    items,
    counts,
    nowY: y(time),
    domain: [t0, t1],
    scale,
  };
}
