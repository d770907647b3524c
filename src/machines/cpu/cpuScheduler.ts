// A multi-core CPU scheduler on simulated time: one shared ready queue, policies FCFS, SJF, SRTF,
// priority (plain and preemptive) and round robin, context-switch cost, and I/O bursts.
//
// Each core is a CpuCore (cpuCore.ts) around a cpuCoreMachine actor, the source of truth for the
// core's state (idle, switching, running) and its job. The ready queue, the decisions and the
// timers are plain code and engine events; the policy is pure functions (schedulingPolicy.ts).
// Actor sends per burst: cpu.dispatch or cpu.next, cpu.switched when switching, cpu.burstDone only
// if the core goes idle, cpu.preempt or cpu.quantumExpired when a job is taken off.
//
// Conventions, stated in docs/model.md and in the scheduling view (Silberschatz, Galvin, Gagne,
// Operating System Concepts ch. 5, draws the textbook cases this way):
// - Decisions are made once per instant: every arrival, I/O wake, burst end, quantum expiry or
//   (preemptive policies) switch end at time t asks for one decision event at t, which runs after
//   everything already queued for t. So in round robin, jobs arriving at t (new or back from I/O)
//   join the ready queue BEFORE the job whose quantum ends at t goes back to the tail, and SJF or
//   priority choose among every job that arrived by t.
// - A decision (1) ends expired quanta: the job goes to the tail if more jobs are ready than idle
//   cores, otherwise it keeps its core for another quantum (no preemption, no switch); (2) gives
//   idle cores, lowest index first, the jobs at the head of the queue; (3) for srtf and
//   priorityPreemptive, while the best ready job is strictly better than the worst running one
//   (shorter remaining burst / lower priority number), preempts that one: a running job keeps
//   its core on a tie; (4) starts the jobs whose switch ended and that kept their core.
// - Ties in the ready queue: the job whose current burst arrived first, then the one submitted
//   first (a job table's row order). A preempted job keeps its arrival; RR's queue is its order.
// - Context switch (schedulingPolicy.ts, isContextSwitch): a core switches before running a job
//   of another process than the last one whose context it loaded. Not before the first job it
//   ever runs (no context to save), nor when a process comes back after an idle gap to the core
//   it last ran on, nor when a job keeps its core. A switch takes `contextSwitch` ns (cpu.switch,
//   then cpu.dispatch when it ends); one that costs 0 is recorded all the same, at one instant.
//   A core switching is not preempted. Under a preemptive policy the job switched to runs only
//   at the decision of the instant the switch ends, which may give the core to a better job that
//   came meanwhile: the job goes back to the queue without having run (a cpu.preempt right after
//   its switch), so no job is ever dispatched for zero time. Switch time counts as the job's
//   waiting time and as overhead, not busy time.
// - I/O: devices are unlimited (every blocked job waits exactly its I/O burst, in parallel), then
//   the next CPU burst arrives in the ready queue (cpu.wake, cpu.arrive).
// - firstRun (for response time) is when the job first starts running, after any switch.

import type { Simulator } from '../../engine/simulator.ts';
import { CpuCore, type CpuCoreOwner } from './cpuCore.ts';
import { checkJobSpec, newJob, type CpuJob } from './cpuJob.ts';
import { checkCpuConfig, DEFAULT_CPU_CONFIG, type CpuConfig, type JobSpec } from './cpuConfig.ts';
import { FifoReadyQueue, HeapReadyQueue, type ReadyQueue } from './readyQueue.ts';
import {
  isFifo,
  isPreemptive,
  jobKey,
  preemptReason,
  preempts,
  quantumGoesBack,
  victim,
} from './schedulingPolicy.ts';

export {
  DEFAULT_CPU_CONFIG,
  SCHEDULING_POLICIES,
  type CpuConfig,
  type JobSpec,
  type SchedulingPolicy,
} from './cpuConfig.ts';

/** A CPU with `cores` cores and one shared ready queue, recording cpu.* trace records. */
export class CpuScheduler {
  readonly config: CpuConfig;
  private readonly ready: ReadyQueue<CpuJob>;
  private readonly cores: CpuCore[] = [];
  private readonly preemptive: boolean;
  private seq = 0;
  private decisionPending = false;
  /** Scratch for `preemptBetter`: each core's running key, or null. */
  private readonly runningKeys: (number | null)[] = [];
  private readonly decideHandler = (): void => this.decide();
  private readonly wakeHandler = (job: CpuJob): void => this.wake(job);

