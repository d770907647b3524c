// The states of one TCP connection, named as in RFC 9293 (figure 5), as an XState machine.
// The byte stream inside ESTABLISHED (sequence space, ACKs, windows, retransmission) is plain
// code in tcpReceiver.ts, which classifies each arriving segment and raises only the events
// below; this machine decides the state and asks, through named actions, for control segments.

import { assign, setup } from 'xstate';

/** RFC 9293's connection states. */
export type TcpState =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN-SENT'
  | 'SYN-RECEIVED'
  | 'ESTABLISHED'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'CLOSE-WAIT'
  | 'CLOSING'
  | 'LAST-ACK'
  | 'TIME-WAIT';

/** Why a connection ended badly, with the errno names programs see. */
export type TcpError = 'ECONNREFUSED' | 'ECONNRESET' | 'ETIMEDOUT';

export type TcpConnectionEvent =
  /** The application asks for a passive open (the listener created this connection for a SYN). */
  | { type: 'app.listen' }
  /** The application asks for an active open. */
  | { type: 'app.connect' }
  /** The application has no more data to send (close, or shutdown for writing). */
  | { type: 'app.close' }
  /** The application aborts: RST if synchronized, then CLOSED. */
  | { type: 'app.abort' }
  /** A SYN without ACK arrived (a connection request, or the peer's SYN in a simultaneous open). */
  | { type: 'tcp.syn' }
  /**
   * An ACK brought back a valid SYN cookie (RFC 4987 3.6): the listener answered the SYN with a
   * cookie SYN+ACK and kept nothing, and now makes the connection it would have kept.
   */
  | { type: 'tcp.validCookie' }
  /** A SYN+ACK that acknowledges our SYN arrived. */
  | { type: 'tcp.synAck' }
  /** An acceptable ACK of our SYN arrived (in SYN-RECEIVED). */
  | { type: 'tcp.ackOfSyn' }
  /** The peer's FIN arrived in order (all data before it received). */
  | { type: 'tcp.fin' }
  /** An ACK covering our FIN arrived. */
  | { type: 'tcp.ackOfFin' }
  /** An acceptable RST arrived. */
  | { type: 'tcp.rst' }
  /** Retransmissions ran out (SYN or data): the connection is given up. */
  | { type: 'tcp.giveUp' };

/**
 * The I/O behind the machine's actions, one method per action. A connection passes its own in
 * the input, so one provided machine serves every connection (`provide` per connection cost a
 * quarter of the run time of a workload of short connections).
 */
export interface TcpConnectionIo {
  sendSyn(): void;
  sendSynAck(): void;
  sendAck(): void;
  sendFin(): void;
  sendRst(): void;
  established(): void;
  peerClosed(): void;
  failed(error: TcpError): void;
  released(): void;
}

export interface TcpConnectionInput {
  /** Maximum segment lifetime in ms; TIME-WAIT lasts 2 MSL. */
  mslMs: number;
  /** Where the actions go (see `tcpConnectionMachineWithIo`); tests may provide actions instead. */
  io?: TcpConnectionIo;
}

