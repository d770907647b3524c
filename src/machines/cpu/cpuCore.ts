// One core of a CpuScheduler: its XState actor, which owns the core's state and job, and the plain
// parts around it: the switch and slice timers (engine events), CPU-time accounting, cpu.* records.
// Under a preemptive policy a switch that ends does not run its job at once: the scheduler's
// decision at that instant does (or gives the core to a better job), so no job runs for zero time.

import type { EventId, Simulator } from '../../engine/simulator.ts';
import type { Nanos } from '../../engine/time.ts';
import { FlatMachineActor } from '../flatMachineActor.ts';
import type { CpuConfig } from './cpuConfig.ts';
import { cpuCoreMachine, type CpuCoreState } from './cpuCoreMachine.ts';
import type { CpuJob } from './cpuJob.ts';
import type { PreemptReason } from './cpuTrace.ts';
import { isPreemptive, jobKey, sliceLength } from './schedulingPolicy.ts';

/** What a core tells its scheduler. */
export interface CpuCoreOwner {
  /** `job`'s CPU burst ended on `core` now (the core counts as free from now on). */
  burstEnded(core: CpuCore, job: CpuJob): void;
  /** The quantum of the job on `core` expired now, with some of its burst left. */
  quantumExpired(core: CpuCore): void;
  /**
   * `core` finished switching now under a preemptive policy: its job runs at the decision of this
   * instant (`settle`), unless a better job takes the core first (`takeOff`).
   */
  switchEnded(core: CpuCore): void;
}

/** A core: ask its actor what it is doing; dispatch, take off and release jobs through it. */
export class CpuCore {
  readonly actor: FlatMachineActor<typeof cpuCoreMachine>;
  /**
   * The running job's quantum expired at this instant: the next decision takes it off
   * (cpu.quantumExpired) or gives it another slice. It is neither free nor a preemption victim.
   */
  private quantumEnded = false;
  /**
   * The running job's burst ended at this instant and the actor has not been told yet: the next
   * decision tells it in one event, cpu.next with the next job or cpu.burstDone. It counts as free.
   */
  private burstEnded = false;
  /**
   * The switch ended at this instant under a preemptive policy and the job has not run yet: the
   * next decision runs it (`settle`) or takes it off for a better job. It is a preemption victim.
   */
  private switchDone = false;
  /** When the current slice (or the part of it since the last accounting) started. */
  private runStart: Nanos = 0;
  private timer: EventId = -1;
  private readonly sliceEndHandler = (): void => this.sliceEnd();
  private readonly switchedHandler = (): void => this.switched();

  constructor(
    readonly index: number,
    private readonly sim: Simulator,
    private readonly node: string,
    private readonly config: CpuConfig,
    private readonly owner: CpuCoreOwner,
  ) {
    this.actor = new FlatMachineActor(cpuCoreMachine, {
      clock: sim.clock,
      input: { core: index, contextSwitch: config.contextSwitch },
    });
    this.actor.start();
  }

  /** True when the running job's quantum expired at this instant (the decision settles it). */
  get expired(): boolean {
    return this.quantumEnded;
  }

  /** The state a learner sees, from the actor. */
  state(): CpuCoreState {
    return this.actor.getSnapshot().value as CpuCoreState;
  }

  /** True when the core can take a job at this decision: idle, or its burst just ended. */
  isFree(): boolean {
    return this.burstEnded || this.actor.getSnapshot().value === 'idle';
  }

  /**
   * The key of the job running here under the policy (see `jobKey`), or null when the core is not
   * running a job a better one could displace (idle, switching, or its slice ended this instant).
   * A job whose switch ended this instant counts, with all of its burst left: it has not run.
   */
  runningKey(): number | null {
    if (this.quantumEnded || this.burstEnded) return null;
    const { value, context } = this.actor.getSnapshot();
    const job = context.job;
    if (this.switchDone && job !== null)
      return jobKey(this.config.policy, job.remaining, job.priority);
    if (value !== 'running' || job === null) return null;
    const left = job.remaining - (this.sim.now() - this.runStart);
    return jobKey(this.config.policy, left, job.priority);
  }

