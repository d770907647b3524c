// Rate limiting at the load balancer: a token bucket in front of the backends (nginx's limit_req
// with nodelay at layer 7, HAProxy's `tcp-request connection reject` on a connection rate at
// layer 4). Over the limit a request is answered at once with the limit's status and Retry-After,
// or a new connection is reset, and no backend is asked; the count follows burst + rate × t.
import { describe, expect, it } from 'vitest';
import { NS_PER_S } from '../../engine/time.ts';
import { runScenario } from '../../sim/runScenario.ts';
import { lbScenario } from '../../../tests/support/lbScenario.ts';
import { runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { networkNames } from '../../viz/names/networkNames.ts';
import { balancerRecords, balancersAt, backendsText } from './backendsView.ts';

const TEN = Array.from({ length: 10 }, () => ({ path: '/api/items' }));

function run(lb: Record<string, unknown>, clients: Record<string, unknown>[]) {
  const { simulation, summary } = runScenario(
    lbScenario({ lb, backends: [{}, {}, {}], clients, until: '5s' }),
  );
  const trace = simulation.sim.trace;
  return { trace, summary, lb: summary.apps.loadBalancer?.[0] };
}

describe('a rate limit at a layer-7 balancer', () => {
  it('answers every request over burst + rate × t at once with 429 and Retry-After', () => {
    const { trace, lb } = run(
      { mode: 'l7', rateLimit: { rate: 4, burst: 2, status: 429, retryAfter: 1 } },
      [{ requests: TEN }],
    );
    // Ten requests one after another, all within 0.25 s: the bucket holds 2 and gains 4 a second,
    // 2 + 4 × 0.25 = 3 tokens at most by the last, so 2 are let through (RFC 6585's 429 for the
    // other 8, each with its Retry-After of RFC 9110 section 10.2.3).
    const requests = trace.ofType('http.request');
    expect(requests.at(-1)!.t - requests[0]!.t).toBeLessThan(0.25 * NS_PER_S);
    expect(trace.ofType('http.response').map((r) => r.status)).toEqual([
      200, 200, 429, 429, 429, 429, 429, 429, 429, 429,
    ]);
    const limits = trace.ofType('lb.limit');
    expect(limits).toHaveLength(8);
    expect(limits[0]).toMatchObject({ node: 'lb', key: '10.0.0.11', status: 429 });
    // No backend was asked for the refused ones: two picks, two requests served in all.
    expect(trace.ofType('lb.pick')).toHaveLength(2);
    expect(trace.ofType('lb.done').map((r) => r.status)).toEqual([200, 200]);
    expect(lb).toMatchObject({ picks: 2, unserved: 0, limited: 8 });
  });

  it('keeps one bucket per client address, or one for all with key "all"', () => {
    const two = [{ requests: TEN }, { requests: TEN }];
    const perClient = run({ mode: 'l7', rateLimit: { rate: 1, burst: 3 } }, two);
    expect(perClient.lb).toMatchObject({ picks: 6, limited: 14 });
    const keys = new Set(perClient.trace.ofType('lb.limit').map((r) => r.key));
    expect([...keys].sort()).toEqual(['10.0.0.11', '10.0.0.12']);
    const shared = run({ mode: 'l7', rateLimit: { rate: 1, burst: 3, key: 'all' } }, two);
    expect(shared.lb).toMatchObject({ picks: 3, limited: 17 });
    expect(shared.trace.ofType('lb.limit').every((r) => r.key === 'all' && r.status === 503)).toBe(
      true,
    );
  });

  it('lets a retrying client through in the end, waiting what Retry-After says', () => {
    const { trace, summary } = run(
      { mode: 'l7', rateLimit: { rate: 2, burst: 1, status: 429, retryAfter: 1 } },
      [{ requests: TEN.slice(0, 3), retry: { attempts: 5, base: '10ms', jitter: 'none' } }],
    );
    const client = summary.apps.httpClient?.[0];
    expect(client?.statuses['200']).toBe(3);
    expect(client?.retry?.gaveUp).toBe(0);
    // Each retry waited the 1 s the balancer asked for, not the 10 ms backoff.
    const retries = trace.ofType('client.retry');
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.every((r) => r.delay === NS_PER_S && r.reason === '429')).toBe(true);
  });
});

