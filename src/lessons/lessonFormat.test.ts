// Reading a lesson file: the front matter and each step kind as the format says (docs/lessons.md),
// and every problem of a damaged lesson reported at its line, all of them in one reading.

import { describe, expect, it } from 'vitest';
import { readLesson, type Lesson } from './lessonFormat.ts';

const GOOD = `---
title: A small lesson
scenario: ../ping-over-a-link.json
minutes: 3
hide: charts, capture
tip: First tip.
tip: Second tip.
---

Some intro.

## Look

\`\`\`step
{ "kind": "narrate", "highlight": ["node:laptop", "panel:log"] }
\`\`\`

Text of the first step.

## Guess

\`\`\`step
{ "kind": "predict", "question": "Who?", "choices": ["A", "B"], "answer": 1,
  "until": { "record": "app.request" } }
\`\`\`

## Quiz

\`\`\`step
{ "kind": "quiz", "question": "Q?", "choices": [
  { "text": "yes", "correct": true, "feedback": "right" },
  { "text": "no", "feedback": "wrong" } ] }
\`\`\`

## Do it

\`\`\`step
{ "kind": "task", "goal": "Fix it", "check": { "document": "/links/0/loss", "equals": 0 },
  "hints": ["Look at the link"], "solution": [{ "path": "/links/0/loss", "value": 0 }] }
\`\`\`
`;

function lesson(text: string): Lesson {
  const read = readLesson(text);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.lesson;
}

function problems(text: string, types?: Set<string>): string[] {
  const read = readLesson(text, types ? { recordTypes: types } : {});
  return read.ok ? [] : read.problems.map((p) => `${p.line}: ${p.message}`);
}

describe('readLesson', () => {
  it('reads the front matter, the intro and every kind of step with its line', () => {
    const l = lesson(GOOD);
    expect(l).toMatchObject({
      title: 'A small lesson',
      scenario: '../ping-over-a-link.json',
      minutes: 3,
      hide: ['charts', 'capture'],
      tips: ['First tip.', 'Second tip.'],
      intro: 'Some intro.',
    });
    expect(l.seed).toBeUndefined();
    expect(l.steps.map((s) => [s.kind, s.title, s.line])).toEqual([
      ['narrate', 'Look', 12],
      ['predict', 'Guess', 20],
      ['quiz', 'Quiz', 27],
      ['task', 'Do it', 35],
    ]);
    expect(l.steps[0]).toMatchObject({
      text: 'Text of the first step.',
      highlight: ['node:laptop', 'panel:log'],
    });
    expect(l.steps[2]).toMatchObject({
      choices: [{ correct: true }, { correct: false, feedback: 'wrong' }],
    });
    expect(l.steps[3]).toMatchObject({ solution: [{ path: '/links/0/loss', value: 0 }] });
  });

  it('takes a byte-order mark and Windows line ends', () => {
    expect(lesson(`\uFEFF${GOOD.replace(/\n/g, '\r\n')}`).steps).toHaveLength(4);
  });

  it('reports every problem of a damaged lesson at its line', () => {
    const bad = GOOD.replace('title: A small lesson\n', '')
      .replace('minutes: 3', 'minutes: soon')
      .replace('hide: charts, capture', 'hide: charts, radar')
      .replace('"kind": "narrate"', '"kind": "narate"')
      .replace('"answer": 1', '"answer": 2')
      .replace('{ "text": "no", "feedback": "wrong" }', '{ "text": "no" }')
      .replace('"hints": ["Look at the link"], ', '');
    expect(problems(bad)).toEqual([
      '1: the front matter has no "title"',
      '3: "minutes" must be a whole number of at least 1',
      '4: "hide" names no panel "radar" (panels: summary, packet, node, ladder, charts, capture, log)',
      '13: step "Look": "kind" must be narrate, run, predict, quiz, task, machine or encapsulation; found "narate"',
      '21: step "Guess": "answer" must be the number of a choice, 0 to 1',
      '28: step "Quiz": choice 1 must be {"text": …, "feedback": …, "correct": true or false}',
      '36: step "Do it": "hints" must be a list of at least 1 texts',
    ]);
  });

  it('names a step block that is not JSON, missing or unclosed, and a lesson with no step', () => {
    expect(problems(GOOD.replace('"highlight": [', '"highlight" ['))).toEqual([
      expect.stringMatching(/^15: the step block is not JSON: /),
    ]);
    const noBlock = GOOD.replace(/```step\n\{ "kind": "quiz"[^`]*```/, 'Just prose.');
    expect(problems(noBlock)).toEqual(['27: step "Quiz" has no ```step block saying its kind']);
    const unclosed = `${GOOD.slice(0, GOOD.lastIndexOf('```'))}\n`;
    expect(problems(unclosed)).toEqual(['37: the ```step block is not closed']);
    expect(problems('---\ntitle: t\nscenario: s.json\n---\nNo steps here.\n')).toEqual([
      '6: a lesson needs at least one step (a "## " section)',
    ]);
    expect(problems('title: t\n## A\n')).toEqual(
      expect.arrayContaining([
        '1: a lesson starts with front matter: a "---" line, then "title: …" and "scenario: …"',
      ]),
    );
  });

  it('checks conditions, naming unknown record types when it knows them', () => {
    const types = new Set(['app.reply']);
    expect(problems(GOOD, types)).toEqual([
      '22: step "Guess": $.until.record: "app.request" is not a trace record type (docs/trace.md)',
    ]);
  });
});
