// A learner's progress through a lesson: steps done by reading, running, answering and checking,
// hints one per miss, a reset, and saved progress taken back only when it fits the lesson.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLesson, type Lesson } from './lessonFormat.ts';
import {
  checkTask,
  choose,
  fractionDone,
  goTo,
  hintsShown,
  lessonDone,
  markDone,
  resetStep,
  restoreProgress,
  startLesson,
} from './lessonProgress.ts';

const read = readLesson(readFileSync('simulations/lessons/01-clients-and-servers.md', 'utf8'));
if (!read.ok) throw new Error('lesson 1 does not read');
const lesson: Lesson = read.lesson;
const KEY = '01-clients-and-servers';
// Lesson 1: narrate, predict, run, quiz (choice 0 correct), task (two hints).

describe('lesson progress', () => {
  it('goes through lesson 1 to the end, a fifth of the bar a step', () => {
    let p = startLesson(KEY, lesson);
    expect(fractionDone(p)).toBe(0);
    p = markDone(p);
    expect(fractionDone(p)).toBe(0.2);
    p = choose(goTo(p, 1), lesson, 1);
    expect(p.steps[1]).toEqual({ done: false, choice: 1, misses: 0 });
    p = markDone(p);
    p = markDone(goTo(p, 2));
    p = choose(goTo(p, 3), lesson, 2);
    expect(p.steps[3]).toEqual({ done: false, choice: 2, misses: 0 });
    p = choose(p, lesson, 0);
    expect(p.steps[3]?.done).toBe(true);
    p = goTo(p, 4);
    expect(lessonDone(p)).toBe(false);
    p = checkTask(p, lesson, true).progress;
    expect(lessonDone(p)).toBe(true);
    expect(fractionDone(p)).toBe(1);
  });

  it('gives one more hint per miss, and no more than there are', () => {
    let p = goTo(startLesson(KEY, lesson), 4);
    expect(hintsShown(p, lesson)).toEqual([]);
    const first = checkTask(p, lesson, false);
    expect(first.hint).toMatch(/^The Wi-Fi link is selected/);
    p = checkTask(first.progress, lesson, false).progress;
    const third = checkTask(p, lesson, false);
    expect(third.hint).toMatch(/^The link's loss is 0.2/);
    expect(hintsShown(third.progress, lesson)).toHaveLength(2);
    expect(third.progress.steps[4]).toEqual({ done: false, choice: null, misses: 3 });
    expect(resetStep(third.progress).steps[4]).toEqual({ done: false, choice: null, misses: 0 });
  });

  it('ignores a choice out of range or on a step without choices', () => {
    const p = startLesson(KEY, lesson);
    expect(choose(p, lesson, 0)).toBe(p);
    expect(choose(goTo(p, 3), lesson, 7).steps[3]?.choice).toBeNull();
    expect(goTo(p, 99).current).toBe(4);
    expect(goTo(p, -1).current).toBe(0);
  });

  it('takes saved progress back only when it fits, else starts again with a note', () => {
    const saved = JSON.parse(JSON.stringify(markDone(goTo(startLesson(KEY, lesson), 2))));
    expect(restoreProgress(KEY, lesson, saved)).toEqual({ progress: saved, note: null });
    expect(restoreProgress(KEY, lesson, null).progress).toEqual(startLesson(KEY, lesson));
    for (const damaged of [
      'text',
      { ...saved, lesson: 'another' },
      { ...saved, stepCount: 4 },
      { ...saved, current: 5 },
      { ...saved, steps: saved.steps.slice(1) },
      { ...saved, steps: saved.steps.map((s: object) => ({ ...s, choice: 9 })) },
      { ...saved, steps: saved.steps.map((s: object) => ({ ...s, misses: -1 })) },
    ]) {
      const back = restoreProgress(KEY, lesson, damaged);
      expect(back.progress).toEqual(startLesson(KEY, lesson));
      expect(back.note).toMatch(/starts again/);
    }
  });
});
