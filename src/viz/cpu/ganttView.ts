// Where the Gantt chart draws things at time t: a d3 time scale across, one row per core, a bar per
// segment (a context switch shaded differently), labels only where they fit, ticks and the cursor.
// Slices too thin to see apart (about THIN_PX or less, about a pixel or less between them) are
// drawn as one bar, so a busy server's whole run is a few hundred bars, not thousands of 1 px ones.

import { scaleLinear } from 'd3-scale';
import { ENGLISH, type Language } from '../../engine/language.ts';
import type { GanttSegment } from '../../machines/cpu/gantt.ts';
import { formatTimeTick } from '../ladder/index.ts';
import { cpuPhrases } from './cpuPhrases.ts';

/** A bar placed on the chart. */
export interface GanttBar {
  key: string;
  /** The segment drawn; for a bar standing for several, their span (a run if any of them is). */
  segment: GanttSegment;
  /** How many segments the bar stands for (1 but where thin ones are drawn together). */
  slices: number;
  /** How many of those are context switches. */
  switches: number;
  x: number;
  y: number;
  width: number;
  /** The job id when it fits in the bar, else ''. */
  label: string;
}

export interface GanttLayout {
  width: number;
  height: number;
  /** Left edge of the plot (room for the core names). */
  left: number;
  rows: { core: number; y: number; label: string }[];
  rowHeight: number;
  bars: GanttBar[];
  ticks: { x: number; label: string }[];
  /** The x of the time shown. */
  cursorX: number;
  /** The time span drawn, ns. */
  from: number;
  to: number;
}

export interface GanttOptions {
  width: number;
  /** Show only the last `window` ns before t (the whole run up to t when absent). */
  window?: number;
  rowHeight?: number;
  /** Labels of the time axis (default: simulated time, `10 ms`); a job table's are in its unit. */
  formatTick?: (ns: number, stepNs: number) => string;
  /** The language of the row names and the default time axis (English when absent). */
  language?: Language;
}

export const GANTT_LEFT = 56;
/** Room right of the last tick, so its label ("30 ms") is not cut off. */
export const GANTT_RIGHT = 28;
const TOP = 6;
const AXIS = 22;
const GAP = 6;
/** Pixels per character of a bar's label (11px monospace) and the bar's padding. */
const CHAR_PX = 6.8;
/** Neighbouring segments narrower than about this, about a pixel apart or less, share one bar. */
export const THIN_PX = 3;

/**
 * Lays out the segments (already cut at t) of `cores` cores. The span runs from 0 (or t - window)
 * to t, at least 1 ms so a run's first instants are not stretched to fill the chart.
 */
