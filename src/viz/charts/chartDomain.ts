// The extent of a chart's axes. By default they follow the moment shown: x from 0 to that moment
// and y up to the highest value plotted by then, so early points are not squashed flat by what
// comes later; "whole run" scales both to the whole trace and keeps them still while time runs.

import type { Points } from './series.ts';

/** What the axes are computed from: a chart's lines cut at the moment shown, and its extents. */
export interface DomainInput {
  lines: readonly { points: Points }[];
  /** The last moment any line of the whole trace reaches, ns. */
  xMax: number;
  /** The highest value any line reaches over the whole trace. */
  yMax: number;
  /** The moment the lines reach, ns. */
  shownUntil: number;
}

/** Both axes' extents: `x` in ns, `y` in the chart's unit, each as [from, to]. */
export interface ChartDomain {
  x: [number, number];
  y: [number, number];
}

/** Room left above the highest value, as a fraction of it. */
export const HEADROOM = 0.05;

/**
 * The window never gets narrower than this share of the whole run, so the first moments of a run
 * are not stretched across the chart from a single point.
 */
export const MIN_WINDOW_SHARE = 0.01;

function top(max: number): number {
  return max > 0 ? max * (1 + HEADROOM) : 1;
}

/**
 * The axes of a chart. `wholeRun`: x from 0 to `xMax` and y from 0 to `yMax` (with headroom).
 * Otherwise the window shown: x from 0 to `shownUntil` (at least 1% of the whole run, and at
 * least 1 ns) and y from 0 to the highest value of a point inside that window.
 */
export function chartDomain(chart: DomainInput, wholeRun: boolean): ChartDomain {
  const runEnd = Math.max(chart.xMax, 1);
  if (wholeRun) return { x: [0, runEnd], y: [0, top(chart.yMax)] };
  const x1 = Math.min(runEnd, Math.max(chart.shownUntil, runEnd * MIN_WINDOW_SHARE, 1));
  let max = 0;
  for (const line of chart.lines) {
    const { t, v } = line.points;
    for (let i = 0; i < t.length; i++) {
      if ((t[i] as number) <= x1 && (v[i] as number) > max) max = v[i] as number;
    }
  }
  return { x: [0, x1], y: [0, top(max)] };
}
