// A TCP client that connects, writes a number of bytes as fast as the connection takes them, then
// closes: the application behind a file upload or iperf. Its I/O is injected by `sim/`.

import { setup } from 'xstate';

export interface BulkSendInput {
  /** Delay before connecting, in ms. */
  startMs: number;
}

export type BulkSendEvent =
  | { type: 'tcp.connected' }
  | { type: 'tcp.allWritten' }
  /** Every byte and the FIN were acknowledged. */
  | { type: 'tcp.closed' }
  | { type: 'tcp.error'; error: string };

export const bulkSendMachine = setup({
  types: {
    input: {} as BulkSendInput,
    context: {} as BulkSendInput,
    events: {} as BulkSendEvent,
  },
  actions: {
    /** Opens the connection. */
    connect: () => {},
    /** Writes as much as the send buffer takes; the host raises tcp.allWritten when done. */
    write: () => {},
    /** Closes the sending side (FIN after the data). */
    close: () => {},
    /** Notes the failure. */
    failed: (_, _error: string) => {},
  },
  delays: {
    startDelay: ({ context }) => context.startMs,
  },
}).createMachine({
  id: 'bulkSend',
  context: ({ input }) => input,
  initial: 'waiting',
  states: {
    // `meta.label`: the words the statechart shows; `description`: the sentence behind them.
    waiting: {
      meta: { label: 'waiting to start' },
      description: 'The transfer has not started yet.',
      after: { startDelay: { target: 'connecting', meta: { label: 'start time' } } },
    },
    connecting: {
      meta: { label: 'connecting' },
      description: 'Opening a TCP connection to the receiver.',
      entry: 'connect',
      on: { 'tcp.connected': { target: 'sending', meta: { label: 'connected' } } },
    },
    sending: {
      meta: { label: 'sending' },
      description: 'Writing the bytes into the connection.',
      entry: 'write',
      on: { 'tcp.allWritten': { target: 'closing', meta: { label: 'all written' } } },
    },
    closing: {
      meta: { label: 'closing' },
      description: 'Closing the connection once the receiver has every byte.',
      entry: 'close',
      on: { 'tcp.closed': { target: 'done', meta: { label: 'closed' } } },
    },
    done: { meta: { label: 'done' }, description: 'Every byte sent.', type: 'final' },
    failed: {
      meta: { label: 'failed' },
      description: 'The connection failed.',
      type: 'final',
    },
  },
  on: {
    'tcp.error': {
      meta: { label: 'connection failed' },
      target: '.failed',
      actions: { type: 'failed', params: ({ event }) => event.error },
    },
  },
});
