// The page's language: English or German, from the setting remembered in localStorage (the
// header's language select) or else the browser's languages (navigator.languages, the first one
// Handshake speaks; English when none). `t()` reads the language as Svelte state, so every text
// drawn through it follows a change without a reload; <html lang> follows too.

import { en, type EnglishTexts, type MessageKey } from './messages.en.ts';
import { de } from './messages.de.ts';
import { languageReady, loadLanguage } from './languageLoad.ts';
import {
  formatNumber,
  translator,
  type Catalog,
  type MessageTexts,
  type Params,
  type Placeholders,
} from '../../engine/language.ts';

/** The languages the interface speaks, with their names in their own language. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];
export type LanguageChoice = Language | 'auto';

/** English as loaded so far: the first view's texts, then the panels' once they come (panelTexts.ts). */
const english: Catalog = { ...en };
const CATALOGS: Record<Language, Catalog> = { en: english, de };
const KEY = 'handshake.language';

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

/** The first of the browser's languages that Handshake speaks ("de-AT" is German), else English. */
export function browserLanguage(languages: readonly string[] | undefined): Language {
  for (const tag of languages ?? []) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The stored choice, or 'auto' when there is none or storage cannot be read. */
export function readLanguageChoice(
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
): LanguageChoice {
  try {
    const value = storage?.getItem(KEY);
    return isLanguage(value) ? value : 'auto';
  } catch {
    return 'auto';
  }
}

/** Remembers the choice ('auto' forgets it); returns false when storage refused it. */
export function writeLanguageChoice(
  choice: LanguageChoice,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | null = safeStorage(),
): boolean {
  try {
    if (!storage) return false;
    if (choice === 'auto') storage.removeItem(KEY);
    else storage.setItem(KEY, choice);
    return true;
  } catch {
    return false;
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The browser's languages; none outside a page (Node has a navigator that follows LANG). */
function navigatorLanguages(): readonly string[] | undefined {
  if (typeof navigator === 'undefined' || typeof document === 'undefined') return undefined;
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** The page's language: the choice, and the language it resolves to. */
export class Locale {
  choice = $state<LanguageChoice>('auto');
  readonly browser: Language;

  /** Whether this is Handshake's own page, whose <html lang> follows the language. */
  private ownsPage = false;

  constructor(
    choice: LanguageChoice = readLanguageChoice(),
    browser: Language = browserLanguage(navigatorLanguages()),
  ) {
    this.choice = choice;
    this.browser = browser;
  }

  /**
   * The app's page takes the language as its own: <html lang> follows it from now on. An embed on
   * someone else's page does not call this, and leaves their <html> alone.
   */
  claimPage(): void {
    this.ownsPage = true;
    this.apply();
  }

  /**
   * Speaks `language` without remembering it: an embed follows its host page's lang attribute,
   * and the learner's own choice in the app stays as it was.
   */
  follow(language: Language): void {
    if (languageReady(language)) this.choice = language;
    else void loadLanguage(language).then(() => (this.choice = language));
  }

  /** The language the page speaks now (read as state: what reads it follows a change). */
  get language(): Language {
    return this.choice === 'auto' ? this.browser : this.choice;
  }

  /** Chooses a language ('auto': the browser's), remembers it and applies it at once. */
  set(choice: LanguageChoice): void {
    writeLanguageChoice(choice);
    const language = choice === 'auto' ? this.browser : choice;
    const speak = () => {
      this.choice = choice;
      this.apply();
    };
    // German's texts may have to load first (languageLoad.ts): until then the page stays as it is.
    if (languageReady(language)) speak();
    else void loadLanguage(language).then(speak);
  }

  private apply(): void {
    if (this.ownsPage && typeof document !== 'undefined')
      document.documentElement.lang = this.language;
  }
}

/** The page's one language state. */
export const locale = new Locale();

/** One translator per language, made when first used (a cache, not state). */
const translators: Partial<Record<Language, ReturnType<typeof translator>>> = {};
function translatorFor(language: Language) {
  return (translators[language] ??= translator(language, CATALOGS[language], english));
}

/** Adds English texts to what `t()` finds: the panels' (panelTexts.ts). */
export function addEnglish(texts: Catalog): void {
  Object.assign(english, texts);
}

type ParamNames<K extends MessageKey> = Placeholders<MessageTexts<EnglishTexts[K]>>;
/** A message's parameters: none for a plain text, else each of its {names}. */
export type ParamArgs<K extends MessageKey> = [ParamNames<K>] extends [never]
  ? []
  : [params: { readonly [P in ParamNames<K>]: string | number }];

/** The message `key` in the page's language, with its parameters filled in. */
export function t<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string {
  return translatorFor(locale.language)(key, params[0] as Params | undefined);
}

/** A number written for people in the page's language. */
export function num(value: number, options?: Intl.NumberFormatOptions): string {
  return formatNumber(locale.language, value, options);
}
