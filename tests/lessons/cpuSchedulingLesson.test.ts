// Lesson 7 (CPU scheduling) and its German translation: the translation has the same steps, in the
// same order, with the same kinds, checks, machines and solutions (issue 15's convention: only the
// human text is translated), and it passes the check against its scenario as the English one does.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLesson, readLesson, type Lesson } from '../../src/lessons/index.ts';

function read(path: string): Lesson {
  const result = readLesson(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.lesson;
}

/** A step without its human text: what must be the same in every language. */
function shape(lesson: Lesson): unknown[] {
  return lesson.steps.map((step) => {
    switch (step.kind) {
      case 'narrate':
        return { kind: step.kind, highlight: step.highlight };
      case 'run':
        return { kind: step.kind, until: step.until };
      case 'predict':
        return { kind: step.kind, answer: step.answer, n: step.choices.length, until: step.until };
      case 'quiz':
        return { kind: step.kind, correct: step.choices.map((c) => c.correct) };
      case 'task':
        return {
          kind: step.kind,
          check: step.check,
          solution: step.solution,
          hints: step.hints.length,
        };
      case 'machine':
        return step.machine === 'cpu'
          ? { kind: step.kind, table: step.table, compare: step.compare }
          : { kind: step.kind, router: step.router, routes: step.routes, packets: step.packets };
    }
  });
}

describe('lesson 7 in English and German', () => {
  const en = read('simulations/lessons/07-cpu-scheduling.md');
  const de = read('simulations/lessons/de/07-cpu-scheduling.md');

  it('has the same steps, checks, machines and solutions in both languages', () => {
    expect(de.steps.map((s) => s.kind)).toEqual(en.steps.map((s) => s.kind));
    expect(shape(de)).toEqual(shape(en));
    expect(de.scenario).toBe('../../database-service.json');
    expect({ minutes: de.minutes, hide: de.hide, tips: de.tips.length }).toEqual({
      minutes: en.minutes,
      hide: en.hide,
      tips: en.tips.length,
    });
    expect(de.title).not.toBe(en.title);
  });

  it('passes the check in German as in English', { timeout: 60_000 }, () => {
    const scenario = readFileSync('simulations/database-service.json', 'utf8');
    const lines = checkLesson(de, scenario);
    expect(lines.filter((l) => !l.ok)).toEqual([]);
    expect(lines).toHaveLength(de.steps.length);
  });
});
