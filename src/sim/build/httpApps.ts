// The web applications of scenarios: an HTTP server (a ServerProcess serving the site, API and
// accounts on the node's CPU) and HTTP clients (XState users over an HttpAgent) with their
// workloads: one user, a closed loop of N users with think time, or open-loop Poisson arrivals.

import { createActor } from 'xstate';
import type { Simulator } from '../../engine/simulator.ts';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import type { CpuScheduler } from '../../machines/cpu/cpuScheduler.ts';
import { HttpAgent } from '../../machines/apps/http/httpAgent.ts';
import { AuthStore } from '../../machines/apps/http/httpAuth.ts';
import { userMachineWithIo, type UserIo } from '../../machines/apps/userMachine.ts';
import { HttpServerProtocol } from '../../machines/apps/http/httpServerProtocol.ts';
import { HttpsServerProtocol } from '../../machines/apps/http/httpsServerProtocol.ts';
import {
  DEFAULT_AUTHORITY,
  leafCertificate,
  randomBytes,
  rootCertificate,
} from '../../machines/apps/http/tlsEndpoints.ts';
import { buildSite, DEFAULT_SITE } from '../../machines/apps/http/httpSite.ts';
import { loadPage, sendRequests, UserSession } from '../../machines/apps/http/httpVisits.ts';
import { ServerProcess, type ServerMetrics } from '../../machines/server/serverProcess.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { traceStates } from '../appTrace.ts';
import { afterAction } from './afterAction.ts';
import { serverProcessOptions, startServer } from './serverOptions.ts';
import { startWorkload, thinkTimeMs } from './workloads.ts';
import type { HttpClientApp, HttpServerApp } from '../scenario/scenarioSchema.ts';

/** Finds a server's address by name; calls back with the address or an error (`NXDOMAIN`, ...). */
export type Lookup = (
  name: string,
  done: (result: { ok: true; address: Ipv4Address } | { ok: false; error: string }) => void,
) => void;

/** What an HTTP client did. */
export interface HttpClientMetrics {
  node: string;
  server: string;
  visits: number;
  requests: number;
  responses: number;
  failures: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
  /** Response latencies (request sent to whole response), ns. */
  latencies: number[];
  /** Page load times (first request to last object), ns. */
  pageTimes: number[];
  /** Set when a user stopped on an error. */
  error: string | null;
}

/** Starts an HTTP server on `node`. */
export function startHttpServer(
  sim: Simulator,
  tcp: TcpLayer,
  cpu: CpuScheduler,
  node: string,
  app: HttpServerApp,
): ServerMetrics {
  const name = app.name ?? 'web';
  const site = buildSite(app.site ?? DEFAULT_SITE);
  const auth = app.auth
    ? new AuthStore(app.auth, sim.random.stream(`node:${node}/${name}/sessions`))
    : undefined;
  const http = new HttpServerProtocol(node, site, auth);
  const protocol = app.tls
    ? new HttpsServerProtocol(
        sim,
        node,
        http,
        [leafCertificate(node, app.tls.certificate)],
        randomBytes(sim.random.stream(`node:${node}/${name}/tls`)),
      )
    : http;
  const options = serverProcessOptions(node, name, app, {
    port: app.tls ? 443 : 80,
    keepAliveTimeout: 5 * NS_PER_S,
  });
  const server = new ServerProcess(sim, tcp, cpu, protocol, options);
  startServer(sim, server);
  return server.metrics;
}

/** Starts an HTTP client (one user, or its workload's users) on `node`. */
export function startHttpClient(
  sim: Simulator,
  tcp: TcpLayer,
  node: string,
  app: HttpClientApp,
  lookup: Lookup,
  /** Names its users in the trace: `http`, or `http2`... when a node has several web clients. */
  label = 'http',
): HttpClientMetrics {
  const metrics: HttpClientMetrics = {
    node,
    server: app.server,
    visits: 0,
    requests: 0,
    responses: 0,
    failures: 0,
    statuses: {},
    latencies: [],
    pageTimes: [],
    error: null,
  };
  const requestCounter = {
    next: () => ++metrics.requests,
    responded: (status: number, latencyNs: number) => {
      metrics.responses++;
      metrics.latencies.push(latencyNs);
      metrics.statuses[status] = (metrics.statuses[status] ?? 0) + 1;
    },
    failed: () => metrics.failures++,
  };
  const port = app.port ?? (app.https ? 443 : 80);
  const tlsRandom = randomBytes(sim.random.stream(`node:${node}/${label}/tls`));
  const trustStore = (app.trust ?? [DEFAULT_AUTHORITY]).map(rootCertificate);
  const options = {
    persistent: app.persistent ?? true,
    parallel: app.parallel ?? 1,
    pipelining: app.pipelining ?? false,
  };
  const think = sim.random.stream(`node:${node}/${label}/think`);
  const startNs = app.start ?? 0;

  /** One user: an actor that resolves, logs in, visits, thinks, visits again. */
  const startUser = (user: string, visits: number, delayNs: number): void => {
    let session: UserSession | undefined;
    const io: UserIo = {
      resolve: afterAction(sim, () =>
        lookup(app.server, (result) => {
          if (!result.ok) return actor.send({ type: 'user.failed', error: result.error });
          const tls = app.https
            ? { serverName: app.server, trustStore, random: tlsRandom }
            : undefined;
          const agent = new HttpAgent(
            sim,
            tcp,
            node,
            result.address,
            port,
            options,
            requestCounter,
            tls,
          );
          const host = app.server.includes('.') ? app.server : formatIpv4(result.address);
          const defaultPort = app.https ? 443 : 80;
          session = new UserSession(agent, port === defaultPort ? host : `${host}:${port}`);
          actor.send({ type: 'dns.resolved' });
        }),
      ),
      login: afterAction(sim, () => {
        const body = new URLSearchParams({
          user: app.login?.user ?? '',
          password: app.login?.password ?? '',
        }).toString();
        session?.send('POST', '/login', body, undefined, (outcome) => {
          if (!outcome.ok) return actor.send({ type: 'user.failed', error: outcome.error });
          if (outcome.response.status !== 200)
            return actor.send({
              type: 'user.failed',
              error: `login refused (${outcome.response.status})`,
            });
          actor.send({ type: 'user.loggedIn' });
        });
      }),
      visit: afterAction(sim, () => {
        if (!session) return;
        metrics.visits++;
        const done = (error: string | null): void =>
          actor.send(error === null ? { type: 'user.visited' } : { type: 'user.failed', error });
        if (app.requests) {
          const planned = app.requests.map((r) => ({ ...r, method: r.method ?? 'GET' }));
          sendRequests(sim, session, planned, done);
        } else
          loadPage(sim, node, session, app.page ?? '/index.html', (error, elapsed) => {
            if (elapsed !== null) metrics.pageTimes.push(elapsed);
            done(error);
          });
      }),
      leave: afterAction(sim, () => session?.agent.closeAll()),
      failed: (error) => {
        metrics.error = error;
        sim.record({ t: sim.now(), type: 'app.error', node, app: user, op: 'visit', error });
      },
      thinks: () => app.workload?.kind === 'closed' && !!app.workload.thinkTime,
      thinkTimeMs: () => thinkTimeMs(app.workload, think),
    };
    const actor = createActor(userMachineWithIo, {
      clock: sim.clock,
      input: { startMs: delayNs / NS_PER_MS, visits, login: app.login !== undefined, io },
    });
    traceStates(sim, actor, node, user);
    actor.start();
  };

  startWorkload(sim, node, label, app.workload, startNs, startUser);
  return metrics;
}
