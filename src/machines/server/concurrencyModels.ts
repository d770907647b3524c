// The concurrency models a server process can run, by name (`concurrency.model` of a scenario).
// Adding one is a strategy file (see concurrencyStrategy.ts) and a line in this table.

import type { StrategyClass } from './concurrencyStrategy.ts';
import { EventLoop } from './eventLoop.ts';
import { SingleThread } from './singleThread.ts';
import { ThreadPerConnection } from './threadPerConnection.ts';
import { WorkerPool } from './workerPool.ts';

export const CONCURRENCY_MODELS = {
  single: SingleThread,
  threadPerConnection: ThreadPerConnection,
  workerPool: WorkerPool,
  eventLoop: EventLoop,
} satisfies Record<string, StrategyClass>;

/** The models' names, in the table's order. */
export const CONCURRENCY_MODEL_NAMES = Object.keys(
  CONCURRENCY_MODELS,
) as (keyof typeof CONCURRENCY_MODELS)[];
