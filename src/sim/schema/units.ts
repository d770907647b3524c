// Parses the units people write in scenarios: bit rates ("10Mbps") and byte sizes ("64KiB").
// An error is English words and the same as a phrase, for the page's language.

import { sayPhrase, withPhrase, type Phrase, type PhraseKey } from './phrase.ts';

export type UnitResult =
  { ok: true; value: number } | { ok: false; error: string; phrase?: Phrase };

function unitError(key: PhraseKey & `text.${string}`, text: string): UnitResult {
  const p: Phrase = { key, params: { text } };
  return withPhrase({ ok: false, error: sayPhrase(p) }, p);
}

const RATE_UNITS: Record<string, number> = { bps: 1, kbps: 1e3, mbps: 1e6, gbps: 1e9, tbps: 1e12 };
const RATE_PATTERN = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:bps|bit\/s|b\/s)$/i;

/** Parses a bit rate such as `9600bps`, `54Mbps`, `1.5 Mbit/s` or `10Gbps` into bits per second (SI prefixes). */
export function parseBitRate(text: string): UnitResult {
  const match = RATE_PATTERN.exec(text.trim());
  if (!match) {
    return unitError('text.bitRate', text);
  }
  const value = Number(match[1]) * (RATE_UNITS[`${(match[2] ?? '').toLowerCase()}bps`] ?? NaN);
  if (!Number.isSafeInteger(Math.round(value)) || Math.round(value) <= 0) {
    return unitError('text.bitRate.positive', text);
  }
  if (Math.abs(value - Math.round(value)) > 1e-6) return unitError('text.bitRate.whole', text);
  return { ok: true, value: Math.round(value) };
}

const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};
const SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)$/i;

/** Parses a size such as `1500B`, `64KiB`, `10MB` (decimal) or `1MiB` (binary) into bytes. */
export function parseByteSize(text: string): UnitResult {
  const match = SIZE_PATTERN.exec(text.trim());
  if (!match) {
    return unitError('text.size', text);
  }
  const value = Number(match[1]) * (SIZE_UNITS[(match[2] ?? '').toLowerCase()] ?? NaN);
  if (!Number.isSafeInteger(value)) return unitError('text.size.whole', text);
  return { ok: true, value };
}
