// A user of a service (a web site, a database), as a learner should see it: wait to start, look up
// the server's name, log in if it has an account, visit (a page and its objects, or a list of
// requests), think, visit again. Its I/O actions are provided by the client kinds (src/kinds/).

import { and, assign, setup } from 'xstate';

/** The I/O and workload behind a user's actions; passed in the input (see userMachineWithIo). */
export interface UserIo {
  resolve(): void;
  login(): void;
  /** Starts visit `n` (1, 2, ...). */
  visit(n: number): void;
  leave(): void;
  failed(error: string): void;
  /** Whether the user pauses between visits. */
  thinks(): boolean;
  /** One think time, ms. */
  thinkTimeMs(): number;
}

export interface UserInput {
  /** Delay before the first visit, ms. */
  startMs: number;
  /** Visits to make (Infinity: until the run ends). */
  visits: number;
  /** Whether to log in first. */
  login: boolean;
  /** Where the actions go, with userMachineWithIo; tests may provide actions instead. */
  io?: UserIo;
}

export type UserEvent =
  | { type: 'dns.resolved' }
  | { type: 'user.loggedIn' }
  | { type: 'user.visited' }
  | { type: 'user.failed'; error: string };

export const userMachine = setup({
  types: {
    input: {} as UserInput,
    context: {} as UserInput & { visited: number },
    events: {} as UserEvent,
  },
  actions: {
    /** Resolves the server's name (at once for an address or a node id). */
    resolve: () => {},
    /** POSTs the login form; raises user.loggedIn or user.failed. */
    login: () => {},
    /** Makes one visit; raises user.visited. */
    visit: () => {},
    /** Closes the client's connections. */
    leave: () => {},
    /** Notes the failure. */
    failed: (_, _error: string) => {},
    countVisit: assign({ visited: ({ context }) => context.visited + 1 }),
  },
  guards: {
    needsLogin: ({ context }) => context.login,
    /** The user pauses between visits (provided by `sim/` from the workload). */
    thinks: () => true,
    /** Another visit follows the one that just ended. */
    moreVisitsAfterThis: ({ context }) => context.visited + 1 < context.visits,
  },
  delays: {
    startDelay: ({ context }) => context.startMs,
    /** Think time between visits; provided by `sim/` (a sample of the think-time distribution). */
    thinkTime: () => 0,
  },
}).createMachine({
  id: 'user',
  description:
    'A user of a web site or a database: looks the server up, visits, thinks, visits again.',
  context: ({ input }) => ({ ...input, visited: 0 }),
  initial: 'waiting',
  // `meta.label`: the words the statechart shows; `description`: the sentence behind them.
  states: {
    waiting: {
      meta: { label: 'waiting to start' },
      description: 'The user has not started yet.',
      after: { startDelay: { target: 'resolving', meta: { label: 'start time' } } },
    },
    resolving: {
      meta: { label: 'looking up' },
      description: 'Looking up the server’s address (DNS, or at once for an address).',
      entry: 'resolve',
      on: {
        'dns.resolved': [
          {
            guard: 'needsLogin',
            target: 'loggingIn',
            meta: { label: 'address found, has an account' },
          },
          { target: 'visiting', meta: { label: 'address found' } },
        ],
      },
    },
    loggingIn: {
      meta: { label: 'logging in' },
      description: 'Sending the login form and waiting for the answer.',
      entry: 'login',
      on: { 'user.loggedIn': { target: 'visiting', meta: { label: 'logged in' } } },
    },
    visiting: {
      meta: { label: 'visiting' },
      description:
        'Loading a page and its objects, or sending its queries, and reading the answers.',
      entry: 'visit',
      on: {
        'user.visited': [
          {
            guard: and(['moreVisitsAfterThis', 'thinks']),
            target: 'thinking',
            actions: 'countVisit',
            meta: { label: 'visit over, more to come' },
          },
          // No think time: straight into the next visit (re-entering runs `visit` again).
          {
            guard: 'moreVisitsAfterThis',
            target: 'visiting',
            reenter: true,
            actions: 'countVisit',
            meta: { label: 'next visit at once' },
          },
          { target: 'done', actions: 'countVisit', meta: { label: 'last visit over' } },
        ],
      },
    },
    thinking: {
      meta: { label: 'thinking' },
      description: 'Reading what came, before the next visit (the think time).',
      after: { thinkTime: { target: 'visiting', meta: { label: 'think time over' } } },
    },
    done: {
      meta: { label: 'done' },
      description: 'All visits made; its connections closed.',
      type: 'final',
      entry: 'leave',
    },
    failed: {
      meta: { label: 'failed' },
      description: 'A lookup, a login or a visit failed; the user stops.',
      type: 'final',
      entry: 'leave',
    },
  },
  on: {
    'user.failed': {
      target: '.failed',
      actions: { type: 'failed', params: ({ event }) => event.error },
      meta: { label: 'something failed' },
    },
  },
});

/**
 * The machine with its actions, guard and delay sent to the `io` of the actor's input: one
 * machine for every user (a `provide` per user was a large share of an open-loop run).
 */
export const userMachineWithIo = userMachine.provide({
  actions: {
    resolve: ({ context }) => context.io?.resolve(),
    login: ({ context }) => context.io?.login(),
    visit: ({ context }) => context.io?.visit(context.visited + 1),
    leave: ({ context }) => context.io?.leave(),
    failed: ({ context }, error) => context.io?.failed(error),
  },
  guards: { thinks: ({ context }) => context.io?.thinks() ?? false },
  delays: { thinkTime: ({ context }) => context.io?.thinkTimeMs() ?? 0 },
});
