// Socket errors with the names learners meet in real programs, and the trace records of the
// socket layer: binds, releases and every refused call.

import type { Simulator } from '../../engine/simulator.ts';

/** errno names a socket call can fail with. */
export type SocketErrorCode =
  | 'EADDRINUSE'
  | 'EADDRNOTAVAIL'
  | 'ECONNREFUSED'
  | 'ECONNRESET'
  | 'ETIMEDOUT'
  | 'ENOTCONN'
  | 'EISCONN'
  | 'EPIPE'
  | 'EBADF'
  | 'EINVAL'
  | 'EMSGSIZE'
  | 'EHOSTUNREACH'
  | 'EAGAIN';

/** What each error means, in plain words, for narration and messages. */
export const SOCKET_ERROR_TEXT: Record<SocketErrorCode, string> = {
  EADDRINUSE: 'the port is already in use',
  EADDRNOTAVAIL: 'no free port is left, or the address is not this node’s',
  ECONNREFUSED:
    'nobody is listening on that port (the peer answered with RST or ICMP port unreachable)',
  ECONNRESET: 'the peer reset the connection',
  ETIMEDOUT: 'the peer did not answer in time',
  ENOTCONN: 'the socket is not connected',
  EISCONN: 'the socket is already connected',
  EPIPE: 'the connection is closed for sending',
  EBADF: 'the socket is closed',
  EINVAL: 'the call does not fit the socket’s state or its arguments are wrong',
  EMSGSIZE: 'the datagram is too large',
  EHOSTUNREACH: 'no route to the host',
  EAGAIN: 'the buffer is full; try again when it drains',
};

/** The result of a socket call: a value, or a named error. Socket calls never throw. */
export type SocketResult<T = void> = { ok: true; value: T } | { ok: false; error: SocketErrorCode };

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A socket took a port (`local` is "address:port", "*:port" when bound to any address). */
    'socket.bind': { node: string; protocol: 'tcp' | 'udp'; port: number };
    /** A port was given back. */
    'socket.release': { node: string; protocol: 'tcp' | 'udp'; port: number };
    /** A socket call failed or a connection ended with an error. */
    'socket.error': {
      node: string;
      protocol: 'tcp' | 'udp';
      socket: string;
      op: string;
      error: SocketErrorCode;
    };
  }
}

/** Records a refused socket call (`socket.error`) and returns the failed result. */
export function refuseCall(
  sim: Simulator,
  where: { node: string; protocol: 'tcp' | 'udp'; socket: string },
  op: string,
  error: SocketErrorCode,
): { ok: false; error: SocketErrorCode } {
  sim.record({ t: sim.now(), type: 'socket.error', ...where, op, error });
  return fail(error);
}

/** A failed result. */
export function fail(error: SocketErrorCode): { ok: false; error: SocketErrorCode } {
  return { ok: false, error };
}

/** A successful result. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
