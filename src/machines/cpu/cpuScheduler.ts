// A multi-core CPU scheduler on simulated time: one shared ready queue, policies FCFS, SJF, SRTF,
// priority (plain and preemptive) and round robin, context-switch cost, and I/O bursts.
// Each core is an XState actor (cpuCoreMachine) a learner sees switching, running and idle; the
// ready queue and the burst timers are plain code and engine events (1-3 actor sends per burst:
// cpu.dispatch or cpu.next, cpu.switched when switching, cpu.burstDone only if the core goes idle).
//
// Rules, as the textbooks draw them (Silberschatz, Galvin, Gagne, Operating System Concepts ch. 5):
// - Decisions are made once per instant: every arrival, I/O wake, burst end or quantum expiry at
//   time t asks for one decision event at t, which runs after everything already queued for t.
//   So jobs arriving at t (new or back from I/O) enter the ready queue BEFORE a job whose quantum
//   expires at t is put back at the tail (the usual RR tie rule), and SJF/priority choose among
//   every job that arrived at t.
// - A decision (1) ends expired quanta: the job goes to the tail if more jobs are ready than idle
//   cores, otherwise it keeps its core for another quantum (no preemption, no switch); (2) gives
//   idle cores, lowest index first, the jobs at the head of the queue; (3) for srtf and
//   priorityPreemptive, while the best ready job is strictly better than the worst running one
//   (shorter remaining burst / lower priority number), preempts that one. Equal keys never preempt.
// - Equal keys in the queue run first-in first-out by the order they entered the ready queue.
// - Context switch: a core spends `contextSwitch` ns (cpu.switch) before dispatching a job other
//   than the last job it ran, including the first job a core ever runs; a job that keeps its core
//   (quantum renewed, or it is the next choice again) pays nothing. A core switching is not
//   preempted; when the switch ends the job runs and a new decision checks for a better job.
//   Switch time counts as the job's waiting time and as overhead, not busy time.
// - I/O: devices are unlimited (every blocked job waits exactly its I/O burst, in parallel), then
//   the next CPU burst arrives in the ready queue (cpu.wake, cpu.arrive).
// - firstRun (for response time) is when the job first starts running, after any switch.

import { createActor, type Actor } from 'xstate';
import type { EventId, Simulator } from '../../engine/simulator.ts';
import type { Nanos } from '../../engine/time.ts';
import { cpuCoreMachine } from './cpuCoreMachine.ts';
import { noteCompletion, noteReadyLength, type CpuMetrics, type JobMetrics } from './cpuMetrics.ts';
import type { PreemptReason } from './cpuTrace.ts';
import {
  checkCpuConfig,
  DEFAULT_CPU_CONFIG,
  type CpuConfig,
  type CpuSchedulerOptions,
  type JobSpec,
} from './cpuConfig.ts';
import { FifoReadyQueue, HeapReadyQueue, type ReadyQueue } from './readyQueue.ts';

export type { CpuMetrics, JobMetrics } from './cpuMetrics.ts';
export {
  DEFAULT_CPU_CONFIG,
  SCHEDULING_POLICIES,
  type CpuConfig,
  type CpuSchedulerOptions,
  type JobSpec,
  type SchedulingPolicy,
} from './cpuConfig.ts';

interface Job {
  spec: JobSpec;
  id: string;
  priority: number;
  /** Index into spec.bursts of the current CPU burst. */
  index: number;
  /** ns left of the current CPU burst (as of the last dispatch or preemption). */
  remaining: number;
  key: number;
  seq: number;
  m: JobMetrics;
}

const IDLE = 0;
const SWITCHING = 1;
const RUNNING = 2;

interface Core {
  index: number;
  actor: Actor<typeof cpuCoreMachine>;
  state: number;
  job: Job | null;
  lastJob: Job | null;
  runStart: Nanos;
  timer: EventId;
  expired: boolean;
  /** The burst ended this instant and the actor has not been told yet (see `release`). */
  releasing: boolean;
}

/** A CPU with `cores` cores and one shared ready queue, recording cpu.* trace records. */
export class CpuScheduler {
  readonly config: CpuConfig;
  readonly metrics: CpuMetrics;
  private readonly ready: ReadyQueue<Job>;
  private readonly cores: Core[] = [];
  private readonly keepJobs: boolean;
  private seq = 0;
  private decisionPending = false;
  private readonly preemptive: boolean;
  private readonly decideHandler = (): void => this.decide();
  private readonly sliceEndHandler = (core: Core): void => this.sliceEnd(core);
  private readonly switchedHandler = (core: Core): void => this.switched(core);
  private readonly wakeHandler = (job: Job): void => this.wake(job);

