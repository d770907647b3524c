// The lesson format: a Markdown file whose front matter names the scenario and whose `## ` sections
// are its steps, each with a fenced `step` block of JSON saying what kind of step it is (narrate,
// run until a condition, predict then reveal, a quiz, a task checked by a condition, "be the
// machine", the encapsulation quiz on a packet). Everything is data: checks are conditions
// (conditions.ts), never code. `readLesson` reads a file and reports every problem with its line,
// so an instructor can fix a lesson from the message alone.
// docs/lessons.md is the author's guide.

import { readCondition, type Condition } from './conditions.ts';
import { readMachine, type MachineSpec } from './machineStep.ts';

/** What the player may point at in a narrate step: a node, a link or a panel of the workspace. */
export const PANELS = ['summary', 'packet', 'node', 'ladder', 'charts', 'capture', 'log'] as const;
export type PanelName = (typeof PANELS)[number];

interface StepBase {
  /** The section's heading. */
  title: string;
  /** The section's prose (Markdown, shown as text). */
  text: string;
  /** The line of the section's heading, from 1. */
  line: number;
}

export type LessonStep = StepBase &
  (
    | { kind: 'narrate'; highlight: string[] }
    | { kind: 'run'; until: Condition }
    | { kind: 'predict'; question: string; choices: string[]; answer: number; until: Condition }
    | { kind: 'quiz'; question: string; choices: QuizChoice[] }
    | {
        kind: 'task';
        goal: string;
        check: Condition;
        hints: string[];
        solution: DocumentEdit[];
        /** What the player selects when the task is shown (the thing to change), if anything. */
        highlight: string[];
      }
    /** The encapsulation quiz on the packet of the record `packet` selects (packetStep.ts). */
    | { kind: 'encapsulation'; packet: Extract<Condition, { record: string }> }
    | ({ kind: 'machine' } & MachineSpec)
  );

export interface QuizChoice {
  text: string;
  correct: boolean;
  /** Said when this choice is picked. */
  feedback: string;
}

/** One change to the scenario document: the value at a JSON pointer. */
export interface DocumentEdit {
  path: string;
  value: unknown;
}

export interface Lesson {
  title: string;
  /** The scenario file, relative to the lesson file. */
  scenario: string;
  /** The seed of the lesson's runs; the scenario's own when absent. */
  seed?: number;
  /** About how long the lesson takes, in minutes. */
  minutes: number;
  /** Panels a learner does not see in this lesson (learner mode). */
  hide: PanelName[];
  /** Teacher tips: what learners usually get wrong, how to use the lesson. */
  tips: string[];
  /** The prose before the first step. */
  intro: string;
  steps: LessonStep[];
}

/** A problem in a lesson file: the line (from 1) and what is wrong. */
export interface LessonProblem {
  line: number;
  message: string;
}

export type LessonResult = { ok: true; lesson: Lesson } | { ok: false; problems: LessonProblem[] };

export interface ReadOptions {
  /** The trace record types a `record` condition may name (docs/trace.schema.json). */
  recordTypes?: ReadonlySet<string>;
}

const FRONT_KEYS = new Set(['title', 'scenario', 'seed', 'minutes', 'hide', 'tip']);

/** Reads a lesson file's text; every problem found is reported, each with its line. */
export function readLesson(text: string, options: ReadOptions = {}): LessonResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: LessonProblem[] = [];
  const front = readFrontMatter(lines, problems);
  const sections = splitSections(lines, front.end);
  const steps: LessonStep[] = [];
  for (const section of sections.steps) {
    const step = readStep(section, problems, options);
    if (step) steps.push(step);
  }
  if (sections.steps.length === 0) {
    problems.push({
      line: lines.length,
      message: 'a lesson needs at least one step (a "## " section)',
    });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return {
    ok: true,
    lesson: { ...(front.fields as Omit<Lesson, 'intro' | 'steps'>), intro: sections.intro, steps },
  };
}

