// The "be the machine" step (`"kind": "machine"`): the learner does a component's job by hand, one
// decision at a time, and each pick is checked against the real component. The machines (a CPU's
// scheduler, a router, a firewall, a load balancer) are in machineRegistry.ts, each one's reading,
// answers and words in its own module (cpuStep.ts, routerStep.ts, firewallStep.ts,
// loadBalancerStep.ts). This file dispatches through the registry: it reads a step's JSON (each
// problem at the line of the field), turns any machine into one list of decisions the player and
// the check share, and `replayPicks` reads a learner's saved picks back against them.

import { ENGLISH, type Language } from '../engine/language.ts';
import { MACHINE_MAX_ITEMS, type MachineDecision, type SayAt } from './machineKind.ts';
import { machineNamed, machineNames, machineOf, type MachineSpec } from './machineRegistry.ts';
import { ENGLISH_MACHINE_WORDS, type MachineWords } from './machineWords.ts';

export {
  MACHINE_MAX_ITEMS,
  type MachineChoice,
  type MachineDecision,
  type MachineKind,
  type SayAt,
} from './machineKind.ts';
export { MACHINES, type MachineName, type MachineSpec } from './machineRegistry.ts';

/**
 * Reads a machine step's JSON object. `say` reports a problem at the line where `needle` (a key
 * as written, `"policy"`, or a value such as `"P3"`) appears in the block for the `nth` time
 * (from 0, default 0), at or after the line of `after`; it returns null.
 */
export function readMachine(step: Record<string, unknown>, say: SayAt): MachineSpec | null {
  const kind = machineNamed(step.machine);
  if (!kind)
    return say(
      `"machine" must be ${machineNames()}; found ${JSON.stringify(step.machine)}`,
      '"machine"',
    );
  return kind.read(step, say, MACHINE_MAX_ITEMS);
}

/** The node of the lesson's scenario a machine step works on, if it names one. */
export function machineNode(spec: MachineSpec): string | undefined {
  return machineOf(spec).node?.(spec);
}

/**
 * The decisions of a machine step, from the real component (`scenario` is the lesson's scenario
 * document, for a step that names a node of it), or why there are none. What they say is in
 * `words` (English by default; the page passes its language's), why there are none in `language`.
 */
export function machineDecisions(
  spec: MachineSpec,
  scenario: unknown,
  words: MachineWords = ENGLISH_MACHINE_WORDS,
  language: Language = ENGLISH,
): MachineDecision[] | string {
  return machineOf(spec).decisions(spec, scenario, words, language);
}

/** Where a learner's picks leave a machine step. */
export interface Replay {
  /** The decision waiting for a pick (decisions.length when all are taken). */
  at: number;
  /** Wrong picks per decision. */
  slips: number[];
  done: boolean;
  /** The last pick, and whether it was the real component's. */
  last: { pick: string; right: boolean; decision: number } | null;
}

/**
 * Replays `picks` against `decisions`: a right pick moves on, a wrong one counts a slip and the
 * decision waits. Decisions with one choice are taken by themselves. A pick that is no choice of
 * its decision ends the replay there (old progress of a changed lesson).
 */
export function replayPicks(
  decisions: readonly MachineDecision[],
  picks: readonly string[],
): Replay {
  const slips = decisions.map(() => 0);
  let at = 0;
  let last: Replay['last'] = null;
  const skip = () => {
    while (at < decisions.length && (decisions[at] as MachineDecision).choices.length < 2) at++;
  };
  skip();
  for (const pick of picks) {
    const d = decisions[at];
    if (!d || !d.choices.some((c) => c.id === pick)) break;
    const right = pick === d.answer;
    last = { pick, right, decision: at };
    if (right) {
      at++;
      skip();
    } else slips[at] = (slips[at] as number) + 1;
  }
  return { at, slips, done: at >= decisions.length, last };
}

/**
 * Whether a machine step can be done (`lesson check`): the real component gives an answer to
 * every decision, at least one needs the learner, and each answer is one of its choices.
 */
export function checkMachine(
  spec: MachineSpec,
  scenario: unknown,
): { ok: boolean; message: string } {
  const kind = machineOf(spec);
  const decisions = kind.decisions(spec, scenario, ENGLISH_MACHINE_WORDS, ENGLISH);
  if (typeof decisions === 'string') return { ok: false, message: decisions };
  const unplayable = kind.unplayable?.(spec, scenario) ?? null;
  if (unplayable !== null) return { ok: false, message: unplayable };
  const asked = decisions.filter((d) => d.choices.length > 1);
  if (asked.length === 0)
    return {
      ok: false,
      message: 'no decision has more than one choice: nothing for the learner to pick',
    };
  const wrong = decisions.find((d) => !d.choices.some((c) => c.id === d.answer));
  if (wrong) return { ok: false, message: `the answer ${wrong.answer} is none of the choices` };
  return {
    ok: true,
    message: `${asked.length} picks for the learner; the real ${kind.real}'s answers: ${decisions.map((d) => d.answer).join(', ')}`,
  };
}

const memo = new WeakMap<
  MachineSpec,
  Map<MachineWords, Map<Language, MachineDecision[] | string>>
>();

/**
 * `machineDecisions`, once per step, words and language (the player asks again on every pick and
 * redraw).
 */
export function stepDecisions(
  spec: MachineSpec,
  scenario: () => unknown,
  words: MachineWords = ENGLISH_MACHINE_WORDS,
  language: Language = ENGLISH,
): MachineDecision[] | string {
  let byWords = memo.get(spec);
  if (!byWords) memo.set(spec, (byWords = new Map()));
  let byLanguage = byWords.get(words);
  if (!byLanguage) byWords.set(words, (byLanguage = new Map()));
  let decisions = byLanguage.get(language);
  if (decisions === undefined) {
    decisions = machineDecisions(spec, machineNode(spec) ? scenario() : null, words, language);
    byLanguage.set(language, decisions);
  }
  return decisions;
}

/** What the player says after a pick: right or not, the rule naming the answer, what comes next. */
export function machineFeedback(
  decisions: readonly MachineDecision[],
  replay: Replay,
  words: MachineWords = ENGLISH_MACHINE_WORDS,
): string {
  const last = replay.last;
  if (!last) return '';
  const decision = decisions[last.decision] as MachineDecision;
  if (!last.right) return words.wrong(last.pick, decision.why);
  if (!replay.done) return words.right(last.pick, decision.why);
  const kind = machineNamed(decision.machine);
  return kind
    ? kind.finished(words, last.pick, decision.why)
    : words.right(last.pick, decision.why);
}
