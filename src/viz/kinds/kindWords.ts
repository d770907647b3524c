// How the kinds' cards and sentences write numbers and durations in a language: English exactly as
// the sentences always wrote them (a count as digits, `1460`, no grouping), other languages their
// own way (`1.460` in German); a duration with the language's decimal sign and `0 s` for none.

import { ENGLISH, formatNumber, type Language } from '../../engine/language.ts';
import { formatDuration } from '../../engine/time.ts';

/**
 * A count or size as text for a phrase's parameter: plain digits in English, the language's way
 * elsewhere. A text parameter is used as it is, so English stays `1460 bytes`; a plural message
 * still picks its form from it (its `count` is read back as a number).
 */
export function count(value: number, language: Language = ENGLISH): string {
  return language === ENGLISH ? String(value) : formatNumber(language, value);
}

/** A duration for a sentence in a language: `0 s` rather than `0 ns`, `1,5 ms` in German. */
export function spokenDuration(ns: number, language: Language = ENGLISH): string {
  return ns === 0 ? '0 s' : formatDuration(ns, language);
}