  constructor(
    private readonly sim: Simulator,
    readonly node: string,
    config: Partial<CpuConfig> = {},
    options: CpuSchedulerOptions = {},
  ) {
    const c = checkCpuConfig({ ...DEFAULT_CPU_CONFIG, ...config });
    this.config = c;
    this.keepJobs = options.keepJobs ?? true;
    this.preemptive = c.policy === 'srtf' || c.policy === 'priorityPreemptive';
    this.ready =
      c.policy === 'fcfs' || c.policy === 'rr' ? new FifoReadyQueue() : new HeapReadyQueue();
    this.metrics = {
      node,
      cores: c.cores,
      startedAt: sim.now(),
      jobsSubmitted: 0,
      jobsCompleted: 0,
      busyNs: new Array<number>(c.cores).fill(0),
      switchNs: new Array<number>(c.cores).fill(0),
      contextSwitches: 0,
      preemptions: 0,
      jobs: [],
      sumWaiting: 0,
      sumTurnaround: 0,
      sumResponse: 0,
      lastCompletion: -1,
      readyLength: 0,
      maxReady: 0,
      readyArea: 0,
      readyChangedAt: sim.now(),
    };
    for (let i = 0; i < c.cores; i++) {
      const actor = createActor(cpuCoreMachine, { clock: sim.clock, input: { core: i } });
      actor.start();
      this.cores.push({
        index: i,
        actor,
        state: IDLE,
        job: null,
        lastJob: null,
        runStart: 0,
        timer: -1,
        expired: false,
        releasing: false,
      });
    }
  }

  /** The job arrives now: its first CPU burst enters the ready queue. */
  submit(spec: JobSpec): void {
    const b = spec.bursts;
    if (b.length % 2 !== 1)
      throw new RangeError(`job ${spec.id}: bursts must alternate CPU, I/O, ..., CPU (odd length)`);
    for (const x of b)
      if (!Number.isSafeInteger(x) || x < 0)
        throw new RangeError(`job ${spec.id}: bursts must be integers >= 0 ns, got ${x}`);
    const priority = spec.priority ?? 0;
    const m: JobMetrics = {
      id: spec.id,
      priority,
      arrival: this.sim.now(),
      firstRun: -1,
      completion: -1,
      cpuTotal: 0,
      ioTotal: 0,
    };
    this.metrics.jobsSubmitted++;
    if (this.keepJobs) this.metrics.jobs.push(m);
    const job: Job = { spec, id: spec.id, priority, index: 0, remaining: 0, key: 0, seq: 0, m };
    this.arrive(job);
  }

  /** Jobs waiting in the ready queue. */
  readyLength(): number {
    return this.ready.size;
  }

  /** Cores switching to or running a job. */
  busyCores(): number {
    let n = 0;
    for (const core of this.cores) if (core.state !== IDLE) n++;
    return n;
  }

  /** The state a learner sees for core `i` (from its actor). */
  coreState(i: number): string {
    const core = this.cores[i];
    if (!core) throw new RangeError(`no core ${i}`);
    return String(core.actor.getSnapshot().value);
  }