export const tcpConnectionMachine = setup({
  types: {
    input: {} as TcpConnectionInput,
    context: {} as TcpConnectionInput & { passive: boolean },
    events: {} as TcpConnectionEvent,
  },
  actions: {
    /** Send SYN (active open). */
    sendSyn: () => {},
    /** Send SYN+ACK (answer to a SYN). */
    sendSynAck: () => {},
    /** Send an ACK now (of a FIN, or of a SYN+ACK). */
    sendAck: () => {},
    /** Send FIN after any data still queued. */
    sendFin: () => {},
    /** Send RST. */
    sendRst: () => {},
    /** The connection is open: the application may send and receive. */
    established: () => {},
    /** The peer will send no more data: reads return end-of-stream. */
    peerClosed: () => {},
    /** The connection failed or was reset. */
    failed: (_, _error: TcpError) => {},
    /** The connection is gone: free its port and table entry. */
    released: () => {},
    markPassive: assign({ passive: true }),
  },
  guards: {
    isPassive: ({ context }) => context.passive,
  },
  delays: {
    twoMsl: ({ context }) => 2 * context.mslMs,
  },
}).createMachine({
  id: 'tcpConnection',
  context: ({ input }) => ({ ...input, passive: false }),
  initial: 'CLOSED',
  on: {
    'app.abort': { target: '.CLOSED', actions: ['sendRst', 'released'] },
  },
  states: {
    CLOSED: {
      on: {
        'app.listen': { target: 'LISTEN', actions: 'markPassive' },
        'app.connect': { target: 'SYN-SENT', actions: 'sendSyn' },
        // A closed connection ignores any further abort instead of sending RST.
        'app.abort': {},
      },
    },
    LISTEN: {
      on: {
        'tcp.syn': { target: 'SYN-RECEIVED', actions: 'sendSynAck' },
        // The SYN+ACK left already, statelessly: the ACK that brought the cookie follows at once.
        'tcp.validCookie': { target: 'SYN-RECEIVED' },
        'app.close': { target: 'CLOSED', actions: 'released' },
        'app.abort': { target: 'CLOSED', actions: 'released' },
      },
    },
    'SYN-SENT': {
      on: {
        'tcp.synAck': { target: 'ESTABLISHED', actions: ['sendAck', 'established'] },
        // Simultaneous open (RFC 9293 figure 7): the peer's SYN crosses ours.
        'tcp.syn': { target: 'SYN-RECEIVED', actions: 'sendSynAck' },
        'tcp.rst': {
          target: 'CLOSED',
          actions: [{ type: 'failed', params: 'ECONNREFUSED' }, 'released'],
        },
        'tcp.giveUp': {
          target: 'CLOSED',
          actions: [{ type: 'failed', params: 'ETIMEDOUT' }, 'released'],
        },
        'app.close': { target: 'CLOSED', actions: 'released' },
        'app.abort': { target: 'CLOSED', actions: 'released' },
      },
    },
    'SYN-RECEIVED': {
      on: {
        'tcp.ackOfSyn': { target: 'ESTABLISHED', actions: 'established' },
        'tcp.synAck': { target: 'ESTABLISHED', actions: 'established' },
        'tcp.rst': [
          // A passive open returns to LISTEN; here the listener lives on, so this child ends.
          { guard: 'isPassive', target: 'CLOSED', actions: 'released' },
          { target: 'CLOSED', actions: [{ type: 'failed', params: 'ECONNREFUSED' }, 'released'] },
        ],
        'tcp.giveUp': [
          // No application holds a passive connection yet: it just leaves the SYN queue.
          { guard: 'isPassive', target: 'CLOSED', actions: 'released' },
          { target: 'CLOSED', actions: [{ type: 'failed', params: 'ETIMEDOUT' }, 'released'] },
        ],
        'app.close': { target: 'FIN-WAIT-1', actions: 'sendFin' },
      },
    },
    ESTABLISHED: {
      on: {
        'app.close': { target: 'FIN-WAIT-1', actions: 'sendFin' },
        'tcp.fin': { target: 'CLOSE-WAIT', actions: ['sendAck', 'peerClosed'] },
        'tcp.rst': {
          target: 'CLOSED',
          actions: [{ type: 'failed', params: 'ECONNRESET' }, 'released'],
        },
        'tcp.giveUp': {
          target: 'CLOSED',
          actions: [{ type: 'failed', params: 'ETIMEDOUT' }, 'sendRst', 'released'],
        },
      },
    },
    'FIN-WAIT-1': {
      on: {
        'tcp.ackOfFin': { target: 'FIN-WAIT-2' },
        // Simultaneous close (RFC 9293 figure 13): the peer's FIN arrives before the ACK of ours.
        'tcp.fin': { target: 'CLOSING', actions: ['sendAck', 'peerClosed'] },
        'tcp.rst': {
          target: 'CLOSED',
          actions: [{ type: 'failed', params: 'ECONNRESET' }, 'released'],
        },
        'tcp.giveUp': {
          target: 'CLOSED',
          actions: [{ type: 'failed', params: 'ETIMEDOUT' }, 'released'],
        },
      },
    },
    'FIN-WAIT-2': {
      on: {
        'tcp.fin': { target: 'TIME-WAIT', actions: ['sendAck', 'peerClosed'] },
        'tcp.rst': {
          target: 'CLOSED',
          actions: [{ type: 'failed', params: 'ECONNRESET' }, 'released'],
        },
      },
    },
    'CLOSE-WAIT': {
      on: {
        'app.close': { target: 'LAST-ACK', actions: 'sendFin' },
        'tcp.rst': {
          target: 'CLOSED',
          actions: [{ type: 'failed', params: 'ECONNRESET' }, 'released'],
        },
        'tcp.giveUp': {
          target: 'CLOSED',
          actions: [{ type: 'failed', params: 'ETIMEDOUT' }, 'sendRst', 'released'],
        },
      },
    },
    CLOSING: {
      on: {
        'tcp.ackOfFin': { target: 'TIME-WAIT' },
        'tcp.rst': { target: 'CLOSED', actions: 'released' },
        'tcp.giveUp': {
          target: 'CLOSED',
          actions: [{ type: 'failed', params: 'ETIMEDOUT' }, 'released'],
        },
      },
    },
    'LAST-ACK': {
      on: {
        'tcp.ackOfFin': { target: 'CLOSED', actions: 'released' },
        'tcp.rst': { target: 'CLOSED', actions: 'released' },
        'tcp.giveUp': {
          target: 'CLOSED',
          actions: [{ type: 'failed', params: 'ETIMEDOUT' }, 'released'],
        },
      },
    },
    'TIME-WAIT': {
      after: { twoMsl: { target: 'CLOSED', actions: 'released' } },
      on: {
        // A retransmitted FIN means our ACK was lost: acknowledge again and restart 2 MSL.
        'tcp.fin': { target: 'TIME-WAIT', reenter: true, actions: 'sendAck' },
        'app.abort': { target: 'CLOSED', actions: 'released' },
      },
    },
  },
});

/** The machine with every I/O action sent to the `io` of the actor's input. */
export const tcpConnectionMachineWithIo = tcpConnectionMachine.provide({
  actions: {
    sendSyn: ({ context }) => context.io?.sendSyn(),
    sendSynAck: ({ context }) => context.io?.sendSynAck(),
    sendAck: ({ context }) => context.io?.sendAck(),
    sendFin: ({ context }) => context.io?.sendFin(),
    sendRst: ({ context }) => context.io?.sendRst(),
    established: ({ context }) => context.io?.established(),
    peerClosed: ({ context }) => context.io?.peerClosed(),
    failed: ({ context }, error) => context.io?.failed(error),
    released: ({ context }) => context.io?.released(),
  },
});
