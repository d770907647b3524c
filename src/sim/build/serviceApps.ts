// The generic request/response service of scenarios (a database, a cache): a ServerProcess
// serving line-based queries on the node's CPU, and clients whose users send queries over one
// persistent connection each, with the same workloads as web clients.

import { createActor } from 'xstate';
import type { Simulator } from '../../engine/simulator.ts';
import { NS_PER_S } from '../../engine/time.ts';
import type { CpuScheduler } from '../../machines/cpu/cpuScheduler.ts';
import { ServiceClient, type ServiceTally } from '../../machines/apps/service/serviceClient.ts';
import { ServiceProtocol } from '../../machines/apps/service/serviceProtocol.ts';
import { userMachineWithIo, type UserIo } from '../../machines/apps/userMachine.ts';
import { ServerProcess, type ServerMetrics } from '../../machines/server/serverProcess.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import { traceStates } from '../appTrace.ts';
import type { ServiceClientApp, ServiceServerApp } from '../scenario/serviceSchemas.ts';
import { afterAction } from './afterAction.ts';
import { serverProcessOptions, startServer } from './serverOptions.ts';
import type { Lookup } from './httpApps.ts';
import { startWorkload, thinkTimeMs } from './workloads.ts';

export const DEFAULT_SERVICE_PORT = 7000;

/** What a service client did. */
export interface ServiceClientMetrics extends ServiceTally {
  node: string;
  server: string;
  visits: number;
  error: string | null;
}

/** Starts a service on `node`. */
export function startService(
  sim: Simulator,
  tcp: TcpLayer,
  cpu: CpuScheduler,
  node: string,
  app: ServiceServerApp,
): ServerMetrics {
  const name = app.name ?? 'db';
  const options = serverProcessOptions(node, name, app, {
    port: DEFAULT_SERVICE_PORT,
    keepAliveTimeout: 30 * NS_PER_S,
  });
  const server = new ServerProcess(
    sim,
    tcp,
    cpu,
    new ServiceProtocol(app.replySize ?? 200),
    options,
  );
  startServer(sim, server);
  return server.metrics;
}

/** Starts a service client (its workload's users) on `node`. */
export function startServiceClient(
  sim: Simulator,
  tcp: TcpLayer,
  node: string,
  app: ServiceClientApp,
  lookup: Lookup,
  /** Names its users in the trace: `service`, or `service2`... for several on one node. */
  label = 'service',
): ServiceClientMetrics {
  const metrics: ServiceClientMetrics = {
    node,
    server: app.server,
    visits: 0,
    requests: 0,
    replies: 0,
    errors: 0,
    failures: 0,
    latencies: [],
    error: null,
  };
  const queries = app.queries ?? ['SELECT 1'];
  const think = sim.random.stream(`node:${node}/${label}/think`);
  const startUser = (user: string, visits: number, delayNs: number): void => {
    let client: ServiceClient | undefined;
    const io: UserIo = {
      login: () => {}, // services have no accounts: users never log in
      resolve: afterAction(sim, () =>
        lookup(app.server, (result) => {
          if (!result.ok) return actor.send({ type: 'user.failed', error: result.error });
          const port = app.port ?? DEFAULT_SERVICE_PORT;
          client = new ServiceClient(sim, tcp, node, result.address, port, metrics);
          actor.send({ type: 'dns.resolved' });
        }),
      ),
      visit: afterAction(sim, () => {
        metrics.visits++;
        let index = 0;
        const next = (error: string | null): void => {
          if (error !== null) return actor.send({ type: 'user.failed', error });
          const query = queries[index++];
          if (query === undefined) return actor.send({ type: 'user.visited' });
          client?.query(query, next);
        };
        next(null);
      }),
      leave: afterAction(sim, () => client?.close()),
      failed: (error) => {
        metrics.error = error;
        sim.record({ t: sim.now(), type: 'app.error', node, app: user, op: 'query', error });
      },
      thinks: () => app.workload?.kind === 'closed' && !!app.workload.thinkTime,
      thinkTimeMs: () => thinkTimeMs(app.workload, think),
    };
    const actor = createActor(userMachineWithIo, {
      clock: sim.clock,
      input: { startMs: delayNs / 1_000_000, visits, login: false, io },
    });
    traceStates(sim, actor, node, user);
    actor.start();
  };
  startWorkload(sim, node, label, app.workload, app.start ?? 0, startUser);
  return metrics;
}
