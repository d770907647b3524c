// The Gantt chart's layout: linear time across (d3-scale), one row per core, labels only where
// they fit, the cursor at t; checked on a two-core schedule with hand-computed pixel positions.
import { describe, expect, it } from 'vitest';
import type { GanttSegment } from '../../machines/cpu/gantt.ts';
import { GANTT_LEFT, ganttLayout, ganttSummary } from './ganttView.ts';

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
