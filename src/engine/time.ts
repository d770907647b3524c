// Simulated time: an integer count of nanoseconds, and the duration strings people write ("250us").

import { ENGLISH, formatNumber, type Language } from './language.ts';

/** Simulated time or a duration, in integer nanoseconds (exact up to 2^53 ns, about 104 days). */
export type Nanos = number;

export const NS_PER_US = 1_000;
export const NS_PER_MS = 1_000_000;
export const NS_PER_S = 1_000_000_000;

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: NS_PER_US,
  µs: NS_PER_US,
  ms: NS_PER_MS,
  s: NS_PER_S,
  m: 60 * NS_PER_S,
  h: 3600 * NS_PER_S,
};

const DURATION_PATTERN = /^(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|m|h)$/;

/** The reason a duration string was refused, or the duration in nanoseconds. */
export type DurationResult = { ok: true; ns: Nanos } | { ok: false; error: string };

/**
 * Parses a duration such as `250us`, `500ms`, `2s`, `1.5s` or `1m` into integer nanoseconds.
 * Fractions are allowed as long as the result is a whole number of nanoseconds.
 */
export function parseDuration(text: string): DurationResult {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) {
    return {
      ok: false,
      error: `"${text}" is not a duration: expected a number and a unit (ns, us, ms, s, m, h), like 250us, 500ms, 2s or 1m`,
    };
  }
  const [, amount = '', unit = ''] = match;
  const ns = Number(amount) * (UNIT_NS[unit] ?? NaN);
  const rounded = Math.round(ns);
  if (Math.abs(ns - rounded) > 1e-6 * Math.max(1, Math.abs(ns))) {
    return { ok: false, error: `"${text}" is not a whole number of nanoseconds` };
  }
  if (!Number.isSafeInteger(rounded)) {
    return { ok: false, error: `"${text}" is too long: the longest duration is about 104 days` };
  }
  return { ok: true, ns: rounded };
}

/** Formats nanoseconds for people: `1.5 s`, `20 ms`, `250 µs`, `12 ns`. */
export function formatDuration(ns: Nanos, language: Language = ENGLISH): string {
  const abs = Math.abs(ns);
  if (abs >= NS_PER_S) return `${trim(ns / NS_PER_S, language)} s`;
  if (abs >= NS_PER_MS) return `${trim(ns / NS_PER_MS, language)} ms`;
  if (abs >= NS_PER_US) return `${trim(ns / NS_PER_US, language)} µs`;
  return `${trim(ns, language)} ns`;
}

/** A moment or duration for people: `0 s` rather than `0 ns`, `1.5 ms`, German `1,5 ms`. */
export function formatMoment(ns: Nanos, language: Language = ENGLISH): string {
  return ns === 0 ? '0 s' : formatDuration(ns, language);
}

/** Up to three decimals, no thousands separator, the decimal sign of the language (1,5 in German). */
function trim(value: number, language: Language): string {
  const rounded = Number(value.toFixed(3));
  if (language === ENGLISH) return rounded.toString();
  return formatNumber(language, rounded, { maximumFractionDigits: 3, useGrouping: false });
}

/** Converts XState's millisecond delays to nanoseconds, rounding to the nearest nanosecond. */
export function msToNs(ms: number): Nanos {
  return Math.round(ms * NS_PER_MS);
}