/** The `---` block at the top: `key: value` lines, `tip:` repeated for several tips. */
function readFrontMatter(
  lines: string[],
  problems: LessonProblem[],
): { fields: Partial<Lesson>; end: number } {
  const fields: Partial<Lesson> & { tips: string[] } = { minutes: 5, hide: [], tips: [] };
  if (lines[0]?.trim() !== '---') {
    problems.push({
      line: 1,
      message: 'a lesson starts with front matter: a "---" line, then "title: …" and "scenario: …"',
    });
    return { fields, end: 0 };
  }
  let end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) {
    problems.push({ line: 1, message: 'the front matter has no closing "---" line' });
    end = lines.length - 1;
  }
  for (let i = 1; i < end; i++) {
    const line = lines[i] as string;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = /^([A-Za-z]+):\s*(.*)$/.exec(line);
    const at = i + 1;
    if (!match) {
      problems.push({ line: at, message: `expected "key: value", found "${line.trim()}"` });
      continue;
    }
    const [, key = '', raw = ''] = match;
    const value = raw.trim();
    if (!FRONT_KEYS.has(key)) {
      problems.push({
        line: at,
        message: `unknown key "${key}" (expected ${[...FRONT_KEYS].join(', ')})`,
      });
      continue;
    }
    if (value === '') {
      problems.push({ line: at, message: `"${key}" has no value` });
      continue;
    }
    if (key === 'title') fields.title = value;
    else if (key === 'scenario') fields.scenario = value;
    else if (key === 'tip') fields.tips.push(value);
    else if (key === 'hide') {
      const names = value.split(',').map((s) => s.trim());
      const wrong = names.filter((n) => !(PANELS as readonly string[]).includes(n));
      if (wrong.length > 0) {
        problems.push({
          line: at,
          message: `"hide" names no panel "${wrong.join('", "')}" (panels: ${PANELS.join(', ')})`,
        });
      } else fields.hide = names as PanelName[];
    } else {
      const n = Number(value);
      const whole = Number.isSafeInteger(n) && n >= (key === 'seed' ? 0 : 1);
      if (!whole)
        problems.push({
          line: at,
          message: `"${key}" must be a whole number${key === 'seed' ? '' : ' of at least 1'}`,
        });
      else if (key === 'seed') fields.seed = n;
      else fields.minutes = n;
    }
  }
  if (fields.title === undefined)
    problems.push({ line: 1, message: 'the front matter has no "title"' });
  if (fields.scenario === undefined)
    problems.push({
      line: 1,
      message: 'the front matter has no "scenario" (a scenario file, relative to the lesson)',
    });
  return { fields, end: end + 1 };
}

interface Section {
  title: string;
  line: number;
  body: { text: string; line: number }[];
}

/** The prose before the first step, and each `## ` section with its lines. */
function splitSections(lines: string[], from: number): { intro: string; steps: Section[] } {
  const intro: string[] = [];
  const steps: Section[] = [];
  let fenced = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = !fenced && /^## (.+)$/.exec(line);
    if (heading) {
      steps.push({ title: (heading[1] as string).trim(), line: i + 1, body: [] });
      continue;
    }
    const current = steps.at(-1);
    if (current) current.body.push({ text: line, line: i + 1 });
    else intro.push(line);
  }
  return { intro: intro.join('\n').trim(), steps };
}

