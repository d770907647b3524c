// The message catalog: parameters, plural forms by Intl.PluralRules, numbers the locale's way,
// the fallback to English then to the key, the language chosen from the browser or the setting,
// and the German catalog against the English one (same keys, same parameters).
import { describe, expect, it } from 'vitest';
import { en } from './messages.en.ts';
import { panelEn } from './panelMessages.en.ts';
import { de } from './messages.de.ts';
import {
  formatMessage,
  translationProblems,
  translator,
  type Message,
} from '../../engine/language.ts';
import {
  browserLanguage,
  Locale,
  readLanguageChoice,
  writeLanguageChoice,
} from './locale.svelte.ts';

describe('formatMessage', () => {
  it('fills named parameters, each wherever it stands, and leaves an unknown one as written', () => {
    expect(formatMessage('en', '{a} then {b}, {a} again', { a: 'x', b: 'y' })).toBe(
      'x then y, x again',
    );
    expect(formatMessage('en', 'port {port}', {})).toBe('port {port}');
  });

  it('writes number parameters the locale way and text parameters as they are', () => {
    // Reference: German uses "," for decimals and "." for thousands; English the reverse.
    expect(formatMessage('de', '{n} s', { n: 2.5 })).toBe('2,5 s');
    expect(formatMessage('en', '{n} s', { n: 2.5 })).toBe('2.5 s');
    expect(formatMessage('de', '{n}', { n: 12345 })).toBe('12.345');
    expect(formatMessage('en', '{n}', { n: 12345 })).toBe('12,345');
    expect(formatMessage('de', 'port {p}', { p: '8080' })).toBe('port 8080');
  });

  const packets: Message = { zero: 'no packets', one: 'one packet', other: '{count} packets' };

  it('chooses the plural form by Intl.PluralRules on count, zero only where given', () => {
    expect(formatMessage('en', packets, { count: 0 })).toBe('no packets');
    expect(formatMessage('en', packets, { count: 1 })).toBe('one packet');
    expect(formatMessage('en', packets, { count: 2 })).toBe('2 packets');
    // English: 1.5 is "other" (CLDR), so "1.5 packets".
    expect(formatMessage('en', packets, { count: 1.5 })).toBe('1.5 packets');
    const noZero: Message = { one: '{count} Paket', other: '{count} Pakete' };
    expect(formatMessage('de', noZero, { count: 0 })).toBe('0 Pakete');
    expect(formatMessage('de', noZero, { count: 1 })).toBe('1 Paket');
    expect(formatMessage('de', noZero, { count: 1000 })).toBe('1.000 Pakete');
  });

  it('uses the categories a language has: Polish few and many', () => {
    const pl: Message = {
      one: '{count} plik',
      few: '{count} pliki',
      many: '{count} plików',
      other: '{count} pliku',
    };
    // Reference: CLDR Polish: 1 one, 2-4 few (not 12-14), 5-21 many, 22 few.
    expect([1, 2, 5, 12, 22].map((count) => formatMessage('pl', pl, { count }))).toEqual([
      '1 plik',
      '2 pliki',
      '5 plików',
      '12 plików',
      '22 pliki',
    ]);
  });
});

describe('translator', () => {
  const t = translator('de', { hello: 'Hallo {name}' }, { hello: 'Hello {name}', bye: 'Bye' });

  it('takes the language first, then English, then the key itself', () => {
    expect(t('hello', { name: 'Ada' })).toBe('Hallo Ada');
    expect(t('bye')).toBe('Bye');
    expect(t('nowhere')).toBe('nowhere');
    expect(t('toString')).toBe('toString');
  });
});

describe('the page language', () => {
  it('takes the first browser language it speaks, English otherwise', () => {
    expect(browserLanguage(['de-DE', 'en'])).toBe('de');
    expect(browserLanguage(['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(browserLanguage(['en-GB', 'de'])).toBe('en');
    expect(browserLanguage(['fr', 'ja'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
    expect(browserLanguage(undefined)).toBe('en');
  });

  it('remembers a choice, forgets it for auto, and ignores a stored value it does not know', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    expect(readLanguageChoice(storage)).toBe('auto');
    writeLanguageChoice('de', storage);
    expect(readLanguageChoice(storage)).toBe('de');
    writeLanguageChoice('auto', storage);
    expect(map.size).toBe(0);
    map.set('handshake.language', 'xx');
    expect(readLanguageChoice(storage)).toBe('auto');
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
    };
    expect(readLanguageChoice(throwing)).toBe('auto');
  });

  it('resolves auto to the browser language and a choice to itself', () => {
    const locale = new Locale('auto', 'de');
    expect(locale.language).toBe('de');
    locale.choice = 'en';
    expect(locale.language).toBe('en');
  });
});

describe('the German catalog', () => {
  it('has every English key and no other, with the same parameters and plurals and no markup', () => {
    expect(translationProblems({ ...en, ...panelEn }, de)).toEqual([]);
  });
});

describe('the English catalog in two parts', () => {
  it('has each key in one part only: the first view’s or the panels’', () => {
    const both = Object.keys(panelEn).filter((key) => Object.hasOwn(en, key));
    expect(both).toEqual([]);
    expect(Object.keys(en).length).toBeGreaterThan(0);
    expect(Object.keys(panelEn).length).toBeGreaterThan(0);
  });
});
