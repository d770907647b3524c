// The Gantt chart's layout: linear time across (d3-scale), one row per core, labels only where
// they fit, the cursor at t, slices too thin to see apart drawn as one bar; checked on two-core
// schedules with hand-computed pixel positions.
import { describe, expect, it } from 'vitest';
import type { GanttSegment } from '../../machines/cpu/gantt.ts';
import {
  GANTT_LEFT,
  THIN_PX,
  ganttBarTitle,
  ganttLayout,
  ganttSummary,
  powerOfTwo,
} from './ganttView.ts';

const MS = 1e6;
const segs: GanttSegment[] = [
  { core: 0, job: 'P1', start: 0, end: 5 * MS, kind: 'run' },
  { core: 1, job: 'P2', start: 0, end: 1 * MS, kind: 'switch' },
  { core: 1, job: 'P2', start: 1 * MS, end: 10 * MS, kind: 'run' },
];

describe('ganttLayout', () => {
  // Plot from x = 56 to x = 1028 - 28 = 1000: 944 px for 10 ms, 94.4 px per ms.
  const layout = ganttLayout(segs, 2, 10 * MS, { width: 1028 });

  it('places bars on a linear scale from 0 to t, a row per core', () => {
    const [p1, sw, p2] = layout.bars;
    expect(p1).toMatchObject({ x: GANTT_LEFT, y: 6, label: 'P1' });
    expect(p1!.width).toBeCloseTo(472, 9);
    expect(sw!.y).toBe(6 + 26 + 6);
    expect(sw!.label).toBe(''); // switches are shaded, not labelled
    expect(p2!.x).toBeCloseTo(56 + 94.4, 9);
    expect(layout.cursorX).toBe(1000);
    expect(layout.rows.map((r) => r.label)).toEqual(['core 0', 'core 1']);
    expect(layout.ticks[0]).toEqual({ x: 56, label: '0' });
  });

  it('drops labels that do not fit and bars outside a window', () => {
    const narrow = ganttLayout(segs, 2, 10 * MS, { width: 1028, window: 4 * MS });
    expect(narrow.from).toBe(6 * MS);
    expect(narrow.bars.map((b) => b.segment.job + b.segment.kind)).toEqual(['P2run']);
    const tiny = ganttLayout(segs, 2, 10 * MS, { width: 80 });
    expect(tiny.bars.every((b) => b.label === '')).toBe(true);
  });

  it('draws thin slices with no visible gap between them as one bar, per core', () => {
    const US = 1e3;
    // 94.4 px per ms as above, 10593 ns a pixel: thin is under 3 px = 31780 ns, rounded to the
    // nearest power of two, 32768 ns; no gap is under 1 px = 10593 ns, rounded, 8192 ns. A 10 µs
    // slice is thin (0.944 px, drawn 1 px wide).
    const thin: GanttSegment[] = [
      { core: 0, job: 'P1', start: 0, end: 10 * US, kind: 'run' }, // x 56, ends at 57
      { core: 0, job: 'P2', start: 10 * US, end: 20 * US, kind: 'switch' }, // x 56.944
      { core: 1, job: 'Q', start: 15 * US, end: 25 * US, kind: 'run' }, // core 1: its own bar
      { core: 0, job: 'P2', start: 20 * US, end: 30 * US, kind: 'run' }, // x 57.888, ends 58.888
      { core: 0, job: 'P3', start: 1 * MS, end: 5 * MS, kind: 'run' }, // 377.6 px: its own bar
      { core: 0, job: 'P4', start: 5 * MS, end: 5 * MS + 10 * US, kind: 'run' }, // x 528, after a wide bar
      { core: 0, job: 'P5', start: 5015 * US, end: 5025 * US, kind: 'run' }, // x 529.416, 5 µs on
      { core: 0, job: 'P6', start: 5034 * US, end: 5044 * US, kind: 'run' }, // 9 µs on: a gap
    ];
    expect(THIN_PX).toBe(3);
    const { bars } = ganttLayout(thin, 2, 10 * MS, { width: 1028 });
    expect(bars.map((b) => [b.key, b.slices, b.switches, b.label])).toEqual([
      ['0 0 run', 3, 1, ''],
      ['1 15000 run', 1, 0, ''],
      ['0 1000000 run', 1, 0, 'P3'],
      ['0 5000000 run', 2, 0, ''],
      ['0 5034000 run', 1, 0, ''],
    ]);
    const [first, , , pair] = bars;
    expect(first!.x).toBe(56);
    expect(first!.width).toBeCloseTo(2.888, 9);
    expect(first!.segment).toEqual({ core: 0, job: 'P1', start: 0, end: 30 * US, kind: 'run' });
    expect(pair!.x).toBeCloseTo(528, 9);
    // From 528 to the end of P5's 1 px at 529.416 + 1.
    expect(pair!.width).toBeCloseTo(2.416, 9);
    // The segments given are left as they were.
    expect(thin[0]!.end).toBe(10 * US);
    // Thin switches alone stay a switch; the bars of the earlier layout above are one a segment.
    const twoSwitches: GanttSegment[] = [
      { core: 0, job: 'P1', start: 0, end: 10 * US, kind: 'switch' },
      { core: 0, job: 'P2', start: 10 * US, end: 20 * US, kind: 'switch' },
    ];
    const switches = ganttLayout(twoSwitches, 1, 10 * MS, { width: 1028 });
    expect(switches.bars.map((b) => [b.segment.kind, b.slices, b.switches])).toEqual([
      ['switch', 2, 2],
    ]);
    expect(layout.bars.every((b) => b.slices === 1)).toBe(true);
    // Their titles say what they stand for.
    const us = (ns: number) => `${ns / US} µs`;
    expect(ganttBarTitle(first!, us)).toBe(
      '3 short slices on core 0 (1 context switch): 0 µs to 30 µs; a shorter time span shows each',
    );
    expect(ganttBarTitle(switches.bars[0]!, us)).toBe(
      '2 short slices on core 0 (2 context switches): 0 µs to 20 µs; a shorter time span shows each',
    );
    expect(ganttBarTitle(bars[2]!, us)).toBe('P3 on core 0: 1000 µs to 5000 µs');
    expect(ganttBarTitle(layout.bars[1]!, us)).toBe(
      'context switch to P2 on core 1: 0 µs to 1000 µs',
    );
  });

  it('keeps the same bars while t moves within a power of two of the scale', () => {
    const US = 1e3;
    // Two 10 µs slices 9 µs apart: at t = 10 ms a pixel is 10593 ns, no gap under 8192 ns; at
    // t = 12 ms, 12712 ns (rounded, 16384 ns), and at 6 ms 6356 ns (rounded, 8192 ns).
    const two: GanttSegment[] = [
      { core: 0, job: 'P1', start: 0, end: 10 * US, kind: 'run' },
      { core: 0, job: 'P2', start: 19 * US, end: 29 * US, kind: 'run' },
    ];
    const slices = (t: number) => ganttLayout(two, 1, t, { width: 1028 }).bars.map((b) => b.slices);
    expect(slices(10 * MS)).toEqual([1, 1]);
    expect(slices(6 * MS)).toEqual([1, 1]);
    expect(slices(12 * MS)).toEqual([2]);
    expect([
      powerOfTwo(0.5),
      powerOfTwo(3),
      powerOfTwo(5),
      powerOfTwo(6),
      powerOfTwo(31780),
    ]).toEqual([1, 4, 4, 8, 32768]);
  });

  it('writes the axis with the format it is given (a job table’s unit)', () => {
    // The same 10 ms as ticks (1 ms each): plain numbers, no "ms".
    const ticks = ganttLayout(segs, 2, 10 * MS, {
      width: 1028,
      formatTick: (ns) => String(ns / MS),
    });
    expect(ticks.ticks.map((t) => t.label)).toEqual(
      layout.ticks.map((t) => t.label.replace(' ms', '')),
    );
    expect(ticks.ticks.some((t) => t.label.includes('ms'))).toBe(false);
    expect(layout.ticks.at(-1)?.label).toBe('10 ms');
  });

  it('says the chart in words', () => {
    const text = ganttSummary(segs, 2, 10 * MS, (ns) => `${ns / MS} ms`);
    expect(text).toBe('core 0: P1 0 ms–5 ms; core 1: P2 1 ms–10 ms (running)');
  });
});
