// Checks a lesson against its scenario without a page (`handshake lesson check`): the scenario
// loads, every highlighted node and link exists, every run and predict step's condition comes true
// in the run, every encapsulation step's packet is in it, and every task is not done before the
// learner acts but is done by its solution (the solution's edits applied to the document, which
// must still validate, and the scenario run again). Tasks build on each other: each starts from the document the earlier solutions made.

import { formatDuration } from '../engine/time.ts';
import type { TraceRecords } from '../engine/trace.ts';
import { parseScenarioText, runScenario, validateScenario } from '../sim/index.ts';
import { firstTime, holds, type Condition, type RunFacts } from './conditions.ts';
import type { DocumentEdit, Lesson, LessonProblem } from './lessonFormat.ts';
import { stepPacket } from './packetStep.ts';
import { checkMachine } from './machineStep.ts';

/** What the check found for one step (or for the lesson as a whole, at line 1). */
export interface CheckLine {
  line: number;
  ok: boolean;
  message: string;
}

/** Checks `lesson` against the text of its scenario file; the lines say what passed or not. */
export function checkLesson(lesson: Lesson, scenarioText: string): CheckLine[] {
  const out: CheckLine[] = [];
  const parsed = parseScenarioText(scenarioText);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    out.push({
      line: 1,
      ok: false,
      message: `the scenario ${lesson.scenario} is not valid: ${first ? `${first.path}: ${first.message}` : 'no reason given'}`,
    });
    return out;
  }
  const original: unknown = JSON.parse(scenarioText.replace(/^\uFEFF/, ''));
  let document = original;
  let facts = factsOf(document, lesson.seed);
  const nodes = new Set(parsed.scenario.nodes.map((n) => n.id));
  const links = new Set(parsed.scenario.links.map((l) => l.id));
  const missingHighlights = (highlight: readonly string[]) =>
    highlight.filter((h) => {
      const [what, id = ''] = h.split(':');
      return (what === 'node' && !nodes.has(id)) || (what === 'link' && !links.has(id));
    });
  for (const step of lesson.steps) {
    const say = (ok: boolean, message: string) =>
      out.push({ line: step.line, ok, message: `${step.kind} "${step.title}": ${message}` });
    switch (step.kind) {
      case 'narrate': {
        const missing = missingHighlights(step.highlight);
        if (missing.length > 0) say(false, `the scenario has no ${missing.join(', ')}`);
        else say(true, 'ok');
        break;
      }
      case 'run':
      case 'predict': {
        const at = whenTrue(step.until, facts);
        if (at === null) say(false, 'its condition never comes true in the run');
        else
          say(
            true,
            at === undefined
              ? 'its condition holds at the end'
              : `its condition comes true at ${formatDuration(at)}`,
          );
        break;
      }
      case 'quiz':
        say(true, 'ok');
        break;
      case 'encapsulation': {
        const found = stepPacket(step.packet, facts.records);
        if (!found.ok) say(false, found.reason);
        else
          say(
            true,
            `packet #${found.packet.pkt} on link ${found.packet.link} at ${formatDuration(found.packet.t)}`,
          );
        break;
      }
      case 'machine': {
        // As the player does it: a machine naming a node reads the scenario file as it is.
        const result = checkMachine(step, original);
        say(result.ok, result.message);
        break;
      }
      case 'task': {
        const missing = missingHighlights(step.highlight);
        if (missing.length > 0) {
          say(false, `the scenario has no ${missing.join(', ')}`);
          break;
        }
        if (holds(step.check, facts)) {
          say(false, 'the task is already done before the learner does anything');
          break;
        }
        const edited = applyEdits(document, step.solution);
        if (typeof edited === 'string') {
          say(false, `its solution cannot be applied: ${edited}`);
          break;
        }
        const valid = validateScenario(edited);
        if (!valid.ok) {
          const first = valid.issues[0];
          say(
            false,
            `its solution makes the scenario invalid: ${first ? `${first.path}: ${first.message}` : ''}`,
          );
          break;
        }
        const after = factsOf(edited, lesson.seed);
        if (!holds(step.check, after)) {
          say(false, 'its solution does not pass its check');
          break;
        }
        say(true, 'not done at first, done by its solution');
        document = edited;
        facts = after;
        break;
      }
    }
  }
  return out;
}

/** The problems of a lesson file as check lines (for the command's one report). */
export function problemLines(problems: readonly LessonProblem[]): CheckLine[] {
  return problems.map((p) => ({ line: p.line, ok: false, message: p.message }));
}

/** Runs a scenario document (valid) and gathers what conditions read. */
function factsOf(
  document: unknown,
  seed: number | undefined,
): RunFacts & { records: TraceRecords } {
  const valid = validateScenario(document);
  if (!valid.ok) throw new Error('factsOf needs a valid scenario');
  const result = runScenario(valid.scenario, seed === undefined ? {} : { seed });
  return { records: result.simulation.sim.trace, summary: result.summary, document };
}

/**
 * When `condition` first holds: the time for a record condition (null if never), else undefined
 * when it holds over the whole run and null when it does not.
 */
function whenTrue(condition: Condition, facts: RunFacts): number | null | undefined {
  if ('record' in condition) return firstTime(condition, facts.records);
  return holds(condition, facts) ? undefined : null;
}

/** A copy of `document` with each edit's value set at its JSON pointer, or what went wrong. */
export function applyEdits(document: unknown, edits: readonly DocumentEdit[]): unknown {
  const copy = structuredClone(document);
  for (const edit of edits) {
    const keys = edit.path
      .slice(1)
      .split('/')
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop() as string;
    let at: unknown = copy;
    for (const key of keys) {
      at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
      if (at === undefined) return `${edit.path}: there is no "${key}" on the way`;
    }
    if (at === null || typeof at !== 'object') return `${edit.path}: nothing to set "${last}" on`;
    if (Array.isArray(at) && !/^(0|[1-9]\d*|-)$/.test(last))
      return `${edit.path}: "${last}" is not a list position`;
    if (Array.isArray(at) && last === '-') at.push(edit.value);
    else (at as Record<string, unknown>)[last] = edit.value;
  }
  return copy;
}
