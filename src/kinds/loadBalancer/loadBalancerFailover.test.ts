// A backend that stops answering (its link taken down, or the node crashed): the load balancer stops sending to it
// within fall × interval + timeout of the failure (the last of `fall` checks must time out), only
// the requests sent to it in that window fail, and `rise` passing checks bring it back. The
// figures (per backend and at the clients) are checked against the trace, pick by pick.
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import { runScenario } from '../../sim/runScenario.ts';
import { backendAt, lbScenario } from '../../../tests/support/lbScenario.ts';

const INTERVAL = NS_PER_S;
const TIMEOUT = 200 * NS_PER_MS;
const FALL = 3;
const RISE = 2;
const CRASH = 3 * NS_PER_S;
const BACK = 7 * NS_PER_S;

/** Each pick with what became of it: its end (lb.done or lb.failure) on the same client. */
function outcomes(records: readonly TraceRecord[]) {
  const open = new Map<string, { t: number; backend: string }[]>();
  const out: { t: number; backend: string; end: number; failed: boolean }[] = [];
  for (const r of records) {
    if (r.type === 'lb.pick') {
      const list = open.get(r.client) ?? [];
      list.push({ t: r.t, backend: r.backend });
      open.set(r.client, list);
    } else if (r.type === 'lb.done' || r.type === 'lb.failure') {
      const pick = open.get(r.client)?.shift();
      if (!pick) throw new Error(`an end without a pick at ${r.t}`);
      expect(pick.backend).toBe(r.backend);
      out.push({ ...pick, end: r.t, failed: r.type === 'lb.failure' });
    }
  }
  return out;
}

/** b's link taken down at CRASH and brought back at BACK. */
const LINK_DOWN = [
  { at: '3s', type: 'linkDown', link: 'l-b' },
  { at: '7s', type: 'linkUp', link: 'l-b' },
];
/** b crashing at CRASH (silently: no FIN, no RST) and restarting at BACK. */
const B_CRASHES = [
  { at: '3s', type: 'nodeCrash', node: 'b' },
  { at: '7s', type: 'nodeRestart', node: 'b' },
];

/** Runs three backends behind a layer-7 round robin, b failing from CRASH to BACK. */
function run(clients: Record<string, unknown>[], events: unknown[] = LINK_DOWN) {
  return runScenario(
    lbScenario({
      lb: {
        mode: 'l7',
        policy: 'roundRobin',
        healthCheck: { interval: '1s', timeout: '200ms', rise: RISE, fall: FALL },
        connectTimeout: '200ms',
        timeout: '1s',
      },
      backends: [{}, {}, {}],
      clients,
      events,
      until: '10s',
    }),
  );
}

describe('a backend that stops answering', () => {
  it('with light traffic, the checks take it out within fall × interval + timeout', () => {
    // One request every 1.5 s or so: too few to fail `fall` times before the checks do.
    const { simulation, summary } = run([
      {
        requests: [{ path: '/api/items' }],
        workload: { kind: 'closed', users: 1, thinkTime: '1500ms' },
      },
    ]);
    const records = simulation.sim.trace.records;
    const health = records.filter((r) => r.type === 'lb.health');
    expect(health.map((h) => [h.backend, h.healthy, h.cause])).toEqual([
      [backendAt(1), false, 'check'],
      [backendAt(1), true, 'check'],
    ]);
    const [down, up] = health.map((h) => h.t) as [number, number];
    // The formula: the first failing check may start up to an interval after the failure, and
    // the fall-th fails a timeout after it starts.
    expect(down - CRASH).toBeLessThanOrEqual(FALL * INTERVAL + TIMEOUT);
    expect(down - CRASH).toBeGreaterThan((FALL - 1) * INTERVAL);
    // Checks at 3, 4, 5 s time out at 3.2, 4.2, 5.2 s: out at 5.2 s.
    expect(down).toBe(5 * NS_PER_S + TIMEOUT);
    // Back after `rise` passing checks (at 7 and 8 s, each answered within a few ms).
    expect(up - BACK).toBeLessThanOrEqual(RISE * INTERVAL);
    expect(up - BACK).toBeGreaterThan((RISE - 1) * INTERVAL);
    const checks = records.filter((r) => r.type === 'lb.check' && r.backend === backendAt(1));
    expect(checks.filter((c) => c.type === 'lb.check' && !c.ok)).toHaveLength(4); // 3, 4, 5, 6 s
    assertOnlyTheWindowFails(records, down, up);
    const b = summary.apps.loadBalancer?.[0]?.backends[1];
    expect(b).toMatchObject({ healthy: true, downs: 1, failedChecks: 4 });
  });

  it('with heavy traffic, failed requests take it out sooner, and only those fail', () => {
    const { simulation, summary } = run(
      [0, 1, 2].map(() => ({
        requests: [{ path: '/api/items' }],
        workload: { kind: 'closed', users: 2, thinkTime: '50ms' },
      })),
    );
    const records = simulation.sim.trace.records;
    const health = records.filter((r) => r.type === 'lb.health');
    expect(health.map((h) => [h.backend, h.healthy, h.cause])).toEqual([
      [backendAt(1), false, 'request'],
      [backendAt(1), true, 'check'],
    ]);
    const [down, up] = health.map((h) => h.t) as [number, number];
    // `fall` requests had to fail, each after the connect timeout (or the response timeout for
    // one in flight): well within the checks' bound.
    expect(down - CRASH).toBeLessThanOrEqual(FALL * INTERVAL + TIMEOUT);
    const failures = assertOnlyTheWindowFails(records, down, up);
    expect(failures).toBeGreaterThanOrEqual(FALL);
    // The figures agree: b's failures, and the clients' 504s, are exactly these requests.
    const lb = summary.apps.loadBalancer?.[0];
    expect(lb?.backends.map((b) => b.failures)).toEqual([0, failures, 0]);
    const clients = summary.apps.httpClient ?? [];
    expect(clients.reduce((n, c) => n + (c.statuses['504'] ?? 0), 0)).toBe(failures);
    expect(clients.reduce((n, c) => n + c.failures, 0)).toBe(0);
    // Every other request was answered 200, but for those still under way when the run ends
    // (at most one per user, six): picked, or answered by the backend with the answer still on
    // its way to the client.
    const answered = clients.reduce((n, c) => n + (c.statuses['200'] ?? 0), 0);
    const underWay = (lb?.picks ?? 0) - (answered + failures);
    expect(underWay).toBeGreaterThanOrEqual(0);
    expect(underWay).toBeLessThanOrEqual(6);
  });
});

