// The figures of a node's CPU, folded from its cpu.* records: jobs completed, utilization, the
// textbook means (waiting, response, turnaround) of completed jobs, the longest ready queue,
// context switches and preemptions. Per-job figures are kept only while a job is unfinished.

import type { TraceFold } from '../../engine/traceFold.ts';
import type { Nanos } from '../../engine/time.ts';
import '../../machines/cpu/cpuTrace.ts';
import type { CpuConfig } from '../../machines/cpu/cpuConfig.ts';
import { ms } from './figureMath.ts';

/** What a CPU did over a run. */
export interface CpuFigures {
  node: string;
  cores: number;
  policy: string;
  jobsCompleted: number;
  /** Time running jobs over cores x the run so far, 0..1 (context switches are not busy time). */
  utilization: number;
  avgWaitingNs: number;
  avgResponseNs: number;
  avgTurnaroundNs: number;
  maxReady: number;
  contextSwitches: number;
  preemptions: number;
}

interface JobSoFar {
  arrival: Nanos;
  firstRun: Nanos;
  /** CPU and I/O time so far (running intervals closed by a preemption, block or completion). */
  used: Nanos;
}

/** Folds the cpu.* records of `node`'s CPU (the caller routes the node's records here). */
export function cpuFigures(node: string, config: CpuConfig): TraceFold<CpuFigures> {
  const jobs = new Map<string, JobSoFar>();
  /** Per core: when its job started running, or -1; whether it is switching to a job. */
  const runningSince: number[] = new Array<number>(config.cores).fill(-1);
  const switching: boolean[] = new Array<boolean>(config.cores).fill(false);
  let busy = 0;
  let completed = 0;
  let sumWaiting = 0;
  let sumResponse = 0;
  let sumTurnaround = 0;
  let ready = 0;
  let maxReady = 0;
  let switches = 0;
  let preemptions = 0;
  let end = 0;

  const stopRunning = (core: number, t: Nanos, job: JobSoFar | undefined): void => {
    const since = runningSince[core] ?? -1;
    if (since < 0) return;
    busy += t - since;
    if (job) job.used += t - since;
    runningSince[core] = -1;
  };
  /** A job left the ready queue for `core` (by a switch, or straight onto it). */
  const leaveQueue = (): void => void ready--;

  return {
    types: [
      'cpu.arrive',
      'cpu.switch',
      'cpu.dispatch',
      'cpu.preempt',
      'cpu.block',
      'cpu.complete',
      'sim.end',
    ],
    add(record) {
      end = record.t;
      switch (record.type) {
        case 'cpu.arrive': {
          if (!jobs.has(record.job))
            jobs.set(record.job, { arrival: record.t, firstRun: -1, used: 0 });
          maxReady = Math.max(maxReady, ++ready);
          break;
        }
        case 'cpu.switch':
          switches++;
          switching[record.core] = true;
          leaveQueue();
          break;
        case 'cpu.dispatch': {
          if (switching[record.core]) switching[record.core] = false;
          else leaveQueue();
          runningSince[record.core] = record.t;
          const job = jobs.get(record.job);
          if (job && job.firstRun < 0) job.firstRun = record.t;
          break;
        }
        case 'cpu.preempt': {
          preemptions++;
          stopRunning(record.core, record.t, jobs.get(record.job));
          // A better job takes the core at once: it left the queue first, as the scheduler does,
          // so the preempted one coming back never makes the queue look longer than it was.
          ready++;
          if (record.reason === 'quantum') maxReady = Math.max(maxReady, ready);
          break;
        }
        case 'cpu.block': {
          const job = jobs.get(record.job);
          stopRunning(record.core, record.t, job);
          if (job) job.used += record.io;
          break;
        }
        case 'cpu.complete': {
          const job = jobs.get(record.job);
          stopRunning(record.core, record.t, job);
          if (!job) break;
          jobs.delete(record.job);
          completed++;
          const turnaround = record.t - job.arrival;
          sumTurnaround += turnaround;
          sumWaiting += turnaround - job.used;
          sumResponse += job.firstRun - job.arrival;
          break;
        }
      }
    },
    result() {
      // A job still running when the run ends has been busy up to the end.
      let running = 0;
      for (const since of runningSince) if (since >= 0) running += end - since;
      const span = end;
      const n = completed;
      return {
        node,
        cores: config.cores,
        policy: config.policy,
        jobsCompleted: n,
        utilization: span > 0 ? Number(((busy + running) / (config.cores * span)).toFixed(4)) : 0,
        avgWaitingNs: n > 0 ? Math.round(sumWaiting / n) : 0,
        avgResponseNs: n > 0 ? Math.round(sumResponse / n) : 0,
        avgTurnaroundNs: n > 0 ? Math.round(sumTurnaround / n) : 0,
        maxReady,
        contextSwitches: switches,
        preemptions,
      };
    },
  };
}

/** `cpu        web (1 core, rr): 12 jobs, utilization 0.4%, ...`. */
export function cpuLines(p: CpuFigures): string[] {
  return [
    `cpu        ${p.node} (${p.cores} core${p.cores === 1 ? '' : 's'}, ${p.policy}): ${p.jobsCompleted} jobs, ` +
      `utilization ${(p.utilization * 100).toFixed(1)}%, mean wait ${ms(p.avgWaitingNs)}, longest run queue ${p.maxReady}`,
  ];
}
