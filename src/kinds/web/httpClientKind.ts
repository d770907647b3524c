// The httpClient kind: a browser, one user or a workload of users, each visit loading a page and
// the objects it references or sending a list of requests, over HTTP or HTTPS. Its schema and
// checks, how its users start on a node, and its figures from the trace.

import { createActor } from 'xstate';
import { NS_PER_MS } from '../../engine/time.ts';
import { userMachineWithIo, type UserIo } from '../../machines/userMachine.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { defineAppKind } from '../../sim/kinds/appKind.ts';
import { traceStates } from '../../sim/appTrace.ts';
import { afterAction } from '../../sim/build/afterAction.ts';
import { startWorkload, thinkTimeMs } from '../../sim/build/workloads.ts';
import {
  countInto,
  latencyFigures,
  ms,
  statusText,
  type LatencyFigures,
} from '../../sim/summary/figureMath.ts';
import { HttpAgent } from './httpAgent.ts';
import { loadPage, sendRequests, UserSession } from './httpVisits.ts';
import { DEFAULT_AUTHORITY, randomBytes, rootCertificate } from './tlsEndpoints.ts';
import { httpClientApp, type HttpClientApp } from './webSchemas.ts';
import './httpTrace.ts';

/** What a web client's users did. */
export interface HttpClientFigures {
  node: string;
  server: string;
  visits: number;
  /** Requests made: sent, or failed before they could be sent. */
  requests: number;
  responses: number;
  failures: number;
  /** The last error a user stopped on. */
  error: string | null;
  /** Responses by status code. */
  statuses: Record<string, number>;
  /** From sending a request to its whole response. */
  latency: LatencyFigures;
  /** Page loads: from the page's request to its last object. */
  pages: LatencyFigures;
}

export const httpClientKind = defineAppKind<HttpClientApp, HttpClientFigures>({
  type: 'httpClient',
  schema: httpClientApp,
  traceName: 'http',
  target: (app) => ({ field: 'server', value: app.server }),
  check(app, { path }, issues) {
    if (app.page !== undefined && app.requests !== undefined)
      issues.push({ path, message: 'give either "page" or "requests", not both' });
  },

  start({ sim, host, node, label, lookup }, app) {
    let requests = 0;
    const port = app.port ?? (app.https ? 443 : 80);
    const tlsRandom = randomBytes(sim.random.stream(`node:${node}/${label}/tls`));
    const trustStore = (app.trust ?? [DEFAULT_AUTHORITY]).map(rootCertificate);
    const options = {
      persistent: app.persistent ?? true,
      parallel: app.parallel ?? 1,
      pipelining: app.pipelining ?? false,
    };
    const think = sim.random.stream(`node:${node}/${label}/think`);

    /** One user: an actor that resolves, logs in, visits, thinks, visits again. */
    const startUser = (user: string, visits: number, delayNs: number): void => {
      let session: UserSession | undefined;
      const counter = { app: user, next: () => ++requests };
      const io: UserIo = {
        resolve: afterAction(sim, () =>
          lookup(app.server, (result) => {
            if (!result.ok) return actor.send({ type: 'user.failed', error: result.error });
            const tls = app.https
              ? { serverName: app.server, trustStore, random: tlsRandom }
              : undefined;
            const agent = new HttpAgent(
              sim,
              host.tcp,
              node,
              result.address,
              port,
              options,
              counter,
              tls,
            );
            const name = app.server.includes('.') ? app.server : formatIpv4(result.address);
            const defaultPort = app.https ? 443 : 80;
            session = new UserSession(agent, port === defaultPort ? name : `${name}:${port}`);
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
        visit: afterAction(sim, (visit: number) => {
          if (!session) return;
          sim.record({ t: sim.now(), type: 'app.visit', node, app: user, visit });
          const done = (error: string | null): void =>
            actor.send(error === null ? { type: 'user.visited' } : { type: 'user.failed', error });
          if (app.requests) {
            const planned = app.requests.map((r) => ({ ...r, method: r.method ?? 'GET' }));
            sendRequests(sim, session, planned, done);
          } else
            loadPage(sim, { node, app: user }, session, app.page ?? '/index.html', (error) =>
              done(error),
            );
        }),
        leave: afterAction(sim, () => session?.agent.closeAll()),
        failed: (error) =>
          sim.record({ t: sim.now(), type: 'app.error', node, app: user, op: 'visit', error }),
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
    startWorkload(sim, node, label, app.workload, app.start ?? 0, startUser);
  },

  figures: {
    fold({ node, app }) {
      const counts = { visits: 0, requests: 0, responses: 0, failures: 0 };
      let error: string | null = null;
      const statuses: Record<string, number> = {};
      const latencies: number[] = [];
      const pageTimes: number[] = [];
      /** Requests sent and not answered or failed yet, by number. */
      const inFlight = new Set<number>();
      return {
        types: [
          'app.visit',
          'app.error',
          'http.request',
          'http.response',
          'http.failure',
          'http.page',
        ],
        add(record) {
          switch (record.type) {
            case 'app.visit':
              counts.visits++;
              break;
            case 'app.error':
              error = record.error;
              break;
            case 'http.request':
              counts.requests++;
              inFlight.add(record.req);
              break;
            case 'http.response':
              inFlight.delete(record.req);
              counts.responses++;
              latencies.push(record.latency);
              countInto(statuses, record.status);
              break;
            case 'http.failure':
              // A request that failed before it was sent was made all the same.
              if (!inFlight.delete(record.req)) counts.requests++;
              if (!record.again) counts.failures++;
              break;
            case 'http.page':
              if (record.error === null) pageTimes.push(record.elapsed);
              break;
          }
        },
        result: () => ({
          node,
          server: app.server,
          ...counts,
          error,
          statuses: { ...statuses },
          latency: latencyFigures(latencies),
          pages: latencyFigures(pageTimes),
        }),
      };
    },
    lines(c) {
      const pages =
        c.pages.count > 0 ? `; ${c.pages.count} pages, mean load ${ms(c.pages.meanNs)}` : '';
      return [
        `client     ${c.node} -> ${c.server}: ${c.visits} visits, ${c.responses}/${c.requests} answered (${statusText(c.statuses)}), ` +
          `${c.failures} failed; latency mean ${ms(c.latency.meanNs)}${pages}${c.error ? `; stopped: ${c.error}` : ''}`,
      ];
    },
  },
});
