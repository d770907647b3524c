// Where the ladder diagram draws things at time t: a d3 time scale down the page, the two
// lifelines, each arrow cut at t (packets in flight stop where they are), labels that do not collide.

import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Ladder, LadderArrow } from './ladder.ts';

/** An arrow placed on the page. */
export interface PlacedArrow {
  arrow: LadderArrow;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** How it ends at the time shown: arrived, lost (a cross), or still on its way. */
  end: 'arrived' | 'lost' | 'flight';
  /** Whether its label is drawn (labels too close to another are left to the tooltip). */
  showLabel: boolean;
  /** Whether the reason of a loss is written beside its cross (same rule). */
  showReason: boolean;
  labelX: number;
  labelY: number;
}

export interface LadderView {
  width: number;
  height: number;
  /** The x of the left and right lifelines. */
  lanes: [number, number];
  top: number;
  ticks: { y: number; label: string }[];
  arrows: PlacedArrow[];
  /** The y of the time shown. */
  nowY: number;
  scale: ScaleLinear<number, number>;
}

export interface LadderViewOptions {
  width: number;
  /** Pixels per millisecond of simulated time; when absent the time span fits `fitHeight`. */
  pxPerMs?: number;
  fitHeight?: number;
}

/** Room above the first arrow, and below the last. */
export const LADDER_TOP = 20;
const BOTTOM = 24;
/** Left room for the time axis. */
export const AXIS_WIDTH = 64;
/** Labels closer than this (px) to the previous drawn label are not drawn. */
const LABEL_GAP = 13;
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

const lerp = (a: number, b: number, f: number) => a + (b - a) * Math.max(0, Math.min(1, f));

/** Lays out the ladder as it stands at `time`. */
export function ladderView(ladder: Ladder, time: number, options: LadderViewOptions): LadderView {
  const shown = arrowsUntil(ladder, time);
  const t0 = shown[0]?.sent ?? time;
  const t1 = Math.max(time, t0 + 1_000_000);
  const span =
    options.pxPerMs === undefined
      ? (options.fitHeight ?? 480)
      : ((t1 - t0) / 1e6) * options.pxPerMs;
  const scale = scaleLinear()
    .domain([t0, t1])
    .range([LADDER_TOP, LADDER_TOP + Math.max(120, span)]);
  const y = (t: number) => scale(t);
  const usable = options.width - AXIS_WIDTH;
  const lanes: [number, number] = [AXIS_WIDTH + usable * 0.2, AXIS_WIDTH + usable * 0.8];
  // Text lines already placed, by band of LABEL_GAP pixels: a line goes where its band and both
  // neighbours are free, so no two lines of text overlap.
  const taken = new Set<number>();
  const place = (ty: number): boolean => {
    const band = Math.round(ty / LABEL_GAP);
    if (taken.has(band) || taken.has(band - 1) || taken.has(band + 1)) return false;
    taken.add(band);
    return true;
  };
  const arrows = shown.map((arrow): PlacedArrow => {
    const x1 = lanes[arrow.from];
    const xTo = lanes[arrow.from === 0 ? 1 : 0];
    const y1 = y(arrow.sent);
    let x2: number;
    let y2: number;
    let end: PlacedArrow['end'];
    if (arrow.arrived !== null) {
      const f = (time - arrow.sent) / Math.max(1, arrow.arrived - arrow.sent);
      end = arrow.arrived <= time ? 'arrived' : 'flight';
      x2 = lerp(x1, xTo, f);
      y2 = y(Math.min(time, arrow.arrived));
    } else if (arrow.lost !== null) {
      const xMid = (x1 + xTo) / 2;
      const f = (time - arrow.sent) / Math.max(1, arrow.lost.t - arrow.sent);
      end = arrow.lost.t <= time ? 'lost' : 'flight';
      x2 = lerp(x1, xMid, f);
      y2 = y(Math.min(time, arrow.lost.t));
    } else {
      end = 'flight';
      x2 = lerp(x1, xTo, 0.25);
      y2 = y(time);
    }
    const labelY = (y1 + y2) / 2 - 4;
    const showLabel = place(labelY);
    const showReason = end === 'lost' && place(y2 + 12);
    return { arrow, x1, y1, x2, y2, end, showLabel, showReason, labelX: (x1 + x2) / 2, labelY };
  });
  const height = LADDER_TOP + Math.max(120, span) + BOTTOM;
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
    arrows,
    nowY: y(time),
    scale,
  };
}