/** A section as a step: its fenced `step` block of JSON, the rest its prose. */
function readStep(
  section: Section,
  problems: LessonProblem[],
  options: ReadOptions,
): LessonStep | null {
  const start = section.body.findIndex((l) => /^\s*```step\s*$/.test(l.text));
  if (start < 0) {
    problems.push({
      line: section.line,
      message: `step "${section.title}" has no \`\`\`step block saying its kind`,
    });
    return null;
  }
  const close = section.body.findIndex((l, i) => i > start && /^\s*```\s*$/.test(l.text));
  if (close < 0) {
    problems.push({
      line: (section.body[start] as { line: number }).line,
      message: 'the ```step block is not closed',
    });
    return null;
  }
  const blockLine = (section.body[start] as { line: number }).line;
  const json = section.body
    .slice(start + 1, close)
    .map((l) => l.text)
    .join('\n');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    problems.push({
      line: blockLine + 1,
      message: `the step block is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
    return null;
  }
  const text = [...section.body.slice(0, start), ...section.body.slice(close + 1)]
    .map((l) => l.text)
    .join('\n')
    .trim();
  const base = { title: section.title, text, line: section.line };
  const say = (message: string): null => {
    problems.push({ line: blockLine, message: `step "${section.title}": ${message}` });
    return null;
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return say('the block must be a JSON object');
  const step = value as Record<string, unknown>;
  const condition = (key: string): Condition | null => {
    const read = readCondition(step[key], `$.${key}`, options.recordTypes);
    if (read.ok) return read.condition;
    for (const p of read.problems) say(`${p.path}: ${p.message}`);
    return null;
  };
  const known = (keys: string[]): boolean => {
    const extra = Object.keys(step).filter((k) => k !== 'kind' && !keys.includes(k));
    for (const k of extra) say(`unknown key "${k}" for a ${String(step.kind)} step`);
    return extra.length === 0;
  };
  const highlights = (): string[] | null => {
    const list = texts('highlight', 0);
    if (!list) return null;
    for (const h of list) {
      const [what, id] = h.split(':');
      if (!['node', 'link', 'panel'].includes(what ?? '') || !id) {
        return say(`highlight "${h}" is not node:ID, link:ID or panel:NAME`);
      }
      if (what === 'panel' && !(PANELS as readonly string[]).includes(id)) {
        return say(`no panel "${id}" (panels: ${PANELS.join(', ')})`);
      }
    }
    return list;
  };
  const words = (key: string): string | null =>
    typeof step[key] === 'string' && (step[key] as string).trim() !== ''
      ? (step[key] as string)
      : say(`"${key}" must be a text`);
  const texts = (key: string, min: number): string[] | null => {
    const list = step[key] ?? [];
    return Array.isArray(list) &&
      list.length >= min &&
      list.every((x) => typeof x === 'string' && x.trim() !== '')
      ? (list as string[])
      : say(`"${key}" must be a list of ${min > 0 ? `at least ${min} ` : ''}texts`);
  };
  switch (step.kind) {
    case 'narrate': {
      if (!known(['highlight'])) return null;
      const highlight = highlights();
      return highlight && { ...base, kind: 'narrate', highlight };
    }
    case 'run': {
      if (!known(['until'])) return null;
      const until = condition('until');
      return until && { ...base, kind: 'run', until };
    }
    case 'predict': {
      if (!known(['question', 'choices', 'answer', 'until'])) return null;
      const question = words('question');
      const choices = texts('choices', 2);
      const until = condition('until');
      if (!question || !choices || !until) return null;
      const answer = step.answer;
      if (
        typeof answer !== 'number' ||
        !Number.isInteger(answer) ||
        answer < 0 ||
        answer >= choices.length
      ) {
        return say(`"answer" must be the number of a choice, 0 to ${choices.length - 1}`);
      }
      return { ...base, kind: 'predict', question, choices, answer, until };
    }
    case 'quiz': {
      if (!known(['question', 'choices'])) return null;
      const question = words('question');
      const list = step.choices;
      if (!question) return null;
      if (!Array.isArray(list) || list.length < 2)
        return say('"choices" must be a list of at least 2 choices');
      const choices: QuizChoice[] = [];
      for (const [i, c] of list.entries()) {
        const ok =
          typeof c === 'object' &&
          c !== null &&
          typeof c.text === 'string' &&
          c.text.trim() !== '' &&
          typeof c.feedback === 'string' &&
          c.feedback.trim() !== '' &&
          (c.correct === undefined || typeof c.correct === 'boolean') &&
          Object.keys(c).every((k) => ['text', 'feedback', 'correct'].includes(k));
        if (!ok)
          return say(`choice ${i} must be {"text": …, "feedback": …, "correct": true or false}`);
        choices.push({ text: c.text, feedback: c.feedback, correct: c.correct === true });
      }
      if (!choices.some((c) => c.correct)) return say('no choice is marked "correct": true');
      return { ...base, kind: 'quiz', question, choices };
    }
    case 'task': {
      if (!known(['goal', 'check', 'hints', 'solution', 'highlight'])) return null;
      const highlight = highlights();
      const goal = words('goal');
      const check = condition('check');
      const hints = texts('hints', 1);
      const list = step.solution;
      if (!goal || !check || !hints || !highlight) return null;
      if (!Array.isArray(list) || list.length === 0)
        return say('"solution" must be a list of edits: [{"path": "/…", "value": …}]');
      const solution: DocumentEdit[] = [];
      for (const [i, e] of list.entries()) {
        const ok =
          typeof e === 'object' &&
          e !== null &&
          typeof e.path === 'string' &&
          e.path.startsWith('/') &&
          'value' in e &&
          Object.keys(e).length === 2;
        if (!ok) return say(`solution edit ${i} must be {"path": "/a/json/pointer", "value": …}`);
        solution.push({ path: e.path, value: e.value });
      }
      return { ...base, kind: 'task', goal, check, hints, solution, highlight };
    }
    case 'encapsulation': {
      if (!known(['packet'])) return null;
      const packet = condition('packet');
      if (packet && !('record' in packet))
        return say('"packet" must be a record condition such as {"record": "link.txBegin", …}');
      return packet && { ...base, kind: 'encapsulation', packet };
    }
    case 'machine': {
      // Each problem at the line of its field in the block (machineStep.ts).
      const block = section.body.slice(start + 1, close);
      const lineOf = (needle?: string, after?: string, nth = 0): number => {
        const from = after
          ? Math.max(
              0,
              block.findIndex((l) => l.text.includes(after)),
            )
          : 0;
        let seen = 0;
        const hit = needle
          ? block.findIndex((l, i) => i >= from && l.text.includes(needle) && seen++ === nth)
          : -1;
        return hit >= 0 ? (block[hit] as { line: number }).line : blockLine;
      };
      const spec = readMachine(step, (message, needle, after, nth) => {
        problems.push({
          line: lineOf(needle, after, nth),
          message: `step "${section.title}": ${message}`,
        });
        return null;
      });
      return spec && { ...base, kind: 'machine', ...spec };
    }
    default:
      return say(
        `"kind" must be narrate, run, predict, quiz, task, machine or encapsulation; found ${JSON.stringify(step.kind)}`,
      );
  }
}
