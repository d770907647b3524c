// Retries and rate limits end to end: a client that sends ten requests in a row to a server
// letting 4 a second through (burst 2) loses 8 of them to 503s, as the token bucket's count
// says, and loses none when it retries; a 429 with Retry-After sets the wait; a TLS handshake is
// not a request the limit counts; a refused connection is tried again and then given up.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/runScenario.ts';
import { webScenario } from '../../../tests/support/webScenario.ts';

const S = 1_000_000_000;
const MS = 1_000_000;
const TEN = Array.from({ length: 10 }, () => ({ path: '/api/status' }));

function limited(
  client: Record<string, unknown>,
  rateLimit: Record<string, unknown>,
  server: Record<string, unknown> = {},
) {
  const { simulation, summary } = runScenario(
    webScenario({
      client: { requests: TEN, ...client },
      server: { service: { cpu: '1ms' }, rateLimit, ...server },
      latency: '5ms',
    }),
  );
  const trace = simulation.sim.trace;
  const statuses = trace.ofType('http.response').map((r) => r.status);
  return {
    trace,
    statuses,
    client: summary.apps.httpClient?.[0],
    server: summary.apps.httpServer?.[0],
  };
}

describe('a client against a rate-limited server', () => {
  it('without retries loses every request over burst + rate * t: 8 of 10', () => {
    const { statuses, trace, client, server } = limited({}, { rate: 4, burst: 2 });
    // The ten requests go one per round trip (10 ms plus 1 ms of work), all within 0.11 s:
    // the bucket lets through 2 + 4 x 0.11 = 2.4, so 2, and answers the other 8 with 503.
    const requests = trace.ofType('http.request');
    expect(requests.at(-1)!.t - requests[0]!.t).toBeLessThan(0.11 * S);
    expect(statuses).toEqual([200, 200, 503, 503, 503, 503, 503, 503, 503, 503]);
    expect(trace.ofType('server.limit')).toHaveLength(8);
    expect(trace.ofType('server.limit')[0]).toMatchObject({ key: '10.0.0.1', status: 503 });
    expect(server).toMatchObject({ limited: 8, statuses: { 200: 2, 503: 8 } });
    // Refused at once: a 503 costs no CPU (2 jobs for the 2 admitted requests).
    expect(trace.ofType('server.work')).toHaveLength(2);
    expect(client).toMatchObject({ requests: 10, statuses: { 200: 2, 503: 8 } });
    expect(client?.retry).toBeUndefined();
  });

  it('with retries loses none, and cannot finish before (10 - burst) / rate = 2 s', () => {
    const retry = { attempts: 10, base: '100ms', cap: '1s', jitter: 'full' };
    const { statuses, trace, client } = limited({ retry }, { rate: 4, burst: 2 });
    const refused = statuses.filter((s) => s === 503).length;
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(trace.ofType('server.limit')).toHaveLength(refused);
    // Every 503 is tried again; the requests that met one are answered after retrying.
    const retried = new Set(trace.ofType('client.retry').map((r) => r.target + r.req));
    expect(retried.size).toBe(refused);
    expect(client?.retry).toEqual({
      retries: refused,
      recovered: trace.ofType('client.recovered').length,
      gaveUp: 0,
    });
    expect(client?.retry?.recovered).toBeGreaterThan(0);
    expect(client?.retry?.recovered).toBeLessThanOrEqual(8);
    expect(client).toMatchObject({ requests: 10 + refused, failures: 0 });
    // The bucket's count bounds when the tenth 200 can come: 10 <= 2 + 4 x t.
    const answered = trace.ofType('server.reply').filter((r) => r.status === 200);
    expect(answered.at(-1)!.t).toBeGreaterThanOrEqual(2 * S);
  });

  it('waits what a 429’s Retry-After asks when it is longer than the backoff', () => {
    const retry = { attempts: 3, base: '10ms', jitter: 'none' };
    const { trace, statuses } = limited(
      { retry, requests: TEN.slice(0, 2) },
      { rate: 1, burst: 1, status: 429, retryAfter: 2 },
    );
    expect(statuses).toEqual([200, 429, 200]);
    const [wait] = trace.ofType('client.retry');
    expect(wait).toMatchObject({ attempt: 2, delay: 2 * S, retryAfter: 2 * S, reason: '429' });
    const sent = trace.ofType('http.request');
    expect(sent[2]!.t - wait!.t).toBe(2 * S);
  });
});

describe('what a rate limit counts', () => {
  it('counts the HTTP requests inside TLS, not the handshake', () => {
    const { statuses, trace } = limited(
      { https: true, requests: TEN.slice(0, 2) },
      { rate: 0.001, burst: 1 },
      { tls: { certificate: { subject: 'web' } } },
    );
    expect(trace.ofType('server.request').map((r) => r.label)).toEqual([
      'TLS handshake',
      'GET /api/status',
      'GET /api/status',
    ]);
    expect(statuses).toEqual([200, 503]);
  });
});

describe('a refused connection', () => {
  it('is tried again, marked as such, and given up after the last try', () => {
    const { simulation, summary } = runScenario(
      webScenario({
        client: { port: 81, retry: { attempts: 3, base: '50ms', jitter: 'none' } },
        latency: '5ms',
      }),
    );
    const trace = simulation.sim.trace;
    expect(trace.ofType('http.failure').map((f) => [f.error, f.again])).toEqual([
      ['ECONNREFUSED', true],
      ['ECONNREFUSED', true],
      ['ECONNREFUSED', false],
    ]);
    expect(trace.ofType('client.retry').map((r) => r.delay)).toEqual([50 * MS, 100 * MS]);
    expect(trace.ofType('client.giveUp')).toMatchObject([{ attempts: 3, reason: 'ECONNREFUSED' }]);
    expect(summary.apps.httpClient?.[0]).toMatchObject({
      failures: 1,
      error: 'ECONNREFUSED',
      retry: { retries: 2, recovered: 0, gaveUp: 1 },
    });
  });
});
