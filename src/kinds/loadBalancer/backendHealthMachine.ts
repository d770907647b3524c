// One backend's health as a load balancer judges it, as HAProxy's `rise` and `fall` do: `up` takes
// requests, `down` does not. In `up`, `fall` failures in a row (failed health checks, or requests
// the backend failed: passive detection) take it down; in `down`, `rise` passing checks in a row
// bring it back. A pass in `up` or a failure in `down` starts the count again. The checks
// themselves are plain timed code (healthChecks.ts) that sends this machine their outcomes; the
// balancer asks it, at each pick, whether the backend is up (DESIGN §4: the machine decides).

import { assign, setup } from 'xstate';

export interface BackendHealthInput {
  /** Checks in a row that must pass to bring a backend that is down back up (>= 1). */
  rise: number;
  /** Failures in a row that take a backend that is up down (>= 1). */
  fall: number;
}

export type BackendHealthEvent =
  | { type: 'check.pass' }
  | { type: 'check.fail' }
  /** A request or connection sent to the backend failed (passive failure detection). */
  | { type: 'request.fail' };

export interface BackendHealthContext extends BackendHealthInput {
  /** Failures in a row while up. */
  fails: number;
  /** Passing checks in a row while down. */
  passes: number;
}

/** What made a backend change its health: a failed or passing check, or a failed request. */
export type HealthCause = 'check' | 'request';

export const backendHealthMachine = setup({
  types: {
    input: {} as BackendHealthInput,
    context: {} as BackendHealthContext,
    events: {} as BackendHealthEvent,
  },
  actions: {
    /** The backend went down or came back up, because of `cause`. */
    changed: (_, _change: { healthy: boolean; cause: HealthCause }) => {},
    countFail: assign({ fails: ({ context }) => context.fails + 1 }),
    countPass: assign({ passes: ({ context }) => context.passes + 1 }),
    resetCounts: assign({ fails: 0, passes: 0 }),
  },
  guards: {
    /** This failure is the `fall`-th in a row. */
    fallsNow: ({ context }) => context.fails + 1 >= context.fall,
    /** This pass is the `rise`-th in a row. */
    risesNow: ({ context }) => context.passes + 1 >= context.rise,
  },
}).createMachine({
  id: 'backendHealth',
  context: ({ input }) => ({ ...input, fails: 0, passes: 0 }),
  initial: 'up',
  states: {
    up: {
      on: {
        'check.pass': { actions: 'resetCounts' },
        'check.fail': [
          {
            guard: 'fallsNow',
            target: 'down',
            actions: [
              'resetCounts',
              { type: 'changed', params: { healthy: false, cause: 'check' } },
            ],
          },
          { actions: 'countFail' },
        ],
        'request.fail': [
          {
            guard: 'fallsNow',
            target: 'down',
            actions: [
              'resetCounts',
              { type: 'changed', params: { healthy: false, cause: 'request' } },
            ],
          },
          { actions: 'countFail' },
        ],
      },
    },
    down: {
      on: {
        'check.pass': [
          {
            guard: 'risesNow',
            target: 'up',
            actions: [
              'resetCounts',
              { type: 'changed', params: { healthy: true, cause: 'check' } },
            ],
          },
          { actions: 'countPass' },
        ],
        'check.fail': { actions: 'resetCounts' },
      },
    },
  },
});

/** The states of a backend's health, as the trace and the view name them. */
export type BackendHealthState = 'up' | 'down';
