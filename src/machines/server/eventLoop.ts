// eventLoop: one thread serves every connection (up to `limit` open). It runs one request's CPU
// work at a time, to its end, and never blocks on I/O: the reply goes out when the I/O is done.

import type { ConcurrencyStrategy, StrategyHost } from './concurrencyStrategy.ts';
import type { Worker } from './serverThreads.ts';

export class EventLoop<T> implements ConcurrencyStrategy<T> {
  readonly queue = 'loop';
  private loop: Worker | undefined;
  /** Requests whose CPU work waits for the loop, oldest first. */
  private readonly tasks: T[] = [];
  private running = false;

  constructor(private readonly host: StrategyHost<T>) {}

  start(): void {
    this.loop = this.host.thread('loop');
  }

  hasRoom(taken: number): boolean {
    return taken < this.host.config.limit;
  }

  get refusal(): string | undefined {
    const { overLimit, limit } = this.host.config;
    return overLimit === 'refuse' ? `${limit} at once` : undefined;
  }

  threadFor(): Worker | undefined {
    return this.loop;
  }

  /** The loop stays: it has every other connection to serve. */
  free(): void {}

  run(task: T): void {
    this.tasks.push(task);
    this.next();
  }

  /** The loop is not blocked by a request's I/O: it goes on with the next task. */
  blockedOnIo(): void {}

  /** The loop's state follows its queue of tasks, not each reply. */
  replied(): void {}

  /** Runs the next task whose connection is still there, or waits for events when none is left. */
  private next(): void {
    const loop = this.loop;
    if (this.running || !loop) return;
    let task = this.tasks.shift();
    while (task !== undefined && !this.host.wanted(task)) {
      this.host.drop(task);
      task = this.tasks.shift();
    }
    if (task === undefined) {
      // Nothing left to run: the loop waits for events (shown as reading its connections).
      if (loop.actor.getSnapshot().value === 'working') loop.actor.send({ type: 'server.replied' });
      return;
    }
    this.running = true;
    this.host.work(task, this.cpuFreed);
  }

  private readonly cpuFreed = (): void => {
    this.running = false;
    this.next();
  };
}
