// One core of a CpuScheduler: its XState actor, which owns the core's state and job, and the plain
// parts around it: the switch and slice timers (engine events), CPU-time accounting, cpu.* records.

import type { EventId, Simulator } from '../../engine/simulator.ts';
import type { Nanos } from '../../engine/time.ts';
import { createFlatActor, type FlatActor } from '../flatActor.ts';
import type { CpuConfig } from './cpuConfig.ts';
import { cpuCoreMachine, type CpuCoreState } from './cpuCoreMachine.ts';
import type { CpuJob } from './cpuJob.ts';
import type { PreemptReason } from './cpuTrace.ts';
import { jobKey, sliceLength } from './schedulingPolicy.ts';

/** What a core tells its scheduler. */
export interface CpuCoreOwner {
  /** `job`'s CPU burst ended on `core` now (the core counts as free from now on). */
  burstEnded(core: CpuCore, job: CpuJob): void;
  /** The quantum of the job on `core` expired now, with some of its burst left. */
  quantumExpired(core: CpuCore): void;
  /** `core` finished switching and its job started running now. */
  switchEnded(core: CpuCore): void;
}

/** A core: ask its actor what it is doing; dispatch, take off and release jobs through it. */
export class CpuCore {
  readonly actor: FlatActor<typeof cpuCoreMachine>;
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
    this.actor = createFlatActor(cpuCoreMachine, {
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
    return this.actor.getSnapshot().value;
  }

  /** True when the core can take a job at this decision: idle, or its burst just ended. */
  isFree(): boolean {
    return this.burstEnded || this.actor.getSnapshot().value === 'idle';
  }

  /**
   * The key of the job running here under the policy (see `jobKey`), or null when the core is not
   * running a job a better one could displace (idle, switching, or its slice ended this instant).
   */
  runningKey(): number | null {
    if (this.quantumEnded || this.burstEnded) return null;
    const { value, context } = this.actor.getSnapshot();
    const job = context.job;
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
    if (this.actor.getSnapshot().value !== 'switching') {
      this.run(job);
      return;
    }
    const cost = this.config.contextSwitch;
    this.sim.record({
      t: this.sim.now(),
      type: 'cpu.switch',
      node: this.node,
      core: this.index,
      job: job.id,
    });
    this.timer = this.sim.schedule(cost, this.switchedHandler);
  }

  /** After a decision that gave it nothing: a core whose burst ended goes idle. */
  settle(): void {
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
    const job = this.account();
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
    this.actor.send({ type: 'cpu.switched' });
    this.run(this.runningJob());
    this.owner.switchEnded(this);
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
