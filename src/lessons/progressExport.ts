// A learner's progress as files a teacher can collect: a JSON report (the lesson, each step with
// its kind, whether it is done, the answers, task checks and hints seen, and times when known),
// and xAPI 1.0.3 statements for a learning record store. Pure: the player supplies the clock, the
// learner's identity and the base IRI.
//
// xAPI 1.0.3 (github.com/adlnet/xAPI-Spec, xAPI-Data.md), the parts used here:
// - 2.4 Statement: `actor`, `verb` and `object` are required; `result`, `context` and `timestamp`
//   optional; `id` is left to the LRS, which assigns one (2.4.1).
// - 2.4.2.1 Agent: `objectType` "Agent", an optional `name`, and exactly one inverse functional
//   identifier; here `account` (2.4.2.5): `homePage` (an IRL) and `name` (the learner's id).
// - 2.4.3 Verb: `id` (an IRI) and `display` (a language map); ADL's verbs
//   http://adlnet.gov/expapi/verbs/{attempted,answered,passed,failed,completed}.
// - 2.4.4.1 Activity: `objectType` "Activity", `id` (an IRI), `definition` with `name` (a
//   language map) and `type` (an IRI: http://adlnet.gov/expapi/activities/lesson,
//   .../cmi.interaction with `interactionType` "choice", its `choices` and
//   `correctResponsesPattern`, or .../interaction).
// - 2.4.5 Result: `success` (boolean), `completion` (boolean), `response` (a string).
// - 2.4.6 Context: `contextActivities.parent` (a list of Activities: the lesson of a step) and
//   `platform`.
// - 2.4.7 Timestamp: ISO 8601 (here UTC with milliseconds, as Date.toISOString writes it).

import type { Lesson, LessonStep } from './lessonFormat.ts';
import { historyOf, type ProgressEvent, type TimedProgress } from './progressHistory.ts';

/** One step as the report tells it. */
export interface StepReport {
  step: number;
  title: string;
  kind: LessonStep['kind'];
  done: boolean;
  /** A predict or quiz step's answer: the choice's text and whether it was right. */
  answer?: { choice: number; text: string; correct: boolean };
  /** A task's checks: how many failed, whether it passed, and the hints they brought out. */
  task?: { failedChecks: number; passed: boolean; hintsSeen: string[] };
  /** A machine step's picks, right and wrong, in order. */
  picks?: string[];
  /** The answer of a step whose answer is not a choice (the encapsulation quiz's score). */
  response?: string;
  startedAt?: string;
  doneAt?: string;
}

export interface ProgressReport {
  format: 'handshake/lesson-progress@1';
  lesson: { key: string; title: string; minutes: number };
  exportedAt: string;
  startedAt: string | null;
  stepsDone: number;
  complete: boolean;
  steps: StepReport[];
  /** Every event, in order (empty for progress saved before events were kept). */
  events: ProgressEvent[];
}

/** The JSON report of `progress` in `lesson` (its key is the lesson's file name). */
export function progressReport(
  key: string,
  lesson: Lesson,
  progress: TimedProgress,
  exportedAt: string,
): ProgressReport {
  const events = historyOf(progress);
  const steps = lesson.steps.map((step, i): StepReport => {
    const state = progress.steps[i] ?? { done: false, choice: null, misses: 0 };
    const mine = events.filter((e) => e.step === i);
    const report: StepReport = {
      step: i + 1,
      title: step.title,
      kind: step.kind,
      done: state.done,
    };
    if ((step.kind === 'predict' || step.kind === 'quiz') && state.choice !== null) {
      const choice = step.choices[state.choice];
      report.answer = {
        choice: state.choice,
        text: typeof choice === 'string' ? choice : (choice?.text ?? ''),
        correct:
          step.kind === 'quiz'
            ? choice !== undefined && (choice as { correct: boolean }).correct
            : state.choice === step.answer,
      };
    }
    if (step.kind === 'task') {
      report.task = {
        failedChecks: state.misses,
        passed: state.done,
        hintsSeen: step.hints.slice(0, Math.min(state.misses, step.hints.length)),
      };
    }
    if (step.kind === 'machine') report.picks = [...(state.picks ?? [])];
    const noted = mine.filter((e) => e.what === 'answered' && step.kind === 'encapsulation').at(-1);
    if (noted?.response !== undefined) report.response = noted.response;
    const started = mine.find((e) => e.what === 'attempted');
    const done = mine.filter((e) => e.what === 'completed').at(-1);
    if (started) report.startedAt = started.at;
    if (done && state.done) report.doneAt = done.at;
    return report;
  });
  const stepsDone = steps.filter((s) => s.done).length;
  return {
    format: 'handshake/lesson-progress@1',
    lesson: { key, title: lesson.title, minutes: lesson.minutes },
    exportedAt,
    startedAt: progress.startedAt ?? null,
    stepsDone,
    complete: stepsDone === steps.length,
    steps,
    events,
  };
}

/** Who the statements are about: an account on the app's home page, and a name if one was typed. */
export interface Learner {
  /** The account's name: the name typed, or an anonymous id kept in the browser. */
  account: string;
  name?: string;
}

type LanguageMap = Record<string, string>;

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition: {
    name: LanguageMap;
    type: string;
    interactionType?: 'choice';
    choices?: { id: string; description: LanguageMap }[];
    correctResponsesPattern?: string[];
  };
}

