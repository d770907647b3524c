// The parts of a server process a learner sees from outside: its threads, each an XState actor
// whose states are traced as `app.state` (app `web/w1`), and the figures the run summary shows.

import { createActor, type Actor } from 'xstate';
import type { Simulator } from '../../engine/simulator.ts';
import type { ServerProcessOptions } from './serverConfig.ts';
import { serverWorkerMachine } from './serverWorkerMachine.ts';

/** What a server did, updated as it runs. */
export interface ServerMetrics {
  node: string;
  app: string;
  port: number;
  model: string;
  accepted: number;
  refused: number;
  requests: number;
  replies: number;
  /** Replies by status (`200`, `404`, ...; `-` when the protocol has none). */
  statuses: Record<string, number>;
  /** Request latency (arrival to reply) of every reply, ns. */
  latencies: number[];
  /** Most connections waiting at once for a worker (workerPool) or at the limit. */
  maxWaiting: number;
}

/** A server thread. */
export interface Worker {
  name: string;
  actor: Actor<typeof serverWorkerMachine>;
}

/** Zeroed figures of a new server. */
export function newServerMetrics(options: ServerProcessOptions): ServerMetrics {
  return {
    node: options.node,
    app: options.app,
    port: options.port,
    model: options.concurrency.model,
    accepted: 0,
    refused: 0,
    requests: 0,
    replies: 0,
    statuses: {},
    latencies: [],
    maxWaiting: 0,
  };
}

/** Starts a thread `name` of server `app` on `node`, tracing its states. */
export function startWorker(sim: Simulator, node: string, app: string, name: string): Worker {
  const actor = createActor(serverWorkerMachine, { clock: sim.clock });
  let last = '';
  actor.subscribe((snapshot) => {
    const state = String(snapshot.value);
    if (state === last) return;
    last = state;
    sim.record({ t: sim.now(), type: 'app.state', node, app: `${app}/${name}`, state });
  });
  actor.start();
  return { name, actor };
}
