// A TCP server that listens on a port, accepts every connection and reads all it is sent: the
// receiving end of a bulk transfer. Its I/O is injected by `sim/`.

import { assign, setup } from 'xstate';

export interface SinkContext {
  /** Connections accepted so far. */
  accepted: number;
  /** Connections open now. */
  open: number;
}

export type SinkEvent =
  | { type: 'tcp.listening' }
  | { type: 'tcp.connection' }
  | { type: 'tcp.connectionClosed' }
  | { type: 'tcp.error'; error: string };

export const sinkMachine = setup({
  types: {
    context: {} as SinkContext,
    events: {} as SinkEvent,
  },
  actions: {
    /** Starts listening. */
    listen: () => {},
    /** Accepts the waiting connection and reads it to the end. */
    accept: () => {},
    failed: (_, _error: string) => {},
    opened: assign({
      accepted: ({ context }) => context.accepted + 1,
      open: ({ context }) => context.open + 1,
    }),
    closed: assign({ open: ({ context }) => Math.max(0, context.open - 1) }),
  },
  guards: {
    lastOpen: ({ context }) => context.open <= 1,
  },
}).createMachine({
  id: 'sink',
  context: { accepted: 0, open: 0 },
  initial: 'starting',
  states: {
    // `meta.label`: the words the statechart shows; `description`: the sentence behind them.
    starting: {
      meta: { label: 'starting' },
      description: 'Opening its listening socket.',
      entry: 'listen',
      on: { 'tcp.listening': { target: 'idle', meta: { label: 'listening' } } },
    },
    idle: {
      meta: { label: 'listening' },
      description: 'Listening, with no connection open.',
      on: {
        'tcp.connection': {
          target: 'receiving',
          actions: ['accept', 'opened'],
          meta: { label: 'connection came' },
        },
      },
    },
    receiving: {
      meta: { label: 'receiving' },
      description: 'Reading and discarding the bytes of its open connections.',
      on: {
        'tcp.connection': { actions: ['accept', 'opened'] },
        'tcp.connectionClosed': [
          {
            guard: 'lastOpen',
            target: 'idle',
            actions: 'closed',
            meta: { label: 'last one closed' },
          },
          { actions: 'closed' },
        ],
      },
    },
    failed: { meta: { label: 'failed' }, description: 'Its socket failed.', type: 'final' },
  },
  on: {
    'tcp.error': {
      meta: { label: 'socket failed' },
      target: '.failed',
      actions: { type: 'failed', params: ({ event }) => event.error },
    },
  },
});
