// Thins a long series before it is drawn: a few points per pixel column, keeping every peak, so a
// path over 100k points costs what a path over the chart's width costs.

import type { Points } from './series.ts';

/**
 * At most about 4 points per pixel column of the interval [x0, x1] split in `columns`: the first,
 * lowest, highest and last point of each column, in time order, so peaks survive. Series already
 * small enough are returned as they are.
 */
export function decimate(p: Points, x0: number, x1: number, columns: number): Points {
  const n = p.t.length;
  if (n <= columns * 4 || !(x1 > x0)) return p;
  const out: Points = { t: [], v: [] };
  const scale = columns / (x1 - x0);
  let i = 0;
  while (i < n) {
    const column = Math.floor(((p.t[i] as number) - x0) * scale);
    let lo = i;
    let hi = i;
    let j = i + 1;
    while (j < n && Math.floor(((p.t[j] as number) - x0) * scale) === column) {
      if ((p.v[j] as number) < (p.v[lo] as number)) lo = j;
      if ((p.v[j] as number) > (p.v[hi] as number)) hi = j;
      j++;
    }
    const keep = [...new Set([i, lo, hi, j - 1])].sort((a, b) => a - b);
    for (const k of keep) {
      out.t.push(p.t[k] as number);
      out.v.push(p.v[k] as number);
    }
    i = j;
  }
  return out;
}