export function ganttLayout(
  segments: readonly GanttSegment[],
  cores: number,
  t: number,
  options: GanttOptions,
): GanttLayout {
  const rowHeight = options.rowHeight ?? 26;
  const to = Math.max(t, 1_000_000);
  const from = options.window === undefined ? 0 : Math.max(0, to - options.window);
  const right = options.width - GANTT_RIGHT;
  const scale = scaleLinear().domain([from, to]).range([GANTT_LEFT, right]);
  const language = options.language ?? ENGLISH;
  const { say } = cpuPhrases.in(language);
  const rows = Array.from({ length: cores }, (_, core) => ({
    core,
    y: TOP + core * (rowHeight + GAP),
    label: say('gantt.core', { core: String(core) }),
  }));
  const bars: GanttBar[] = [];
  // What counts as thin and as no gap, in ns: THIN_PX and 1 px at this scale, each rounded to the
  // nearest power of two, so the bars stay the same (same keys) while t moves, until the scale has
  // halved or doubled.
  const nsPerPx = (to - from) / Math.max(1, right - GANTT_LEFT);
  const thinNs = powerOfTwo(THIN_PX * nsPerPx);
  const gapNs = powerOfTwo(nsPerPx);
  /** Each core's last bar, while the segment last put in it was thin. */
  const thinBar = new Map<number, GanttBar>();
  for (const s of segments) {
    if (s.end < from || s.start > to || s.core >= cores) continue;
    const x1 = scale(Math.max(from, s.start));
    const x2 = scale(Math.min(to, s.end));
    const width = Math.max(x2 - x1, s.end > s.start ? 1 : 0);
    const thin = s.end - s.start < thinNs;
    const prev = thinBar.get(s.core);
    if (thin && prev && s.start - prev.segment.end < gapNs) {
      if (prev.slices === 1) prev.segment = { ...prev.segment };
      prev.segment.end = Math.max(prev.segment.end, s.end);
      if (s.kind === 'run') prev.segment.kind = 'run';
      prev.width = Math.max(prev.width, x1 + width - prev.x);
      prev.slices += 1;
      if (s.kind === 'switch') prev.switches += 1;
      prev.label = '';
      continue;
    }
    const fits = s.kind === 'run' && s.job.length * CHAR_PX + 6 <= width;
    const bar: GanttBar = {
      key: `${s.core} ${s.start} ${s.kind}`,
      segment: s,
      slices: 1,
      switches: s.kind === 'switch' ? 1 : 0,
      x: x1,
      y: TOP + s.core * (rowHeight + GAP),
      width,
      label: fits ? s.job : '',
    };
    bars.push(bar);
    if (thin) thinBar.set(s.core, bar);
    else thinBar.delete(s.core);
  }
  const plotBottom = TOP + cores * (rowHeight + GAP) - GAP;
  const values = scale.ticks(Math.max(2, Math.min(10, Math.floor((right - GANTT_LEFT) / 80))));
  const step = values.length > 1 ? (values[1] as number) - (values[0] as number) : to - from;
  return {
    width: options.width,
    height: plotBottom + AXIS,
    left: GANTT_LEFT,
    rows,
    rowHeight,
    bars,
    ticks: values.map((v) => ({
      x: scale(v),
      label: options.formatTick ? options.formatTick(v, step) : formatTimeTick(v, step, language),
    })),
    cursorX: scale(Math.min(t, to)),
    from,
    to,
  };
}

/** The power of two nearest `x` (> 0) on a log scale, 1 at the least. */
export function powerOfTwo(x: number): number {
  return x <= 1 ? 1 : 2 ** Math.round(Math.log2(x));
}

/**
 * A bar's title (its tooltip): `P1 on core 0: 0 ms to 5 ms`, `context switch to P2 on core 1: …`,
 * or for a bar standing for several thin slices, how many and how many of them are switches.
 */
export function ganttBarTitle(
  bar: GanttBar,
  format: (ns: number) => string,
  language: Language = ENGLISH,
): string {
  const { say } = cpuPhrases.in(language);
  const s = bar.segment;
  const core = String(s.core);
  const span = say('gantt.span', { from: format(s.start), to: format(s.end) });
  if (bar.slices === 1)
    return say(s.kind === 'switch' ? 'gantt.switchBar' : 'gantt.bar', { job: s.job, core, span });
  const switches = say('gantt.switches', { count: bar.switches });
  return say('gantt.slices', { count: bar.slices, core, switches, span });
}

/** The chart in words, for screen readers: `core 0: P1 0–24 ms, P2 24–25 ms (running)`. */
export function ganttSummary(
  segments: readonly GanttSegment[],
  cores: number,
  t: number,
  format: (ns: number) => string,
  perCore = 6,
  language: Language = ENGLISH,
): string {
  const { say } = cpuPhrases.in(language);
  const parts: string[] = [];
  for (let core = 0; core < cores; core++) {
    const mine = segments.filter((s) => s.core === core && s.kind === 'run');
    const last = mine.slice(-perCore).map((s) => {
      const running = s.end >= t && s.end > s.start;
      const words = { job: s.job, from: format(s.start), to: format(s.end) };
      return say(running ? 'gantt.jobRunning' : 'gantt.job', words);
    });
    const jobs =
      mine.length === 0
        ? say('gantt.idle')
        : mine.length > perCore
          ? say('gantt.earlier', { count: mine.length - perCore, jobs: last.join(', ') })
          : last.join(', ');
    parts.push(say('gantt.coreLine', { core: String(core), jobs }));
  }
  return parts.join('; ');
}
