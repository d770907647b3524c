// One CPU core, the source of truth for its state: idle, switching context to a job, or running
// it, with the job it holds and the process whose context it last loaded; it decides whether a job
// needs a context switch first (the conventions are in schedulingPolicy.ts, `isContextSwitch`).
//
// The scheduler (cpuScheduler.ts, through cpuCore.ts) reads its state to find free cores and the
// jobs that run, and tells it what the ready queue, the policy and the timers decided; timers are
// engine events. In the trace, a core is switching from a cpu.switch on it, running from a
// cpu.dispatch, idle from a cpu.block, cpu.complete or cpu.preempt (reason "quantum" is the
// cpu.quantumExpired transition, others cpu.preempt) unless a job is dispatched at that instant.
// A switch that costs no time goes straight to running with `switched` set: the core records a
// cpu.switch and a cpu.dispatch at the same instant, so every switch is in the trace.

import { assign, setup } from 'xstate';
import type { Nanos } from '../../engine/time.ts';
import type { CpuJob } from './cpuJob.ts';
import { isContextSwitch } from './schedulingPolicy.ts';

export interface CpuCoreInput {
  core: number;
  /** ns a context switch takes (0: switches happen, and take no time). */
  contextSwitch: Nanos;
}

export interface CpuCoreContext extends CpuCoreInput {
  /** The job being switched to or running, null when idle. */
  job: CpuJob | null;
  /**
   * The process whose context the core last loaded (null before the first job): the last one it
   * ran, or switched to. Running a job of this process again needs no switch.
   */
  lastProcess: string | null;
  /** The last dispatch switched context (to another process), whether or not it took time. */
  switched: boolean;
}

export type CpuCoreEvent =
  /** Give an idle core a job: it switches to it first unless it is the last process it ran. */
  | { type: 'cpu.dispatch'; job: CpuJob }
  /** The context switch finished and the job runs. */
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
  /**
   * A better job came (shorter remaining burst, higher priority): this one goes back. Also as a
   * switch ends, before the job switched to has run: the core then holds that job's context.
   */
  | { type: 'cpu.preempt' };

/** The states a core can be in, as drawn in the statechart. */
export type CpuCoreState = 'idle' | 'switching' | 'running';

/** The job a cpu.dispatch or cpu.next event brings. */
function jobOf(event: CpuCoreEvent): CpuJob | null {
  return event.type === 'cpu.dispatch' || event.type === 'cpu.next' ? event.job : null;
}

/** Whether the event's job belongs to a process other than the core's last one. */
function switchesTo(context: CpuCoreContext, event: CpuCoreEvent): boolean {
  const job = jobOf(event);
  return job !== null && isContextSwitch(job.process, context.lastProcess);
}

export const cpuCoreMachine = setup({
  types: {
    input: {} as CpuCoreInput,
    context: {} as CpuCoreContext,
    events: {} as CpuCoreEvent,
  },
  actions: {
    /** Takes the dispatched job, to switch to it first. */
    takeJob: assign({ job: ({ event }) => jobOf(event), switched: true }),
    /** Takes the dispatched job and runs it: its process is now the core's last one. */
    runJob: assign(({ context, event }) => {
      const job = jobOf(event);
      return {
        job,
        lastProcess: job?.process ?? null,
        switched: switchesTo(context, event),
      };
    }),
    /** The switch loaded the job's context: its process is now the core's last one. */
    rememberJob: assign({ lastProcess: ({ context }) => context.job?.process ?? null }),
    /** Lets the job go. */
    release: assign({ job: null }),
  },
  guards: {
    /** The job's process is not the core's last one, and switching costs time. */
    needsSwitch: ({ context, event }) => context.contextSwitch > 0 && switchesTo(context, event),
  },
}).createMachine({
  id: 'cpuCore',
  context: ({ input }) => ({ ...input, job: null, lastProcess: null, switched: false }),
  initial: 'idle',
  states: {
    // `meta.label`: the words the statechart shows; `description`: the sentence behind them.
    idle: {
      meta: { label: 'idle' },
      description: 'No job to run.',
      on: {
        'cpu.dispatch': [
          {
            guard: 'needsSwitch',
            target: 'switching',
            actions: 'takeJob',
            meta: { label: 'job of another process' },
          },
          { target: 'running', actions: 'runJob', meta: { label: 'job given' } },
        ],
      },
    },
    switching: {
      meta: { label: 'switching' },
      description: 'Saving one process’s context and loading the next one’s (a context switch).',
      on: {
        'cpu.switched': { target: 'running', actions: 'rememberJob', meta: { label: 'switched' } },
        'cpu.preempt': {
          target: 'idle',
          actions: ['rememberJob', 'release'],
          meta: { label: 'preempted' },
        },
      },
    },
    running: {
      meta: { label: 'running' },
      description: 'Running a job’s CPU burst.',
      on: {
        'cpu.burstDone': { target: 'idle', actions: 'release', meta: { label: 'burst done' } },
        'cpu.quantumExpired': {
          target: 'idle',
          actions: 'release',
          meta: { label: 'time slice over' },
        },
        'cpu.preempt': { target: 'idle', actions: 'release', meta: { label: 'preempted' } },
        'cpu.next': [
          {
            guard: 'needsSwitch',
            target: 'switching',
            actions: 'takeJob',
            meta: { label: 'next job, another process' },
          },
          {
            target: 'running',
            reenter: true,
            actions: 'runJob',
            meta: { label: 'next job, same process' },
          },
        ],
      },
    },
  },
});
