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
    waiting: { after: { startDelay: 'connecting' } },
    connecting: {
      entry: 'connect',
      on: { 'tcp.connected': 'sending' },
    },
    sending: {
      entry: 'write',
      on: { 'tcp.allWritten': 'closing' },
    },
    closing: {
      entry: 'close',
      on: { 'tcp.closed': 'done' },
    },
    done: { type: 'final' },
    failed: { type: 'final' },
  },
  on: {
    'tcp.error': {
      target: '.failed',
      actions: { type: 'failed', params: ({ event }) => event.error },
    },
  },
});
