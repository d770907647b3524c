// An FTP user, as a learner should see it: wait to start, connect (until the 220 greeting), log
// in (USER, PASS), run each step of its script (a command; a LIST, RETR or STOR also a transfer on
// its own passive data connection), then QUIT. Its I/O actions are provided by `sim/`.

import { assign, setup } from 'xstate';

export interface FtpClientInput {
  /** Delay before connecting, ms. */
  startMs: number;
  /** Steps in the script. */
  steps: number;
}

export type FtpClientEvent =
  | { type: 'ftp.ready' }
  | { type: 'ftp.loggedIn' }
  | { type: 'ftp.transferStarted' }
  | { type: 'ftp.stepDone' }
  | { type: 'ftp.closed' }
  | { type: 'ftp.failed'; error: string };

export const ftpClientMachine = setup({
  types: {
    input: {} as FtpClientInput,
    context: {} as FtpClientInput & { step: number },
    events: {} as FtpClientEvent,
  },
  actions: {
    /** Opens the control connection; raises ftp.ready on the 220 greeting. */
    connect: () => {},
    /** Sends USER and PASS; raises ftp.loggedIn on 230. */
    login: () => {},
    /** Runs script step `step`; raises ftp.transferStarted (150) and ftp.stepDone. */
    runStep: (_, _step: number) => {},
    /** Sends QUIT; raises ftp.closed when the server has closed. */
    quit: () => {},
    /** Closes whatever is still open. */
    leave: () => {},
    /** Notes the failure. */
    failed: (_, _error: string) => {},
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
  },
  guards: {
    hasSteps: ({ context }) => context.steps > 0,
    moreSteps: ({ context }) => context.step + 1 < context.steps,
  },
  delays: {
    startDelay: ({ context }) => context.startMs,
  },
}).createMachine({
  id: 'ftpClient',
  context: ({ input }) => ({ ...input, step: 0 }),
  initial: 'waiting',
  states: {
    // `meta.label`: the words the statechart shows; `description`: the sentence behind them.
    waiting: {
      meta: { label: 'waiting to start' },
      description: 'The session has not started yet.',
      after: { startDelay: { target: 'connecting', meta: { label: 'start time' } } },
    },
    connecting: {
      meta: { label: 'connecting' },
      description: 'Opening the control connection and waiting for the server’s greeting.',
      entry: 'connect',
      on: { 'ftp.ready': { target: 'loggingIn', meta: { label: 'greeted' } } },
    },
    loggingIn: {
      meta: { label: 'logging in' },
      description: 'Sending USER and PASS.',
      entry: 'login',
      on: {
        'ftp.loggedIn': [
          { guard: 'hasSteps', target: 'commanding', meta: { label: 'logged in' } },
          { target: 'quitting', meta: { label: 'logged in, nothing to do' } },
        ],
      },
    },
    commanding: {
      meta: { label: 'sending a command' },
      description: 'Sending the next command on the control connection.',
      entry: { type: 'runStep', params: ({ context }) => context.step },
      on: {
        'ftp.transferStarted': { target: 'transferring', meta: { label: 'transfer starts' } },
        'ftp.stepDone': [
          {
            guard: 'moreSteps',
            target: 'commanding',
            reenter: true,
            actions: 'nextStep',
            meta: { label: 'done, next command' },
          },
          { target: 'quitting', meta: { label: 'last command done' } },
        ],
      },
    },
    transferring: {
      meta: { label: 'transferring' },
      description: 'A file goes over a data connection.',
      on: {
        'ftp.stepDone': [
          {
            guard: 'moreSteps',
            target: 'commanding',
            actions: 'nextStep',
            meta: { label: 'done, next command' },
          },
          { target: 'quitting', meta: { label: 'last transfer done' } },
        ],
      },
    },
    quitting: {
      meta: { label: 'quitting' },
      description: 'Sending QUIT and waiting for the connection to close.',
      entry: 'quit',
      on: { 'ftp.closed': { target: 'done', meta: { label: 'closed' } } },
    },
    done: {
      meta: { label: 'done' },
      description: 'The session is over.',
      type: 'final',
      entry: 'leave',
    },
    failed: {
      meta: { label: 'failed' },
      description: 'A command or a connection failed.',
      type: 'final',
      entry: 'leave',
    },
  },
  on: {
    'ftp.failed': {
      meta: { label: 'something failed' },
      target: '.failed',
      actions: { type: 'failed', params: ({ event }) => event.error },
    },
  },
});
