// The two proxies in runs: layer 4 resets the client when its backend refuses (the browser sends
// its GET again and the next backend answers it), layer 7 keeps a client on the backend its cookie
// names while that one is healthy, and both turn clients away when no backend is healthy.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { runScenario } from '../../sim/runScenario.ts';
import { backendAt, lbScenario } from '../../../tests/support/lbScenario.ts';

function ofType<T extends TraceRecord['type']>(
  records: readonly TraceRecord[],
  type: T,
): TraceRecord<T>[] {
  return records.filter((r): r is TraceRecord<T> => r.type === type);
}

describe('layer 4', () => {
  it('resets the client when its backend refuses, counts it against the backend, and the retry lands elsewhere', () => {
    const { simulation, summary } = runScenario(
      lbScenario({
        lb: { mode: 'l4', policy: 'roundRobin', healthCheck: { interval: '5s', fall: 2 } },
        // b's web server listens on 8080: the balancer's connections to b:80 are refused.
        backends: [{}, { server: { port: 8080, service: { cpu: '1ms' } } }, {}],
        clients: [
          {
            requests: [{ path: '/api/items' }],
            persistent: false,
            workload: { kind: 'closed', users: 1, visits: 9, thinkTime: '10ms' },
          },
        ],
        until: '4s',
      }),
    );
    const records = simulation.sim.trace.records;
    const failures = ofType(records, 'lb.failure');
    // The check at 0 s was refused, then one connection: two failures in a row take b out.
    expect(failures.map((f) => [f.backend, f.error, f.status])).toEqual([
      [backendAt(1), 'ECONNREFUSED', null],
    ]);
    expect(ofType(records, 'lb.health').map((h) => [h.backend, h.healthy, h.cause])).toEqual([
      [backendAt(1), false, 'request'],
    ]);
    // The browser saw its connection reset and sent the GET once more (RFC 9110 9.2.2).
    const client = ofType(records, 'http.failure');
    expect(client.map((f) => [f.error, f.again])).toEqual([['ECONNRESET, sending again', true]]);
    expect(summary.apps.httpClient?.[0]).toMatchObject({ statuses: { 200: 9 }, failures: 0 });
    expect(summary.apps.loadBalancer?.[0]?.backends.map((b) => b.requests)).toEqual([5, 1, 4]);
  });

  it('resets every client while no backend is healthy', () => {
    const { simulation } = runScenario(
      lbScenario({
        lb: { mode: 'l4', healthCheck: { interval: '500ms', timeout: '100ms', fall: 1 } },
        backends: [{}],
        clients: [
          {
            requests: [{ path: '/api/items' }],
            persistent: false,
            workload: { kind: 'open', rate: 10 },
          },
        ],
        events: [{ at: '1s', type: 'linkDown', link: 'l-a' }],
        until: '3s',
      }),
    );
    const records = simulation.sim.trace.records;
    const down = ofType(records, 'lb.health')[0]?.t ?? Infinity;
    const turnedAway = ofType(records, 'lb.noBackend');
    expect(turnedAway.length).toBeGreaterThan(5);
    expect(turnedAway.every((r) => r.t > down)).toBe(true);
    expect(ofType(records, 'lb.pick').every((r) => r.t < down)).toBe(true);
  });
});

describe('layer 7', () => {
  it('keeps each user on the backend its cookie names while that one is healthy', () => {
    const { simulation } = runScenario(
      lbScenario({
        lb: {
          mode: 'l7',
          policy: 'roundRobin',
          sticky: { cookie: 'SERVERID' },
          healthCheck: { interval: '500ms', timeout: '100ms', rise: 2, fall: 2 },
          connectTimeout: '100ms',
        },
        backends: [{}, {}, {}],
        clients: [
          {
            requests: [{ path: '/api/items' }],
            workload: { kind: 'closed', users: 2, thinkTime: '100ms' },
          },
        ],
        // The first user's backend (a) goes away for two seconds.
        events: [
          { at: '2s', type: 'linkDown', link: 'l-a' },
          { at: '4s', type: 'linkUp', link: 'l-a' },
        ],
        until: '6s',
      }),
    );
    const records = simulation.sim.trace.records;
    const health = ofType(records, 'lb.health');
    expect(health.map((h) => [h.backend, h.healthy])).toEqual([
      [backendAt(0), false],
      [backendAt(0), true],
    ]);
    const [down] = health.map((h) => h.t) as [number];
    const picks = ofType(records, 'lb.pick');
    // Each user has its own connection to the balancer: picks by the client's port.
    const byUser = new Map<string, (typeof picks)[number][]>();
    for (const p of picks) byUser.set(p.client, [...(byUser.get(p.client) ?? []), p]);
    expect(byUser.size).toBe(2);
    const [first, second] = [...byUser.values()] as [typeof picks, typeof picks];
    // The first request of each is the policy's; every later one follows the cookie.
    expect(first[0]?.sticky).toBe(false);
    expect(first[0]?.backend).toBe(backendAt(0));
    expect(second[0]?.backend).toBe(backendAt(1));
    expect(second.slice(1).every((p) => p.sticky && p.backend === backendAt(1))).toBe(true);
    // The first user stays on a until it is taken out, then moves once and stays there, even
    // after a is back: its new cookie names the new backend.
    const before = first.filter((p) => p.t <= down);
    const after = first.filter((p) => p.t > down);
    expect(before.every((p) => p.backend === backendAt(0))).toBe(true);
    expect(after[0]?.sticky).toBe(false);
    expect(after.length).toBeGreaterThan(10);
    expect(after.every((p) => p.backend === after[0]?.backend)).toBe(true);
    expect(after[0]?.backend).not.toBe(backendAt(0));
    expect(after.slice(1).every((p) => p.sticky)).toBe(true);
  });

  it('answers 503 while no backend is healthy', () => {
    const { summary, simulation } = runScenario(
      lbScenario({
        lb: { mode: 'l7', healthCheck: { interval: '500ms', timeout: '100ms', fall: 1 } },
        backends: [{}],
        clients: [{ requests: [{ path: '/api/items' }], workload: { kind: 'open', rate: 10 } }],
        events: [{ at: '1s', type: 'linkDown', link: 'l-a' }],
        until: '3s',
      }),
    );
    const turnedAway = ofType(simulation.sim.trace.records, 'lb.noBackend').length;
    expect(turnedAway).toBeGreaterThan(5);
    expect(summary.apps.httpClient?.[0]?.statuses['503']).toBe(turnedAway);
    expect(summary.apps.loadBalancer?.[0]?.unserved).toBe(turnedAway);
  });
});
