// One CPU core, the source of truth for its state: idle, switching context to a job, or running
// it, with the job it holds and the last job it ran; it decides whether a job needs a switch first.
//
// The scheduler (cpuScheduler.ts, through cpuCore.ts) reads its state to find free cores and the
// jobs that run, and tells it what the ready queue, the policy and the timers decided; timers are
// engine events. In the trace, a core is switching from a cpu.switch on it, running from a
// cpu.dispatch, idle from a cpu.block, cpu.complete or cpu.preempt (reason "quantum" is the
// cpu.quantumExpired transition, others cpu.preempt) unless a job is dispatched at that instant.

import { assign, setup } from 'xstate';
import type { Nanos } from '../../engine/time.ts';
import type { CpuJob } from './cpuJob.ts';
import { needsContextSwitch } from './schedulingPolicy.ts';

export interface CpuCoreInput {
  core: number;
  /** ns a context switch takes (0: none). */
  contextSwitch: Nanos;
}

export interface CpuCoreContext extends CpuCoreInput {
  /** The job being switched to or running, null when idle. */
  job: CpuJob | null;
  /** The last job this core ran (null before the first): running it again needs no switch. */
  lastJob: CpuJob | null;
}

export type CpuCoreEvent =
  /** Give an idle core a job: it switches to it first unless it is the last job it ran. */
  | { type: 'cpu.dispatch'; job: CpuJob }
  /** The context switch finished: the job runs. */
  | { type: 'cpu.switched' }
  /** The job's CPU burst ended (it blocks for I/O or completes) and no job is waiting. */
  | { type: 'cpu.burstDone' }
  /**
   * The job's CPU burst ended and the core takes the next job at the same instant: one event
   * instead of cpu.burstDone + cpu.dispatch (the core is idle for zero time).
   */
  | { type: 'cpu.next'; job: CpuJob }
  /** The job's quantum expired and others are waiting: it goes back to the ready queue. */
  | { type: 'cpu.quantumExpired' }
  /** A better job came (shorter remaining burst, higher priority): this one goes back. */
  | { type: 'cpu.preempt' };

/** The states a core can be in, as drawn in the statechart. */
export type CpuCoreState = 'idle' | 'switching' | 'running';

/** The job a cpu.dispatch or cpu.next event brings. */
function jobOf(event: CpuCoreEvent): CpuJob | null {
  return event.type === 'cpu.dispatch' || event.type === 'cpu.next' ? event.job : null;
}

export const cpuCoreMachine = setup({
  types: {
    input: {} as CpuCoreInput,
    context: {} as CpuCoreContext,
    events: {} as CpuCoreEvent,
  },
  actions: {
    /** Takes the dispatched job, to switch to it first. */
    takeJob: assign({ job: ({ event }) => jobOf(event) }),
    /** Takes the dispatched job and runs it: it is now the last job this core ran. */
    runJob: assign(({ event }) => {
      const job = jobOf(event);
      return { job, lastJob: job };
    }),
    /** The job switched to runs: it is now the last job this core ran. */
    rememberJob: assign({ lastJob: ({ context }) => context.job }),
    /** Lets the job go. */
    release: assign({ job: null }),
  },
  guards: {
    /** The job is not the last one this core ran, and switching costs time. */
    needsSwitch: ({ context, event }) =>
      needsContextSwitch(context.contextSwitch, jobOf(event), context.lastJob),
  },
}).createMachine({
  id: 'cpuCore',
  context: ({ input }) => ({ ...input, job: null, lastJob: null }),
  initial: 'idle',
  states: {
    idle: {
      on: {
        'cpu.dispatch': [
          { guard: 'needsSwitch', target: 'switching', actions: 'takeJob' },
          { target: 'running', actions: 'runJob' },
        ],
      },
    },
    switching: {
      on: { 'cpu.switched': { target: 'running', actions: 'rememberJob' } },
    },
    running: {
      on: {
        'cpu.burstDone': { target: 'idle', actions: 'release' },
        'cpu.quantumExpired': { target: 'idle', actions: 'release' },
        'cpu.preempt': { target: 'idle', actions: 'release' },
        'cpu.next': [
          { guard: 'needsSwitch', target: 'switching', actions: 'takeJob' },
          { target: 'running', reenter: true, actions: 'runJob' },
        ],
      },
    },
  },
});
