// Writes whole messages to a TCP connection whose send buffer may be full: what does not fit waits
// here and goes out as room comes free (onDrain), the way a program loops on write().

import type { TcpConnection } from '../tcp/tcpConnection.ts';

/** A write queue in front of a connection. Messages go out whole and in order. */
export class StreamWriter {
  private readonly pending: Uint8Array[] = [];
  private closeWhenDone = false;
  private onFlushed: (() => void) | undefined;

  constructor(readonly connection: TcpConnection) {
    connection.handlers.onDrain = () => this.flush();
  }

  /** Bytes still waiting for room in the send buffer. */
  get backlog(): number {
    let total = 0;
    for (const chunk of this.pending) total += chunk.length;
    return total;
  }

  /** Queues `bytes` and sends what fits now. */
  write(bytes: Uint8Array): void {
    if (bytes.length > 0) this.pending.push(bytes);
    this.flush();
  }

  /** Closes the connection (FIN) once everything queued is in the send buffer. */
  end(): void {
    this.closeWhenDone = true;
    this.flush();
  }

  /** Calls `callback` once, when the queue is empty (at once if it is). */
  whenFlushed(callback: () => void): void {
    if (this.pending.length === 0) callback();
    else this.onFlushed = callback;
  }

  private flush(): void {
    while (this.pending.length > 0) {
      const head = this.pending[0] as Uint8Array;
      const room = this.connection.writable;
      if (room <= 0) return;
      const result = this.connection.send(room >= head.length ? head : head.subarray(0, room));
      if (!result.ok) {
        this.pending.length = 0; // the connection is gone: nothing more can be sent
        break;
      }
      if (result.value >= head.length) this.pending.shift();
      else {
        this.pending[0] = head.subarray(result.value);
        return;
      }
    }
    const flushed = this.onFlushed;
    this.onFlushed = undefined;
    flushed?.();
    if (this.closeWhenDone) {
      this.closeWhenDone = false;
      this.connection.close();
    }
  }
}
