// The progress export: lesson 1 played a little (a step read, a wrong prediction, a quiz answered
// wrong then right, a task check failed) with a clock the test sets; the JSON report says what the
// lesson file and those actions say, and every xAPI statement has what xAPI 1.0.3 requires
// (section 2.4: actor, verb, object; an Agent with exactly one identifier; IRIs; ISO 8601 times).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLesson, type Lesson } from './lessonFormat.ts';
import {
  checkTask,
  choose,
  goTo,
  markDone,
  pickMachine,
  restoreProgress,
  startLesson,
} from './lessonProgress.ts';
import { progressReport, xapiStatements, type XapiStatement } from './progressExport.ts';
import { recordChange, type TimedProgress } from './progressHistory.ts';

const KEY = '01-clients-and-servers';
const read = readLesson(readFileSync(`simulations/lessons/${KEY}.md`, 'utf8'));
if (!read.ok) throw new Error('lesson 1 does not read');
const lesson: Lesson = read.lesson;

/** A clock: minute `m` of one morning. */
const at = (m: number) => `2026-12-07T09:${String(m).padStart(2, '0')}:00.000Z`;

function played(): TimedProgress {
  let p: TimedProgress = recordChange(null, startLesson(KEY, lesson), lesson, at(0));
  const step = (next: TimedProgress, m: number) => (p = recordChange(p, next, lesson, at(m)));
  step(markDone(p), 1); // "Two programs, two roles" read
  step(goTo(p, 1), 1);
  step(choose(p, lesson, 1), 2); // predicts "The echo server": wrong
  step(markDone(p), 3); // the run reached the moment
  step(goTo(p, 2), 3);
  step(markDone(p), 4);
  step(goTo(p, 3), 4);
  step(choose(p, lesson, 1), 5); // the quiz: wrong
  step(choose(p, lesson, 0), 6); // then right
  step(goTo(p, 4), 6);
  step(checkTask(p, lesson, false).progress, 7); // the task checked: not yet
  return p;
}

describe('the progress report (JSON)', () => {
  it('tells each step with its answers, checks, hints and times', () => {
    const report = progressReport(KEY, lesson, played(), at(8));
    expect(report.lesson).toEqual({
      key: KEY,
      title: 'Clients and servers: who asks, who answers',
      minutes: 5,
    });
    expect(report.startedAt).toBe(at(0));
    expect(report.stepsDone).toBe(4);
    expect(report.complete).toBe(false);
    expect(report.steps.map((s) => [s.step, s.kind, s.done])).toEqual([
      [1, 'narrate', true],
      [2, 'predict', true],
      [3, 'run', true],
      [4, 'quiz', true],
      [5, 'task', false],
    ]);
    expect(report.steps[1]?.answer).toEqual({ choice: 1, text: 'The echo server', correct: false });
    expect(report.steps[3]?.answer).toEqual({
      choice: 0,
      text: 'It waits on port 7 for the next request.',
      correct: true,
    });
    expect(report.steps[4]?.task).toEqual({
      failedChecks: 1,
      passed: false,
      hintsSeen: ['The Wi-Fi link is selected: look at its settings in the Edit tab.'],
    });
    expect(report.steps[1]).toMatchObject({ startedAt: at(1), doneAt: at(3) });
    expect(report.steps[4]?.doneAt).toBeUndefined();
    // Both quiz answers are events, in order.
    expect(
      report.events.filter((e) => e.step === 3 && e.what === 'answered').map((e) => e.success),
    ).toEqual([false, true]);
  });

  it('exports progress saved before times were kept, which still restores', () => {
    // Saved by the player before this change: no startedAt, no history.
    const old = {
      lesson: KEY,
      stepCount: 5,
      current: 1,
      steps: [
        { done: true, choice: null, misses: 0 },
        { done: false, choice: 0, misses: 0 },
        { done: false, choice: null, misses: 0 },
        { done: false, choice: null, misses: 0 },
        { done: false, choice: null, misses: 0 },
      ],
    };
    const restored = restoreProgress(KEY, lesson, old);
    expect(restored.note).toBeNull();
    const report = progressReport(KEY, lesson, restored.progress, at(9));
    expect(report.startedAt).toBeNull();
    expect(report.steps[1]?.answer?.correct).toBe(true);
    const statements = xapiStatements(
      KEY,
      lesson,
      restored.progress,
      { account: 'a1' },
      'https://h.example/',
      at(9),
    );
    expect(statements.map((s) => s.verb.id.split('/').at(-1))).toEqual(['completed', 'answered']);
    expect(statements.every((s) => s.timestamp === at(9))).toBe(true);
  });
});

describe('a machine step in the export', () => {
  it('lists its picks, right and wrong, in order', () => {
    const text = `---
title: Be the router
scenario: ../two-subnets.json
---

## Forward it

\`\`\`step
{ "kind": "machine", "machine": "router",
  "routes": [{ "to": "10.0.0.0/8", "iface": "eth1" }, { "to": "0.0.0.0/0", "iface": "eth0" }],
  "packets": ["10.1.2.3"] }
\`\`\`
`;
    const machine = readLesson(text);
    if (!machine.ok) throw new Error(machine.problems[0]?.message);
    let p: TimedProgress = recordChange(
      null,
      startLesson('x', machine.lesson),
      machine.lesson,
      at(0),
    );
    p = recordChange(p, pickMachine(p, machine.lesson, 'eth0', false), machine.lesson, at(1));
    p = recordChange(p, pickMachine(p, machine.lesson, 'eth1', true), machine.lesson, at(2));
    const report = progressReport('x', machine.lesson, p, at(3));
    expect(report.steps[0]).toMatchObject({ kind: 'machine', done: true, picks: ['eth0', 'eth1'] });
    expect(report.events.map((e) => [e.what, e.response ?? '', e.at])).toEqual([
      ['attempted', '', at(0)],
      ['answered', 'eth0', at(1)],
      ['answered', 'eth1', at(2)],
      ['completed', '', at(2)],
    ]);
  });
});

