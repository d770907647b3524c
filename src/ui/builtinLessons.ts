// The lessons shipped in simulations/lessons/ (docs/lessons.md), bundled as text by Vite and read
// once per language. A lesson that does not read is still listed, with its first problem, so the
// rest of the course loads; its scenario is one of the built-in examples. In another language a
// lesson is its translation (simulations/lessons/LANG/NN-name.md) where there is one, else the
// English; its key stays the English file name, so progress is the same whatever the language.

import { readLesson, type Lesson } from '../lessons/index.ts';
import { BUILT_IN_SCENARIOS, type BuiltInScenario } from './builtinScenarios.ts';

const files = import.meta.glob<string>('../../simulations/lessons/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const translations = import.meta.glob<string>('../../simulations/lessons/*/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** A built-in lesson: its key (file name without .md), and the lesson or why it cannot be used. */
export type BuiltInLesson = { key: string } & (
  { ok: true; lesson: Lesson; scenario: BuiltInScenario } | { ok: false; problem: string }
);

/** Reads one lesson file's text as a built-in lesson. */
export function builtInLesson(key: string, text: string): BuiltInLesson {
  const read = readLesson(text);
  if (!read.ok) {
    const first = read.problems[0];
    return {
      key,
      ok: false,
      problem: first ? `line ${first.line}: ${first.message}` : 'unreadable',
    };
  }
  const file = read.lesson.scenario.slice(read.lesson.scenario.lastIndexOf('/') + 1);
  const scenario = BUILT_IN_SCENARIOS.find((s) => s.file === file);
  if (!scenario) {
    return {
      key,
      ok: false,
      problem: `its scenario "${read.lesson.scenario}" is not a built-in example`,
    };
  }
  return { key, ok: true, lesson: read.lesson, scenario };
}

/** A lesson file's key: its name without the folder and .md. */
function keyOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');
}

/**
 * The lessons in `language`, in file-name order (the files are numbered): each English lesson, or
 * its translation in `language` (a two-letter code, the folder's name) where there is one.
 * `originals` and `translated` are file texts by path (the bundled files by default).
 */
export function lessonsIn(
  language: string,
  originals: Record<string, string> = files,
  translated: Record<string, string> = translations,
): readonly BuiltInLesson[] {
  const inLanguage = new Map(
    Object.entries(translated)
      .filter(([path]) => path.split('/').at(-2) === language)
      .map(([path, text]) => [keyOf(path), text]),
  );
  return Object.entries(originals)
    .map(([path, text]) => builtInLesson(keyOf(path), inLanguage.get(keyOf(path)) ?? text))
    .sort((a, b) => a.key.localeCompare(b.key));
}

const byLanguage = new Map<string, readonly BuiltInLesson[]>();

/** The built-in lessons in `language`, read once per language. */
export function builtInLessons(language: string): readonly BuiltInLesson[] {
  let found = byLanguage.get(language);
  if (!found) byLanguage.set(language, (found = lessonsIn(language)));
  return found;
}

/** Every built-in lesson in English. */
export const BUILT_IN_LESSONS: readonly BuiltInLesson[] = builtInLessons('en');
