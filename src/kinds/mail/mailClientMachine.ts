// A mail client, as a learner should see it: waiting between its jobs, sending a message (to its
// SMTP server), or fetching its mail (from its POP3 server). Messages come due at their times and
// fetches on a schedule; what comes due while it is busy waits its turn, sends first. Its I/O
// actions are provided by `sim/` (mailClientBehaviour.ts); the schedule's timers send it events.

import { assign, setup } from 'xstate';

export type MailClientEvent =
  /** Message `index` of the client's list is due. */
  | { type: 'mail.sendDue'; index: number }
  /** A fetch is due. */
  | { type: 'mail.fetchDue' }
  /** The send or fetch under way ended (whatever its outcome). */
  | { type: 'mail.done' };

export interface MailClientContext {
  /** Messages due and not yet sent, by their index, oldest first. */
  queue: number[];
  /** Whether a fetch is due. */
  fetchDue: boolean;
}

export const mailClientMachine = setup({
  types: {
    context: {} as MailClientContext,
    events: {} as MailClientEvent,
  },
  actions: {
    /** Sends message `index` through the SMTP server; raises mail.done. */
    send: (_, _index: number) => {},
    /** Fetches the mailbox by POP3; raises mail.done. */
    fetch: () => {},
    enqueue: assign({
      queue: ({ context, event }) =>
        event.type === 'mail.sendDue' ? [...context.queue, event.index] : context.queue,
    }),
    dequeue: assign({ queue: ({ context }) => context.queue.slice(1) }),
    noteFetch: assign({ fetchDue: true }),
    startFetch: assign({ fetchDue: false }),
  },
  guards: {
    sendsWaiting: ({ context }) => context.queue.length > 0,
    moreSends: ({ context }) => context.queue.length > 1,
    fetchWaiting: ({ context }) => context.fetchDue,
  },
}).createMachine({
  id: 'mailClient',
  context: { queue: [], fetchDue: false },
  initial: 'waiting',
  states: {
    // `meta.label`: the words the statechart shows; `description`: the sentence behind them.
    waiting: {
      meta: { label: 'waiting' },
      description: 'Nothing to send or fetch until the next job comes due.',
      on: {
        'mail.sendDue': { target: 'sending', actions: 'enqueue', meta: { label: 'message due' } },
        'mail.fetchDue': { target: 'fetching', actions: 'noteFetch', meta: { label: 'fetch due' } },
      },
    },
    sending: {
      meta: { label: 'sending' },
      description: 'Handing a message to its SMTP server: EHLO, MAIL FROM, RCPT TO, DATA, QUIT.',
      entry: { type: 'send', params: ({ context }) => context.queue[0] ?? -1 },
      on: {
        'mail.sendDue': { actions: 'enqueue' },
        'mail.fetchDue': { actions: 'noteFetch' },
        'mail.done': [
          {
            guard: 'moreSends',
            target: 'sending',
            reenter: true,
            actions: 'dequeue',
            meta: { label: 'sent, next message' },
          },
          {
            guard: 'fetchWaiting',
            target: 'fetching',
            actions: 'dequeue',
            meta: { label: 'sent, a fetch waits' },
          },
          { target: 'waiting', actions: 'dequeue', meta: { label: 'sent' } },
        ],
      },
    },
    fetching: {
      meta: { label: 'fetching' },
      description:
        'Fetching its mail from its POP3 server: USER, PASS, STAT, LIST, RETR, DELE, QUIT.',
      entry: ['startFetch', 'fetch'],
      on: {
        'mail.sendDue': { actions: 'enqueue' },
        'mail.fetchDue': { actions: 'noteFetch' },
        'mail.done': [
          { guard: 'sendsWaiting', target: 'sending', meta: { label: 'fetched, a message waits' } },
          {
            guard: 'fetchWaiting',
            target: 'fetching',
            reenter: true,
            meta: { label: 'fetched, another fetch due' },
          },
          { target: 'waiting', meta: { label: 'fetched' } },
        ],
      },
    },
  },
});
