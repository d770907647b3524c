// Decimation keeps the shape of a long series: a few points per column, every peak, in order.
import { describe, expect, it } from 'vitest';
import { decimate } from './decimate.ts';

describe('decimate', () => {
  it('decimates to a few points per column and keeps every peak', () => {
    const t = Array.from({ length: 10_000 }, (_, i) => i);
    const v = t.map((i) => (i === 4321 ? 1000 : i === 777 ? -50 : Math.sin(i)));
    const small = decimate({ t, v }, 0, 10_000, 100);
    expect(small.t.length).toBeLessThanOrEqual(400);
    expect(small.v).toContain(1000);
    expect(small.v).toContain(-50);
    expect(small.t[0]).toBe(0);
    expect(small.t[small.t.length - 1]).toBe(9999);
    expect([...small.t].sort((a, b) => a - b)).toEqual(small.t);
    const tiny = { t: [1, 2], v: [3, 4] };
    expect(decimate(tiny, 0, 10, 100)).toBe(tiny);
  });
});
