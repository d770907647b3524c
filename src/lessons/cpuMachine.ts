// "Be the machine" on a CPU: the decisions a scheduler takes over a small job table, read from the
// trace of the real scheduler (src/machines/cpu through runJobTable), never re-implemented here.
// At each instant the scheduler decides, the learner sees the processes it could run (the ready
// queue, and the running one where the policy may keep or preempt it) and picks one; the answer is
// the job the scheduler's own run put on the CPU at that instant. `cpuWhy` says the policy's rule
// in words for the feedback (in the language of the MachineWords given, English by default), and `comparePolicies` runs the same jobs under other policies.

import type { TraceRecord } from '../engine/trace.ts';
import { isPreemptive } from '../machines/cpu/schedulingPolicy.ts';
import type { SchedulingPolicy } from '../machines/cpu/cpuConfig.ts';
import type { GanttSegment } from '../machines/cpu/gantt.ts';
import type { JobTable } from '../sim/jobs/jobTable.ts';
import { runJobTable } from '../sim/jobs/runJobTable.ts';
import { formatIn, POLICY_LABELS } from '../viz/cpu/index.ts';
import { ENGLISH_MACHINE_WORDS, type MachineWords } from './machineWords.ts';

/** A process the scheduler could run at a decision. */
export interface CpuCandidate {
  id: string;
  /** What is left of its current CPU burst, ns. */
  remaining: number;
  priority: number;
  /** When its current burst entered the ready queue, ns (kept when it is preempted). */
  arrived: number;
  /** It held the CPU up to this instant (its quantum ended, or the policy may preempt it). */
  running: boolean;
}

/** One decision of the scheduler: at `t`, among `candidates` (ready-queue order), it ran `pick`. */
export interface CpuDecision {
  t: number;
  /** What made the scheduler decide: the CPU fell free, a quantum ended, or a job arrived. */
  cause: 'free' | 'quantum' | 'arrival';
  candidates: CpuCandidate[];
  pick: string;
}

/** The real scheduler's run of `table`, its decisions, and its chart. */
export interface CpuMachineRun {
  decisions: CpuDecision[];
  gantt: GanttSegment[];
  /** Set when the run stopped at a limit before every job completed. */
  stopped: boolean;
}

const runs = new WeakMap<JobTable, CpuMachineRun>();

/** Runs `table` through the CPU scheduler and reads its decisions from the trace (memoized). */
export function cpuMachineRun(table: JobTable): CpuMachineRun {
  let run = runs.get(table);
  if (!run) {
    const result = runJobTable(table, { maxSlices: 10_000 });
    run = {
      decisions: decisionsOf(result.records, table.cpu.policy),
      gantt: result.gantt,
      stopped: result.stopped !== undefined,
    };
    runs.set(table, run);
  }
  return run;
}

interface Held {
  id: string;
  remaining: number;
  priority: number;
  arrived: number;
}

/**
 * The decisions in a single-core scheduler's trace, instant by instant. The scheduler decides once
 * per instant, after every arrival of that instant (cpuScheduler.ts); what runs after the instant's
 * records is its pick. A decision is a learner's when the CPU fell free, a quantum ended with
 * others waiting, or (preemptive policies) a job arrived while another ran.
 */