  constructor(
    private readonly sim: Simulator,
    readonly node: string,
    config: Partial<CpuConfig> = {},
  ) {
    const c = checkCpuConfig({ ...DEFAULT_CPU_CONFIG, ...config });
    this.config = c;
    this.preemptive = isPreemptive(c.policy);
    this.ready = isFifo(c.policy) ? new FifoReadyQueue() : new HeapReadyQueue();
    const owner: CpuCoreOwner = {
      burstEnded: (core, job) => this.burstEnded(core, job),
      quantumExpired: () => this.requestDecision(),
      // Preemptive policies: the job switched to runs at this instant's decision, or a better one.
      switchEnded: () => this.requestDecision(),
    };
    for (let i = 0; i < c.cores; i++) {
      this.cores.push(new CpuCore(i, sim, node, c, owner));
      this.runningKeys.push(null);
    }
  }

  /** The job arrives now: its first CPU burst enters the ready queue. */
  submit(spec: JobSpec): void {
    checkJobSpec(spec);
    const job = newJob(spec);
    this.arrive(job);
  }

  /** Jobs waiting in the ready queue. */
  readyLength(): number {
    return this.ready.size;
  }

  /** Cores switching to or running a job (a core whose burst ended this instant is free). */
  busyCores(): number {
    let n = 0;
    for (const core of this.cores) if (!core.isFree()) n++;
    return n;
  }

  /** The state a learner sees for core `i` (from its actor). */
  coreState(i: number): string {
    const core = this.cores[i];
    if (!core) throw new RangeError(`no core ${i}`);
    return core.state();
  }

  /** The burst of `job` ended on `core`: the job blocks for I/O or completes. */
  private burstEnded(core: CpuCore, job: CpuJob): void {
    const now = this.sim.now();
    job.index++;
    if (job.index >= job.spec.bursts.length) {
      this.sim.record({
        t: now,
        type: 'cpu.complete',
        node: this.node,
        core: core.index,
        job: job.id,
      });
      this.requestDecision();
      job.spec.onDone?.();
      return;
    }
    const io = job.spec.bursts[job.index] as number;
    job.index++;
    this.sim.record({
      t: now,
      type: 'cpu.block',
      node: this.node,
      core: core.index,
      job: job.id,
      io,
    });
    this.requestDecision();
    this.sim.schedule(io, this.wakeHandler, job);
  }

  private wake(job: CpuJob): void {
    this.sim.record({ t: this.sim.now(), type: 'cpu.wake', node: this.node, job: job.id });
    this.arrive(job);
  }

  private arrive(job: CpuJob): void {
    job.remaining = job.spec.bursts[job.index] as number;
    // Its place among equal keys: by arrival, then submission; kept when it is preempted.
    job.seq = this.seq++;
    this.sim.record({
      t: this.sim.now(),
      type: 'cpu.arrive',
      node: this.node,
      job: job.id,
      burst: job.remaining,
      priority: job.priority,
    });
    this.enqueue(job);
    this.requestDecision();
  }

  private enqueue(job: CpuJob): void {
    job.key = jobKey(this.config.policy, job.remaining, job.priority);
    this.ready.push(job);
  }

  private takeReady(): CpuJob {
    return this.ready.pop() as CpuJob;
  }

  private requestDecision(): void {
    if (this.decisionPending) return;
    this.decisionPending = true;
    this.sim.schedule(0, this.decideHandler);
  }

  /** The one decision of this instant (rules at the top of this file). */
  private decide(): void {
    this.decisionPending = false;
    const cores = this.cores;
    // (1) Expired quanta: back to the tail only if someone would otherwise wait.
    let idle = 0;
    for (const core of cores) if (core.isFree()) idle++;
    for (const core of cores) {
      if (!core.expired) continue;
      if (quantumGoesBack(this.ready.size, idle)) {
        this.enqueue(core.takeOff('quantum'));
        idle++;
      } else {
        core.renewSlice();
      }
    }
    // (2) Free cores take the head of the queue.
    for (const core of cores) {
      if (this.ready.size === 0) break;
      if (core.isFree()) core.dispatch(this.takeReady());
    }
    // (3) Preemption by a better job.
    if (this.preemptive) this.preemptBetter();
    // (4) Cores whose switch ended start their job; those whose burst ended and that got no new
    // job: now their actor goes idle.
    for (const core of cores) core.settle();
  }

  private preemptBetter(): void {
    const { cores, runningKeys } = this;
    const policy = this.config.policy;
    while (this.ready.size > 0) {
      const best = this.ready.peek() as CpuJob;
      for (let i = 0; i < cores.length; i++) runningKeys[i] = (cores[i] as CpuCore).runningKey();
      const v = victim(runningKeys);
      if (v < 0 || !preempts(policy, best.key, runningKeys[v] as number)) break;
      const next = this.takeReady();
      const core = cores[v] as CpuCore;
      this.enqueue(core.takeOff(preemptReason(policy)));
      core.dispatch(next);
    }
  }
}
