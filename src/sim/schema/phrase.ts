// A validator message as data: a phrasebook key and its parameters (a parameter may itself be a
// phrase, so "expected {expected}, got {got}" nests "an integer >= 1" and "a string ("x")"). An
// issue or a warning keeps its English text in `message` (the CLI prints it, the tests read it)
// and carries its phrase beside it, a hidden field (JSON and comparisons see path and message as
// before) that the worker makes plain for the page (`plainForPage`); the page says the phrase in
// its own language (`spoken`) and so follows a change of language without validating again. A
// message with no phrase is said as its English text.

import {
  ENGLISH,
  formatMessage,
  type Catalog,
  type Language,
  type Message,
  type Phrasebook,
  type ParamsOf,
} from '../../engine/language.ts';
import { validationPhrases, type VALIDATION_EN } from './validationPhrases.ts';
import type { ParamNamesOf } from '../../engine/language.ts';

/** A key of the validator's phrasebook. */
export type PhraseKey = keyof typeof VALIDATION_EN & string;

/** A parameter of a phrase: a text used as it is (ids, values, numbers as written) or a phrase. */
export type PhraseParam = string | Phrase;

/** A sentence of the validator's phrasebook to say in any language: its key and its parameters. */
export interface KeyPhrase {
  readonly key: PhraseKey;
  readonly params?: { readonly [name: string]: PhraseParam };
}

/**
 * A sentence of another phrasebook (a kind's own checks, in the kind's folder) carried with its
 * texts in every language it has, so it stays plain data for the trip from the worker and the
 * validator needs no list of the kinds' phrasebooks (`bookPhrase`).
 */
export interface TextPhrase {
  readonly texts: { readonly [language: Language]: Message };
  readonly params?: { readonly [name: string]: PhraseParam };
}

/** A sentence to say in any language. */
export type Phrase = KeyPhrase | TextPhrase;

/** A key's parameter names: {word}s only, not the braces of a JSON example such as { "name": … }. */
type NamesOf<K extends PhraseKey> = Exclude<
  ParamNamesOf<(typeof VALIDATION_EN)[K]>,
  `${string}${' ' | '"'}${string}`
>;

type ParamsFor<K extends PhraseKey> = [NamesOf<K>] extends [never]
  ? []
  : [params: { readonly [P in NamesOf<K>]: PhraseParam }];

/** A phrase, its parameters checked against the English text of its key. */
export function phrase<K extends PhraseKey>(key: K, ...params: ParamsFor<K>): Phrase {
  return params[0] ? { key, params: params[0] } : { key };
}

/**
 * The sentence `key` of a phrasebook as a phrase that carries its texts (see TextPhrase): how a
 * kind's own check says what is wrong in every language its phrasebook has.
 */
export function bookPhrase<C extends Catalog, K extends keyof C & string>(
  book: Phrasebook<C>,
  key: K,
  ...params: ParamsOf<C[K]>
): Phrase {
  const texts: Record<Language, Message> = { [ENGLISH]: book.english[key] as Message };
  for (const [language, translation] of Object.entries(book.translations))
    texts[language] = translation[key] as Message;
  const given = params[0] as Record<string, string | number> | undefined;
  if (!given) return { texts };
  return {
    texts,
    params: Object.fromEntries(Object.entries(given).map(([name, v]) => [name, String(v)])),
  };
}

/** A phrase in words: each nested phrase first, then its text in `language`. */
export function sayPhrase(p: Phrase, language: Language = ENGLISH): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(p.params ?? {}))
    params[name] = typeof value === 'string' ? value : sayPhrase(value, language);
  if ('texts' in p) {
    const spoken = Object.hasOwn(p.texts, language) ? language : ENGLISH;
    const text = p.texts[spoken] ?? p.texts[ENGLISH] ?? '';
    return formatMessage(spoken, text, params);
  }
  const speech = validationPhrases.in(language);
  return (speech.say as (key: string, params?: Record<string, string>) => string)(p.key, params);
}

/** One problem or warning as the checks give it: English words, and the phrase if it has one. */
export interface Phrased {
  readonly message: string;
  readonly phrase?: Phrase;
}

/** What an issue or a warning says, in `language` (its English message when it has no phrase). */
export function spoken(item: Phrased, language: Language = ENGLISH): string {
  return item.phrase ? sayPhrase(item.phrase, language) : item.message;
}

/**
 * `item` carrying `p` as its phrase. The phrase is not enumerable: JSON output (the CLI's) and
 * comparisons of issues see `path` and `message` only, as before; `plainForPage` makes it a
 * plain field for the trip from the worker to the page.
 */
export function withPhrase<T extends object>(
  item: T,
  p: Phrase | undefined,
  field = 'phrase',
): T & Phrased {
  if (p) Object.defineProperty(item, field, { value: p, enumerable: false });
  return item as T & Phrased;
}

/** An issue at `path` saying `p`: its English message made from the phrase itself. */
export function phrased(path: string, p: Phrase): { path: string; message: string } & Phrased {
  return withPhrase({ path, message: sayPhrase(p) }, p);
}

/** Issues or warnings with their phrases as plain fields, to post from a worker (structured clone drops the hidden ones). */
export function plainForPage<T extends Phrased>(items: readonly T[]): T[] {
  return items.map((item) => (item.phrase ? { ...item, phrase: item.phrase } : { ...item }));
}