export function decisionsOf(
  records: readonly TraceRecord[],
  policy: SchedulingPolicy,
): CpuDecision[] {
  const out: CpuDecision[] = [];
  const ready: Held[] = [];
  let running: (Held & { since: number }) | null = null;
  let i = 0;
  while (i < records.length) {
    const t = (records[i] as TraceRecord).t;
    const before = ready.slice();
    const wasRunning = running
      ? { ...running, remaining: running.remaining - (t - running.since) }
      : null;
    const arrivals: Held[] = [];
    let freed = false;
    let quantum: Held | null = null;
    let preempted = false;
    for (; i < records.length && (records[i] as TraceRecord).t === t; i++) {
      const r = records[i] as TraceRecord;
      switch (r.type) {
        case 'cpu.arrive': {
          const job = { id: r.job, remaining: r.burst, priority: r.priority, arrived: t };
          ready.push(job);
          arrivals.push(job);
          break;
        }
        case 'cpu.dispatch': {
          const at = ready.findIndex((j) => j.id === r.job);
          const job = ready.splice(at, 1)[0] as Held;
          running = { ...job, remaining: r.remaining, since: t };
          break;
        }
        case 'cpu.preempt': {
          const job: Held = {
            id: r.job,
            remaining: r.remaining,
            priority: running?.priority ?? 0,
            arrived: running?.arrived ?? t,
          };
          ready.push(job);
          running = null;
          if (r.reason === 'quantum') quantum = job;
          else preempted = true;
          break;
        }
        case 'cpu.block':
        case 'cpu.complete':
          running = null;
          freed = true;
          break;
        default:
          break;
      }
    }
    const after = running as (Held & { since: number }) | null;
    const held = wasRunning && !freed ? wasRunning : null;
    const cause: CpuDecision['cause'] | null =
      held === null
        ? 'free'
        : quantum
          ? 'quantum'
          : isPreemptive(policy) && (arrivals.length > 0 || preempted)
            ? 'arrival'
            : null;
    if (cause === null || after === null) continue;
    const candidates: CpuCandidate[] = [...before, ...arrivals].map((j) => ({
      ...j,
      running: false,
    }));
    if (held) candidates.push({ ...held, priority: held.priority, running: true });
    out.push({ t, cause, candidates, pick: after.id });
  }
  return out;
}

/** A decision's candidate that the scheduler picked. */
export function pickedOf(decision: CpuDecision): CpuCandidate {
  return decision.candidates.find((c) => c.id === decision.pick) as CpuCandidate;
}

/** The situation of a decision in words: "At 2 ms P3 arrives and the quantum of P1 ends." */
export function cpuSituation(
  decision: CpuDecision,
  table: JobTable,
  words: MachineWords = ENGLISH_MACHINE_WORDS,
): string {
  const at = formatIn(decision.t, table.unit);
  const held = decision.candidates.find((c) => c.running);
  const come = decision.candidates
    .filter((c) => !c.running && c.arrived === decision.t)
    .map((c) => c.id);
  if (decision.cause === 'quantum' && held) return words.cpuQuantum(at, come, held.id);
  if (decision.cause === 'arrival' && held)
    return words.cpuArrival(at, come, held.id, formatIn(held.remaining, table.unit));
  return words.cpuFree(at, come);
}

/** The policy's rule applied to this decision, naming its pick: the feedback of a pick. */
export function cpuWhy(
  decision: CpuDecision,
  table: JobTable,
  words: MachineWords = ENGLISH_MACHINE_WORDS,
): string {
  const policy = table.cpu.policy;
  const pick = pickedOf(decision);
  const time = (ns: number) => formatIn(ns, table.unit);
  const rule = words.cpuRule(
    policy,
    {
      id: pick.id,
      arrived: time(pick.arrived),
      remaining: time(pick.remaining),
      priority: pick.priority,
    },
    decision.cause === 'quantum',
  );
  if (policy === 'fcfs' || policy === 'rr') return rule;
  const key = (c: CpuCandidate): number =>
    policy === 'sjf' || policy === 'srtf' ? c.remaining : c.priority;
  const ties = decision.candidates.filter((c) => c.id !== pick.id && key(c) === key(pick));
  if (ties.length === 0) return rule;
  return words.cpuTie(
    rule,
    ties.map((c) => c.id),
    pick.running,
  );
}

/** One policy's figures on the same jobs, for the comparison after the step. */
export interface PolicyFigures {
  policy: SchedulingPolicy;
  label: string;
  /** Averages over the jobs, ns. */
  waiting: number;
  turnaround: number;
  response: number;
  gantt: GanttSegment[];
}

/** Runs `table` under each of `policies` (same jobs, same quantum) with the real scheduler. */
export function comparePolicies(
  table: JobTable,
  policies: readonly SchedulingPolicy[],
): PolicyFigures[] {
  return policies.map((policy) => {
    const run = runJobTable({ ...table, cpu: { ...table.cpu, policy } }, { maxSlices: 10_000 });
    return {
      policy,
      label: POLICY_LABELS[policy],
      waiting: run.averages.waiting,
      turnaround: run.averages.turnaround,
      response: run.averages.response,
      gantt: run.gantt,
    };
  });
}
