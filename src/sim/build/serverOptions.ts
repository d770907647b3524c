// A server app's settings as a ServerProcess takes them, with the defaults every server shares:
// threadPerConnection with 64 threads (a worker pool has 4 workers, an event loop takes 10,000
// connections), leave waiting connections in the queue, 1 ms of CPU per request.

import type { Simulator } from '../../engine/simulator.ts';
import { NS_PER_MS } from '../../engine/time.ts';
import type { ConcurrencyConfig, ServiceDemand } from '../../machines/server/serverConfig.ts';
import {
  DEFAULT_CONCURRENCY,
  type ServerProcessOptions,
} from '../../machines/server/serverConfig.ts';
import type { ServerProcess } from '../../machines/server/serverProcess.ts';
import { rateLimitSettings, type RateLimitField } from '../scenario/overloadSchemas.ts';

/** The fields server apps share in a scenario. */
export interface ServerAppSettings {
  port?: number;
  backlog?: number;
  concurrency?: Partial<ConcurrencyConfig> & { model: ConcurrencyConfig['model'] };
  service?: ServiceDemand;
  keepAliveTimeout?: number;
  priority?: number;
  rateLimit?: RateLimitField;
}

/** The options of a server process named `name` on `node`, defaults filled in. */
export function serverProcessOptions(
  node: string,
  name: string,
  app: ServerAppSettings,
  defaults: { port: number; keepAliveTimeout: number },
): ServerProcessOptions {
  const model = app.concurrency?.model ?? DEFAULT_CONCURRENCY.model;
  const limit =
    model === 'workerPool' ? 4 : model === 'eventLoop' ? 10_000 : DEFAULT_CONCURRENCY.limit;
  return {
    node,
    app: name,
    port: app.port ?? defaults.port,
    backlog: app.backlog ?? 128,
    concurrency: {
      model,
      limit: app.concurrency?.limit ?? limit,
      overLimit: app.concurrency?.overLimit ?? 'queue',
      queueLimit: app.concurrency?.queueLimit ?? DEFAULT_CONCURRENCY.queueLimit,
    },
    service: app.service ?? { cpu: { kind: 'constant', value: NS_PER_MS } },
    keepAliveTimeout: app.keepAliveTimeout ?? defaults.keepAliveTimeout,
    priority: app.priority ?? 0,
    ...(app.rateLimit ? { rateLimit: rateLimitSettings(app.rateLimit) } : {}),
  };
}

/** Starts listening; a port already taken is recorded as the app's error. */
export function startServer(sim: Simulator, server: ServerProcess): void {
  const started = server.start();
  if (!started.ok) {
    const { node, app } = server.options;
    sim.record({ t: sim.now(), type: 'app.error', node, app, op: 'listen', error: started.error });
  }
}
