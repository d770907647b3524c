// A translated lesson (simulations/lessons/LANG/NN-name.md) must be its English lesson in another
// language: the same front matter apart from its texts, the same steps in the same order with the
// same kinds, conditions, solutions, highlights and answers. Only human text may differ, so a
// translation cannot drift from the lesson it translates (docs/lessons.md, "Translations").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLesson, type Lesson } from '../../src/lessons/index.ts';

const LESSONS = resolve('simulations/lessons');
const LANGUAGES = readdirSync(LESSONS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

/** Fields that hold text people read: free to differ between languages. */
const TEXT_KEYS = new Set([
  'title',
  'text',
  'intro',
  'tips',
  'question',
  'goal',
  'feedback',
  'hints',
  'prompt',
  'explanation',
  'line',
]);

/**
 * The lesson with its texts blanked: a text field becomes "*" (a list of texts keeps its length,
 * a choice given as a bare string becomes "*"), everything else is kept as it is.
 */
function skeleton(value: unknown, key = ''): unknown {
  if (TEXT_KEYS.has(key)) {
    if (key === 'line') return '*';
    return Array.isArray(value) ? value.map(() => '*') : '*';
  }
  if (Array.isArray(value)) {
    return value.map((v) => (key === 'choices' && typeof v === 'string' ? '*' : skeleton(v)));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, skeleton(v, k)]));
  }
  return value;
}

function read(path: string): Lesson {
  const result = readLesson(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.problems)}`);
  return result.lesson;
}

describe('translated lessons', () => {
  it('ship German', () => {
    expect(LANGUAGES).toContain('de');
  });

  const translations = LANGUAGES.flatMap((lang) =>
    readdirSync(join(LESSONS, lang))
      .filter((f) => f.endsWith('.md'))
      .map((file) => [lang, file] as const),
  );

  it.each(translations)('%s/%s has an English original with the same steps', (lang, file) => {
    const original = join(LESSONS, file);
    expect(existsSync(original)).toBe(true);
    const english = read(original);
    const translated = read(join(LESSONS, lang, file));
    // The scenario is the same file, one folder further up.
    expect(translated.scenario).toBe(`../${english.scenario}`);
    const strip = (l: Lesson) => skeleton({ ...l, scenario: '' });
    expect(strip(translated)).toEqual(strip(english));
    // And the texts are translated: no step title left as it was.
    expect(translated.title).not.toBe(english.title);
  });

  it('tells a drifted translation apart: another answer, condition or highlight fails', () => {
    const english = read(join(LESSONS, '01-clients-and-servers.md'));
    const german = readFileSync(join(LESSONS, 'de', '01-clients-and-servers.md'), 'utf8');
    const same = skeleton({
      ...read(join(LESSONS, 'de', '01-clients-and-servers.md')),
      scenario: '',
    });
    expect(same).toEqual(skeleton({ ...english, scenario: '' }));
    for (const [from, to] of [
      ['"answer": 0', '"answer": 1'],
      ['"record": "app.serve"', '"record": "app.reply"'],
      ['"node:laptop", "node:server"', '"node:laptop"'],
      ['"value": 0 }', '"value": 0.1 }'],
      ['minutes: 5', 'minutes: 6'],
      ['hide: charts, capture', 'hide: charts'],
    ] as const) {
      expect(german).toContain(from);
      const drifted = readLesson(german.replace(from, to));
      if (!drifted.ok) throw new Error(`${from}: ${JSON.stringify(drifted.problems)}`);
      expect(skeleton({ ...drifted.lesson, scenario: '' })).not.toEqual(
        skeleton({ ...english, scenario: '' }),
      );
    }
  });
});
