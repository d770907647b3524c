// Small helpers the kinds' figures share: latency figures of a list of durations, a tally by
// key, and the way a terminal line writes them.

import { formatDuration, type Nanos } from '../../engine/time.ts';

export interface LatencyFigures {
  count: number;
  meanNs: Nanos | null;
  /** 95th percentile (nearest rank). */
  p95Ns: Nanos | null;
  maxNs: Nanos | null;
}

/** Mean, 95th percentile (nearest rank) and max of some durations. */
export function latencyFigures(values: readonly number[]): LatencyFigures {
  if (values.length === 0) return { count: 0, meanNs: null, p95Ns: null, maxNs: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(0.95 * sorted.length));
  return {
    count: sorted.length,
    meanNs: Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    p95Ns: sorted[rank - 1] ?? null,
    maxNs: sorted[sorted.length - 1] ?? null,
  };
}

/** Adds one to `tally[key]`. */
export function countInto(tally: Record<string, number>, key: string | number): void {
  tally[key] = (tally[key] ?? 0) + 1;
}

/** A duration for a terminal line, `-` for none. */
export const ms = (ns: number | null): string => (ns === null ? '-' : formatDuration(ns));

/** `12x200 1x404`, or `none`. */
export const statusText = (statuses: Record<string, number>): string =>
  Object.entries(statuses)
    .map(([status, n]) => `${n}x${status}`)
    .join(' ') || 'none';

/** Formats bits per second with SI prefixes: `100 Mbit/s`. */
export function formatBitRate(bps: number): string {
  if (bps === Infinity) return 'unlimited';
  for (const [unit, scale] of [
    ['Gbit/s', 1e9],
    ['Mbit/s', 1e6],
    ['kbit/s', 1e3],
  ] as const) {
    if (bps >= scale) return `${Number((bps / scale).toFixed(3))} ${unit}`;
  }
  return `${bps} bit/s`;
}