describe('a backend that crashes and restarts', () => {
  /** Three offices of two users each, one page request every 50 ms or so per user. */
  const busy = (extra: Record<string, unknown> = {}) =>
    [0, 1, 2].map(() => ({
      requests: [{ path: '/api/items' }],
      workload: { kind: 'closed', users: 2, thinkTime: '50ms' },
      ...extra,
    }));

  it('is out within fall × interval + timeout, and only the requests in that window fail', () => {
    const { simulation, summary } = run(busy(), B_CRASHES);
    const records = simulation.sim.trace.records;
    const health = records.filter((r) => r.type === 'lb.health');
    expect(health.map((h) => [h.backend, h.healthy])).toEqual([
      [backendAt(1), false],
      [backendAt(1), true],
    ]);
    const [down, up] = health.map((h) => h.t) as [number, number];
    expect(down - CRASH).toBeLessThanOrEqual(FALL * INTERVAL + TIMEOUT);
    // Back only after the restart and `rise` passing checks of the listening server.
    expect(up).toBeGreaterThan(BACK);
    expect(up - BACK).toBeLessThanOrEqual(RISE * INTERVAL);
    const failures = assertOnlyTheWindowFails(records, down, up);
    expect(failures).toBeGreaterThanOrEqual(FALL);
    const clients = summary.apps.httpClient ?? [];
    // The window's requests reach the clients as the balancer's 504s (RFC 9110 section 15.6.5:
    // the upstream did not answer in time), and nothing else went wrong.
    expect(clients.reduce((n, c) => n + (c.statuses['504'] ?? 0), 0)).toBe(failures);
    const answered = clients.reduce((n, c) => n + (c.statuses['200'] ?? 0), 0);
    // (Requests still under way at the end, at most one per user, are picked but unanswered.)
    const underWay = (summary.apps.loadBalancer?.[0]?.picks ?? 0) - (answered + failures);
    expect(underWay).toBeGreaterThanOrEqual(0);
    expect(underWay).toBeLessThanOrEqual(6);
  });

  it('loses no request when the clients retry: each 504 is sent again and answered', () => {
    const plain = run(busy(), B_CRASHES).summary.apps.httpClient ?? [];
    const lost = plain.reduce((n, c) => n + (c.statuses['504'] ?? 0), 0);
    expect(lost).toBeGreaterThan(0);
    const { simulation, summary } = run(busy({ retry: { attempts: 3, base: '100ms' } }), B_CRASHES);
    const clients = summary.apps.httpClient ?? [];
    const statuses = (code: string) => clients.reduce((n, c) => n + (c.statuses[code] ?? 0), 0);
    const retries = clients.reduce((n, c) => n + (c.retry?.retries ?? 0), 0);
    const recovered = clients.reduce((n, c) => n + (c.retry?.recovered ?? 0), 0);
    // Every 504 the balancer gave was tried again (a GET is idempotent, RFC 9110 section 9.2.2)
    // and the retry went to a healthy backend: none given up, no request failed.
    expect(retries).toBe(statuses('504'));
    expect(retries).toBeGreaterThanOrEqual(FALL);
    expect(recovered).toBe(statuses('504')); // here each lost request needed one retry
    expect(clients.reduce((n, c) => n + (c.retry?.gaveUp ?? 0), 0)).toBe(0);
    expect(clients.reduce((n, c) => n + c.failures, 0)).toBe(0);
    // Each request made got a 200 in the end: requests made = 200s answered (+ those in flight
    // at the end of the run, whose pick has no end yet).
    const picks = simulation.sim.trace.records.filter((r) => r.type === 'lb.pick').length;
    expect(statuses('200') + retries).toBeLessThanOrEqual(picks);
    expect(picks - statuses('200') - retries).toBeLessThanOrEqual(6); // six users in flight
  });
});

/**
 * Exactly the requests sent to b that had not ended by the failure, or were picked between the
 * failure and b's removal, fail; none sent elsewhere fails; none goes to b while it is out.
 * Returns how many failed.
 */
function assertOnlyTheWindowFails(records: readonly TraceRecord[], down: number, up: number) {
  const all = outcomes(records);
  const b = backendAt(1);
  const inWindow = (o: { t: number; backend: string; end: number }) =>
    o.backend === b && o.end > CRASH && o.t <= down;
  for (const o of all) {
    expect(o.failed, `pick of ${o.backend} at ${o.t}`).toBe(inWindow(o));
    if (o.backend === b) expect(o.t <= down || o.t >= up, `pick of b at ${o.t}`).toBe(true);
  }
  // Something went to b before the failure and after its return: it was in the rotation.
  expect(all.some((o) => o.backend === b && o.end < CRASH && !o.failed)).toBe(true);
  expect(all.some((o) => o.backend === b && o.t > up && !o.failed)).toBe(true);
  return all.filter((o) => o.failed).length;
}
