// The "be the machine" step (`"kind": "machine"`): the learner does a component's job by hand, one
// decision at a time, and each pick is checked against the real component. Three machines:
// `"machine": "cpu"` (a small job table and a policy: pick the process the CPU runs next; the
// answers come from the CPU scheduler's own run, cpuMachine.ts), `"machine": "router"` (packets'
// destinations and a routing table: pick the interface; the answers come from the router's
// longest-prefix match, routerMachine.ts) and `"machine": "firewall"` (packets and a chain's rules:
// pick ACCEPT, DROP or REJECT; the answers come from the firewall's verdict, firewallStep.ts). This
// file reads the step's JSON (each problem at the line of the field) and turns any machine into
// one list of decisions the player and the check share; `replayPicks` reads a learner's saved
// picks back against them.

import { SCHEDULING_POLICIES, type SchedulingPolicy } from '../machines/cpu/cpuConfig.ts';
import { parseIpv4 } from '../net/wire/ipv4Address.ts';
import { TIME_UNITS, validateJobTable, type JobTable } from '../sim/jobs/jobTable.ts';
import { formatIn } from '../viz/cpu/index.ts';
import { cpuMachineRun, cpuSituation, cpuWhy } from './cpuMachine.ts';
import {
  DROP,
  routerDecisions,
  routerWhy,
  tableOfRoutes,
  tableOfScenario,
  type RouterUnderTest,
  type StepRoute,
} from './routerMachine.ts';
import { ENGLISH_MACHINE_WORDS, type MachineWords } from './machineWords.ts';
import { ENGLISH, type Language } from '../engine/language.ts';
import {
  firewallDecisions,
  firewallOf,
  firewallWhy,
  packetText,
  readFirewallStep,
  VERDICTS,
  type FirewallStepSpec,
  type SayAt,
} from './firewallStep.ts';

/** A machine step's own fields (the step's title, prose and line are the lesson's). */
export type MachineSpec =
  | {
      machine: 'cpu';
      /** The jobs, policy and quantum, validated as a job table (src/sim/jobs), one core. */
      table: JobTable;
      /** The policies compared with it at the end (the step's own among them). */
      compare: SchedulingPolicy[];
    }
  | {
      machine: 'router';
      /** The scenario's router whose table is used, or undefined when `routes` gives one. */
      router?: string;
      routes?: StepRoute[];
      /** The packets' destinations, in the order they are asked. */
      packets: string[];
    }
  | FirewallStepSpec;

/** At most this many jobs or packets: a step is done by hand in a few minutes. */
export const MACHINE_MAX_ITEMS = 8;

const CPU_KEYS = ['machine', 'policy', 'quantum', 'unit', 'jobs', 'compare'];
const ROUTER_KEYS = ['machine', 'router', 'routes', 'packets'];
const JOB_KEYS = ['id', 'arrival', 'burst', 'priority'];

/**
 * Reads a machine step's JSON object. `say` reports a problem at the line where `needle` (a key
 * as written, `"policy"`, or a value such as `"P3"`) appears in the block for the `nth` time
 * (from 0, default 0), at or after the line of `after`; it returns null.
 */
export function readMachine(step: Record<string, unknown>, say: SayAt): MachineSpec | null {
  const machine = step.machine;
  if (machine === 'firewall') return readFirewallStep(step, say, MACHINE_MAX_ITEMS);
  if (machine !== 'cpu' && machine !== 'router')
    return say(
      `"machine" must be "cpu", "router" or "firewall"; found ${JSON.stringify(machine)}`,
      '"machine"',
    );
  const keys = machine === 'cpu' ? CPU_KEYS : ROUTER_KEYS;
  let bad = false;
  for (const k of Object.keys(step)) {
    if (k === 'kind' || keys.includes(k)) continue;
    say(`unknown key "${k}" for a ${machine} machine (expected ${keys.join(', ')})`, `"${k}"`);
    bad = true;
  }
  if (bad) return null;
  return machine === 'cpu' ? readCpu(step, say) : readRouter(step, say);
}

