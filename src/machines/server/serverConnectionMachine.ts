// One connection's life at a server process, as a learner should see it: taken and waiting for a
// thread, reading a request, working on it, waiting for its I/O, closing. The process raises the
// events below; this machine decides the next state and asks, through named actions, for effects.

import { assign, setup } from 'xstate';

/**
 * The states, as traced in `server.conn` records. The four tagged `open` take requests and count
 * against the concurrency model's limit.
 */
export type ServerConnectionState =
  | 'accepted'
  | 'reading'
  | 'working'
  | 'waitingForIo'
  | 'abandoned'
  | 'refused'
  | 'closing'
  | 'closed';

/** Why the server closed a connection (`server.close`'s `reason`). */
export type ServerCloseReason = 'done' | 'peerClosed' | 'idle';

export type ServerConnectionEvent =
  /** A thread takes the connection; `queued`: requests were read while it waited. */
  | { type: 'conn.assign'; queued: boolean }
  /** The server is over its limits: it answers "busy" (HTTP 503) and closes. */
  | { type: 'conn.refuse' }
  /** Bytes arrived that complete no request yet (they restart the keep-alive timeout). */
  | { type: 'conn.data' }
  /** The connection was idle for the keep-alive timeout. */
  | { type: 'conn.idle' }
  /** A whole request arrived. */
  | { type: 'conn.request' }
  /** The request's CPU part is done; it waits for I/O (a disk, a database). */
  | { type: 'conn.io' }
  /** The reply is written: `close` if it ends the connection, `queued` if requests wait behind it. */
  | { type: 'conn.replied'; close: boolean; queued: boolean }
  /** The client closed its side (FIN): it sends no more requests. */
  | { type: 'conn.end' }
  /** The event loop dropped the request of a reset connection before running it. */
  | { type: 'conn.dropped' }
  /** The connection failed: reset by the client, or timed out. */
  | { type: 'conn.reset' }
  /** The connection is gone: both sides closed (after TIME-WAIT when the server closed first). */
  | { type: 'conn.closed' };

/**
 * The I/O behind the machine's actions, one method per action. A connection passes its own in
 * the input, so one machine serves every connection (as tcpConnectionMachine does).
 */
export interface ServerConnectionIo {
  armKeepAlive(): void;
  disarmKeepAlive(): void;
  startWork(): void;
  refuse(): void;
  stopCounting(): void;
  close(reason: ServerCloseReason): void;
  freeThread(): void;
  leaveQueue(): void;
  takeMore(): void;
}

export interface ServerConnectionInput {
  /** Where the actions go (see `serverConnectionMachineWithIo`); tests may provide actions instead. */
  io?: ServerConnectionIo;
}

/** The actions that end a served connection from the server's side, for one reason. */
const closeFor = (reason: ServerCloseReason) =>
  ['stopCounting', { type: 'close', params: reason } as const, 'freeThread', 'takeMore'] as const;

/** After a reply: close if it asked to, go on with the next request, or read again. */
const afterReply = [
  { guard: 'closeAsked', target: 'closing', actions: closeFor('done') },
  { guard: 'requestsQueued', target: 'working', reenter: true },
  { guard: 'peerClosed', target: 'closing', actions: closeFor('peerClosed') },
  { target: 'reading' },
] as const;

/** A reset while a request is in work: the thread finishes it; the reply will go nowhere. */
const abandon = { target: 'abandoned', actions: ['stopCounting', 'takeMore'] } as const;
/** Gone while reading: the thread is free at once. */
const lostWhileReading = {
  target: 'closed',
  actions: ['stopCounting', 'freeThread', 'takeMore'],
} as const;
/** Gone while waiting for a thread: it leaves the queue. */
const lostWhileWaiting = {
  target: 'closed',
  actions: ['stopCounting', 'leaveQueue', 'takeMore'],
} as const;
/** The connection is gone after the server closed its side: room may have come free. */
const gone = { target: 'closed', actions: 'takeMore' } as const;
const ended = { 'conn.reset': gone, 'conn.closed': gone } as const;

