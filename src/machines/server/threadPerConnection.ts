// threadPerConnection: a new thread for each connection taken, up to `limit` at once; the thread
// exits when its connection is done (making one costs no time here).

import { BlockingThreads } from './blockingThreads.ts';
import type { Worker } from './serverThreads.ts';

export class ThreadPerConnection<T> extends BlockingThreads<T> {
  private made = 0;

  start(): void {}

  hasRoom(taken: number): boolean {
    return taken < this.host.config.limit;
  }

  get refusal(): string | undefined {
    return this.refusalAtLimit(`${this.host.config.limit} at once`);
  }

  threadFor(): Worker {
    return this.host.thread(`t${++this.made}`);
  }

  free(thread: Worker): void {
    thread.actor.send({ type: 'server.exit' });
    thread.actor.stop();
  }
}
