// The lessons shipped in simulations/lessons/ (docs/lessons.md), bundled as text by Vite and read
// once. A lesson that does not read is still listed, with its first problem, so the rest of the
// course loads; its scenario is one of the built-in examples.

import { readLesson, type Lesson } from '../lessons/index.ts';
import { BUILT_IN_SCENARIOS, type BuiltInScenario } from './builtinScenarios.ts';

const files = import.meta.glob<string>('../../simulations/lessons/*.md', {
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

/** Every built-in lesson, in file-name order (the files are numbered). */
export const BUILT_IN_LESSONS: readonly BuiltInLesson[] = Object.entries(files)
  .map(([path, text]) =>
    builtInLesson(path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, ''), text),
  )
  .sort((a, b) => a.key.localeCompare(b.key));
