// The serviceClient behaviour: users of a request/response service, each visit sending its queries
// in order over one persistent connection, with the same workloads as web clients. How its users
// start on a node, and its figures from the trace.

import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { startUsers, UserTally } from '../../sim/build/users.ts';
import { latencyFigures, ms, type LatencyFigures } from '../../sim/summary/figureMath.ts';
import { Retrier } from '../../machines/retry/retrier.ts';
import { retryPolicy } from '../../sim/scenario/overloadSchemas.ts';
import {
  RETRY_TYPES,
  RetryTally,
  retryText,
  type RetryFigures,
} from '../../sim/summary/retryFigures.ts';
import { ServiceClient, type QueryEnd } from './serviceClient.ts';
import { judgeQuery } from './serviceRetries.ts';
import { DEFAULT_SERVICE_PORT } from './serviceProtocol.ts';
import { type ServiceClientApp } from './serviceSchemas.ts';
import './serviceTrace.ts';

/** What a service client's users did. */
export interface ServiceClientFigures {
  node: string;
  server: string;
  visits: number;
  /** Queries made: sent, or failed before they could be sent. */
  requests: number;
  replies: number;
  /** Replies that were errors (`ERR`). */
  errors: number;
  /** Queries that failed without a reply. */
  failures: number;
  error: string | null;
  latency: LatencyFigures;
  /** With a `retry` setting: retries, queries answered after retrying, queries given up. */
  retry?: RetryFigures;
}

export const serviceClientBehaviour = defineAppBehaviour<ServiceClientApp, ServiceClientFigures>({
  start(context, app) {
    const { sim, host, node, label, lookup } = context;
    let numbered = 0;
    const queries = app.queries ?? ['SELECT 1'];
    const policy = app.retry && retryPolicy(app.retry);
    const backoff = policy && sim.random.stream(`node:${node}/${label}/retry`);
    /** One user: it resolves, then each visit sends the queries in order on its connection. */
    startUsers(context, app, 'query', (user, send) => {
      let client: ServiceClient | undefined;
      const counter = { app: user, next: () => ++numbered };
      const retrier = policy && backoff && new Retrier(sim, node, user, backoff, policy);
      /** One query, tried again as serviceRetries.ts says when the client retries. */
      const ask = (query: string, done: (error: string | null) => void): void => {
        if (!retrier) return client?.query(query, (error) => done(error));
        type Outcome = { error: string | null; end: QueryEnd };
        retrier.run<Outcome>(
          query,
          (_, tried) => client?.query(query, (error, end) => tried({ error, end })),
          ({ error, end }) => judgeQuery(error, end),
          ({ error }) => done(error),
        );
      };
      return {
        resolve: () =>
          lookup(app.server, (result) => {
            if (!result.ok) return send({ type: 'user.failed', error: result.error });
            const port = app.port ?? DEFAULT_SERVICE_PORT;
            client = new ServiceClient(sim, host.tcp, node, result.address, port, counter);
            send({ type: 'dns.resolved' });
          }),
        visit: () => {
          let index = 0;
          const next = (error: string | null): void => {
            if (error !== null) return send({ type: 'user.failed', error });
            const query = queries[index++];
            if (query === undefined) return send({ type: 'user.visited' });
            ask(query, next);
          };
          next(null);
        },
        leave: () => client?.close(),
      };
    });
  },
  figures: {
    fold({ node, app }) {
      const users = new UserTally();
      const counts = { replies: 0, errors: 0, failures: 0 };
      const latencies: number[] = [];
      const retries = app.retry ? new RetryTally() : undefined;
      return {
        types: [
          'app.visit',
          'app.error',
          'service.request',
          'service.response',
          'service.failure',
          ...(retries ? RETRY_TYPES : []),
        ],
        add(record) {
          switch (record.type) {
            case 'app.visit':
            case 'app.error':
              users.user(record);
              break;
            case 'service.request':
              users.sent(record.req);
              break;
            case 'service.response':
              users.answered(record.req);
              counts.replies++;
              if (!record.ok) counts.errors++;
              latencies.push(record.latency);
              break;
            case 'service.failure':
              users.failed(record.req);
              counts.failures++;
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
          ...counts,
          error: users.error,
          latency: latencyFigures(latencies),
          ...(retries ? { retry: retries.result() } : {}),
        }),
      };
    },
    lines: (c) => [
      `queries    ${c.node} -> ${c.server}: ${c.visits} visits, ${c.replies}/${c.requests} answered, ${c.errors} errors, ` +
        `${c.failures} failed; latency mean ${ms(c.latency.meanNs)}, p95 ${ms(c.latency.p95Ns)}${retryText(c.retry)}${c.error ? `; stopped: ${c.error}` : ''}`,
    ],
  },
});
