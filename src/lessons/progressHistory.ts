// What a learner did in a lesson and when, kept beside their progress for the export: each change
// of the progress (lessonProgress.ts) compared with the one before gives events with a wall-clock
// time (a step started, an answer picked, a task check failed or passed, a step done). The player
// stamps every change it saves; the clock is the caller's, so this stays pure. Progress saved
// before there was a history simply has none (its export then has answers but no times).

import type { Lesson } from './lessonFormat.ts';
import type { LessonProgress } from './lessonProgress.ts';

/** One thing the learner did, at a wall-clock time (ISO 8601, UTC). */
export interface ProgressEvent {
  at: string;
  /** The step, from 0. */
  step: number;
  what: 'attempted' | 'answered' | 'failed' | 'passed' | 'completed';
  /** What was answered: the choice's text, or a score such as `5 of 6 right`. */
  response?: string;
  /** Whether the answer was right (a quiz, a prediction, a check). */
  success?: boolean;
}

/** Progress with the lesson's start and its events (both absent in progress saved before). */
export type TimedProgress = LessonProgress & { startedAt?: string; history?: ProgressEvent[] };

/** An answer that is not a choice (the encapsulation quiz's score), given with a change. */
export interface AnswerNote {
  response: string;
  success: boolean;
}

const WHATS = new Set(['attempted', 'answered', 'failed', 'passed', 'completed']);

/** The well-formed events of saved progress (anything else in storage is dropped). */
export function historyOf(progress: TimedProgress): ProgressEvent[] {
  const list: unknown = progress.history;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is ProgressEvent =>
      typeof e === 'object' &&
      e !== null &&
      typeof e.at === 'string' &&
      Number.isInteger(e.step) &&
      WHATS.has(e.what),
  );
}

/**
 * `after` with the events that lead to it from `before` (null: the lesson was just opened),
 * stamped `at`. `note` is the answer of the current step when it is not a choice.
 */
export function recordChange(
  before: TimedProgress | null,
  after: TimedProgress,
  lesson: Lesson,
  at: string,
  note?: AnswerNote,
): TimedProgress {
  const history = before ? historyOf(before) : historyOf(after);
  const add = (event: Omit<ProgressEvent, 'at'>) => history.push({ at, ...event });
  if (!history.some((e) => e.step === after.current && e.what === 'attempted'))
    add({ step: after.current, what: 'attempted' });
  after.steps.forEach((state, i) => {
    const old = before?.steps[i];
    const step = lesson.steps[i];
    if (!step || !old) return;
    if (state.choice !== null && state.choice !== old.choice) {
      if (step.kind === 'quiz')
        add({
          step: i,
          what: 'answered',
          response: step.choices[state.choice]?.text ?? '',
          success: step.choices[state.choice]?.correct === true,
        });
      else if (step.kind === 'predict')
        add({
          step: i,
          what: 'answered',
          response: step.choices[state.choice] ?? '',
          success: state.choice === step.answer,
        });
    }
    // A machine step's picks (machineStep.ts): each new one answered (its check is the step's).
    for (const pick of (state.picks ?? []).slice(old.picks?.length ?? 0))
      add({ step: i, what: 'answered', response: pick });
    if (state.misses > old.misses)
      add({ step: i, what: 'failed', response: `check ${state.misses}`, success: false });
    if (state.done && !old.done) {
      if (note && i === after.current) add({ step: i, what: 'answered', ...note });
      if (step.kind === 'task')
        add({ step: i, what: 'passed', response: `check ${state.misses + 1}`, success: true });
      add({ step: i, what: 'completed' });
    }
  });
  return { ...after, startedAt: before?.startedAt ?? after.startedAt ?? at, history };
}
