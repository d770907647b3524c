// workerPool: `limit` threads made at start; a connection taken when none is free waits in the
// server's own queue (up to `queueLimit`) and gets the next worker freed.

import { BlockingThreads } from './blockingThreads.ts';
import type { Worker } from './serverThreads.ts';

export class WorkerPool<T> extends BlockingThreads<T> {
  /** Workers without a connection, in the order they became free. */
  protected readonly idle: Worker[] = [];

  /** How many workers stand. */
  protected get size(): number {
    return this.host.config.limit;
  }

  start(): void {
    for (let i = 0; i < this.size; i++) this.idle.push(this.host.thread(`w${i + 1}`));
  }

  hasRoom(_taken: number, waiting: number): boolean {
    return this.idle.length > 0 || waiting < this.host.config.queueLimit;
  }

  get refusal(): string | undefined {
    return this.refusalAtLimit('pool queue full');
  }

  threadFor(): Worker | undefined {
    return this.idle.shift();
  }

  free(thread: Worker): void {
    thread.actor.send({ type: 'server.release' });
    this.idle.push(thread);
  }
}
