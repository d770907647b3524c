// What the threaded models share: a connection has a thread of its own while it is served, so a
// request's work starts at once, and the thread blocks while the request waits for its I/O.

import type { ConcurrencyStrategy, StrategyHost } from './concurrencyStrategy.ts';
import type { Worker } from './serverThreads.ts';

/** The part of a threaded model that does not depend on how threads are made and kept. */
export abstract class BlockingThreads<T> implements ConcurrencyStrategy<T> {
  readonly queue: string = 'pool';

  constructor(protected readonly host: StrategyHost<T>) {}

  abstract start(): void;
  abstract hasRoom(taken: number, waiting: number): boolean;
  abstract get refusal(): string | undefined;
  abstract threadFor(): Worker | undefined;
  abstract free(thread: Worker): void;

  run(task: T): void {
    this.host.work(task);
  }

  blockedOnIo(thread: Worker): void {
    thread.actor.send({ type: 'server.io' });
  }

  replied(thread: Worker): void {
    thread.actor.send({ type: 'server.replied' });
  }

  /** The reason of a refusal at `limit`, when the model refuses rather than queues. */
  protected refusalAtLimit(reason: string): string | undefined {
    return this.host.config.overLimit === 'refuse' ? reason : undefined;
  }
}
