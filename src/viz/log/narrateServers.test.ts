// The event log's sentences for the CPU scheduler, server processes and HTTP clients, on hand-made
// records: the numbers in the sentences are those of the records (a 10 ms round-robin quantum is
// the dispatch-to-preempt time), status reasons from RFC 9110 section 15.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { narrate } from './narrate.ts';
import { networkNames } from '../names/index.ts';

const MS = 1e6;
const names = networkNames([
  {
    id: 'web',
    label: 'Web server',
    role: 'server',
    interfaces: [{ name: 'eth0', address: { address: 0x0a000002, prefix: 24 } }],
  },
  {
    id: 'pc',
    label: 'Laptop',
    role: 'client',
    interfaces: [{ name: 'eth0', address: { address: 0x0a000001, prefix: 24 } }],
  },
] as unknown as Parameters<typeof networkNames>[0]);

const records: TraceRecord[] = [
  {
    t: 0,
    type: 'http.request',
    node: 'pc',
    app: 'http',
    conn: '49152>10.0.0.2:80',
    req: 1,
    method: 'GET',
    target: '/index.html',
  },
  {
    t: 1 * MS,
    type: 'server.accept',
    node: 'web',
    app: 'web',
    conn: '10.0.0.1:49152',
    worker: 'w2',
  },
  {
    t: 2 * MS,
    type: 'server.request',
    node: 'web',
    app: 'web',
    conn: '10.0.0.1:49152',
    req: 3,
    label: 'GET /index.html',
  },
  { t: 2 * MS, type: 'server.work', node: 'web', app: 'web', req: 3, worker: 'w2', job: 'w2#3' },
  { t: 2 * MS, type: 'cpu.arrive', node: 'web', job: 'P2', burst: 15 * MS, priority: 0 },
  { t: 2 * MS, type: 'cpu.dispatch', node: 'web', core: 0, job: 'P2', remaining: 15 * MS },
  {
    t: 12 * MS,
    type: 'cpu.preempt',
    node: 'web',
    core: 0,
    job: 'P2',
    remaining: 5 * MS,
    reason: 'quantum',
  },
  {
    t: 20 * MS,
    type: 'server.reply',
    node: 'web',
    app: 'web',
    req: 3,
    status: 200,
    latency: 18 * MS,
  },
  {
    t: 21 * MS,
    type: 'http.response',
    node: 'pc',
    app: 'http',
    conn: '49152>10.0.0.2:80',
    req: 1,
    status: 200,
    bytes: 512,
    latency: 21 * MS,
  },
  {
    t: 22 * MS,
    type: 'server.refuse',
    node: 'web',
    app: 'web',
    conn: '10.0.0.1:49153',
    reason: 'pool queue full',
  },
  { t: 23 * MS, type: 'app.state', node: 'web', app: 'web/w2', state: 'waitingForIo' },
  {
    t: 24 * MS,
    type: 'http.page',
    node: 'pc',
    app: 'http',
    path: '/index.html',
    objects: 3,
    elapsed: 24 * MS,
    error: null,
  },
];

describe('narrate servers, CPU and HTTP', () => {
  const entries = narrate(records, names);
  const text = (i: number) => entries[i]!.text;

  it('says what workers and the scheduler do, in plain words', () => {
    expect(text(3)).toBe('Web server: worker w2 starts GET /index.html (request 3).');
    expect(text(6)).toBe(
      'CPU of Web server: P2 is preempted after its 10 ms quantum; 5 ms of its burst remain, back to the ready queue.',
    );
    expect(text(10)).toBe('Web server: web worker w2 is waiting for I/O (disk or database).');
  });

  it('names requests, replies with their status reason and latency, and refusals', () => {
    expect(text(0)).toBe('Laptop sends HTTP request GET /index.html.');
    expect(text(7)).toBe(
      'Web server: web answers GET /index.html with 200 OK, 18 ms after it arrived.',
    );
    expect(text(8)).toBe('Laptop gets 200 OK for GET /index.html: 512 bytes, 21 ms after asking.');
    expect(entries[9]!.kind).toBe('error');
    expect(text(9)).toMatch(
      /^Web server: web refuses the connection from .*\(pool queue full\)\.$/,
    );
    expect(text(11)).toBe('Laptop has the whole page /index.html: 3 objects in 24 ms.');
  });

  it('narrates every record of these types, none raw', () => {
    for (const e of entries) expect(e.text).not.toMatch(/^(cpu|server|http|app)\.\w+/);
  });
});

describe('narrate a switch cut short by a better job', () => {
  it('says the job switched to is preempted as its switch ends, before it has run', () => {
    // SRTF: P1 runs from 0; P2 (shorter) arrives at 1 and P1 is preempted; the core switches to
    // P2 from 1 to 3; P3 (shorter still) arrived at 2, so at 3 P2 goes back without having run.
    const cpu = (t: number, rest: Record<string, unknown>) =>
      ({ t: t * MS, node: 'web', core: 0, ...rest }) as unknown as TraceRecord;
    const said = narrate(
      [
        cpu(0, { type: 'cpu.dispatch', job: 'P1', remaining: 10 * MS }),
        cpu(1, { type: 'cpu.preempt', job: 'P1', remaining: 9 * MS, reason: 'shorter' }),
        cpu(1, { type: 'cpu.switch', job: 'P2' }),
        cpu(3, { type: 'cpu.preempt', job: 'P2', remaining: 4 * MS, reason: 'shorter' }),
      ],
      names,
    ).map((e) => e.text);
    expect(said[1]).toBe(
      'CPU of Web server: P1 is preempted: a job with a shorter remaining time is ready; 9 ms of its burst remain, back to the ready queue.',
    );
    expect(said[3]).toBe(
      'CPU of Web server: P2 is preempted: a job with a shorter remaining time is ready as its context switch ends, before it has run; 4 ms of its burst remain, back to the ready queue.',
    );
  });
});

describe('narrate a connection’s life at the server (server.conn)', () => {
  const conn = (t: number, state: string): TraceRecord => ({
    t: t * MS,
    type: 'server.conn',
    node: 'web',
    app: 'web',
    conn: '10.0.0.1:49152',
    state,
  });
  const states = ['accepted', 'reading', 'working', 'waitingForIo', 'closing', 'closed'];
  const entries = narrate(
    states.map((state, i) => conn(i, state)),
    names,
  );

  it('says each state of serverConnectionMachine in words, as a detail, naming the client', () => {
    expect(entries.map((e) => e.kind)).toEqual(states.map(() => 'detail'));
    expect(entries[0]!.text).toMatch(
      /^Web server: the web connection from .*49152.* is taken from the accept queue, waiting for a thread\.$/,
    );
    expect(entries[3]!.text).toMatch(/is waiting for its request’s I\/O\.$/);
    expect(entries[5]!.text).toMatch(/ is closed\.$/);
    for (const e of entries) expect(e.text).not.toMatch(/server\.conn|waitingForIo/);
  });
});
