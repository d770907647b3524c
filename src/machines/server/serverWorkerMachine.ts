// A server thread (a worker, a per-connection thread, or the one thread of an event loop), as a
// learner should see it: idle, reading a connection, working on a request, waiting for I/O.

import { setup } from 'xstate';

export type ServerWorkerEvent =
  /** The worker was given a connection to serve. */
  | { type: 'server.assign' }
  /** It started on a request: the CPU part (ready or running in the scheduler). */
  | { type: 'server.work' }
  /** The CPU part is done and the request waits for I/O (a disk, a database). */
  | { type: 'server.io' }
  /** The reply was written; back to reading the connection. */
  | { type: 'server.replied' }
  /** Its connection is gone. */
  | { type: 'server.release' }
  /** A per-connection thread ends with its connection. */
  | { type: 'server.exit' };

export const serverWorkerMachine = setup({
  types: { events: {} as ServerWorkerEvent },
}).createMachine({
  id: 'serverWorker',
  initial: 'idle',
  // `meta.label`: the words the statechart shows; `description`: the sentence behind them.
  states: {
    idle: {
      meta: { label: 'idle' },
      description: 'No connection to serve.',
      on: {
        'server.assign': { target: 'reading', meta: { label: 'given a connection' } },
        'server.work': { target: 'working', meta: { label: 'request to work on' } },
        'server.exit': { target: 'exited', meta: { label: 'thread ends' } },
      },
    },
    reading: {
      meta: { label: 'reading' },
      description: 'Waiting for a request on its connection, and reading it.',
      on: {
        'server.work': { target: 'working', meta: { label: 'request read' } },
        'server.release': { target: 'idle', meta: { label: 'connection gone' } },
        'server.assign': { target: 'reading', meta: { label: 'given a connection' } },
        'server.exit': { target: 'exited', meta: { label: 'thread ends' } },
      },
    },
    working: {
      meta: { label: 'working' },
      description: 'Working on a request: running on the CPU, or ready and waiting for a core.',
      on: {
        'server.io': { target: 'waitingForIo', meta: { label: 'CPU part done' } },
        'server.replied': { target: 'reading', meta: { label: 'reply written' } },
      },
    },
    waitingForIo: {
      meta: { label: 'waiting for I/O' },
      description: 'The request waits for its I/O (a disk, a database).',
      on: {
        'server.replied': { target: 'reading', meta: { label: 'reply written' } },
        'server.work': { target: 'working', meta: { label: 'I/O done, more work' } },
      },
    },
    exited: { meta: { label: 'exited' }, description: 'The thread has ended.', type: 'final' },
  },
});
