// A learner's way through one lesson, as data the page keeps and saves: which step is shown, what
// was answered or predicted, how many times a task was checked and how many hints are out, and
// which steps are done. Pure: the page's player panel calls these functions and stores the result
// (localStorage); a saved record that does not fit the lesson any more starts the lesson afresh
// instead of failing, so a learner never gets a broken page from old progress.

import type { Lesson, LessonStep } from './lessonFormat.ts';

/** One step's state. */
export interface StepState {
  done: boolean;
  /** The choice picked in a predict or quiz step, if any. */
  choice: number | null;
  /** Times a task was checked and found not done. */
  misses: number;
  /** A machine step's picks, right and wrong, in order (machineStep.ts replays them). */
  picks?: string[];
}

export interface LessonProgress {
  /** The lesson's key (its file name): progress of another lesson is not taken. */
  lesson: string;
  /** The number of steps when saved: a lesson whose steps changed starts afresh. */
  stepCount: number;
  current: number;
  steps: StepState[];
}

/** A fresh start of `lesson`. */
export function startLesson(key: string, lesson: Lesson): LessonProgress {
  return {
    lesson: key,
    stepCount: lesson.steps.length,
    current: 0,
    steps: lesson.steps.map(() => ({ done: false, choice: null, misses: 0 })),
  };
}

/**
 * Progress read back from storage: kept if it is this lesson's and fits its steps, else a fresh
 * start (with the reason, for a note to the learner).
 */
export function restoreProgress(
  key: string,
  lesson: Lesson,
  saved: unknown,
): { progress: LessonProgress; note: string | null } {
  const fresh = startLesson(key, lesson);
  if (saved === null || saved === undefined) return { progress: fresh, note: null };
  const p = saved as Partial<LessonProgress>;
  const fits =
    typeof saved === 'object' &&
    p.lesson === key &&
    p.stepCount === lesson.steps.length &&
    Array.isArray(p.steps) &&
    p.steps.length === lesson.steps.length &&
    Number.isInteger(p.current) &&
    (p.current as number) >= 0 &&
    (p.current as number) < lesson.steps.length &&
    p.steps.every(
      (s, i) =>
        typeof s === 'object' &&
        s !== null &&
        typeof s.done === 'boolean' &&
        Number.isInteger(s.misses) &&
        s.misses >= 0 &&
        (s.picks === undefined ||
          (Array.isArray(s.picks) && s.picks.every((x) => typeof x === 'string'))) &&
        (s.choice === null ||
          (Number.isInteger(s.choice) &&
            s.choice >= 0 &&
            s.choice < choicesOf(lesson.steps[i] as LessonStep))),
    );
  return fits
    ? { progress: saved as LessonProgress, note: null }
    : {
        progress: fresh,
        note: 'The saved progress did not match this lesson any more, so it starts again.',
      };
}

function choicesOf(step: LessonStep): number {
  return step.kind === 'predict' || step.kind === 'quiz' ? step.choices.length : 0;
}

/** The share of steps done, 0 to 1, for the progress bar. */
export function fractionDone(progress: LessonProgress): number {
  return progress.steps.length === 0
    ? 0
    : progress.steps.filter((s) => s.done).length / progress.steps.length;
}

/** Whether every step is done. */
export function lessonDone(progress: LessonProgress): boolean {
  return progress.steps.every((s) => s.done);
}

function withStep(
  progress: LessonProgress,
  index: number,
  change: Partial<StepState>,
): LessonProgress {
  return {
    ...progress,
    steps: progress.steps.map((s, i) => (i === index ? { ...s, ...change } : s)),
  };
}

/** Shows step `index` (clamped to the lesson). */
export function goTo(progress: LessonProgress, index: number): LessonProgress {
  return { ...progress, current: Math.max(0, Math.min(progress.steps.length - 1, index)) };
}

/** Marks the current step done (a narrate step read, a run step whose moment was reached). */
export function markDone(progress: LessonProgress): LessonProgress {
  return withStep(progress, progress.current, { done: true });
}

/**
 * Picks a choice in the current predict or quiz step. A quiz step is done once its correct choice
 * is picked; a prediction is kept, and the step is done when its run reaches its moment.
 */
export function choose(progress: LessonProgress, lesson: Lesson, choice: number): LessonProgress {
  const step = lesson.steps[progress.current];
  if (!step || (step.kind !== 'quiz' && step.kind !== 'predict')) return progress;
  if (!(Number.isInteger(choice) && choice >= 0 && choice < step.choices.length)) return progress;
  const done =
    step.kind === 'quiz'
      ? (step.choices[choice]?.correct ?? false)
      : progress.steps[progress.current]?.done;
  return withStep(progress, progress.current, { choice, done: done === true });
}

/**
 * A task checked: done, or one more miss (each miss brings out the next hint). Returns the new
 * progress and the hint to show, if any.
 */
export function checkTask(
  progress: LessonProgress,
  lesson: Lesson,
  passed: boolean,
): { progress: LessonProgress; hint: string | null } {
  const step = lesson.steps[progress.current];
  const state = progress.steps[progress.current];
  if (!step || step.kind !== 'task' || !state) return { progress, hint: null };
  if (passed) return { progress: withStep(progress, progress.current, { done: true }), hint: null };
  const misses = state.misses + 1;
  return {
    progress: withStep(progress, progress.current, { misses }),
    hint: step.hints[Math.min(misses, step.hints.length) - 1] ?? null,
  };
}

/** The hints a task shows now: one per miss, at most all of them. */
export function hintsShown(progress: LessonProgress, lesson: Lesson): string[] {
  const step = lesson.steps[progress.current];
  const state = progress.steps[progress.current];
  if (!step || step.kind !== 'task' || !state) return [];
  return step.hints.slice(0, Math.min(state.misses, step.hints.length));
}

/**
 * A pick in the current machine step, kept with the earlier ones; `done` says (from the replay of
 * every pick against the real component, machineStep.ts) whether the step is finished by it.
 */
export function pickMachine(
  progress: LessonProgress,
  lesson: Lesson,
  pick: string,
  done: boolean,
): LessonProgress {
  const step = lesson.steps[progress.current];
  const state = progress.steps[progress.current];
  if (step?.kind !== 'machine' || !state) return progress;
  return withStep(progress, progress.current, {
    picks: [...(state.picks ?? []), pick],
    done: state.done || done,
  });
}

/** The current step as it was before the learner touched it. */
export function resetStep(progress: LessonProgress): LessonProgress {
  const picks = progress.steps[progress.current]?.picks ? { picks: [] } : {};
  return withStep(progress, progress.current, { done: false, choice: null, misses: 0, ...picks });
}
