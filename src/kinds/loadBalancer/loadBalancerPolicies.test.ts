// The policies through a real load balancer in a simulation (not just the pickers): nginx's
// smooth weighted round robin with weights 5, 1, 1 sends requests a a b a c a a, and the servers
// serve them so; least connections sends each request to the least loaded backend; IP hash keeps
// a client on one backend while it is healthy.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { runScenario } from '../../sim/runScenario.ts';
import { backendAt, lbScenario } from '../../../tests/support/lbScenario.ts';

/** The records of one type. */
function ofType<T extends TraceRecord['type']>(
  records: readonly TraceRecord[],
  type: T,
): TraceRecord<T>[] {
  return records.filter((r): r is TraceRecord<T> => r.type === type);
}

const NAMES: Record<string, string> = {
  [backendAt(0)]: 'a',
  [backendAt(1)]: 'b',
  [backendAt(2)]: 'c',
};

/** Seven requests one after another from one client. */
const SEVEN = Array.from({ length: 7 }, () => ({ path: '/api/items' }));

describe('smooth weighted round robin through the load balancer', () => {
  for (const mode of ['l7', 'l4'] as const) {
    it(`${mode}: weights 5, 1, 1 send seven requests to a a b a c a a`, () => {
      const { simulation, summary } = runScenario(
        lbScenario({
          lb: { mode, policy: 'weightedRoundRobin' },
          backends: [{ weight: 5 }, { weight: 1 }, { weight: 1 }],
          // At layer 4 a pick is per connection: one connection per request.
          clients: [{ requests: SEVEN, persistent: mode === 'l7' }],
          until: '3s',
        }),
      );
      const records = simulation.sim.trace.records;
      const picks = ofType(records, 'lb.pick').map((p) => NAMES[p.backend]);
      expect(picks.join(' ')).toBe('a a b a c a a');
      // The servers served them so (health checks GET "/", not /api/items).
      const served = (node: string) =>
        ofType(records, 'server.request').filter(
          (r) => r.node === node && r.label.includes('/api/items'),
        ).length;
      expect([served('a'), served('b'), served('c')]).toEqual([5, 1, 1]);
      expect(summary.apps.httpClient?.[0]).toMatchObject({ statuses: { 200: 7 }, failures: 0 });
      const lb = summary.apps.loadBalancer?.[0];
      expect(lb?.backends.map((b) => [b.requests, b.share])).toEqual([
        [5, 5 / 7],
        [1, 1 / 7],
        [1, 1 / 7],
      ]);
    });
  }
});

describe('least connections through the load balancer', () => {
  it('sends each request to the backend with the fewest requests open', () => {
    const { simulation, summary } = runScenario(
      lbScenario({
        lb: { mode: 'l7', policy: 'leastConnections' },
        // a is slow (200 ms a request), b and c are fast.
        backends: [
          { server: { service: { cpu: '1ms', io: '200ms' } } },
          { server: { service: { cpu: '1ms' } } },
          { server: { service: { cpu: '1ms' } } },
        ],
        clients: [0, 1, 2, 3].map(() => ({
          requests: [{ path: '/api/items' }],
          workload: { kind: 'closed', users: 3, thinkTime: '10ms' },
        })),
        until: '3s',
      }),
    );
    const records = simulation.sim.trace.records;
    const open = new Map<string, number>();
    let checked = 0;
    for (const r of records) {
      if (r.type === 'lb.pick') {
        const loads = [0, 1, 2].map((i) => open.get(backendAt(i)) ?? 0);
        expect(open.get(r.backend) ?? 0, `pick at ${r.t}`).toBe(Math.min(...loads));
        open.set(r.backend, (open.get(r.backend) ?? 0) + 1);
        checked++;
      } else if (r.type === 'lb.done' || r.type === 'lb.failure')
        open.set(r.backend, (open.get(r.backend) ?? 0) - 1);
    }
    expect(checked).toBeGreaterThan(100);
    // The slow backend holds its requests long, so it gets far fewer than a third.
    const [a, b, c] = summary.apps.loadBalancer?.[0]?.backends ?? [];
    expect(a?.requests).toBeLessThan((b?.requests ?? 0) / 5);
    expect(a?.requests).toBeLessThan((c?.requests ?? 0) / 5);
    expect(a?.requests).toBeGreaterThan(0);
  });
});

describe('IP hash through the load balancer', () => {
  it('keeps each client on one backend while it is healthy, and moves only its clients', () => {
    const { simulation } = runScenario(
      lbScenario({
        lb: {
          mode: 'l4',
          policy: 'ipHash',
          hashOctets: 4,
          healthCheck: { interval: '500ms', timeout: '200ms', rise: 2, fall: 2 },
          connectTimeout: '200ms',
        },
        backends: [{}, {}, {}],
        clients: [0, 1, 2, 3, 4, 5].map(() => ({
          requests: [{ path: '/api/items' }],
          persistent: false,
          workload: { kind: 'closed', users: 1, thinkTime: '100ms' },
        })),
        // Backend b goes away from 2 s to 4 s.
        events: [
          { at: '2s', type: 'linkDown', link: 'l-b' },
          { at: '4s', type: 'linkUp', link: 'l-b' },
        ],
        until: '7s',
      }),
    );
    const records = simulation.sim.trace.records;
    const health = ofType(records, 'lb.health').filter((h) => h.backend === backendAt(1));
    expect(health.map((h) => h.healthy)).toEqual([false, true]);
    const [down, up] = health.map((h) => h.t) as [number, number];
    const picks = ofType(records, 'lb.pick');
    const clientOf = (p: { client: string }) => p.client.split(':')[0] as string;
    const home = new Map<string, Set<string>>();
    const away = new Map<string, Set<string>>();
    for (const p of picks) {
      const during = p.t > down && p.t < up;
      const map = during ? away : home;
      const set = map.get(clientOf(p)) ?? new Set<string>();
      set.add(p.backend);
      map.set(clientOf(p), set);
    }
    // While its backend is healthy, every client's connections go to one backend.
    expect(home.size).toBe(6);
    for (const [client, backends] of home) expect([...backends], client).toHaveLength(1);
    const homeOf = (client: string) => [...(home.get(client) ?? [])][0];
    // The clients of b use some other one while b is out; the others never move.
    const ofB = [...home.keys()].filter((c) => homeOf(c) === backendAt(1));
    expect(ofB.length).toBeGreaterThan(0);
    expect(ofB.length).toBeLessThan(6);
    for (const [client, backends] of away) {
      expect([...backends], client).toHaveLength(1);
      if (ofB.includes(client)) expect([...backends][0]).not.toBe(backendAt(1));
      else expect([...backends][0]).toBe(homeOf(client));
    }
  });
});