function readCpu(
  step: Record<string, unknown>,
  say: (message: string, needle?: string, after?: string) => null,
): MachineSpec | null {
  let ok = true;
  const fail = (message: string, needle?: string, after?: string): void => {
    say(message, needle, after);
    ok = false;
  };
  const policy = step.policy;
  if (!SCHEDULING_POLICIES.includes(policy as SchedulingPolicy))
    fail(
      `"policy" must be one of ${SCHEDULING_POLICIES.join(', ')}; found ${JSON.stringify(policy)}`,
      '"policy"',
    );
  const unit = step.unit ?? 'ms';
  if (!TIME_UNITS.includes(unit as never))
    fail(`"unit" must be one of ${TIME_UNITS.join(', ')}; found ${JSON.stringify(unit)}`, '"unit"');
  const compare = step.compare ?? ['fcfs', 'sjf', ...(step.quantum === undefined ? [] : ['rr'])];
  if (
    !Array.isArray(compare) ||
    !compare.every((p) => SCHEDULING_POLICIES.includes(p as SchedulingPolicy))
  )
    fail(`"compare" must be a list of policies (${SCHEDULING_POLICIES.join(', ')})`, '"compare"');
  else if (compare.includes('rr') && step.quantum === undefined && policy !== 'rr')
    fail('"compare" names rr: give the step a "quantum" for it', '"compare"');
  const jobs = step.jobs;
  if (!Array.isArray(jobs) || jobs.length === 0 || jobs.length > MACHINE_MAX_ITEMS) {
    fail(`"jobs" must be a list of 1 to ${MACHINE_MAX_ITEMS} jobs`, '"jobs"');
    return null;
  }
  jobs.forEach((job: unknown, i) => {
    const id = typeof job === 'object' && job !== null ? (job as { id?: unknown }).id : undefined;
    const where = typeof id === 'string' ? `"${id}"` : '"jobs"';
    const label = `jobs[${i}]${typeof id === 'string' ? ` (${id})` : ''}`;
    if (typeof job !== 'object' || job === null || Array.isArray(job))
      return fail(`${label} must be {"id": …, "arrival": …, "burst": …}`, '"jobs"');
    for (const k of Object.keys(job))
      if (!JOB_KEYS.includes(k))
        fail(`${label}: unknown field "${k}" (expected ${JOB_KEYS.join(', ')})`, where, '"jobs"');
    const burst = (job as { burst?: unknown }).burst;
    if (typeof burst === 'number' && burst <= 0)
      fail(`${label}: burst must be more than 0, got ${burst}`, where, '"jobs"');
  });
  // The job table's own checks, on what was not refused above (so each problem is said once).
  const known = (j: unknown): j is Record<string, unknown> =>
    typeof j === 'object' && j !== null && !Array.isArray(j);
  const rows = jobs.map((j: unknown, i) =>
    known(j)
      ? Object.fromEntries(
          JOB_KEYS.filter((k) => k in j).map((k) => [
            k,
            k === 'burst' && typeof j[k] === 'number' && j[k] <= 0 ? 1 : j[k],
          ]),
        )
      : { id: `jobs[${i}]`, arrival: 0, burst: 1 },
  );
  const read = validateJobTable(
    {
      format: 'handshake/jobs@1',
      unit: TIME_UNITS.includes(unit as never) ? unit : 'ms',
      cpu: {
        cores: 1,
        policy: SCHEDULING_POLICIES.includes(policy as SchedulingPolicy) ? policy : 'fcfs',
        contextSwitch: 0,
        ...(step.quantum === undefined ? {} : { quantum: step.quantum }),
      },
      jobs: rows,
    },
    'machine step',
  );
  if (!read.ok || !ok) {
    if (read.ok) return null;
    for (const issue of read.issues) {
      const id = /^jobs\[\d+\] \((.+)\)$/.exec(issue.path)?.[1];
      const needle = id
        ? `"${id}"`
        : issue.path.startsWith('$.cpu.')
          ? `"${issue.path.slice(6) in step ? issue.path.slice(6) : 'policy'}"`
          : '"jobs"';
      say(
        `${issue.path.replace(/^\$\.cpu\./, '')}: ${issue.message}`,
        needle,
        id ? '"jobs"' : undefined,
      );
    }
    return null;
  }
  const policies = compare as SchedulingPolicy[];
  const withOwn = policies.includes(policy as SchedulingPolicy)
    ? policies
    : [policy as SchedulingPolicy, ...policies];
  return { machine: 'cpu', table: read.table, compare: withOwn };
}