export const serverConnectionMachine = setup({
  types: {
    input: {} as ServerConnectionInput,
    context: {} as ServerConnectionInput & { peerClosed: boolean },
    events: {} as ServerConnectionEvent,
    tags: {} as 'open',
  },
  actions: {
    /**
     * Start the keep-alive timer: `conn.idle` when it runs out. A plain engine event, not an
     * `after` delay: it is set and cleared once per request, and XState's scheduler costs more.
     */
    armKeepAlive: () => {},
    /** Stop the keep-alive timer. */
    disarmKeepAlive: () => {},
    /** Start the next request waiting on the connection: its CPU part, then its I/O. */
    startWork: () => {},
    /** Answer "server busy" and close (the refusal is traced with the limit it hit). */
    refuse: () => {},
    /** The connection no longer counts against the concurrency model's limit. */
    stopCounting: () => {},
    /** Close the server's side once the replies are out (`server.close` with the reason). */
    close: (_, _reason: ServerCloseReason) => {},
    /** The connection's thread is free: for the next connection, or it exits. */
    freeThread: () => {},
    /** Leave the queue of connections waiting for a thread. */
    leaveQueue: () => {},
    /** Room may have come free: take connections waiting in the accept queue. */
    takeMore: () => {},
    notePeerClosed: assign({ peerClosed: true }),
  },
  guards: {
    closeAsked: ({ event }) => event.type === 'conn.replied' && event.close,
    requestsQueued: ({ event }) =>
      (event.type === 'conn.replied' || event.type === 'conn.assign') && event.queued,
    peerClosed: ({ context }) => context.peerClosed,
  },
}).createMachine({
  id: 'serverConnection',
  context: ({ input }) => ({ ...input, peerClosed: false }),
  initial: 'accepted',
  states: {
    /** Taken from the accept queue; waits here for a thread (a worker pool's queue). */
    accepted: {
      meta: { label: 'accepted' },
      description: 'Taken from the accept queue; waiting for a thread.',
      tags: 'open',
      on: {
        'conn.assign': [
          { guard: 'requestsQueued', target: 'working' },
          { guard: 'peerClosed', target: 'closing', actions: closeFor('peerClosed') },
          { target: 'reading' },
        ],
        'conn.refuse': { target: 'refused', actions: 'refuse' },
        'conn.end': { actions: 'notePeerClosed' },
        'conn.reset': lostWhileWaiting,
        'conn.closed': lostWhileWaiting,
      },
    },
    /** Its thread waits for the next request and reads it; idle too long, it is closed. */
    reading: {
      meta: { label: 'reading' },
      description: 'Its thread waits for the next request and reads it.',
      tags: 'open',
      entry: 'armKeepAlive',
      exit: 'disarmKeepAlive',
      on: {
        'conn.data': { target: 'reading', reenter: true },
        'conn.idle': { target: 'closing', actions: closeFor('idle') },
        'conn.request': { target: 'working' },
        'conn.end': { target: 'closing', actions: closeFor('peerClosed') },
        'conn.reset': lostWhileReading,
        'conn.closed': lostWhileReading,
      },
    },
    /** A request's CPU part: on the CPU, ready for it, or waiting for the event loop. */
    working: {
      meta: { label: 'working' },
      description: 'A request’s CPU part: on the CPU, or ready for it.',
      tags: 'open',
      entry: 'startWork',
      on: {
        'conn.io': { target: 'waitingForIo' },
        'conn.replied': afterReply,
        'conn.end': { actions: 'notePeerClosed' },
        'conn.reset': abandon,
        'conn.closed': abandon,
      },
    },
    /** The CPU part is done; the request waits for its I/O. */
    waitingForIo: {
      meta: { label: 'waiting for I/O' },
      description: 'The CPU part is done; the request waits for its I/O.',
      tags: 'open',
      on: {
        'conn.replied': afterReply,
        'conn.end': { actions: 'notePeerClosed' },
        'conn.reset': abandon,
        'conn.closed': abandon,
      },
    },
    /** The client is gone, but a request was in work: the thread finishes it for nobody. */
    abandoned: {
      meta: { label: 'abandoned' },
      description: 'The client is gone, but its request is finished for nobody.',
      on: {
        'conn.replied': { target: 'closed', actions: ['freeThread', 'takeMore'] },
        'conn.dropped': { target: 'closed' },
      },
    },
    /** Refused over the server's limits: the "busy" answer, then FIN; it waits for the end. */
    refused: {
      meta: { label: 'refused' },
      description: 'Refused over the server’s limits: a “busy” answer, then FIN.',
      on: ended,
    },
    /**
     * The server closed its side: the last replies, then FIN; it waits for the connection to be
     * gone (through TIME-WAIT when the server closed first).
     */
    closing: {
      meta: { label: 'closing' },
      description: 'The server closed its side and waits for the connection to be gone.',
      on: ended,
    },
    closed: { meta: { label: 'closed' }, description: 'The connection is gone.', type: 'final' },
  },
});

/** The machine with every I/O action sent to the `io` of the actor's input. */
export const serverConnectionMachineWithIo = serverConnectionMachine.provide({
  actions: {
    armKeepAlive: ({ context }) => context.io?.armKeepAlive(),
    disarmKeepAlive: ({ context }) => context.io?.disarmKeepAlive(),
    startWork: ({ context }) => context.io?.startWork(),
    refuse: ({ context }) => context.io?.refuse(),
    stopCounting: ({ context }) => context.io?.stopCounting(),
    close: ({ context }, reason) => context.io?.close(reason),
    freeThread: ({ context }) => context.io?.freeThread(),
    leaveQueue: ({ context }) => context.io?.leaveQueue(),
    takeMore: ({ context }) => context.io?.takeMore(),
  },
});
