// A concurrency model as a strategy a server process consults: how many threads stand from the
// start, whether there is room for one more connection, which thread a connection gets, what
// freeing a thread does, and whether requests' CPU work runs at once or through a loop.

import type { ConcurrencyConfig } from './serverConfig.ts';
import type { Worker } from './serverThreads.ts';

/** What a strategy may ask of its server process; `T` is the process's request to serve. */
export interface StrategyHost<T> {
  readonly config: ConcurrencyConfig;
  /** Starts a thread named `name` (`w1`, `t3`, `loop`); its states are traced as `app.state`. */
  thread(name: string): Worker;
  /** Runs `task`: its CPU part, its I/O, its reply. `cpuFreed` is called when the CPU part ends. */
  work(task: T, cpuFreed?: () => void): void;
  /** Whether `task`'s connection is still there to answer. */
  wanted(task: T): boolean;
  /** `task` will never run: its connection is gone. */
  drop(task: T): void;
}

/** One concurrency model (see `concurrencyModels.ts` for the table of them). */
export interface ConcurrencyStrategy<T> {
  /** Makes the threads that stand from the start (a pool's workers, the loop). */
  start(): void;
  /**
   * Whether one more connection can be taken now: `taken` connections count against the limit
   * (served, or waiting for a thread) and `waiting` of them wait for a thread.
   */
  hasRoom(taken: number, waiting: number): boolean;
  /** Over the limit: why a new connection is refused, or undefined to leave it in the backlog. */
  readonly refusal: string | undefined;
  /** Where a taken connection waits when no thread is free (`server.wait`'s `where`). */
  readonly queue: string;
  /** The thread a newly taken connection gets, or undefined: it waits for one to be freed. */
  threadFor(): Worker | undefined;
  /** A connection is done with `thread`. */
  free(thread: Worker): void;
  /** A request is ready: its work runs now on its connection's thread, or when a loop gets to it. */
  run(task: T): void;
  /** `thread` finished a request's CPU part and now waits for the request's I/O. */
  blockedOnIo(thread: Worker): void;
  /** `thread` wrote a request's reply. */
  replied(thread: Worker): void;
}

/** How a table entry makes its strategy. */
export type StrategyClass = new <T>(host: StrategyHost<T>) => ConcurrencyStrategy<T>;
