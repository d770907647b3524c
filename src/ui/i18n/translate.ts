// The message catalog's engine, free of Svelte and the DOM: a message is a text with named
// parameters ("{name}") or a set of plural forms chosen by Intl.PluralRules on the "count"
// parameter. Numbers given as parameters are written the locale's way; a text parameter is used
// as it is (pass identifiers such as ports or addresses as strings). No message holds HTML: the
// result is text, rendered as text.

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
