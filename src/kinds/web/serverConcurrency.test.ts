// The four concurrency models of a server, each against hand-worked timings: requests arrive
// together at t0 (three users start at once), and the server-side latency of each reply follows
// from the service times and the model (worked out in each test's comment).

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/runScenario.ts';
import { webScenario } from '../../../tests/support/webScenario.ts';

const MS = 1_000_000;

function run(server: Record<string, unknown>, users: number, cpu?: Record<string, unknown>) {
  const scenario = webScenario({
    client: { requests: [{ path: '/api/status' }], workload: { kind: 'closed', users, visits: 1 } },
    server,
    ...(cpu ? { cpu } : {}),
    latency: '100us',
    until: '5s',
  });
  const { simulation, summary } = runScenario(scenario);
  const trace = simulation.sim.trace;
  return {
    latenciesMs: trace.ofType('server.reply').map((r) => r.latency / MS),
    statuses: trace.ofType('server.reply').map((r) => r.status),
    waits: trace.ofType('server.wait'),
    refusals: trace.ofType('server.refuse'),
    client: summary.apps.httpClient![0]!,
    trace,
    server: summary.apps.httpServer![0]!,
  };
}

describe('server concurrency models', () => {
  it('thread per connection: CPU in turn (FCFS), I/O overlapped: 110, 120, 130 ms', () => {
    // Each request: 10 ms CPU then 100 ms I/O. FCFS runs the CPU parts at 0-10, 10-20, 20-30;
    // each thread then waits 100 ms for its I/O, in parallel.
    const r = run({ service: { cpu: '10ms', io: '100ms' } }, 3);
    expect(r.latenciesMs.map(Math.round)).toEqual([110, 120, 130]);
    expect(r.client.statuses).toEqual({ 200: 3 });
  });

  it('event loop: one thread, CPU work one at a time, I/O never blocks it: 110, 120, 130 ms', () => {
    const r = run(
      { service: { cpu: '10ms', io: '100ms' }, concurrency: { model: 'eventLoop' } },
      3,
    );
    expect(r.latenciesMs.map(Math.round)).toEqual([110, 120, 130]);
    // The loop thread works through the three CPU parts (0-30 ms), then waits for events again.
    const loop = r.trace.ofType('app.state').filter((s) => s.app === 'web/loop');
    expect(loop.map((s) => s.state)).toEqual(['idle', 'reading', 'working', 'reading']);
    expect(r.trace.ofType('cpu.dispatch').map((d) => d.job)).toEqual([
      'web/loop#1',
      'web/loop#2',
      'web/loop#3',
    ]);
  });

  it('single thread: one connection to its end, the others wait in the accept queue', () => {
    // The first connection takes 110 ms; the next is accepted only after the first client has
    // its reply and closes (one 0.1 ms trip each way), and its latency counts from when the
    // server reads it, so each reply still takes 110 ms of service, one after the other.
    const r = run({ service: { cpu: '10ms', io: '100ms' }, concurrency: { model: 'single' } }, 3);
    expect(r.latenciesMs.map(Math.round)).toEqual([110, 110, 110]);
    expect(r.waits.some((w) => w.where === 'backlog')).toBe(true);
    expect(r.server.replies).toBe(3);
  });

  it('round robin shares the CPU between threads; an event loop runs each request to its end', () => {
    // Three 100 ms CPU requests, quantum 10 ms. RR: slices go 1,2,3,1,2,3,... so request 1 ends
    // with the 28th slice (280 ms), request 2 at 290, request 3 at 300 (Silberschatz 5.3.4).
    const rr = { policy: 'rr', quantum: '10ms' };
    const threads = run({ service: { cpu: '100ms' } }, 3, rr);
    expect(threads.latenciesMs.map(Math.round)).toEqual([280, 290, 300]);
    // The event loop never yields inside a request: 100, 200, 300 ms.
    const loop = run({ service: { cpu: '100ms' }, concurrency: { model: 'eventLoop' } }, 3, rr);
    expect(loop.latenciesMs.map(Math.round)).toEqual([100, 200, 300]);
  });

  it('two cores halve the wait: 100, 100, 200 ms for three 100 ms requests', () => {
    const r = run({ service: { cpu: '100ms' } }, 3, { cores: 2 });
    expect(r.latenciesMs.map(Math.round)).toEqual([100, 100, 200]);
  });

  it('a thread limit with overLimit "refuse" answers the third connection with 503', () => {
    const r = run(
      {
        service: { cpu: '10ms' },
        concurrency: { model: 'threadPerConnection', limit: 2, overLimit: 'refuse' },
      },
      3,
    );
    expect(r.refusals).toHaveLength(1);
    expect(r.refusals[0]?.reason).toBe('2 at once');
    expect(r.client.statuses).toEqual({ 200: 2, 503: 1 });
  });

  it('a thread limit with overLimit "queue" leaves the third in the backlog, then serves it', () => {
    const r = run(
      { service: { cpu: '10ms' }, concurrency: { model: 'threadPerConnection', limit: 2 } },
      3,
    );
    expect(r.refusals).toHaveLength(0);
    expect(r.waits.map((w) => w.where)).toContain('backlog');
    expect(r.client.statuses).toEqual({ 200: 3 });
  });

  it('a worker pool queues what its workers cannot take and refuses past its queue', () => {
    // 2 workers, room for 1 waiting connection: of 4 connections, 2 are served at once, 1 waits
    // in the pool's queue and is served next, the 4th is refused with 503 (overLimit "refuse";
    // with "queue" it would wait in the kernel's accept queue instead).
    const r = run(
      {
        service: { cpu: '10ms' },
        concurrency: { model: 'workerPool', limit: 2, queueLimit: 1, overLimit: 'refuse' },
      },
      4,
    );
    expect(r.waits.filter((w) => w.where === 'pool')).toHaveLength(1);
    expect(r.refusals.map((x) => x.reason)).toEqual(['pool queue full']);
    expect(r.client.statuses).toEqual({ 200: 3, 503: 1 });
  });
});

describe('persistent connections and the keep-alive timeout', () => {
  it('a request that crosses the server closing an idle connection is sent again (RFC 9110 9.2.2)', () => {
    // The user thinks 999.9 ms; the server closes connections idle for 1 s. The second GET leaves
    // just before the server's FIN arrives, so the server never reads it; the client sends it
    // again on a new connection and every visit succeeds.
    const scenario = webScenario({
      client: {
        requests: [{ path: '/api/status' }],
        workload: { kind: 'closed', users: 1, visits: 3, thinkTime: '999900us' },
      },
      server: { service: { cpu: '0s' }, keepAliveTimeout: '1s' },
      latency: '1ms',
      until: '10s',
    });
    const { simulation, summary } = runScenario(scenario);
    const client = summary.apps.httpClient![0]!;
    expect(client.statuses).toEqual({ 200: 3 });
    expect(client.failures).toBe(0);
    expect(client.error).toBeNull();
    expect(simulation.sim.trace.ofType('server.close').some((c) => c.reason === 'idle')).toBe(true);
  });

  it('a 503 with Connection: close is a response; nothing more is sent on that connection', () => {
    const r = run(
      {
        service: { cpu: '10ms' },
        concurrency: { model: 'threadPerConnection', limit: 1, overLimit: 'refuse' },
      },
      2,
    );
    expect(r.client.statuses).toEqual({ 200: 1, 503: 1 });
    expect(r.client.failures).toBe(0);
  });
});
