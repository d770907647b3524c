// The ladder's shapes and the arithmetic of drawing them: what a placed arrow, run and label are,
// an arrow's segment as seen at a moment (on its way, arrived, lost) cut to the rows drawn, the
// band between two segments, and the boxes a label may take on a segment (ladderLabels.ts picks).

import type { ScaleLinear } from 'd3-scale';
import type { LadderArrow } from './ladder.ts';
import type { Box } from './ladderLabels.ts';
import type { LadderRun } from './ladderRuns.ts';

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

/** Room above the first arrow, and below the last. */
export const LADDER_TOP = 20;
export const LADDER_BOTTOM = 24;
/** Left room for the time axis. */
export const AXIS_WIDTH = 64;
/** The box of a line of 11 px text: from 11 px above its baseline to 3 px below. */
export const LINE_HEIGHT = 14;
export const ASCENT = 11;
/** DejaVu Sans Mono's advance at 11 px, rounded up. */
export const CHAR_WIDTH = 6.7;
/** Room kept between two labels, and between a label and a lifeline. */
export const GAP = 2;
/** Where along an arrow its label may sit, best first. */
const FRACTIONS = [0.5, 0.35, 0.65, 0.2, 0.8];

export const lerp = (a: number, b: number, f: number) => a + (b - a) * Math.max(0, Math.min(1, f));

/** Characters in a string as drawn (code points), without making an array of them. */
export function charCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // a low surrogate finishes a character already counted
  }
  return n;
}

/** The point of a segment at height y (its start or end when y is beyond it). */
export function pointAt(s: Segment, y: number): { x: number; y: number } {
  const f = s.y2 === s.y1 ? 0.5 : (y - s.y1) / (s.y2 - s.y1);
  return { x: lerp(s.x1, s.x2, f), y: lerp(s.y1, s.y2, f) };
}

/** A segment cut to the rows `top`..`bottom`, or null when it lies outside them. */
export function clip(
  s: Segment,
  top: number,
  bottom: number,
): { seg: Segment; cutEnd: boolean } | null {
  if (s.y2 < top || s.y1 > bottom) return null;
  const start = s.y1 < top ? pointAt(s, top) : { x: s.x1, y: s.y1 };
  const end = s.y2 > bottom ? pointAt(s, bottom) : { x: s.x2, y: s.y2 };
  return { seg: { x1: start.x, y1: start.y, x2: end.x, y2: end.y }, cutEnd: s.y2 > bottom };
}

/** The band between two segments drawn the same way, as an SVG polygon's points. */
export function band(first: Segment, last: Segment): PlacedBand {
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

/** When an arrow stops moving as seen at `time`: its arrival or loss, else `time` (on its way). */
export function activeUntil(a: LadderArrow, time: number): number {
  const end = a.arrived ?? a.lost?.t ?? time;
  return Math.min(end, time);
}

/** When an arrow stops changing for good: its arrival or loss; never when neither is known. */
export function settlesAt(a: LadderArrow): number {
  return a.arrived ?? a.lost?.t ?? Infinity;
}

/** An arrow as seen at a moment: its segment cut to the rows drawn, and how it ends. */
export interface ArrowDraft {
  arrow: LadderArrow;
  seg: Segment;
  end: PlacedArrow['end'];
  cutEnd: boolean;
}

/** The lanes, the time scale and the font: where things go on one layout of the ladder. */
export class LadderGeometry {
  readonly lanes: [number, number];
  /** The most characters a label may have between the lifelines. */
  readonly maxChars: number;

  constructor(
    readonly width: number,
    readonly scale: ScaleLinear<number, number>,
    readonly charWidth: number,
  ) {
    const usable = width - AXIS_WIDTH;
    this.lanes = [AXIS_WIDTH + usable * 0.2, AXIS_WIDTH + usable * 0.8];
    const room = this.lanes[1] - this.lanes[0] - 2 * GAP;
    this.maxChars = Math.floor(room / charWidth) - 1;
  }

  /** An arrow's segment at `time`, cut to the rows `top`..`bottom`; null when outside them. */
  draft(arrow: LadderArrow, time: number, top: number, bottom: number): ArrowDraft | null {
    const x1 = this.lanes[arrow.from];
    const xTo = this.lanes[arrow.from === 0 ? 1 : 0];
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
    const cut = clip({ x1, y1: this.scale(arrow.sent), x2, y2: this.scale(tEnd) }, top, bottom);
    return cut ? { arrow, seg: cut.seg, end, cutEnd: cut.cutEnd } : null;
  }

  /** Boxes for a line of text centred on the points given, kept between the lifelines. */
  centred(text: string, points: readonly { x: number; y: number }[]): Box[] {
    const width = (charCount(text) + 1) * this.charWidth;
    const [left, right] = this.lanes;
    return points.map((p) => ({
      x: Math.max(left + GAP, Math.min(right - GAP - width, p.x - width / 2)),
      y: p.y - ASCENT,
      width,
      height: LINE_HEIGHT,
    }));
  }

  /** The boxes an arrow's label may take along its segment, best first. */
  arrowLabelBoxes(text: string, seg: Segment): Box[] {
    return this.centred(
      text,
      FRACTIONS.map((f) => pointAt(seg, lerp(seg.y1, seg.y2, f))),
    );
  }

  /** The boxes a loss's reason may take beside the cross at the segment's end: below, above. */
  reasonBoxes(text: string, seg: Segment): Box[] {
    const width = (charCount(text) + 1) * this.charWidth;
    const [left, right] = this.lanes;
    const x = Math.max(left + GAP, Math.min(right - GAP - width, seg.x2 + 7));
    const below = { x, y: seg.y2 + 12 - ASCENT, width, height: LINE_HEIGHT };
    return [below, { ...below, y: seg.y2 - 8 - ASCENT }];
  }

  /** The boxes a run's label may take about the middle of its band, best first. */
  runLabelBoxes(text: string, first: Segment, last: Segment): Box[] {
    const mid = (s: Segment) => pointAt(s, (s.y1 + s.y2) / 2);
    const [a, b] = [mid(first), mid(last)];
    const centre = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 + 4 };
    return this.centred(
      text,
      [0, -1, 1, -2, 2].map((k) => ({ x: centre.x, y: centre.y + k * LINE_HEIGHT })),
    );
  }

  /** A text placed in a box: start-anchored half a character in. */
  placed(text: string, box: Box): PlacedText {
    return { text, x: box.x + this.charWidth / 2, y: box.y + ASCENT, box };
  }
}

/** The rows an item's shapes and labels take, with a margin, for culling. */
export function extent(
  segs: readonly Segment[],
  texts: readonly (PlacedText | null)[],
): [number, number] {
  let top = Infinity;
  let bottom = -Infinity;
  for (const s of segs) {
    top = Math.min(top, s.y1, s.y2);
    bottom = Math.max(bottom, s.y1, s.y2);
  }
  for (const t of texts) {
    if (!t) continue;
    top = Math.min(top, t.box.y);
    bottom = Math.max(bottom, t.box.y + t.box.height);
  }
  return [top - 8, bottom + 8];
}
