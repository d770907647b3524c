// The Run panel's fields read as numbers: the seed and the page's limits (events, the record
// budget that is its memory limit, the time limit in real seconds), each with a message for
// people when it cannot be used (in the page's language).

import { DEFAULT_MAX_RECORDS } from './worker/runLimits.ts';
import { t } from './i18n/locale.svelte.ts';

/** The page's time limit by default: real seconds a run may take. */
export const DEFAULT_TIME_LIMIT_S = 120;
/** The longest time limit the page takes: an hour. */
export const MAX_TIME_LIMIT_S = 3600;

type Parsed<K extends string> = ({ ok: true } & Record<K, number>) | { ok: false; error: string };

/** Parses the seed field: a whole number from 0 to 2^53 - 1, or an error for people. */
export function parseSeed(text: string): Parsed<'seed'> {
  const trimmed = text.trim();
  const seed = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(seed)) {
    return {
      ok: false,
      error: t('runField.seed', { max: String(Number.MAX_SAFE_INTEGER) }),
    };
  }
  return { ok: true, seed };
}

/** Parses the event limit field: a whole number from 1 up. */
export function parseMaxEvents(text: string): Parsed<'maxEvents'> {
  const value = wholeNumber(text);
  if (value === undefined || value < 1) {
    return { ok: false, error: t('runField.events') };
  }
  return { ok: true, maxEvents: value };
}

/** Parses the record budget field (the page's memory limit): 1,000 to the default budget. */
export function parseMaxRecords(text: string): Parsed<'maxRecords'> {
  const value = wholeNumber(text);
  if (value === undefined || value < 1000 || value > DEFAULT_MAX_RECORDS) {
    return {
      ok: false,
      error: t('runField.records', { least: 1000, most: DEFAULT_MAX_RECORDS }),
    };
  }
  return { ok: true, maxRecords: value };
}

/**
 * Parses the time limit field: real seconds, more than 0 and at most an hour, fractions allowed
 * ("90", "0.5", "120 s"); the run's limit in ms. A run in the page always has one: nothing else
 * would stop a run that makes few records but never ends.
 */
export function parseTimeLimit(text: string): Parsed<'maxWallMs'> {
  const trimmed = text.trim().replace(/\s*s$/, '');
  const seconds = /^(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!(seconds > 0 && seconds <= MAX_TIME_LIMIT_S)) {
    return {
      ok: false,
      error: t('runField.time', { most: MAX_TIME_LIMIT_S }),
    };
  }
  return { ok: true, maxWallMs: seconds * 1000 };
}

/** A whole number typed with optional thousands separators, or undefined. */
function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/[,_\s]/g, '');
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  return Number.isSafeInteger(value) ? value : undefined;
}
