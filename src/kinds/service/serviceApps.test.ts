// The request/response service in a scenario: each query costs a round trip plus the service
// time (worked by hand below), replies carry the configured size, a busy service's worker
// pool makes the second client wait, and a rate-limited service's "rate limited" answers stop a
// client without retries and are tried again by one with them.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/runScenario.ts';
import { scenarioOf } from '../../../tests/support/webScenario.ts';

const MS = 1_000_000;

function serviceScenario(server: Record<string, unknown>, client: Record<string, unknown>) {
  return scenarioOf({
    format: 'handshake/scenario@1',
    name: 'service test',
    until: '10s',
    nodes: [
      {
        id: 'app',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        apps: [{ type: 'serviceClient', server: 'db', ...client }],
      },
      {
        id: 'db',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
        apps: [{ type: 'service', ...server }],
      },
    ],
    links: [{ id: 'l', a: 'app', b: 'db', latency: '5ms', bandwidth: '10Gbps' }],
  });
}

describe('request/response service', () => {
  it('answers each query after one round trip (10 ms) plus its service time (20 ms)', () => {
    const { simulation, summary } = runScenario(
      serviceScenario(
        { service: { cpu: '15ms', io: '5ms' }, replySize: 500 },
        { queries: ['SELECT 1', 'SELECT * FROM items', 'UPDATE items SET n = 2'] },
      ),
    );
    const responses = simulation.sim.trace.ofType('service.response');
    expect(responses.map((r) => Math.round(r.latency / MS))).toEqual([30, 30, 30]);
    expect(responses.every((r) => r.ok && r.bytes === 500)).toBe(true);
    const [client] = summary.apps.serviceClient ?? [];
    expect(client).toMatchObject({ requests: 3, replies: 3, errors: 0, failures: 0, visits: 1 });
    expect(summary.apps.service?.[0]).toMatchObject({ app: 'db', replies: 3 });
  });

  it('with one worker, a second user waits for the first to leave (single-threaded)', () => {
    // Two users, one query each, 100 ms of CPU; the server is iterative: the second connection
    // is taken when the first user closes, so its query waits 100 ms + a round trip more.
    const { simulation } = runScenario(
      serviceScenario(
        { service: { cpu: '100ms' }, concurrency: { model: 'single' } },
        { workload: { kind: 'closed', users: 2, visits: 1 } },
      ),
    );
    const latencies = simulation.sim.trace.ofType('service.response').map((r) => r.latency / MS);
    expect(latencies.map(Math.round)).toEqual([110, 220]);
  });
});

describe('request/response service connections', () => {
  it('opens a new connection after the service closed an idle one', () => {
    // Think 2 s, keep-alive 1 s: the service closes each idle connection, and the user's next
    // visit connects again. Every query is answered.
    const { summary } = runScenario(
      serviceScenario(
        { service: { cpu: '1ms' }, keepAliveTimeout: '1s' },
        { workload: { kind: 'closed', users: 1, visits: 3, thinkTime: '2s' } },
      ),
    );
    const [client] = summary.apps.serviceClient ?? [];
    expect(client).toMatchObject({ requests: 3, replies: 3, failures: 0, error: null });
    expect(summary.apps.service?.[0]?.accepted).toBe(3);
  });
});

describe('a service client against a rate-limited service', () => {
  const six = Array.from({ length: 6 }, (_, i) => `SELECT ${i}`);
  const limit = { rate: 2, burst: 2 };

  it('stops at the first "rate limited" answer without retries', () => {
    const { simulation, summary } = runScenario(
      serviceScenario({ rateLimit: limit }, { queries: six }),
    );
    // Queries one round trip apart (10 ms): the bucket admits 2, and the third is refused.
    expect(simulation.sim.trace.ofType('server.limit')).toHaveLength(1);
    expect(summary.apps.serviceClient?.[0]).toMatchObject({
      replies: 3,
      errors: 1,
      error: 'rate limited',
    });
    expect(summary.apps.service?.[0]).toMatchObject({ limited: 1, statuses: { '-': 2, 503: 1 } });
  });

  it('gets every answer with retries, each refusal tried again', () => {
    const retry = { attempts: 8, base: '100ms', cap: '2s' };
    const { simulation, summary } = runScenario(
      serviceScenario({ rateLimit: { ...limit, status: 429 } }, { queries: six, retry }),
    );
    const trace = simulation.sim.trace;
    const refused = trace.ofType('server.limit').length;
    expect(refused).toBeGreaterThan(0);
    expect(trace.ofType('server.limit')[0]).toMatchObject({ status: 429 });
    expect(trace.ofType('client.retry').every((r) => r.reason === 'rate limited')).toBe(true);
    expect(summary.apps.serviceClient?.[0]).toMatchObject({
      replies: 6 + refused,
      errors: refused,
      error: null,
      retry: { retries: refused, gaveUp: 0 },
    });
  });
});
