// The processes view on hand-made server records: a pool of two workers, a third connection
// waiting for one, a fourth refused; workers' states and counters at chosen times.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import {
  connectionsAt,
  requestLatencySeries,
  serverCountersAt,
  serverRecords,
  workersAt,
} from './serverView.ts';
import { recordList } from '../../engine/traceRecords.ts';

const N = 'web';
const MS = 1e6;
const state = (t: number, worker: string, s: string): TraceRecord => ({
  t: t * MS,
  type: 'app.state',
  node: N,
  app: `web/${worker}`,
  state: s,
});

const records: TraceRecord[] = [
  state(0, 'w1', 'idle'),
  state(0, 'w2', 'idle'),
  { t: 0, type: 'app.state', node: N, app: 'pinger', state: 'idle' },
  { t: 1 * MS, type: 'server.accept', node: N, app: 'web', conn: 'c1', worker: 'w1' },
  state(1, 'w1', 'reading'),
  { t: 2 * MS, type: 'server.accept', node: N, app: 'web', conn: 'c2', worker: 'w2' },
  state(2, 'w2', 'reading'),
  { t: 3 * MS, type: 'server.wait', node: N, app: 'web', conn: 'c3', where: 'pool', waiting: 1 },
  { t: 4 * MS, type: 'server.refuse', node: N, app: 'web', conn: 'c4', reason: 'pool queue full' },
  { t: 5 * MS, type: 'server.request', node: N, app: 'web', conn: 'c1', req: 1, label: 'GET /' },
  { t: 5 * MS, type: 'server.work', node: N, app: 'web', req: 1, worker: 'w1', job: 'w1#1' },
  state(5, 'w1', 'working'),
  { t: 9 * MS, type: 'server.reply', node: N, app: 'web', req: 1, status: 200, latency: 4 * MS },
  state(9, 'w1', 'reading'),
  { t: 10 * MS, type: 'server.close', node: N, app: 'web', conn: 'c1', reason: 'done' },
  state(10, 'w1', 'idle'),
  { t: 10 * MS, type: 'server.accept', node: N, app: 'web', conn: 'c3', worker: 'w1' },
  state(10, 'w1', 'reading'),
  { t: 11 * MS, type: 'server.reply', node: N, app: 'web', req: 2, status: 503, latency: 1 * MS },
  {
    t: 12 * MS,
    type: 'http.response',
    node: 'pc',
    app: 'http',
    conn: 'x',
    req: 1,
    status: 200,
    bytes: 10,
    latency: 8 * MS,
  },
];

describe('serverView', () => {
  const own = serverRecords(recordList(records), N);

  it('keeps the server and worker records, not other apps’ or nodes’', () => {
    expect(own.some((r) => r.type === 'app.state' && r.app === 'pinger')).toBe(false);
    expect(own.some((r) => r.type === 'http.response')).toBe(false);
  });

  it('gives each worker its state at t', () => {
    expect(workersAt(own, 6 * MS).map((w) => [w.worker, w.state, w.since / MS])).toEqual([
      ['w1', 'working', 5],
      ['w2', 'reading', 2],
    ]);
    expect(workersAt(own, 10 * MS)[0]).toMatchObject({
      app: 'web',
      worker: 'w1',
      state: 'reading',
    });
    expect(workersAt(own, -1)).toEqual([]);
  });

  it('counts accepted, waiting, refused, requests and replies by status at t', () => {
    expect(serverCountersAt(own, 4 * MS)[0]).toMatchObject({
      app: 'web',
      accepted: 2,
      waiting: 1,
      waitingPool: 1,
      refused: 1,
      requests: 0,
      replies: 0,
    });
    expect(serverCountersAt(own, 11 * MS)[0]).toMatchObject({
      accepted: 3,
      waiting: 0,
      requests: 1,
      replies: 2,
      closed: 1,
      byStatus: [
        ['200', 1],
        ['503', 1],
      ],
    });
  });

  it('follows the kernel backlog: the last count, less connections taken since', () => {
    const recs: TraceRecord[] = [
      { t: 1, type: 'server.wait', node: N, app: 'web', conn: '', where: 'backlog', waiting: 2 },
      { t: 2, type: 'server.accept', node: N, app: 'web', conn: 'a', worker: 'w1' },
    ];
    expect(serverCountersAt(recs, 1)[0]?.waiting).toBe(2);
    expect(serverCountersAt(recs, 2)[0]?.waitingBacklog).toBe(1);
  });

  it('puts latencies of replies and responses on a series each, at their times', () => {
    const series = requestLatencySeries(recordList(records));
    expect(series.map((s) => [s.side, s.node, s.app, s.latency.t, s.latency.v])).toEqual([
      ['server', N, 'web', [9 * MS, 11 * MS], [4 * MS, 1 * MS]],
      ['client', 'pc', '', [12 * MS], [8 * MS]],
    ]);
  });
});

