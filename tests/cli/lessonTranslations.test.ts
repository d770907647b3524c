// The translated lessons (simulations/lessons/de/, issue 15's second language): each passes
// `handshake lesson check` as the English ones do, and each is its English lesson with only the
// human text translated: the same scenario file, minutes, hidden panels and number of tips, and
// the same steps in the same order with the same kinds, conditions, answers, highlights and
// solutions (docs/lessons.md).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLesson, type Lesson } from '../../src/lessons/index.ts';

const BIN = join(process.cwd(), 'bin/handshake.js');
const LESSONS = resolve('simulations/lessons');
/** Each translated lesson as `de/02-addresses-ports-sockets.md`, relative to LESSONS. */
const TRANSLATIONS = ['de']
  .filter((language) => existsSync(join(LESSONS, language)))
  .flatMap((language) =>
    readdirSync(join(LESSONS, language))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `${language}/${f}`),
  );

/** Keys whose values are text for people: a translation changes them freely. */
const HUMAN = new Set(['title', 'text', 'line', 'question', 'goal', 'feedback', 'intro']);
/** Lists of texts: a translation keeps how many there are. */
const COUNTED = new Set(['hints', 'tips']);

/** What a translation must keep of a lesson: everything but its human text. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !HUMAN.has(key))
      .map(([key, v]) => {
        if (COUNTED.has(key) && Array.isArray(v)) return [key, v.length];
        if (key === 'choices' && Array.isArray(v))
          return [key, v.map((c: unknown) => (typeof c === 'string' ? 'a choice' : shape(c)))];
        if (key === 'scenario' && typeof v === 'string') return [key, basename(v)];
        return [key, shape(v)];
      }),
  );
}

function lesson(path: string): Lesson {
  const read = readLesson(readFileSync(path, 'utf8'));
  if (!read.ok) throw new Error(`${path}: ${read.problems.map((p) => p.message).join('; ')}`);
  return read.lesson;
}

describe('translated lessons', () => {
  it('ships German lessons', () => expect(TRANSLATIONS.length).toBeGreaterThan(0));

  it.each(TRANSLATIONS)('%s passes handshake lesson check', (file) => {
    const path = join(LESSONS, file);
    const result = spawnSync(process.execPath, [BIN, 'lesson', 'check', path], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe(`${path}: ok`);
  });

  it.each(TRANSLATIONS)('%s is its English lesson with only the text translated', (file) => {
    const path = join(LESSONS, file);
    const english = join(LESSONS, basename(file));
    expect(existsSync(english)).toBe(true);
    const [translated, original] = [lesson(path), lesson(english)];
    expect(shape(translated)).toEqual(shape(original));
    expect(translated.title).not.toBe(original.title);
  });

  it('tells a translation that changed a condition from one that only changed text', () => {
    const english = lesson(join(LESSONS, '02-addresses-ports-sockets.md'));
    const retitled = structuredClone(english);
    retitled.title = 'Adressen, Ports und Sockets';
    retitled.tips = retitled.tips.map((t) => `${t} (übersetzt)`);
    expect(shape(retitled)).toEqual(shape(english));
    const changed = structuredClone(english);
    const task = changed.steps.find((s) => s.kind === 'task');
    if (task?.kind !== 'task') throw new Error('lesson 2 has a task');
    task.solution = [{ path: '/nodes/4/apps/1/port', value: 9001 }];
    expect(shape(changed)).not.toEqual(shape(english));
  });
});
