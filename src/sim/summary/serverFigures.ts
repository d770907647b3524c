// The figures of a server process (a web server, a database), folded from its server.* records:
// connections taken, waiting and refused, requests, replies by status, and reply latency.

import type { TraceFold } from '../../engine/traceFold.ts';
import '../../machines/server/serverTrace.ts';
import type { ServerProcessOptions } from '../../machines/server/serverConfig.ts';
import { countInto, latencyFigures, ms, statusText, type LatencyFigures } from './figureMath.ts';

/** What a server did. */
export interface ServerFigures {
  node: string;
  app: string;
  port: number;
  model: string;
  /** Connections the server took (given a thread, or queued for one). */
  accepted: number;
  refused: number;
  requests: number;
  replies: number;
  /** Most connections waiting at once for a worker (workerPool) or at the limit. */
  maxWaiting: number;
  /** Replies by status (`200`, `404`, ...; `-` when the protocol has none). */
  statuses: Record<string, number>;
  /** From a request's arrival to its reply. */
  latency: LatencyFigures;
  /** With a `rateLimit`: requests it refused (answered 503 or 429 without work). */
  limited?: number;
}

/** Folds the server.* records of the server `options.app` (the caller routes them here). */
export function serverFigures(options: ServerProcessOptions): TraceFold<ServerFigures> {
  const figures = {
    node: options.node,
    app: options.app,
    port: options.port,
    model: options.concurrency.model,
    accepted: 0,
    refused: 0,
    requests: 0,
    replies: 0,
    maxWaiting: 0,
  };
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  /** Connections taken into the pool's queue, not yet given a worker. */
  const queued = new Set<string>();
  const limits = options.rateLimit ? { limited: 0 } : undefined;
  return {
    types: [
      'server.accept',
      'server.wait',
      'server.refuse',
      'server.request',
      'server.reply',
      ...(limits ? (['server.limit'] as const) : []),
    ],
    add(record) {
      switch (record.type) {
        case 'server.limit':
          if (limits) limits.limited++;
          break;
        case 'server.wait':
          figures.maxWaiting = Math.max(figures.maxWaiting, record.waiting);
          // Taken, and waiting in the server's own queue: it counts now, not when a worker frees.
          if (record.where === 'pool') {
            figures.accepted++;
            queued.add(record.conn);
          }
          break;
        case 'server.accept':
          if (!queued.delete(record.conn)) figures.accepted++;
          break;
        case 'server.refuse':
          figures.refused++;
          break;
        case 'server.request':
          figures.requests++;
          break;
        case 'server.reply':
          figures.replies++;
          latencies.push(record.latency);
          countInto(statuses, record.status === null ? '-' : record.status);
          break;
      }
    },
    result: () => ({
      ...figures,
      statuses: { ...statuses },
      latency: latencyFigures(latencies),
      ...limits,
    }),
  };
}

/** `server     web web:80 (threadPerConnection): 3 connections, ...` (`what`: server, service). */
export function serverLine(what: string, w: ServerFigures, withStatuses: boolean): string {
  const statuses = withStatuses ? ` (${statusText(w.statuses)})` : '';
  return (
    `${what.padEnd(10)} ${w.node} ${w.app}:${w.port} (${w.model}): ${w.accepted} connections, ${w.refused} refused, ` +
    `${w.replies}/${w.requests} replied${statuses}; latency mean ${ms(w.latency.meanNs)}, p95 ${ms(w.latency.p95Ns)}` +
    (w.limited === undefined ? '' : `; ${w.limited} over the rate limit`)
  );
}
