// The help text of a scenario field in a language: the schema's description is the English
// (scenarioSchema.ts says it once, beside the field), and fieldHelp.de.ts gives the German for
// each description, keyed by its English text (the same help, such as a duration's, is shared by
// many fields). A description with no German yet is shown in English.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { FIELD_HELP_DE } from './fieldHelp.de.ts';

const TRANSLATIONS: { readonly [language: Language]: { readonly [english: string]: string } } = {
  de: FIELD_HELP_DE,
};

/** A field's help (the schema's English description) in `language`. */
export function fieldHelp(description: string, language: Language = ENGLISH): string {
  const translation = Object.hasOwn(TRANSLATIONS, language) ? TRANSLATIONS[language] : undefined;
  return translation && Object.hasOwn(translation, description)
    ? (translation[description] as string)
    : description;
}

/** Every description of a JSON Schema (a field's help), once each, as an English catalog. */
export function schemaDescriptions(schema: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && typeof value === 'string') found[value] = value;
      else walk(value);
    }
  };
  walk(schema);
  return found;
}