  /** Gives the free core `job`: the machine decides whether it switches first or runs it. */
  dispatch(job: CpuJob): void {
    if (this.burstEnded) {
      this.burstEnded = false;
      this.actor.send({ type: 'cpu.next', job });
    } else {
      this.actor.send({ type: 'cpu.dispatch', job });
    }
    const { value, context } = this.actor.getSnapshot();
    if (!context.switched) return this.run(job);
    this.sim.record({
      t: this.sim.now(),
      type: 'cpu.switch',
      node: this.node,
      core: this.index,
      job: job.id,
    });
    // A switch that costs nothing is over at once (the machine went straight to running).
    if (value !== 'switching') return this.run(job);
    this.timer = this.sim.schedule(this.config.contextSwitch, this.switchedHandler);
  }

  /**
   * At the end of a decision: a core whose burst ended and that got no new job goes idle; a core
   * whose switch ended and that kept its job runs it.
   */
  settle(): void {
    if (this.switchDone) {
      this.switchDone = false;
      this.startRunning();
    }
    if (!this.burstEnded) return;
    this.burstEnded = false;
    this.actor.send({ type: 'cpu.burstDone' });
  }

  /** The expired quantum is renewed: the job keeps its core for another slice, with no switch. */
  renewSlice(): void {
    this.quantumEnded = false;
    this.startSlice(this.runningJob());
  }

  /** Takes the running job off the core (an expired quantum, or a better job) and returns it. */
  takeOff(reason: PreemptReason): CpuJob {
    this.quantumEnded = false;
    if (this.timer !== -1) this.sim.cancel(this.timer);
    this.timer = -1;
    // A job whose switch just ended has not run: nothing to account.
    const job = this.switchDone ? this.runningJob() : this.account();
    this.switchDone = false;
    this.sim.record({
      t: this.sim.now(),
      type: 'cpu.preempt',
      node: this.node,
      core: this.index,
      job: job.id,
      remaining: job.remaining,
      reason,
    });
    this.actor.send({ type: reason === 'quantum' ? 'cpu.quantumExpired' : 'cpu.preempt' });
    return job;
  }

  private runningJob(): CpuJob {
    return this.actor.getSnapshot().context.job as CpuJob;
  }

  private switched(): void {
    this.timer = -1;
    if (!isPreemptive(this.config.policy)) return this.startRunning();
    this.switchDone = true;
    this.owner.switchEnded(this);
  }

  private startRunning(): void {
    this.actor.send({ type: 'cpu.switched' });
    this.run(this.runningJob());
  }

  private run(job: CpuJob): void {
    const now = this.sim.now();
    this.sim.record({
      t: now,
      type: 'cpu.dispatch',
      node: this.node,
      core: this.index,
      job: job.id,
      remaining: job.remaining,
    });
    this.startSlice(job);
  }

  private startSlice(job: CpuJob): void {
    this.runStart = this.sim.now();
    const slice = sliceLength(this.config.policy, this.config.quantum, job.remaining);
    this.timer = this.sim.schedule(slice, this.sliceEndHandler);
  }

  /** Charges the CPU time since `runStart` to the job and the core. */
  private account(): CpuJob {
    const job = this.runningJob();
    const now = this.sim.now();
    const elapsed = now - this.runStart;
    job.remaining -= elapsed;
    this.runStart = now;
    return job;
  }

  private sliceEnd(): void {
    this.timer = -1;
    const job = this.account();
    if (job.remaining > 0) {
      this.quantumEnded = true;
      this.owner.quantumExpired(this);
      return;
    }
    this.burstEnded = true;
    this.owner.burstEnded(this, job);
  }
}