describe('connections at a server, from server.conn', () => {
  const conn = (t: number, c: string, s: string): TraceRecord => ({
    t: t * MS,
    type: 'server.conn',
    node: N,
    app: 'web',
    conn: c,
    state: s,
  });
  const own = serverRecords(
    recordList([
      conn(1, 'c1', 'accepted'),
      conn(1, 'c1', 'reading'),
      conn(2, 'c2', 'accepted'),
      conn(3, 'c1', 'working'),
      conn(4, 'c1', 'closing'),
      conn(5, 'c1', 'closed'),
      // The client's port used again: a new connection.
      conn(6, 'c1', 'accepted'),
      { t: 7 * MS, type: 'server.conn', node: 'other', app: 'web', conn: 'c9', state: 'reading' },
    ]),
    N,
  );

  it('gives each connection its state at t and since when, in order of arrival', () => {
    expect(connectionsAt(own, 3.5 * MS)).toEqual([
      { app: 'web', conn: 'c1', state: 'working', since: 3 * MS },
      { app: 'web', conn: 'c2', state: 'accepted', since: 2 * MS },
    ]);
    expect(connectionsAt(own, 0)).toEqual([]);
  });

  it('lists a port used again after a close as a second connection, other nodes not at all', () => {
    const at = connectionsAt(own, 10 * MS);
    expect(at.map((c) => `${c.conn} ${c.state}`)).toEqual([
      'c1 closed',
      'c2 accepted',
      'c1 accepted',
    ]);
  });
});

describe('a server whose node crashed', () => {
  const own = serverRecords(
    recordList([
      state(0, 'w1', 'idle'),
      {
        t: 1 * MS,
        type: 'server.wait',
        node: N,
        app: 'web',
        conn: 'c2',
        where: 'pool',
        waiting: 1,
      },
      { t: 1 * MS, type: 'server.conn', node: N, app: 'web', conn: 'c1', state: 'working' },
      state(1, 'w1', 'working'),
      { t: 2 * MS, type: 'node.crash', node: 'other' },
      { t: 3 * MS, type: 'node.crash', node: N },
      state(5, 'w1', 'idle'),
    ]),
    N,
  );

  it('has no workers, nothing waiting and its connections closed from the crash', () => {
    expect(workersAt(own, 2 * MS).map((w) => w.state)).toEqual(['working']);
    expect(workersAt(own, 3 * MS)).toEqual([]);
    expect(workersAt(own, 5 * MS).map((w) => w.state)).toEqual(['idle']);
    expect(serverCountersAt(own, 2 * MS)[0]?.waiting).toBe(1);
    expect(serverCountersAt(own, 3 * MS)[0]?.waiting).toBe(0);
    expect(connectionsAt(own, 3 * MS)).toEqual([
      { app: 'web', conn: 'c1', state: 'closed', since: 3 * MS },
    ]);
  });
});
