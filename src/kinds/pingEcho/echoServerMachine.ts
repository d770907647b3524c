// A server application that answers requests one at a time, in arrival order, each after a
// fixed service time; requests that arrive while it is busy wait in its queue. With no service
// time it answers each request as it arrives (as ns-3's UdpEchoServer does), without a timer.

import { assign, setup } from 'xstate';

/** A request as the server sees it: enough to address the reply. */
export interface EchoRequest {
  from: string;
  seq: number;
  attempt: number;
  size: number;
}

export interface EchoServerInput {
  /** Time to prepare each reply, in ms. */
  serviceMs: number;
}

export interface EchoServerContext extends EchoServerInput {
  /** Requests waiting, the one being served first. */
  queue: EchoRequest[];
}

export type EchoServerEvent = { type: 'net.request'; request: EchoRequest };

export const echoServerMachine = setup({
  types: {
    input: {} as EchoServerInput,
    context: {} as EchoServerContext,
    events: {} as EchoServerEvent,
  },
  actions: {
    /** Transmits the reply to a request. */
    sendReply: (_, _request: EchoRequest) => {},
    enqueue: assign({ queue: ({ context, event }) => [...context.queue, event.request] }),
    dequeue: assign({ queue: ({ context }) => context.queue.slice(1) }),
  },
  guards: {
    /** No service time: a request is answered as it arrives and never waits. */
    answersAtOnce: ({ context }) => context.serviceMs === 0,
    /** More requests wait behind the one being served. */
    othersWaiting: ({ context }) => context.queue.length > 1,
  },
  delays: {
    serviceTime: ({ context }) => context.serviceMs,
  },
}).createMachine({
  id: 'echoServer',
  context: ({ input }) => ({ ...input, queue: [] }),
  initial: 'idle',
  states: {
    // `meta.label`: the words the statechart shows; `description`: the sentence behind them.
    idle: {
      meta: { label: 'idle' },
      description: 'No request to answer.',
      on: {
        'net.request': [
          {
            guard: 'answersAtOnce',
            actions: { type: 'sendReply', params: ({ event }) => event.request },
          },
          { target: 'serving', actions: 'enqueue', meta: { label: 'request came' } },
        ],
      },
    },
    serving: {
      meta: { label: 'serving' },
      description: 'Working on a request for its service time; others wait in its queue.',
      on: { 'net.request': { actions: 'enqueue' } },
      after: {
        serviceTime: [
          {
            guard: 'othersWaiting',
            target: 'serving',
            reenter: true,
            meta: { label: 'answered, more waiting' },
            actions: [
              { type: 'sendReply', params: ({ context }) => context.queue[0] as EchoRequest },
              'dequeue',
            ],
          },
          {
            target: 'idle',
            meta: { label: 'answered' },
            actions: [
              { type: 'sendReply', params: ({ context }) => context.queue[0] as EchoRequest },
              'dequeue',
            ],
          },
        ],
      },
    },
  },
});
