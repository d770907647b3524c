// One CPU core as a learner sees it: idle, switching context to a job, running it, and back to idle
// when the burst ends or the job is preempted. The scheduler drives it; timers are engine events.

import { assign, setup } from 'xstate';

export interface CpuCoreInput {
  core: number;
}

export interface CpuCoreContext {
  core: number;
  /** The job being switched to or running, null when idle. */
  job: string | null;
}

export type CpuCoreEvent =
  /** Give the core a job; `switchFirst` when a context switch must happen before it runs. */
  | { type: 'cpu.dispatch'; job: string; switchFirst: boolean }
  /** The context switch finished: the job runs. */
  | { type: 'cpu.switched' }
  /** The job's CPU burst ended (it blocks for I/O or completes) and no job is waiting. */
  | { type: 'cpu.burstDone' }
  /**
   * The job's CPU burst ended and the core takes the next job at the same instant: one send
   * instead of cpu.burstDone + cpu.dispatch (the core is idle for zero time).
   */
  | { type: 'cpu.next'; job: string; switchFirst: boolean }
  /** The job was taken off the core (quantum expired, or a better job arrived). */
  | { type: 'cpu.preempt' };

/** The states a core can be in, as drawn in the statechart. */
export type CpuCoreState = 'idle' | 'switching' | 'running';

export const cpuCoreMachine = setup({
  types: {
    input: {} as CpuCoreInput,
    context: {} as CpuCoreContext,
    events: {} as CpuCoreEvent,
  },
  actions: {
    /** Takes the dispatched job. */
    takeJob: assign({
      job: ({ event }) =>
        event.type === 'cpu.dispatch' || event.type === 'cpu.next' ? event.job : null,
    }),
    /** Lets the job go. */
    release: assign({ job: null }),
  },
  guards: {
    needsSwitch: ({ event }) =>
      (event.type === 'cpu.dispatch' || event.type === 'cpu.next') && event.switchFirst,
  },
}).createMachine({
  id: 'cpuCore',
  context: ({ input }) => ({ core: input.core, job: null }),
  initial: 'idle',
  states: {
    idle: {
      on: {
        'cpu.dispatch': [
          { guard: 'needsSwitch', target: 'switching', actions: 'takeJob' },
          { target: 'running', actions: 'takeJob' },
        ],
      },
    },
    switching: {
      on: { 'cpu.switched': 'running' },
    },
    running: {
      on: {
        'cpu.burstDone': { target: 'idle', actions: 'release' },
        'cpu.preempt': { target: 'idle', actions: 'release' },
        'cpu.next': [
          { guard: 'needsSwitch', target: 'switching', actions: 'takeJob' },
          { target: 'running', reenter: true, actions: 'takeJob' },
        ],
      },
    },
  },
});
