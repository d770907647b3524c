// Plain explanations of every packet field the packet inspector shows, keyed by field id
// (`ip.ttl`, `tcp.window`, ...): what the field is for, in the language asked for (the texts are
// in fieldHelpPhrases.ts and its translations).

import { ENGLISH, type Language } from '../../engine/language.ts';
import { FIELD_HELP_EN, fieldHelpPhrases } from './fieldHelpPhrases.ts';

/** What each field is for, in English. Keys are field ids without a `quote.` prefix. */
export const FIELD_HELP: Readonly<Record<string, string>> = FIELD_HELP_EN;

type HelpKey = keyof typeof FIELD_HELP_EN;

function isHelpKey(key: string): key is HelpKey {
  return Object.hasOwn(FIELD_HELP_EN, key);
}

/** The explanation of a field id; `quote.ip.ttl` is explained as `ip.ttl`; '' for none. */
export function fieldHelp(id: string, language: Language = ENGLISH): string {
  const key = isHelpKey(id) ? id : id.replace(/^quote\./, '');
  return isHelpKey(key) ? fieldHelpPhrases.in(language).say(key) : '';
}
