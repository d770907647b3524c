// A client application that sends numbered requests one at a time and waits for each reply,
// retrying after a timeout and giving up after a number of retries (a stop-and-wait protocol).

import { assign, setup } from 'xstate';

export interface PingerInput {
  /** Requests to send. */
  count: number;
  /** Wait for a reply before retrying, in ms (XState delays are in ms; the engine keeps ns). */
  timeoutMs: number;
  /** Pause after a reply or giving up before the next request, in ms. */
  intervalMs: number;
  /** Retries per request before giving up on it. */
  retries: number;
  /** Delay before the first request, in ms. */
  startMs: number;
}

export interface PingerContext extends PingerInput {
  /** Number of the current request, from 1. */
  seq: number;
  /** Attempt at the current request: 0 for the first send, then 1, 2, ... for retries. */
  attempt: number;
}

/** A reply from the network: which request and which attempt it answers. */
export type PingerEvent = { type: 'net.reply'; seq: number; attempt: number };

/** What the machine asks its host to do. `sim/` provides the real implementations. */
export interface PingerRequestParams {
  seq: number;
  attempt: number;
}

export const pingerMachine = setup({
  types: {
    input: {} as PingerInput,
    context: {} as PingerContext,
    events: {} as PingerEvent,
  },
  actions: {
    /** Transmits request `seq` (attempt `attempt`) to the peer. */
    sendRequest: (_, _params: PingerRequestParams) => {},
    /** A reply arrived for the current request. */
    acceptReply: (_, _params: { seq: number; attempt: number }) => {},
    /** A reply arrived for an earlier request or attempt (a late or duplicate reply). */
    ignoreReply: (_, _params: { seq: number; attempt: number }) => {},
    /** The timer ran out; the request will be sent again. */
    noteTimeout: (_, _params: PingerRequestParams) => {},
    /** The last retry ran out: the request is counted as lost. */
    giveUp: (_, _params: PingerRequestParams) => {},
    nextRetry: assign({ attempt: ({ context }) => context.attempt + 1 }),
    nextRequest: assign({ seq: ({ context }) => context.seq + 1, attempt: 0 }),
  },
  guards: {
    isCurrentReply: ({ context, event }) => event.seq === context.seq,
    canRetry: ({ context }) => context.attempt < context.retries,
    allSent: ({ context }) => context.seq >= context.count,
    noInterval: ({ context }) => context.intervalMs === 0,
  },
  delays: {
    startDelay: ({ context }) => context.startMs,
    replyTimeout: ({ context }) => context.timeoutMs,
    interval: ({ context }) => context.intervalMs,
  },
}).createMachine({
  id: 'pinger',
  context: ({ input }) => ({ ...input, seq: 1, attempt: 0 }),
  initial: 'starting',
  states: {
    // `meta.label`: the words the statechart shows; `description`: the sentence behind them.
    starting: {
      meta: { label: 'waiting to start' },
      description: 'The pinger has not sent its first request yet.',
      after: { startDelay: { target: 'awaitingReply', meta: { label: 'start time' } } },
    },
    awaitingReply: {
      meta: { label: 'awaiting the reply' },
      description: 'A request has gone; waiting for its reply, or for the timeout.',
      entry: {
        type: 'sendRequest',
        params: ({ context }) => ({ seq: context.seq, attempt: context.attempt }),
      },
      on: {
        'net.reply': [
          {
            guard: 'isCurrentReply',
            target: 'pausing',
            meta: { label: 'reply came' },
            actions: {
              type: 'acceptReply',
              params: ({ event }) => ({ seq: event.seq, attempt: event.attempt }),
            },
          },
          {
            actions: {
              type: 'ignoreReply',
              params: ({ event }) => ({ seq: event.seq, attempt: event.attempt }),
            },
          },
        ],
      },
      after: {
        replyTimeout: [
          {
            guard: 'canRetry',
            target: 'awaitingReply',
            reenter: true,
            meta: { label: 'no reply, try again' },
            actions: [
              {
                type: 'noteTimeout',
                params: ({ context }) => ({ seq: context.seq, attempt: context.attempt }),
              },
              'nextRetry',
            ],
          },
          {
            target: 'pausing',
            meta: { label: 'no reply, give up' },
            actions: {
              type: 'giveUp',
              params: ({ context }) => ({ seq: context.seq, attempt: context.attempt }),
            },
          },
        ],
      },
    },
    pausing: {
      meta: { label: 'pausing' },
      description: 'Waiting for the interval before the next request.',
      // With no interval the next request goes at once, without a timer of zero.
      always: [
        { guard: 'allSent', target: 'done', meta: { label: 'all sent' } },
        {
          guard: 'noInterval',
          target: 'awaitingReply',
          actions: 'nextRequest',
          meta: { label: 'next at once' },
        },
      ],
      on: {
        'net.reply': {
          actions: {
            type: 'ignoreReply',
            params: ({ event }) => ({ seq: event.seq, attempt: event.attempt }),
          },
        },
      },
      after: {
        interval: {
          target: 'awaitingReply',
          actions: 'nextRequest',
          meta: { label: 'interval over' },
        },
      },
    },
    done: {
      meta: { label: 'done' },
      description: 'Every request has been sent and answered or given up.',
      on: {
        'net.reply': {
          actions: {
            type: 'ignoreReply',
            params: ({ event }) => ({ seq: event.seq, attempt: event.attempt }),
          },
        },
      },
    },
  },
});
