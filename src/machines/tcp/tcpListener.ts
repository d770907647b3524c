// A listening TCP socket: a port, a backlog, and the queue of connections that completed the
// handshake and wait for the application to accept them.

import { fail, ok, type SocketResult } from '../../net/transport/socketTrace.ts';
import type { TcpConnection } from './tcpConnection.ts';

/** A listening socket. `accept()` takes the oldest established connection. */
export class TcpListener {
  /** Established connections not yet accepted, oldest first. */
  private readonly ready: TcpConnection[] = [];
  /** Connections of this listener still in SYN-RECEIVED. */
  halfOpen = 0;
  closed = false;
  /** Called when a connection joins the accept queue. */
  onConnection: ((listener: TcpListener) => void) | undefined = undefined;

  constructor(
    readonly port: number,
    readonly backlog: number,
    private readonly onClose: (listener: TcpListener) => void,
  ) {}

  /** Connections waiting to be accepted. */
  get queued(): number {
    return this.ready.length;
  }

  /**
   * Whether a new SYN must be dropped. Like Linux, the listener refuses new connection requests
   * while its accept queue holds `backlog` connections; the client's SYN retries then wait.
   */
  get full(): boolean {
    return this.ready.length + this.halfOpen >= this.backlog;
  }

  /**
   * Takes the oldest established connection (EAGAIN when none waits, EBADF when closed). Bytes
   * and the end of stream that arrived while it waited reach its handlers right after this call.
   */
  accept(): SocketResult<TcpConnection> {
    if (this.closed) return fail('EBADF');
    const next = this.ready.shift();
    if (!next) return fail('EAGAIN');
    next.adopt();
    return ok(next);
  }

  /** Stops listening: the port is freed and connections never accepted are reset. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const connection of this.ready.splice(0)) connection.abort();
    this.onClose(this);
  }

  /** @internal A child connection finished its handshake. */
  enqueue(connection: TcpConnection): void {
    this.halfOpen = Math.max(0, this.halfOpen - 1);
    this.ready.push(connection);
    this.onConnection?.(this);
  }
}