function readRouter(
  step: Record<string, unknown>,
  say: (message: string, needle?: string, after?: string) => null,
): MachineSpec | null {
  let ok = true;
  const fail = (message: string, needle?: string): void => {
    say(message, needle);
    ok = false;
  };
  const { router, routes, packets } = step;
  if ((router === undefined) === (routes === undefined))
    fail(
      'give either "router" (a router of the scenario) or "routes" (a table), not both',
      '"machine"',
    );
  if (router !== undefined && (typeof router !== 'string' || router.trim() === ''))
    fail('"router" must be the id of a router in the scenario', '"router"');
  let given: StepRoute[] | undefined;
  if (routes !== undefined) {
    const wellFormed =
      Array.isArray(routes) &&
      routes.length > 0 &&
      routes.every(
        (r) =>
          typeof r === 'object' &&
          r !== null &&
          typeof r.to === 'string' &&
          typeof r.iface === 'string' &&
          r.iface.trim() !== '' &&
          r.iface !== DROP &&
          (r.via === undefined || typeof r.via === 'string') &&
          Object.keys(r).every((k) => ['to', 'iface', 'via'].includes(k)),
      );
    if (!wellFormed)
      fail(
        '"routes" must be a list of {"to": "10.0.0.0/8", "iface": "eth1", "via"?: "…"}',
        '"routes"',
      );
    else {
      const table = tableOfRoutes(routes as StepRoute[]);
      if (Array.isArray(table))
        for (const m of table) fail(m, `"${m.match(/"([^"]+)"/)?.[1] ?? 'routes'}"`);
      else given = routes as StepRoute[];
    }
  }
  if (
    !Array.isArray(packets) ||
    packets.length === 0 ||
    packets.length > MACHINE_MAX_ITEMS ||
    !packets.every((p) => typeof p === 'string')
  ) {
    fail(
      `"packets" must be a list of 1 to ${MACHINE_MAX_ITEMS} destination addresses`,
      '"packets"',
    );
  } else {
    for (const p of packets as string[]) {
      const parsed = parseIpv4(p);
      if (!parsed.ok) fail(`"packets": ${parsed.error}`, `"${p}"`);
    }
  }
  if (!ok) return null;
  return {
    machine: 'router',
    ...(typeof router === 'string' ? { router } : {}),
    ...(given ? { routes: given } : {}),
    packets: packets as string[],
  };
}

/** One choice of a decision: what is picked (`id`) and how it reads. */
export interface MachineChoice {
  id: string;
  label: string;
}

/** One decision a learner takes for the machine. */
export interface MachineDecision {
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
      situation: words.firewallSituation(fw.chainName, packetText(d.packet), d.packet.state),
      choices: VERDICTS.map((v) => ({ id: v, label: words.firewallChoice(v) })),
      answer: d.verdict.action,
      why: firewallWhy(fw, d, words),
    }));
  }
  if (spec.machine === 'cpu') {
    const run = cpuMachineRun(spec.table);
    if (run.stopped) return words.cpuIncomplete;
    const unit = spec.table.unit;
    const priorities = spec.table.cpu.policy.startsWith('priority');
    return run.decisions.map((d) => ({
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
  const real = { cpu: 'scheduler', router: 'router', firewall: 'firewall' }[spec.machine];
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
  const ids = decision.choices.map((c) => c.id);
  const end = ids.includes(DROP) ? 'router' : ids.includes('ACCEPT') ? 'firewall' : 'cpu';
  return words.right(last.pick, decision.why, replay.done ? end : null);
}