  private arrive(job: Job): void {
    job.remaining = job.spec.bursts[job.index] as number;
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

  private enqueue(job: Job): void {
    const policy = this.config.policy;
    job.key =
      policy === 'sjf' || policy === 'srtf'
        ? job.remaining
        : policy === 'priority' || policy === 'priorityPreemptive'
          ? job.priority
          : 0;
    job.seq = this.seq++;
    noteReadyLength(this.metrics, this.sim.now(), 1);
    this.ready.push(job);
  }

  private requestDecision(): void {
    if (this.decisionPending) return;
    this.decisionPending = true;
    this.sim.schedule(0, this.decideHandler);
  }

  private decide(): void {
    this.decisionPending = false;
    const cores = this.cores;
    // (1) Expired quanta: back to the tail only if someone would otherwise wait.
    let idle = 0;
    for (const core of cores) if (core.state === IDLE) idle++;
    for (const core of cores) {
      if (!core.expired) continue;
      core.expired = false;
      if (this.ready.size > idle) {
        this.preempt(core, 'quantum');
        idle++;
      } else {
        this.startSlice(core);
      }
    }
    // (2) Idle cores take the head of the queue.
    for (const core of cores) {
      if (this.ready.size === 0) break;
      if (core.state === IDLE) this.dispatch(core, this.takeReady());
    }
    // (3) Preemption by a better job.
    if (this.preemptive) this.preemptBetter();
    // Cores whose burst ended and that got no new job: now the actor goes idle.
    for (const core of cores) {
      if (!core.releasing) continue;
      core.releasing = false;
      core.actor.send({ type: 'cpu.burstDone' });
    }
  }

  private preemptBetter(): void {
    const cores = this.cores;
    const reason: PreemptReason = this.config.policy === 'srtf' ? 'shorter' : 'priority';
    while (this.ready.size > 0) {
      const best = this.ready.peek() as Job;
      let worst: Core | null = null;
      let worstKey = -Infinity;
      for (const core of cores) {
        if (core.state !== RUNNING || core.expired) continue;
        const key = this.runningKey(core);
        if (key > worstKey) {
          worstKey = key;
          worst = core;
        }
      }
      if (worst === null || !(best.key < worstKey)) break;
      const next = this.takeReady();
      this.preempt(worst, reason);
      this.dispatch(worst, next);
    }
  }

  private runningKey(core: Core): number {
    const job = core.job as Job;
    if (this.config.policy === 'srtf') return job.remaining - (this.sim.now() - core.runStart);
    return job.priority;
  }

  private takeReady(): Job {
    noteReadyLength(this.metrics, this.sim.now(), -1);
    return this.ready.pop() as Job;
  }

  private dispatch(core: Core, job: Job): void {
    core.job = job;
    const cost = this.config.contextSwitch;
    if (cost > 0 && core.lastJob !== job) {
      core.state = SWITCHING;
      this.metrics.contextSwitches++;
      this.metrics.switchNs[core.index] = (this.metrics.switchNs[core.index] as number) + cost;
      this.sim.record({
        t: this.sim.now(),
        type: 'cpu.switch',
        node: this.node,
        core: core.index,
        job: job.id,
      });
      this.tell(core, job, true);
      core.timer = this.sim.schedule(cost, this.switchedHandler, core);
      return;
    }
    this.tell(core, job, false);
    this.run(core);
  }

  /** One actor send per dispatch: cpu.next when the core's burst ended this instant. */
  private tell(core: Core, job: Job, switchFirst: boolean): void {
    if (core.releasing) {
      core.releasing = false;
      core.actor.send({ type: 'cpu.next', job: job.id, switchFirst });
    } else {
      core.actor.send({ type: 'cpu.dispatch', job: job.id, switchFirst });
    }
  }

  private switched(core: Core): void {
    core.actor.send({ type: 'cpu.switched' });
    this.run(core);
    if (this.preemptive && this.ready.size > 0) this.requestDecision();
  }

  private run(core: Core): void {
    const job = core.job as Job;
    const now = this.sim.now();
    core.state = RUNNING;
    core.lastJob = job;
    if (job.m.firstRun < 0) job.m.firstRun = now;
    this.sim.record({
      t: now,
      type: 'cpu.dispatch',
      node: this.node,
      core: core.index,
      job: job.id,
      remaining: job.remaining,
    });
    this.startSlice(core);
  }

  private startSlice(core: Core): void {
    const job = core.job as Job;
    core.runStart = this.sim.now();
    const slice =
      this.config.policy === 'rr' ? Math.min(this.config.quantum, job.remaining) : job.remaining;
    core.timer = this.sim.schedule(slice, this.sliceEndHandler, core);
  }

  /** Charges the CPU time since `runStart` to the job and the core. */
  private account(core: Core): Job {
    const job = core.job as Job;
    const elapsed = this.sim.now() - core.runStart;
    job.remaining -= elapsed;
    job.m.cpuTotal += elapsed;
    this.metrics.busyNs[core.index] = (this.metrics.busyNs[core.index] as number) + elapsed;
    core.runStart = this.sim.now();
    return job;
  }

  private sliceEnd(core: Core): void {
    core.timer = -1;
    const job = this.account(core);
    if (job.remaining > 0) {
      core.expired = true;
      this.requestDecision();
      return;
    }
    this.burstDone(core, job);
  }

  private preempt(core: Core, reason: PreemptReason): void {
    if (core.timer !== -1) this.sim.cancel(core.timer);
    core.timer = -1;
    const job = this.account(core);
    this.metrics.preemptions++;
    this.sim.record({
      t: this.sim.now(),
      type: 'cpu.preempt',
      node: this.node,
      core: core.index,
      job: job.id,
      remaining: job.remaining,
      reason,
    });
    core.actor.send({ type: 'cpu.preempt' });
    core.state = IDLE;
    core.job = null;
    this.enqueue(job);
  }

  private burstDone(core: Core, job: Job): void {
    const now = this.sim.now();
    core.releasing = true; // the decision tells the actor: cpu.next or cpu.burstDone
    core.state = IDLE;
    core.job = null;
    job.index++;
    if (job.index >= job.spec.bursts.length) {
      this.sim.record({
        t: now,
        type: 'cpu.complete',
        node: this.node,
        core: core.index,
        job: job.id,
      });
      noteCompletion(this.metrics, job.m, now);
      this.requestDecision();
      job.spec.onDone?.();
      return;
    }
    const io = job.spec.bursts[job.index] as number;
    job.index++;
    job.m.ioTotal += io;
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

  private wake(job: Job): void {
    this.sim.record({ t: this.sim.now(), type: 'cpu.wake', node: this.node, job: job.id });
    this.arrive(job);
  }
}
