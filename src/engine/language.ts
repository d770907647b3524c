// Words for people in more than one language, for every layer: a message is a text with named
// parameters ("{name}") or a set of plural forms chosen by Intl.PluralRules on the "count"
// parameter. Numbers given as parameters are written the language's way; a text parameter is used
// as it is (pass identifiers such as ports or addresses as strings). No message holds HTML: the
// result is text, rendered as text. The page's catalog (src/ui/i18n) and each lower layer's
// phrasebook (a view's sentences, the validator's messages) are made with it; a lower layer takes
// the language as a parameter, English by default, so the CLI and its tests stay English.

/** Plural forms of one message, by Intl.PluralRules category; `other` is always there. */
export type Plural = {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
};

/** One message: a text, or plural forms selected by the "count" parameter. */
export type Message = string | Plural;

/** A catalog: messages by key. */
export type Catalog = { readonly [key: string]: Message };

/** Values for a message's parameters. */
export type Params = { readonly [name: string]: string | number };

/** The parameter names a text uses, as a union of string literals ("{a} and {b}" -> "a" | "b"). */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}`
  ? P | Placeholders<R>
  : never;

/** Every text of a message: the text itself, or each of its plural forms. */
export type MessageTexts<M> = M extends string
  ? M
  : M extends Plural
    ? Exclude<M[keyof M], undefined>
    : never;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/** Writes a number for people the locale's way (2,5 and 1.234 in German; 2.5 and 1,234 in English). */
export function formatNumber(
  locale: string,
  value: number,
  options?: Intl.NumberFormatOptions,
): string {
  if (options) return new Intl.NumberFormat(locale, options).format(value);
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * A count or size as a sentence's parameter: plain digits in English, as the CLI has always
 * written them (`1460 bytes`), the language's own way elsewhere (`1.460 Bytes`). A plural message
 * still picks its form from it (its `count` is read back as a number).
 */
export function formatCount(value: number, language: Language): string {
  return language === ENGLISH ? String(value) : formatNumber(language, value);
}

/** The text of a message for these parameters: the plural form for "count", then each {name}. */
export function formatMessage(locale: string, message: Message, params: Params = {}): string {
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = params.count;
    const n = typeof count === 'number' ? count : Number(count);
    const category = Number.isFinite(n) ? rulesFor(locale).select(n) : 'other';
    // Exact zero has its own form where the catalog gives one (English "no packets").
    text = (n === 0 && message.zero) || message[category] || message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/**
 * A translator for one locale: the locale's catalog first, then the fallback's (English), then
 * the key itself, so a message missing from a translation still shows something readable.
 */
export function translator(
  locale: string,
  catalog: Catalog,
  fallback: Catalog,
): (key: string, params?: Params) => string {
  return (key, params) => {
    const message = Object.hasOwn(catalog, key)
      ? catalog[key]
      : Object.hasOwn(fallback, key)
        ? fallback[key]
        : undefined;
    return message === undefined ? key : formatMessage(locale, message, params);
  };
}

/** A language by its BCP 47 primary code: 'en', 'de'. */
export type Language = string;

/** The language a lower layer speaks unless told otherwise (the CLI, the tests, JSON). */
export const ENGLISH: Language = 'en';

/** The parameter names a message uses over all its forms. */
export type ParamNamesOf<M> = Placeholders<Extract<MessageTexts<M>, string>>;

/** A message's parameters as a rest argument: none for a plain text, else each of its {names}. */
export type ParamsOf<M> = [ParamNamesOf<M>] extends [never]
  ? []
  : [params: { readonly [P in ParamNamesOf<M>]: string | number }];

/** A translation of an English catalog `C`: every key of it, no other. */
export type Translation<C> = { readonly [K in keyof C]: Message };

/** One layer's words in one language: `say(key, params)` and numbers written that language's way. */
export interface Speech<C extends Catalog> {
  readonly language: Language;
  say<K extends keyof C & string>(key: K, ...params: ParamsOf<C[K]>): string;
  num(value: number, options?: Intl.NumberFormatOptions): string;
}

/**
 * A layer's sentences in every language it speaks: the English catalog (the source of the keys
 * and parameters) and its translations. `in(language)` gives the words for a language (English
 * for one it does not have), made once and kept.
 */
export class Phrasebook<C extends Catalog> {
  private readonly speeches = new Map<Language, Speech<C>>();

  constructor(
    readonly english: C,
    readonly translations: { readonly [language: Language]: Translation<C> } = {},
  ) {}

  in(language: Language = ENGLISH): Speech<C> {
    let speech = this.speeches.get(language);
    if (!speech) {
      const catalog: Catalog = Object.hasOwn(this.translations, language)
        ? (this.translations[language] as Catalog)
        : this.english;
      const spoken = Object.hasOwn(this.translations, language) ? language : ENGLISH;
      const translate = translator(spoken, catalog, this.english);
      speech = {
        language: spoken,
        say: (key, ...params) => translate(key, params[0] as Params | undefined),
        num: (value, options) => formatNumber(spoken, value, options),
      };
      this.speeches.set(language, speech);
    }
    return speech;
  }
}

/** The {names} a message uses over all its forms, sorted. */
function placeholderNames(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''));
  return [...new Set(names)].sort();
}

/**
 * What is wrong with a translation of an English catalog, one line each (none: it is whole): a
 * key missing or extra, other parameters than the English message, a plural where English has a
 * text or the reverse, markup in a text. Each phrasebook's test expects this to be empty.
 */
export function translationProblems(english: Catalog, translation: Catalog): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(english))
    if (!Object.hasOwn(translation, key)) problems.push(`${key}: missing`);
  for (const [key, message] of Object.entries(translation)) {
    if (!Object.hasOwn(english, key)) {
      problems.push(`${key}: not an English key`);
      continue;
    }
    const source = english[key] as Message;
    if (typeof source !== typeof message)
      problems.push(`${key}: ${typeof source === 'string' ? 'a text' : 'plural forms'} in English`);
    const want = placeholderNames(source).join(', ');
    const have = placeholderNames(message).join(', ');
    if (want !== have) problems.push(`${key}: parameters {${have}}, English has {${want}}`);
    const texts = typeof message === 'string' ? [message] : Object.values(message);
    if (texts.some((text) => /<[a-z/!]|&[a-z#]+;/i.test(text))) problems.push(`${key}: markup`);
  }
  return problems;
}
