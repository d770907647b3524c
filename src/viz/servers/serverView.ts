// Server processes at time t, from the server.* records and the workers' app.state records
// (`web/w1`): each worker's state, connections waiting, refused, requests and replies by status;
// and request latencies over time (server side and HTTP client side) for the charts. A crash of
// the node (node.crash) ends its workers and empties its queues.

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import '../../machines/server/serverTrace.ts';
import '../../kinds/web/httpTrace.ts';
import '../../sim/appTrace.ts';
import '../../net/ip/ipTrace.ts';
import type { Points } from '../charts/index.ts';

/** One worker (thread, pool worker or event loop) of a server app, and its state at t. */
export interface WorkerState {
  /** The server app: `web`. */
  app: string;
  /** The worker: `w1`, `t3`, `loop`. */
  worker: string;
  /** idle, reading, working, waitingForIo, exited. */
  state: string;
  /** When it entered that state, ns. */
  since: number;
}

/** A server app's counters at t. */
export interface ServerCounters {
  app: string;
  accepted: number;
  /** Connections waiting: for a free worker (pool) plus in the kernel's accept queue (backlog). */
  waiting: number;
  waitingPool: number;
  waitingBacklog: number;
  refused: number;
  requests: number;
  replies: number;
  /** Replies by status code (`200`, `503`; `-` for replies without one). */
  byStatus: [status: string, count: number][];
  closed: number;
}

/** Whether a record is one a server process on the node wrote. */
function isServer(r: TraceRecord, node: string): boolean {
  return r.type.startsWith('server.') && 'node' in r && r.node === node;
}

/** The records of a node that the processes view reads: server.*, worker app.state, crashes. */
export function serverRecords(records: TraceRecords, node: string): TraceRecord[] {
  const out: TraceRecord[] = [];
  for (let i = 0; i < records.length; i++) {
    const type = records.typeAt(i);
    if (type !== 'app.state' && type !== 'node.crash' && !type.startsWith('server.')) continue;
    const r = records.get(i);
    if (
      isServer(r, node) ||
      (r.type === 'app.state' && r.node === node && r.app.includes('/')) ||
      (r.type === 'node.crash' && r.node === node)
    )
      out.push(r);
  }
  return out;
}

/** Each worker's state at t, by app then in order of appearance. */
export function workersAt(own: readonly TraceRecord[], t: number): WorkerState[] {
  const workers = new Map<string, WorkerState>();
  for (const r of own) {
    if (r.t > t) break;
    if (r.type === 'node.crash') workers.clear(); // its processes died with it
    if (r.type !== 'app.state') continue;
    const slash = r.app.indexOf('/');
    if (slash < 0) continue;
    const prev = workers.get(r.app);
    if (prev && prev.state === r.state) continue;
    workers.set(r.app, {
      app: r.app.slice(0, slash),
      worker: r.app.slice(slash + 1),
      state: r.state,
      since: r.t,
    });
  }
  return [...workers.values()];
}

/**
 * Each server app's counters at t. The pool queue is followed connection by connection (a
 * server.wait in the pool, until that connection's server.accept or close); the backlog is the
 * last count a server.wait gave, less the connections accepted or refused since (never below 0).
 */
