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
  states: {
    idle: {
      on: { 'server.assign': 'reading', 'server.work': 'working', 'server.exit': 'exited' },
    },
    reading: {
      on: {
        'server.work': 'working',
        'server.release': 'idle',
        'server.assign': 'reading',
        'server.exit': 'exited',
      },
    },
    working: {
      on: { 'server.io': 'waitingForIo', 'server.replied': 'reading' },
    },
    waitingForIo: {
      on: { 'server.replied': 'reading', 'server.work': 'working' },
    },
    exited: { type: 'final' },
  },
});
