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
    waiting: { after: { startDelay: 'connecting' } },
    connecting: { entry: 'connect', on: { 'ftp.ready': 'loggingIn' } },
    loggingIn: {
      entry: 'login',
      on: { 'ftp.loggedIn': [{ guard: 'hasSteps', target: 'commanding' }, { target: 'quitting' }] },
    },
    commanding: {
      entry: { type: 'runStep', params: ({ context }) => context.step },
      on: {
        'ftp.transferStarted': 'transferring',
        'ftp.stepDone': [
          { guard: 'moreSteps', target: 'commanding', reenter: true, actions: 'nextStep' },
          { target: 'quitting' },
        ],
      },
    },
    transferring: {
      on: {
        'ftp.stepDone': [
          { guard: 'moreSteps', target: 'commanding', actions: 'nextStep' },
          { target: 'quitting' },
        ],
      },
    },
    quitting: { entry: 'quit', on: { 'ftp.closed': 'done' } },
    done: { type: 'final', entry: 'leave' },
    failed: { type: 'final', entry: 'leave' },
  },
  on: {
    'ftp.failed': {
      target: '.failed',
      actions: { type: 'failed', params: ({ event }) => event.error },
    },
  },
});
