// How a server process handles many clients: its concurrency model and limits, and the service
// demand (CPU time, I/O wait) of each request.

import type { Nanos } from '../../engine/time.ts';
import type { Distribution } from '../cpu/distributions.ts';
import type { CONCURRENCY_MODELS } from './concurrencyModels.ts';
import type { RateLimitSettings } from './rateLimit.ts';

/**
 * How the process shares threads among connections: `single`, `threadPerConnection`,
 * `workerPool` or `eventLoop`, each a strategy named in `concurrencyModels.ts` (which says what
 * each one does, in its own file).
 */
export type ConcurrencyModel = keyof typeof CONCURRENCY_MODELS;

export interface ConcurrencyConfig {
  model: ConcurrencyModel;
  /** Threads (threadPerConnection), workers (workerPool) or open connections (eventLoop). */
  limit: number;
  /** At the limit: leave new connections waiting (`queue`) or answer 503 and close (`refuse`). */
  overLimit: 'queue' | 'refuse';
  /** workerPool: connections that may wait for a worker before new ones are refused. */
  queueLimit: number;
}

/** What each request costs: CPU time, then an optional I/O wait. */
export interface ServiceDemand {
  cpu: Distribution;
  io?: Distribution;
}

export interface ServerProcessOptions {
  node: string;
  /** Names the server in the trace (`web`, `db`). */
  app: string;
  port: number;
  /** The listening socket's accept queue. */
  backlog: number;
  concurrency: ConcurrencyConfig;
  service: ServiceDemand;
  /** An idle persistent connection is closed after this long (Apache's KeepAliveTimeout). */
  keepAliveTimeout: Nanos;
  /** Scheduling priority of the server's threads (lower runs first). */
  priority: number;
  /** Requests over this rate are answered at once with 503 or 429 (rateLimit.ts); none: no limit. */
  rateLimit?: RateLimitSettings;
}

export const DEFAULT_CONCURRENCY: ConcurrencyConfig = {
  model: 'threadPerConnection',
  limit: 64,
  overLimit: 'queue',
  queueLimit: 128,
};
