// "Be the machine" on a CPU (`"machine": "cpu"`): the step gives a small job table (its policy,
// quantum, unit and jobs, one core) and the policies compared with it at the end; the learner
// picks the process the CPU runs next, and the answers come from the real scheduler's run
// (cpuMachine.ts). This file reads the step's fields (each problem at its line) and is the
// machine's descriptor for the registry (machineRegistry.ts).

import { SCHEDULING_POLICIES, type SchedulingPolicy } from '../machines/cpu/cpuConfig.ts';
import { TIME_UNITS, validateJobTable, type JobTable } from '../sim/jobs/jobTable.ts';
import { formatIn } from '../viz/cpu/index.ts';
import { cpuMachineRun, cpuSituation, cpuWhy } from './cpuMachine.ts';
import { sayUnknownKeys, type MachineKind, type SayAt } from './machineKind.ts';

/** A CPU step's own fields. */
export interface CpuStepSpec {
  machine: 'cpu';
  /** The jobs, policy and quantum, validated as a job table (src/sim/jobs), one core. */
  table: JobTable;
  /** The policies compared with it at the end (the step's own among them). */
  compare: SchedulingPolicy[];
}

const KEYS = ['machine', 'policy', 'quantum', 'unit', 'jobs', 'compare'];
const JOB_KEYS = ['id', 'arrival', 'burst', 'priority'];

/** The CPU of a "be the machine" step. */
export const cpuStep: MachineKind<CpuStepSpec> = {
  name: 'cpu',
  real: 'scheduler',
  read: (step, say, most) =>
    sayUnknownKeys(step, 'cpu', KEYS, say) ? null : readCpuFields(step, say, most),
  decisions(spec, _scenario, words) {
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
  },
  finished: (words, pick, why) => words.cpuRight(pick, why),
};

function readCpuFields(
  step: Record<string, unknown>,
  say: SayAt,
  most: number,
): CpuStepSpec | null {
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
  if (!Array.isArray(jobs) || jobs.length === 0 || jobs.length > most) {
    fail(`"jobs" must be a list of 1 to ${most} jobs`, '"jobs"');
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
