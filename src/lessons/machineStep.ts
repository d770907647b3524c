// The "be the machine" step (`"kind": "machine"`): the learner does a component's job by hand, one
// decision at a time, and each pick is checked against the real component. Four machines:
// `"machine": "cpu"` (a small job table and a policy: pick the process the CPU runs next; the
// answers come from the CPU scheduler's own run, cpuMachine.ts), `"machine": "router"` (packets'
// destinations and a routing table: pick the interface; the answers come from the router's
// longest-prefix match, routerMachine.ts) and `"machine": "firewall"` (packets and a chain's rules:
// pick ACCEPT, DROP or REJECT; the answers come from the firewall's verdict, firewallStep.ts) and
// `"machine": "loadBalancer"` (requests and backends: pick the backend; the answers come from the
// load balancer's own pickers, loadBalancerMachine.ts).
// machineReading.ts reads the step's JSON (each problem at the line of the field); this file turns
// any machine into one list of decisions the player and the check share, and `replayPicks` reads a
// learner's saved picks back against them.

import { formatIn } from '../viz/cpu/index.ts';
import { cpuMachineRun, cpuSituation, cpuWhy } from './cpuMachine.ts';
import {
  DROP,
  routerDecisions,
  routerWhy,
  tableOfRoutes,
  tableOfScenario,
  type RouterUnderTest,
} from './routerMachine.ts';
import { ENGLISH_MACHINE_WORDS, type MachineEnd, type MachineWords } from './machineWords.ts';
import { lbSituation, lbWhy, loadBalancerRun } from './loadBalancerMachine.ts';
import { NO_BACKEND } from './loadBalancerStep.ts';
import { ENGLISH, type Language } from '../engine/language.ts';
import {
  firewallDecisions,
  firewallOf,
  firewallWhy,
  packetText,
  VERDICTS,
} from './firewallStep.ts';
import type { MachineSpec } from './machineReading.ts';

export { MACHINE_MAX_ITEMS, readMachine, type MachineSpec } from './machineReading.ts';

/** One choice of a decision: what is picked (`id`) and how it reads. */
export interface MachineChoice {
  id: string;
  label: string;
}

/** One decision a learner takes for the machine. */
export interface MachineDecision {
  /** The machine it is taken for. */
  machine: MachineEnd;
  /** The situation: "At 5 ms the CPU is free.", "A packet for 10.1.2.3 arrives." */
  situation: string;
  choices: MachineChoice[];
  /** The real component's pick. */
  answer: string;
  /** The rule applied, naming the answer. */
  why: string;
}

/** The router a router step works on: its step's table, or its scenario's router's. */
export function routerOf(
  spec: Extract<MachineSpec, { machine: 'router' }>,
  scenario: unknown,
  language: Language = ENGLISH,
): RouterUnderTest | string {
  if (spec.routes) {
    const table = tableOfRoutes(spec.routes);
    return Array.isArray(table) ? table.join('; ') : table;
  }
  return tableOfScenario(scenario, spec.router ?? '', language);
}

/**
 * The decisions of a machine step, from the real component (`scenario` is the lesson's scenario
 * document, for a router step that names its router), or why there are none. What they say is in
 * `words` (English by default; the page passes its language's), why there are none in `language`.
 */
export function machineDecisions(
  spec: MachineSpec,
  scenario: unknown,
  words: MachineWords = ENGLISH_MACHINE_WORDS,
  language: Language = ENGLISH,
): MachineDecision[] | string {
  if (spec.machine === 'firewall') {
    const fw = firewallOf(spec, scenario, language);
    if (typeof fw === 'string') return fw;
    return firewallDecisions(fw, spec.packets).map((d) => ({
      machine: 'firewall',
      situation: words.firewallSituation(fw.chainName, packetText(d.packet), d.packet.state),
      choices: VERDICTS.map((v) => ({ id: v, label: words.firewallChoice(v) })),
      answer: d.verdict.action,
      why: firewallWhy(fw, d, words),
    }));
  }
  if (spec.machine === 'loadBalancer')
    return loadBalancerRun(spec).decisions.map((d) => ({
      machine: 'loadBalancer',
      situation: lbSituation(d, words),
      choices: [
        ...d.before.map((b) => ({ id: b.name, label: words.lbChoice(b.name, b.healthy) })),
        // "None" is offered once a backend is down: it can be the answer only then.
        ...(d.before.some((b) => !b.healthy)
          ? [{ id: NO_BACKEND, label: words.lbNoneChoice }]
          : []),
      ],
      answer: d.pick,
      why: lbWhy(spec, d, words),
    }));
  if (spec.machine === 'cpu') {
    const run = cpuMachineRun(spec.table);
    if (run.stopped) return words.cpuIncomplete;
    const unit = spec.table.unit;
    const priorities = spec.table.cpu.policy.startsWith('priority');
    return run.decisions.map((d) => ({
      machine: 'cpu',
      situation: cpuSituation(d, spec.table, words),
      choices: d.candidates.map((c) => ({
        id: c.id,
        label: words.cpuChoice(
          c.id,
          formatIn(c.remaining, unit),
          c.running,
          priorities ? c.priority : null,
        ),
      })),
      answer: d.pick,
      why: cpuWhy(d, spec.table, words),
    }));
  }
  const router = routerOf(spec, scenario, language);
  if (typeof router === 'string') return router;
  return routerDecisions(router, spec.packets).map((d) => ({
    machine: 'router',
    situation: words.routerSituation(d.destination),
    choices: d.choices.map((c) => ({ id: c, label: c === DROP ? words.routerDrop : c })),
    answer: d.answer,
    why: routerWhy(d, words),
  }));
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
  const decisions = machineDecisions(spec, scenario);
  if (typeof decisions === 'string') return { ok: false, message: decisions };
  if (spec.machine === 'router') {
    const router = routerOf(spec, scenario);
    if (typeof router !== 'string' && router.table.routes().length === 0)
      return { ok: false, message: 'the router has no route at all' };
  }
  if (spec.machine === 'firewall') {
    const fw = firewallOf(spec, scenario);
    if (typeof fw !== 'string' && fw.chain.rules.length === 0)
      return {
        ok: false,
        message: `the ${spec.chain} chain has no rule: its policy decides alone`,
      };
  }
  const asked = decisions.filter((d) => d.choices.length > 1);
  if (asked.length === 0)
    return {
      ok: false,
      message: 'no decision has more than one choice: nothing for the learner to pick',
    };
  const wrong = decisions.find((d) => !d.choices.some((c) => c.id === d.answer));
  if (wrong) return { ok: false, message: `the answer ${wrong.answer} is none of the choices` };
  const real = {
    cpu: 'scheduler',
    router: 'router',
    firewall: 'firewall',
    loadBalancer: 'load balancer',
  }[spec.machine];
  return {
    ok: true,
    message: `${asked.length} picks for the learner; the real ${real}'s answers: ${decisions.map((d) => d.answer).join(', ')}`,
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
    decisions = machineDecisions(
      spec,
      (spec.machine === 'router' && spec.router) || (spec.machine === 'firewall' && spec.firewall)
        ? scenario()
        : null,
      words,
      language,
    );
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
  return words.right(last.pick, decision.why, replay.done ? decision.machine : null);
}