export interface XapiStatement {
  actor: {
    objectType: 'Agent';
    name?: string;
    account: { homePage: string; name: string };
  };
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: { success?: boolean; completion?: boolean; response?: string };
  context: { platform: string; language: string; contextActivities?: { parent: XapiActivity[] } };
  timestamp: string;
}

const VERB = 'http://adlnet.gov/expapi/verbs/';
const ACTIVITY = 'http://adlnet.gov/expapi/activities/';

/**
 * The xAPI statements of `progress`: one per event (a step attempted, answered, failed, passed or
 * completed; then the lesson completed once every step is), each about the step's activity with
 * the lesson as its parent. Activity ids are `base` + `lessons/KEY` and `…/steps/N`; `base` is
 * the app's address (an IRI ending in `/`). Progress saved with no events gives one statement per
 * step answered or done, stamped `exportedAt`.
 */
export function xapiStatements(
  key: string,
  lesson: Lesson,
  progress: TimedProgress,
  learner: Learner,
  base: string,
  exportedAt: string,
): XapiStatement[] {
  const root = base.endsWith('/') ? base : `${base}/`;
  const actor: XapiStatement['actor'] = {
    objectType: 'Agent',
    ...(learner.name ? { name: learner.name } : {}),
    account: { homePage: root, name: learner.account },
  };
  const lessonActivity: XapiActivity = {
    objectType: 'Activity',
    id: `${root}lessons/${encodeURIComponent(key)}`,
    definition: { name: { en: lesson.title }, type: `${ACTIVITY}lesson` },
  };
  const stepActivity = (i: number): XapiActivity => {
    const step = lesson.steps[i] as LessonStep;
    const id = `${lessonActivity.id}/steps/${i + 1}`;
    const name = { en: step.title };
    if (step.kind !== 'predict' && step.kind !== 'quiz')
      return { objectType: 'Activity', id, definition: { name, type: `${ACTIVITY}interaction` } };
    const texts = step.choices.map((c) => (typeof c === 'string' ? c : c.text));
    const right = step.choices
      .map((c, k) =>
        step.kind === 'predict' ? k === step.answer : (c as { correct: boolean }).correct,
      )
      .flatMap((ok, k) => (ok ? [`choice-${k}`] : []));
    return {
      objectType: 'Activity',
      id,
      definition: {
        name,
        type: `${ACTIVITY}cmi.interaction`,
        interactionType: 'choice',
        choices: texts.map((t, k) => ({ id: `choice-${k}`, description: { en: t } })),
        // One pattern per right choice: any one of them is a right response.
        correctResponsesPattern: right,
      },
    };
  };
  const statement = (
    verb: ProgressEvent['what'],
    object: XapiActivity,
    at: string,
    result?: XapiStatement['result'],
  ): XapiStatement => ({
    actor,
    verb: { id: `${VERB}${verb}`, display: { 'en-US': verb } },
    object,
    ...(result ? { result } : {}),
    context: {
      platform: 'Handshake',
      language: 'en',
      ...(object === lessonActivity ? {} : { contextActivities: { parent: [lessonActivity] } }),
    },
    timestamp: at,
  });
  const choiceResponse = (i: number, text: string | undefined): string | undefined => {
    const step = lesson.steps[i];
    if (!step || (step.kind !== 'predict' && step.kind !== 'quiz')) return text;
    const k = step.choices.findIndex((c) => (typeof c === 'string' ? c : c.text) === text);
    return k < 0 ? text : `choice-${k}`;
  };
  let events = historyOf(progress).filter((e) => lesson.steps[e.step] !== undefined);
  if (events.length === 0) events = eventsFromState(lesson, progress, exportedAt);
  const out: XapiStatement[] = [];
  for (const e of events) {
    const result: XapiStatement['result'] = {};
    if (e.success !== undefined) result.success = e.success;
    if (e.what === 'completed') result.completion = true;
    const response = e.what === 'answered' ? choiceResponse(e.step, e.response) : e.response;
    if (response !== undefined) result.response = response;
    out.push(
      statement(
        e.what,
        stepActivity(e.step),
        e.at,
        Object.keys(result).length > 0 ? result : undefined,
      ),
    );
  }
  const done = progress.steps.length > 0 && progress.steps.every((s) => s.done);
  if (done) {
    const last = events.filter((e) => e.what === 'completed').at(-1)?.at ?? exportedAt;
    out.push(statement('completed', lessonActivity, last, { completion: true }));
  }
  return out;
}

/** Events for progress saved before events were kept: what its state shows, at `at`. */
function eventsFromState(lesson: Lesson, progress: TimedProgress, at: string): ProgressEvent[] {
  const events: ProgressEvent[] = [];
  lesson.steps.forEach((step, i) => {
    const state = progress.steps[i];
    if (!state) return;
    if (state.choice !== null && (step.kind === 'predict' || step.kind === 'quiz')) {
      const choice = step.choices[state.choice];
      events.push({
        at,
        step: i,
        what: 'answered',
        response: typeof choice === 'string' ? choice : (choice?.text ?? ''),
        success:
          step.kind === 'quiz'
            ? (choice as { correct: boolean } | undefined)?.correct === true
            : state.choice === step.answer,
      });
    }
    if (step.kind === 'task' && state.misses > 0)
      events.push({
        at,
        step: i,
        what: 'failed',
        response: `check ${state.misses}`,
        success: false,
      });
    if (state.done) events.push({ at, step: i, what: 'completed' });
  });
  return events;
}