describe('a rate limit at a layer-4 balancer', () => {
  it('resets each new connection over the limit before picking a backend', () => {
    // Without persistent connections each request opens its own connection: the first two are
    // let through; the third is reset, sent once more on a new connection as a browser does,
    // reset again, and its user stops there.
    const { trace, lb, summary } = run({ mode: 'l4', rateLimit: { rate: 4, burst: 2 } }, [
      { requests: TEN, persistent: false },
    ]);
    expect(trace.ofType('lb.limit').map((r) => r.status)).toEqual([null, null]);
    expect(lb).toMatchObject({ picks: 2, limited: 2 });
    expect(summary.apps.httpClient?.[0]?.statuses).toEqual({ 200: 2 });
    expect(trace.ofType('http.failure').map((f) => [f.error, f.again])).toEqual([
      ['ECONNRESET, sending again', true],
      ['ECONNRESET', false],
    ]);
  });

  it('lets a retrying client finish, not before (10 - burst) / rate = 2 s', () => {
    const retry = { attempts: 10, base: '100ms', cap: '1s', jitter: 'full' };
    const { trace, lb, summary } = run({ mode: 'l4', rateLimit: { rate: 4, burst: 2 } }, [
      { requests: TEN, persistent: false, retry },
    ]);
    const client = summary.apps.httpClient?.[0];
    expect(client?.statuses).toEqual({ 200: 10 });
    expect(client?.retry?.gaveUp).toBe(0);
    expect(lb?.picks).toBe(10);
    expect(lb?.limited).toBe(trace.ofType('lb.limit').length);
    expect(lb?.limited).toBeGreaterThan(0);
    // The bucket's count bounds when the tenth connection can be let through: 10 <= 2 + 4 × t.
    expect(trace.ofType('lb.pick').at(-1)!.t).toBeGreaterThanOrEqual(2 * NS_PER_S);
  });

  it('refuses an answer status or Retry-After at layer 4, naming the field', () => {
    const build = () =>
      lbScenario({
        lb: { mode: 'l4', rateLimit: { rate: 1, status: 429, retryAfter: 2 } },
        backends: [{}],
        clients: [{}],
      });
    expect(build).toThrow(
      [
        '$.nodes[2].apps[0].rateLimit.status: a rate limit’s status needs "mode": "l7": at layer 4 a connection over the limit is reset, with no answer',
        '$.nodes[2].apps[0].rateLimit.retryAfter: a rate limit’s retryAfter needs "mode": "l7": at layer 4 a connection over the limit is reset, with no answer',
      ].join('\n'),
    );
  });
});

describe('simulations/api-rate-limit.json', () => {
  const { scenario, records } = runSimulationFile('api-rate-limit.json');
  const list = recordList(records);
  const summary = runScenario(scenario).summary;
  const lb = summary.apps.loadBalancer?.[0];
  const client = (node: string) => summary.apps.httpClient?.find((c) => c.node === node);

  it('refuses only the script, never more than the bucket allows, each 429 retried after 1 s', () => {
    // Per address at most burst + rate × t requests pass in t seconds: 10 + 10 × 6 = 70.
    expect(client('script')?.statuses['200']).toBeLessThanOrEqual(10 + 10 * 6);
    expect(client('dashboard')?.statuses).toEqual({ 200: client('dashboard')?.visits });
    const limits = records.filter((r) => r.type === 'lb.limit');
    expect(limits.length).toBeGreaterThan(0);
    expect(limits.every((r) => r.type === 'lb.limit' && r.key === '10.0.0.12')).toBe(true);
    expect(lb?.limited).toBe(limits.length);
    expect(client('script')?.statuses['429']).toBe(limits.length);
    const retries = records.filter((r) => r.type === 'client.retry');
    expect(retries.every((r) => r.type === 'client.retry' && r.delay === NS_PER_S)).toBe(true);
    expect(client('script')?.retry?.gaveUp).toBe(0);
  });

  it('counts them in the backends table, in English and German', () => {
    const node = scenario.nodes.find((n) => n.id === 'lb');
    if (!node) throw new Error('no balancer in the scenario');
    const [table] = balancersAt(scenario, node, balancerRecords(list, 'lb'), Infinity);
    expect(table?.limited).toBe(lb?.limited);
    const names = networkNames(scenario.nodes);
    const n = String(lb?.limited);
    expect(backendsText(table!, names).summary).toBe(
      `${lb?.picks} picks; 0 turned away with no backend healthy, ${n} over the rate limit`,
    );
    expect(backendsText(table!, names, 'de').summary).toBe(
      `${lb?.picks} Zuteilungen; 0 abgewiesen, weil kein Backend gesund war, ${n} über dem Ratenlimit`,
    );
  });
});
