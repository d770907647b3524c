// The axes' extents on hand-made series: the window follows the moment shown, "whole run" keeps
// the whole trace's extents.
import { describe, expect, it } from 'vitest';
import { chartDomain } from './chartDomain.ts';

const MS = 1e6;
/** A window grows from 10 to 1000 over 10 s; a second line stays at 4. */
const lines = [
  { points: { t: [0, 1000 * MS, 2000 * MS], v: [10, 20, 40] } },
  { points: { t: [500 * MS, 1500 * MS], v: [4, 4] } },
];
const whole = { xMax: 10_000 * MS, yMax: 1000 };

describe('chart axes', () => {
  it('follow the moment shown: x to that moment, y to the highest value seen by then', () => {
    const d = chartDomain({ lines, ...whole, shownUntil: 2000 * MS }, false);
    expect(d.x).toEqual([0, 2000 * MS]);
    // 40 plus 5% headroom.
    expect(d.y).toEqual([0, 42]);
  });

  it('scale to the whole run when asked, whatever the moment shown', () => {
    const d = chartDomain({ lines, ...whole, shownUntil: 2000 * MS }, true);
    expect(d.x).toEqual([0, 10_000 * MS]);
    expect(d.y).toEqual([0, 1050]);
  });

  it('leave out points past the window', () => {
    // A line cut at 1.2 s whose points were not cut (the domain reads only t <= 1.2 s).
    const d = chartDomain({ lines, ...whole, shownUntil: 1200 * MS }, false);
    expect(d.x).toEqual([0, 1200 * MS]);
    expect(d.y).toEqual([0, 21]);
  });

  it('keep a window of at least 1% of the run at the start, and a y axis of 1 with no data', () => {
    const d = chartDomain({ lines: [], ...whole, shownUntil: 0 }, false);
    expect(d.x).toEqual([0, 100 * MS]);
    expect(d.y).toEqual([0, 1]);
    const zero = chartDomain(
      { lines: [{ points: { t: [0], v: [0] } }], xMax: 0, yMax: 0, shownUntil: 0 },
      false,
    );
    expect(zero).toEqual({ x: [0, 1], y: [0, 1] });
  });

  it('stop at the last point of the run when the moment shown is later', () => {
    const d = chartDomain({ lines, ...whole, shownUntil: 10_000 * MS }, false);
    expect(d.x).toEqual([0, 10_000 * MS]);
    expect(d.y).toEqual([0, 42]);
  });
});
