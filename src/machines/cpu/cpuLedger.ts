// A CPU's figures from its cpu.* trace records, a fold (engine/traceFold.ts): busy time, context
// switches and preemptions, the longest ready queue, and each completed job's waiting, response
// and turnaround (Silberschatz's definitions: waiting = turnaround - CPU time - I/O time, the time
// spent in the ready queue or being switched to). The scheduler keeps no figures of its own.

import type { Nanos } from '../../engine/time.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import type { TraceFold } from '../../engine/traceFold.ts';
import './cpuTrace.ts';
import '../../net/ip/ipTrace.ts';

/** One job's figures; -1 means "not yet" (never ran, not completed). */
export interface JobRow {
  id: string;
  priority: number;
  arrival: Nanos;
  firstRun: Nanos;
  completion: Nanos;
  /** CPU time received (all bursts). */
  cpu: Nanos;
  /** I/O time waited. */
  io: Nanos;
}

/** Waiting = turnaround - CPU time - I/O time (-1 until the job completes). */
export function jobWaiting(job: JobRow): number {
  return job.completion < 0 ? -1 : job.completion - job.arrival - job.cpu - job.io;
}

/** Turnaround = completion - arrival (-1 until the job completes). */
export function jobTurnaround(job: JobRow): number {
  return job.completion < 0 ? -1 : job.completion - job.arrival;
}

/** Response = first run - arrival (-1 before the first run). */
export function jobResponse(job: JobRow): number {
  return job.firstRun < 0 ? -1 : job.firstRun - job.arrival;
}

/** What a CPU did up to the last record it saw. */
export interface CpuLedger {
  /** Time running jobs, all cores, a job still running counted up to `end`. */
  busyNs: number;
  jobsCompleted: number;
  /** Sums over completed jobs. */
  sumWaiting: number;
  sumResponse: number;
  sumTurnaround: number;
  maxReady: number;
  contextSwitches: number;
  preemptions: number;
  /** The last completion (-1 before any): a textbook schedule's end. */
  lastCompletion: Nanos;
  /** The time of the last record seen (sim.end when it was routed here). */
  end: Nanos;
  /** Every job in arrival order, when asked for (a job table); else empty. */
  jobs: JobRow[];
  /** The job on each core that is running one now, and since when. */
  running: { core: number; job: string; since: Nanos }[];
}

/**
 * Folds one CPU's cpu.* records (and sim.end, for the end of the run; node.crash, where its node
 * crashes and every job on it is lost) into its ledger.
 * `keepJobs` keeps every job's row; without it, a job's row is dropped when it completes.
 */
export function cpuLedger(
  cores: number,
  options: { keepJobs?: boolean } = {},
): TraceFold<CpuLedger> {
  const keepJobs = options.keepJobs ?? false;
  const jobs = new Map<string, JobRow>();
  const kept: JobRow[] = [];
  const runningSince = new Array<number>(cores).fill(-1);
  const runningJob = new Array<string>(cores).fill('');
  const switching = new Array<boolean>(cores).fill(false);
  const l = {
    busyNs: 0,
    jobsCompleted: 0,
    sumWaiting: 0,
    sumResponse: 0,
    sumTurnaround: 0,
    maxReady: 0,
    contextSwitches: 0,
    preemptions: 0,
    lastCompletion: -1,
    end: 0,
  };
  let ready = 0;

  const stopRunning = (core: number, t: Nanos, job: JobRow | undefined): void => {
    const since = runningSince[core] ?? -1;
    if (since < 0) return;
    l.busyNs += t - since;
    if (job) job.cpu += t - since;
    runningSince[core] = -1;
  };

  return {
    types: [
      'cpu.arrive',
      'cpu.switch',
      'cpu.dispatch',
      'cpu.preempt',
      'cpu.block',
      'cpu.complete',
      'node.crash',
      'sim.end',
    ],
    add(record: TraceRecord) {
      l.end = record.t;
      switch (record.type) {
        case 'cpu.arrive': {
          if (!jobs.has(record.job)) {
            const row: JobRow = {
              id: record.job,
              priority: record.priority,
              arrival: record.t,
              firstRun: -1,
              completion: -1,
              cpu: 0,
              io: 0,
            };
            jobs.set(record.job, row);
            if (keepJobs) kept.push(row);
          }
          l.maxReady = Math.max(l.maxReady, ++ready);
          break;
        }
        case 'cpu.switch':
          l.contextSwitches++;
          switching[record.core] = true;
          ready--; // the job leaves the queue when its switch starts
          break;
        case 'cpu.dispatch': {
          if (switching[record.core]) switching[record.core] = false;
          else ready--;
          runningSince[record.core] = record.t;
          runningJob[record.core] = record.job;
          const job = jobs.get(record.job);
          if (job && job.firstRun < 0) job.firstRun = record.t;
          break;
        }
        case 'cpu.preempt':
          l.preemptions++;
          stopRunning(record.core, record.t, jobs.get(record.job));
          // A better job takes the core at once: it left the queue first, as the scheduler does,
          // so the preempted one coming back never makes the queue look longer than it was.
          ready++;
          if (record.reason === 'quantum') l.maxReady = Math.max(l.maxReady, ready);
          break;
        case 'cpu.block': {
          const job = jobs.get(record.job);
          stopRunning(record.core, record.t, job);
          if (job) job.io += record.io;
          break;
        }
        case 'node.crash':
          // Its node crashed: what ran stops now and what waited is gone, never completed.
          runningSince.forEach((_, core) => stopRunning(core, record.t, undefined));
          switching.fill(false);
          jobs.clear();
          ready = 0;
          break;
        case 'cpu.complete': {
          const job = jobs.get(record.job);
          stopRunning(record.core, record.t, job);
          if (!job) break;
          job.completion = record.t;
          jobs.delete(record.job);
          l.jobsCompleted++;
          l.lastCompletion = record.t;
          l.sumTurnaround += jobTurnaround(job);
          l.sumWaiting += jobWaiting(job);
          l.sumResponse += jobResponse(job);
          break;
        }
      }
    },
    result() {
      let busy = l.busyNs;
      const running: CpuLedger['running'] = [];
      runningSince.forEach((since, core) => {
        if (since < 0) return;
        busy += l.end - since;
        running.push({ core, job: runningJob[core] as string, since });
      });
      return { ...l, busyNs: busy, jobs: kept.map((j) => ({ ...j })), running };
    },
  };
}
