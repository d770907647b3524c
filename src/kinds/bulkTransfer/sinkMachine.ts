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
    starting: {
      entry: 'listen',
      on: { 'tcp.listening': 'idle' },
    },
    idle: {
      on: { 'tcp.connection': { target: 'receiving', actions: ['accept', 'opened'] } },
    },
    receiving: {
      on: {
        'tcp.connection': { actions: ['accept', 'opened'] },
        'tcp.connectionClosed': [
          { guard: 'lastOpen', target: 'idle', actions: 'closed' },
          { actions: 'closed' },
        ],
      },
    },
    failed: { type: 'final' },
  },
  on: {
    'tcp.error': {
      target: '.failed',
      actions: { type: 'failed', params: ({ event }) => event.error },
    },
  },
});
