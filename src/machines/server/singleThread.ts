// single: an iterative server, a pool of one thread that takes a connection only when it is free
// and serves it to its end; every other connection waits in the kernel's accept queue.

import { WorkerPool } from './workerPool.ts';

export class SingleThread<T> extends WorkerPool<T> {
  protected override get size(): number {
    return 1;
  }

  /** Its thread is free: it may accept() again (never while it finishes an abandoned request). */
  override hasRoom(): boolean {
    return this.idle.length > 0;
  }

  /** It never refuses: the accept queue is its queue. */
  override get refusal(): undefined {
    return undefined;
  }
}