/** The top-level properties xAPI 1.0.3 section 2.4 defines for a Statement. */
const STATEMENT_KEYS = [
  'id',
  'actor',
  'verb',
  'object',
  'result',
  'context',
  'timestamp',
  'stored',
  'authority',
  'version',
  'attachments',
];
const ADL_VERBS = ['attempted', 'answered', 'passed', 'failed', 'completed'].map(
  (v) => `http://adlnet.gov/expapi/verbs/${v}`,
);
/** ISO 8601 extended date and time with a time zone (RFC 3339's profile, which 4.5 suggests). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isIri(text: string): boolean {
  try {
    return new URL(text).protocol.length > 1;
  } catch {
    return false;
  }
}

function checkShape(s: XapiStatement): void {
  expect(Object.keys(s).every((k) => STATEMENT_KEYS.includes(k))).toBe(true);
  // 2.4: actor, verb and object are required.
  expect(s.actor && s.verb && s.object).toBeTruthy();
  // 2.4.2.1: an Agent has exactly one inverse functional identifier.
  const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => k in s.actor);
  expect(ifis).toEqual(['account']);
  // 2.4.2.5: an account has a homePage (an IRL) and a name.
  expect(isIri(s.actor.account.homePage)).toBe(true);
  expect(typeof s.actor.account.name).toBe('string');
  // 2.4.3: the verb's id is an IRI, its display a language map.
  expect(ADL_VERBS).toContain(s.verb.id);
  expect(Object.values(s.verb.display).every((t) => typeof t === 'string')).toBe(true);
  // 2.4.4.1: an Activity's id is an IRI.
  expect(s.object.objectType).toBe('Activity');
  expect(isIri(s.object.id)).toBe(true);
  expect(isIri(s.object.definition.type)).toBe(true);
  // 2.4.5: success and completion are booleans, response a string.
  if (s.result?.success !== undefined) expect(typeof s.result.success).toBe('boolean');
  if (s.result?.completion !== undefined) expect(typeof s.result.completion).toBe('boolean');
  if (s.result?.response !== undefined) expect(typeof s.result.response).toBe('string');
  // 2.4.7: an ISO 8601 timestamp.
  expect(s.timestamp).toMatch(ISO_8601);
}

describe('the xAPI statements', () => {
  const base = 'https://handshake.example/app/';

  it('have the properties xAPI 1.0.3 requires, with ADL verbs', () => {
    const statements = xapiStatements(
      KEY,
      lesson,
      played(),
      { account: 'anon-7f3a', name: 'Ada' },
      base,
      at(8),
    );
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) checkShape(s);
    expect(statements[0]?.actor).toEqual({
      objectType: 'Agent',
      name: 'Ada',
      account: { homePage: base, name: 'anon-7f3a' },
    });
  });

  it('tell what happened, step by step, with the lesson as the parent activity', () => {
    const statements = xapiStatements(KEY, lesson, played(), { account: 'anon-7f3a' }, base, at(8));
    const said = statements.map(
      (s) => `${s.verb.display['en-US']} ${s.object.id.slice(base.length)}`,
    );
    expect(said).toEqual([
      `attempted lessons/${KEY}/steps/1`,
      `completed lessons/${KEY}/steps/1`,
      `attempted lessons/${KEY}/steps/2`,
      `answered lessons/${KEY}/steps/2`,
      `completed lessons/${KEY}/steps/2`,
      `attempted lessons/${KEY}/steps/3`,
      `completed lessons/${KEY}/steps/3`,
      `attempted lessons/${KEY}/steps/4`,
      `answered lessons/${KEY}/steps/4`,
      `answered lessons/${KEY}/steps/4`,
      `completed lessons/${KEY}/steps/4`,
      `attempted lessons/${KEY}/steps/5`,
      `failed lessons/${KEY}/steps/5`,
    ]);
    // The wrong prediction: choice 1 of a choice interaction whose right response is choice 0.
    const predicted = statements[3] as XapiStatement;
    expect(predicted.result).toEqual({ success: false, response: 'choice-1' });
    expect(predicted.object.definition.correctResponsesPattern).toEqual(['choice-0']);
    expect(predicted.context.contextActivities?.parent[0]?.id).toBe(`${base}lessons/${KEY}`);
    expect(predicted.timestamp).toBe(at(2));
    expect(statements.at(-1)?.result).toEqual({ success: false, response: 'check 1' });
  });

  it('end with the lesson completed once every step is done', () => {
    let p = played();
    p = recordChange(p, checkTask(p, lesson, true).progress, lesson, at(9));
    const statements = xapiStatements(KEY, lesson, p, { account: 'x' }, base, at(10));
    const last2 = statements
      .slice(-3)
      .map((s) => [s.verb.display['en-US'], s.object.id.slice(base.length)]);
    expect(last2).toEqual([
      ['passed', `lessons/${KEY}/steps/5`],
      ['completed', `lessons/${KEY}/steps/5`],
      ['completed', `lessons/${KEY}`],
    ]);
    expect(statements.at(-1)?.object.definition.type).toBe(
      'http://adlnet.gov/expapi/activities/lesson',
    );
    expect(statements.at(-1)?.timestamp).toBe(at(9));
  });
});
