// The httpClient behaviour: a browser, one user or a workload of users, each visit loading a page
// and the objects it references or sending a list of requests, over HTTP or HTTPS. How its users
// start on a node, and its figures from the trace.

import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { startUsers, UserTally } from '../../sim/build/users.ts';
import {
  countInto,
  latencyFigures,
  ms,
  statusText,
  type LatencyFigures,
} from '../../sim/summary/figureMath.ts';
import { Retrier } from '../../machines/retry/retrier.ts';
import { retryPolicy } from '../../sim/scenario/overloadSchemas.ts';
import {
  RETRY_TYPES,
  RetryTally,
  retryText,
  type RetryFigures,
} from '../../sim/summary/retryFigures.ts';
import { HttpAgent } from './httpAgent.ts';
import { loadPage, sendRequests, UserSession } from './httpVisits.ts';
import { DEFAULT_AUTHORITY, randomBytes, rootCertificate } from './tlsEndpoints.ts';
import { type HttpClientApp } from './webSchemas.ts';
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
  /** With a `retry` setting: retries, requests answered after retrying, requests given up. */
  retry?: RetryFigures;
}

export const httpClientBehaviour = defineAppBehaviour<HttpClientApp, HttpClientFigures>({
  start(context, app) {
    const { sim, host, node, label, lookup } = context;
    let requests = 0;
    const port = app.port ?? (app.https ? 443 : 80);
    const tlsRandom = randomBytes(sim.random.stream(`node:${node}/${label}/tls`));
    const trustStore = (app.trust ?? [DEFAULT_AUTHORITY]).map(rootCertificate);
    const policy = app.retry && retryPolicy(app.retry);
    const backoff = policy && sim.random.stream(`node:${node}/${label}/retry`);
    const options = {
      persistent: app.persistent ?? true,
      parallel: app.parallel ?? 1,
      pipelining: app.pipelining ?? false,
    };
    /** One user: it resolves, logs in, visits (a page, or the requests), thinks, visits again. */
    startUsers(context, app, 'visit', (user, send) => {
      let session: UserSession | undefined;
      const counter = { app: user, next: () => ++requests };
      const fail = (error: string) => send({ type: 'user.failed', error });
      return {
        resolve: () =>
          lookup(app.server, (result) => {
            if (!result.ok) return fail(result.error);
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
            const retrier = policy && backoff && new Retrier(sim, node, user, backoff, policy);
            const authority = port === defaultPort ? name : `${name}:${port}`;
            session = new UserSession(agent, authority, retrier);
            send({ type: 'dns.resolved' });
          }),
        login: () => {
          const body = new URLSearchParams({
            user: app.login?.user ?? '',
            password: app.login?.password ?? '',
          }).toString();
          session?.send('POST', '/login', body, undefined, (outcome) => {
            if (!outcome.ok) return fail(outcome.error);
            if (outcome.response.status !== 200)
              return fail(`login refused (${outcome.response.status})`);
            send({ type: 'user.loggedIn' });
          });
        },
        visit: () => {
          if (!session) return;
          const done = (error: string | null): void =>
            error === null ? send({ type: 'user.visited' }) : fail(error);
          if (app.requests) {
            const planned = app.requests.map((r) => ({ ...r, method: r.method ?? 'GET' }));
            sendRequests(sim, session, planned, done);
          } else loadPage(sim, { node, app: user }, session, app.page ?? '/index.html', done);
        },
        leave: () => session?.agent.closeAll(),
      };
    });
  },
  figures: {
    fold({ node, app }) {
      const users = new UserTally();
      let responses = 0;
      let failures = 0;
      const statuses: Record<string, number> = {};
      const latencies: number[] = [];
      const pageTimes: number[] = [];
      const retries = app.retry ? new RetryTally() : undefined;
      return {
        types: [
          'app.visit',
          'app.error',
          'http.request',
          'http.response',
          'http.failure',
          'http.page',
          ...(retries ? RETRY_TYPES : []),
        ],
        add(record) {
          switch (record.type) {
            case 'app.visit':
            case 'app.error':
              users.user(record);
              break;
            case 'http.request':
              users.sent(record.req);
              break;
            case 'http.response':
              users.answered(record.req);
              responses++;
              latencies.push(record.latency);
              countInto(statuses, record.status);
              break;
            case 'http.failure':
              users.failed(record.req);
              if (!record.again) failures++;
              break;
            case 'http.page':
              if (record.error === null) pageTimes.push(record.elapsed);
              break;
            default:
              retries?.add(record);
          }
        },
        result: () => ({
          node,
          server: app.server,
          visits: users.visits,
          requests: users.requests,
          responses,
          failures,
          error: users.error,
          statuses: { ...statuses },
          latency: latencyFigures(latencies),
          pages: latencyFigures(pageTimes),
          ...(retries ? { retry: retries.result() } : {}),
        }),
      };
    },
    lines(c) {
      const pages =
        c.pages.count > 0 ? `; ${c.pages.count} pages, mean load ${ms(c.pages.meanNs)}` : '';
      return [
        `client     ${c.node} -> ${c.server}: ${c.visits} visits, ${c.responses}/${c.requests} answered (${statusText(c.statuses)}), ` +
          `${c.failures} failed; latency mean ${ms(c.latency.meanNs)}${pages}${retryText(c.retry)}${c.error ? `; stopped: ${c.error}` : ''}`,
      ];
    },
  },
});
