// Phrasebooks (a layer's sentences in each language), the check of a translation against its
// English catalog, and durations written the language's way.
import { describe, expect, it } from 'vitest';
import { formatCount, Phrasebook, translationProblems, type Translation } from './language.ts';
import { formatDuration, formatMoment } from './time.ts';

const english = {
  sends: '{node} sends {count} bytes.',
  packets: { one: 'one packet', other: '{count} packets' },
  ends: 'The run ends.',
} as const;
const german: Translation<typeof english> = {
  sends: '{node} sendet {count} Bytes.',
  packets: { one: 'ein Paket', other: '{count} Pakete' },
  ends: 'Der Lauf endet.',
};

describe('Phrasebook', () => {
  const book = new Phrasebook(english, { de: german });

  it('speaks English by default and for a language it does not have', () => {
    expect(book.in().say('sends', { node: 'Laptop', count: 1500 })).toBe(
      'Laptop sends 1,500 bytes.',
    );
    expect(book.in('fr').say('ends')).toBe('The run ends.');
    expect(book.in('fr').language).toBe('en');
  });

  it('speaks a translation with its numbers and plurals, and keeps one speech per language', () => {
    const de = book.in('de');
    // Reference: German writes 1.500 for one thousand five hundred, 2,5 for two and a half.
    expect(de.say('sends', { node: 'Laptop', count: 1500 })).toBe('Laptop sendet 1.500 Bytes.');
    expect(de.say('packets', { count: 1 })).toBe('ein Paket');
    expect(de.say('packets', { count: 3 })).toBe('3 Pakete');
    expect(de.num(2.5)).toBe('2,5');
    expect(book.in('de')).toBe(de);
  });
});

describe('translationProblems', () => {
  it('finds nothing wrong with a whole translation', () => {
    expect(translationProblems(english, german)).toEqual([]);
  });

  it('names a missing key, an extra key, other parameters, a lost plural and markup', () => {
    const wrong = {
      sends: '{node} sendet {bytes} Bytes.',
      packets: 'Pakete',
      extra: 'zu viel',
      ends: 'Der <b>Lauf</b> endet.',
    };
    const missing = Object.fromEntries(Object.entries(german).filter(([key]) => key !== 'ends'));
    expect(translationProblems(english, missing)).toEqual(['ends: missing']);
    expect(translationProblems(english, wrong)).toEqual([
      'sends: parameters {bytes, node}, English has {count, node}',
      'packets: plural forms in English',
      'packets: parameters {}, English has {count}',
      'extra: not an English key',
      'ends: markup',
    ]);
  });
});

describe('formatDuration in a language', () => {
  it('writes the decimal sign of the language and no thousands separator', () => {
    expect(formatDuration(1_500_000)).toBe('1.5 ms');
    expect(formatDuration(1_500_000, 'de')).toBe('1,5 ms');
    expect(formatDuration(1_442_000_000, 'de')).toBe('1,442 s');
    expect(formatDuration(2_000_000_000_000, 'de')).toBe('2000 s');
    expect(formatDuration(250, 'de')).toBe('250 ns');
  });
});

describe('Speech types', () => {
  it('rejects an unknown key and a missing parameter at compile time', () => {
    const say = new Phrasebook(english, { de: german }).in('de').say;
    // @ts-expect-error: no such key
    expect(say('nowhere')).toBe('nowhere');
    // @ts-expect-error: {node} and {count} are missing
    expect(say('sends')).toBe('{node} sendet {count} Bytes.');
  });
});

describe('counts and moments for sentences', () => {
  it('writes a count as bare digits in English (as the CLI does) and grouped in German', () => {
    expect(formatCount(1460, 'en')).toBe('1460');
    expect(formatCount(1460, 'de')).toBe('1.460');
  });

  it('writes no time as 0 s, not 0 ns, in every language', () => {
    expect(formatMoment(0)).toBe('0 s');
    expect(formatMoment(0, 'de')).toBe('0 s');
    expect(formatMoment(2_500_000, 'de')).toBe('2,5 ms');
  });
});
