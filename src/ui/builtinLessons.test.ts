// The built-in lessons by language: German where a translation exists, English otherwise, each
// keyed by its English file name so progress does not depend on the language.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInLessons, lessonsIn } from './builtinLessons.ts';

const english = readFileSync('simulations/lessons/01-clients-and-servers.md', 'utf8');
const german = readFileSync('simulations/lessons/de/01-clients-and-servers.md', 'utf8');

describe('built-in lessons by language', () => {
  it('gives the German lesson 1 in German, keyed by its English file name', () => {
    const first = builtInLessons('de').find((l) => l.key === '01-clients-and-servers');
    expect(first?.ok && first.lesson.title).toBe('Clients und Server: wer fragt, wer antwortet');
    const en = builtInLessons('en').find((l) => l.key === '01-clients-and-servers');
    expect(en?.ok && en.lesson.title).toBe('Clients and servers: who asks, who answers');
    expect(builtInLessons('de').map((l) => l.key)).toEqual(builtInLessons('en').map((l) => l.key));
  });

  it('falls back to English for a lesson with no translation, and for a language with none', () => {
    const originals = {
      '../../simulations/lessons/01-clients-and-servers.md': english,
      '../../simulations/lessons/02-other.md': english.replace('Clients and servers', 'Second'),
    };
    const translated = { '../../simulations/lessons/de/01-clients-and-servers.md': german };
    const titles = (language: string) =>
      lessonsIn(language, originals, translated).map((l) => [l.key, l.ok && l.lesson.title]);
    expect(titles('de')).toEqual([
      ['01-clients-and-servers', 'Clients und Server: wer fragt, wer antwortet'],
      ['02-other', 'Second: who asks, who answers'],
    ]);
    expect(titles('fr')).toEqual([
      ['01-clients-and-servers', 'Clients and servers: who asks, who answers'],
      ['02-other', 'Second: who asks, who answers'],
    ]);
  });

  it('finds the scenario of a translation one folder further up', () => {
    const first = builtInLessons('de')[0];
    expect(first?.ok && first.scenario.file).toBe('ping-over-a-link.json');
  });

  it('lists lesson 14, the laptop getting an address, on dhcp-home.json in both languages', () => {
    const lesson = (language: string) =>
      builtInLessons(language).find((l) => l.key === '14-getting-an-address');
    const en = lesson('en');
    const de = lesson('de');
    expect(en?.ok && [en.lesson.title, en.scenario.file]).toEqual([
      'How my laptop gets an address and finds the router',
      'dhcp-home.json',
    ]);
    expect(de?.ok && [de.lesson.title, de.scenario.file]).toEqual([
      'Wie mein Laptop eine Adresse bekommt und den Router findet',
      'dhcp-home.json',
    ]);
  });
});