export function serverCountersAt(own: readonly TraceRecord[], t: number): ServerCounters[] {
  const apps = new Map<
    string,
    ServerCounters & { pool: Set<string>; statuses: Map<string, number> }
  >();
  const of = (app: string) => {
    let c = apps.get(app);
    if (!c) {
      c = {
        app,
        accepted: 0,
        waiting: 0,
        waitingPool: 0,
        waitingBacklog: 0,
        refused: 0,
        requests: 0,
        replies: 0,
        byStatus: [],
        closed: 0,
        pool: new Set(),
        statuses: new Map(),
      };
      apps.set(app, c);
    }
    return c;
  };
  const fromBacklog = (c: ServerCounters) => {
    c.waitingBacklog = Math.max(0, c.waitingBacklog - 1);
  };
  for (const r of own) {
    if (r.t > t) break;
    switch (r.type) {
      case 'server.accept': {
        const c = of(r.app);
        c.accepted++;
        if (!c.pool.delete(r.conn)) fromBacklog(c);
        break;
      }
      case 'server.wait': {
        const c = of(r.app);
        if (r.where === 'pool') {
          c.pool.add(r.conn);
          // The connection left the backlog to wait in the pool.
          fromBacklog(c);
        } else c.waitingBacklog = r.waiting;
        break;
      }
      case 'server.refuse': {
        const c = of(r.app);
        c.refused++;
        fromBacklog(c);
        break;
      }
      case 'server.request':
        of(r.app).requests++;
        break;
      case 'server.reply': {
        const c = of(r.app);
        c.replies++;
        const key = r.status === null ? '-' : String(r.status);
        c.statuses.set(key, (c.statuses.get(key) ?? 0) + 1);
        break;
      }
      case 'server.close': {
        const c = of(r.app);
        c.closed++;
        c.pool.delete(r.conn);
        break;
      }
      case 'node.crash':
        // Nothing waits any more: the connections and the queues are gone with the process.
        for (const c of apps.values()) {
          c.pool.clear();
          c.waitingBacklog = 0;
        }
        break;
      default:
        break;
    }
  }
  return [...apps.values()].map(({ pool, statuses, ...c }) => ({
    ...c,
    waitingPool: pool.size,
    waiting: pool.size + c.waitingBacklog,
    byStatus: [...statuses].sort((a, b) => a[0].localeCompare(b[0])),
  }));
}

/** Latencies of one side: a server app's replies, or one HTTP client's responses, in ns. */
export interface RequestLatencySeries {
  side: 'server' | 'client';
  node: string;
  /** The server app (`web`), or '' for a client. */
  app: string;
  latency: Points;
}

/**
 * Request latency over time: for each server app, `server.reply` latency (request arrival to
 * reply written) at the reply's time; for each HTTP client node, `http.response` latency
 * (request sent to whole response received) at the response's time.
 */
export function requestLatencySeries(records: TraceRecords): RequestLatencySeries[] {
  let cached = latencyCache.get(records);
  if (!cached) latencyCache.set(records, (cached = { count: 0, series: new Map() }));
  const out = cached.series;
  const add = (side: 'server' | 'client', node: string, app: string, t: number, v: number) => {
    const key = `${side} ${node} ${app}`;
    let s = out.get(key);
    if (!s) out.set(key, (s = { side, node, app, latency: { t: [], v: [] } }));
    s.latency.t.push(t);
    s.latency.v.push(v);
  };
  // Read once per records array, extended as a streaming run appends to it.
  for (; cached.count < records.length; cached.count++) {
    const type = records.typeAt(cached.count);
    if (type !== 'server.reply' && type !== 'http.response') continue;
    const r = records.get(cached.count);
    if (r.type === 'server.reply') add('server', r.node, r.app, r.t, r.latency);
    else if (r.type === 'http.response') add('client', r.node, '', r.t, r.latency);
  }
  return [...out.values()];
}

const latencyCache = new WeakMap<
  TraceRecords,
  { count: number; series: Map<string, RequestLatencySeries> }
>();

/** One connection at a server app and the state of its serverConnectionMachine at t. */
export interface ConnectionState {
  app: string;
  /** The client's end, `10.0.0.10:49152`. */
  conn: string;
  /** accepted, reading, working, waitingForIo, abandoned, refused, closing, closed. */
  state: string;
  /** When it entered that state, ns. */
  since: number;
}

/**
 * Each connection's state at t from its `server.conn` records, in order of arrival. A client
 * port used again after the first connection closed is a new connection, listed again.
 */
export function connectionsAt(own: readonly TraceRecord[], t: number): ConnectionState[] {
  const latest = new Map<string, ConnectionState>();
  const all: ConnectionState[] = [];
  for (const r of own) {
    if (r.t > t) break;
    if (r.type === 'node.crash') {
      // Gone with the node's process: closed at the crash.
      for (const conn of latest.values())
        if (conn.state !== 'closed') Object.assign(conn, { state: 'closed', since: r.t });
    }
    if (r.type !== 'server.conn') continue;
    const key = `${r.app} ${r.conn}`;
    const open = latest.get(key);
    if (open && open.state !== 'closed') {
      open.state = r.state;
      open.since = r.t;
      continue;
    }
    const conn = { app: r.app, conn: r.conn, state: r.state, since: r.t };
    latest.set(key, conn);
    all.push(conn);
  }
  return all;
}
