// The stub resolver against an authoritative server in a small network: TTL caching (RFC 1035
// 7.4 / RFC 1034 3.6: an answer may be used until its TTL runs out), NXDOMAIN (RCODE 3), CNAME
// chains, SERVFAIL, and retries after a timeout until ETIMEDOUT when the link is down.
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { EPHEMERAL_FIRST } from '../../net/transport/portTable.ts';
import type { LookupResult } from './dnsResolver.ts';
import { buildSimulation } from '../../sim/buildSimulation.ts';
import { validateScenario } from '../../sim/scenario/validateScenario.ts';

function network(options: { dns?: Record<string, unknown>; events?: unknown[] } = {}) {
  const result = validateScenario({
    format: 'handshake/scenario@1',
    name: 'dns test',
    seed: 5,
    nodes: [
      {
        id: 'pc',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        dns: { server: 'ns', ...options.dns },
      },
      {
        id: 'ns',
        role: 'dns',
        interfaces: [{ name: 'eth0', address: '10.0.0.53/24' }],
        apps: [
          {
            type: 'dnsServer',
            origin: 'example.com',
            records: [
              { name: 'www.example.com', type: 'CNAME', target: 'web.example.com', ttl: 30 },
              { name: 'web.example.com', type: 'A', address: '10.0.0.80', ttl: 5 },
              { name: 'loop.example.com', type: 'CNAME', target: 'loop2.example.com' },
              { name: 'loop2.example.com', type: 'CNAME', target: 'loop.example.com' },
            ],
          },
        ],
      },
    ],
    links: [{ id: 'l', a: 'pc', b: 'ns', latency: '10ms' }],
    events: options.events ?? [],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const simulation = buildSimulation(result.scenario);
  const resolver = simulation.resolvers.get('pc');
  if (!resolver) throw new Error('no resolver');
  const results: { t: number; result: LookupResult }[] = [];
  const lookupAt = (t: number, name: string) =>
    simulation.sim.schedule(t, () =>
      resolver.lookup(name, (result) => results.push({ t: simulation.sim.now(), result })),
    );
  const ofType = <T extends 'dns.query' | 'dns.answer' | 'dns.expire'>(type: T) =>
    simulation.sim.trace.ofType(type);
  return { simulation, resolver, results, lookupAt, ofType };
}

describe('the stub resolver', () => {
  it('caches an answer for its TTL, then asks again', () => {
    const { simulation, results, lookupAt, ofType } = network();
    lookupAt(0, 'web.example.com');
    lookupAt(2 * NS_PER_S, 'web.example.com'); // within the 5 s TTL: from the cache
    lookupAt(6 * NS_PER_S, 'web.example.com'); // after it: a new query
    simulation.sim.run({ until: 10 * NS_PER_S });
    const address = 0x0a000050;
    expect(results.map((r) => r.result)).toEqual([
      { ok: true, address, ttl: 5, cached: false },
      // Cached at ~20 ms for 5 s: at 2 s, 3.02 s remain, shown in whole seconds as DNS TTLs are.
      { ok: true, address, ttl: 3, cached: true },
      { ok: true, address, ttl: 5, cached: false },
    ]);
    // One round trip over a 10 ms link each way: 20 ms plus transmission time.
    expect(results[0]?.t).toBeGreaterThanOrEqual(20 * NS_PER_MS);
    expect(results[1]?.t).toBe(2 * NS_PER_S); // a cache hit costs no time
    expect(ofType('dns.query').map((r) => r.t)).toEqual([0, 6 * NS_PER_S]);
    expect(ofType('dns.expire')).toHaveLength(1);
    expect(ofType('dns.answer').map((r) => r.cached)).toEqual([false, true, false]);
  });

  it('follows a CNAME chain and caches with the lowest TTL of the chain', () => {
    const { simulation, results, lookupAt } = network();
    lookupAt(0, 'WWW.example.com.'); // names compare case-insensitively (RFC 1035 2.3.3)
    simulation.sim.run({ until: NS_PER_S });
    expect(results[0]?.result).toEqual({ ok: true, address: 0x0a000050, ttl: 5, cached: false });
  });

  it('reports NXDOMAIN (RCODE 3) for a name the zone lacks, SERVFAIL for a CNAME loop', () => {
    const { simulation, results, lookupAt, ofType } = network();
    lookupAt(0, 'nothere.example.com');
    lookupAt(0, 'loop.example.com');
    simulation.sim.run({ until: NS_PER_S });
    expect(results.map((r) => r.result)).toEqual([
      { ok: false, error: 'NXDOMAIN' },
      { ok: false, error: 'SERVFAIL' },
    ]);
    expect(ofType('dns.answer').map((r) => r.rcode)).toEqual([3, 2]);
  });

  it('sends one query for concurrent lookups of a name, with random ids and ports', () => {
    const { simulation, results, lookupAt, ofType } = network();
    lookupAt(0, 'web.example.com');
    lookupAt(1, 'web.example.com');
    lookupAt(2, 'www.example.com');
    simulation.sim.run({ until: NS_PER_S });
    expect(results).toHaveLength(3);
    const queries = ofType('dns.query');
    expect(queries).toHaveLength(2);
    expect(queries[0]?.id).not.toBe(queries[1]?.id);
    const ports = simulation.sim.trace.records.flatMap((r) =>
      r.type === 'socket.bind' && r.node === 'pc' ? [r.port] : [],
    );
    expect(ports).toHaveLength(2);
    for (const port of ports) expect(port).toBeGreaterThanOrEqual(EPHEMERAL_FIRST);
  });

  it('retries after each timeout and fails with ETIMEDOUT when the link is down', () => {
    const { simulation, results, lookupAt, ofType } = network({
      dns: { timeout: '1s', retries: 2 },
      events: [{ at: '0s', type: 'linkDown', link: 'l' }],
    });
    lookupAt(1, 'web.example.com');
    simulation.sim.run({ until: 10 * NS_PER_S });
    // 1 + 2 retries, a second apart; the failure when the third times out.
    expect(ofType('dns.query').map((r) => [r.t, r.attempt])).toEqual([
      [1, 0],
      [1 + NS_PER_S, 1],
      [1 + 2 * NS_PER_S, 2],
    ]);
    expect(results).toEqual([{ t: 1 + 3 * NS_PER_S, result: { ok: false, error: 'ETIMEDOUT' } }]);
  });
});

describe('validating DNS and FTP settings', () => {
  const doc = (client: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    format: 'handshake/scenario@1',
    name: 'v',
    nodes: [
      {
        id: 'pc',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        apps: [client],
        ...extra,
      },
      { id: 'srv', role: 'server', interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }] },
    ],
    links: [{ id: 'l', a: 'pc', b: 'srv', latency: '1ms' }],
  });
  const issues = (document: unknown) => {
    const result = validateScenario(document);
    return result.ok ? [] : result.issues;
  };

  it('asks for a DNS server when a client names a host', () => {
    expect(issues(doc({ type: 'httpClient', server: 'www.example.com' }))).toEqual([
      {
        path: '$.nodes[0].apps[0].server',
        message: expect.stringContaining('needs a DNS server'),
      },
    ]);
    expect(
      issues(doc({ type: 'ftpClient', server: 'ftp.example.com' }, { dns: { server: 'srv' } })),
    ).toEqual([]);
  });

  it('names a DNS server that does not exist, and a STOR without contents', () => {
    expect(issues(doc({ type: 'httpClient', server: 'srv' }, { dns: { server: 'nope' } }))).toEqual(
      [{ path: '$.nodes[0].dns.server', message: expect.stringContaining('got "nope"') }],
    );
    expect(
      issues(doc({ type: 'ftpClient', server: 'srv', script: [{ cmd: 'STOR', file: 'x' }] })),
    ).toEqual([
      {
        path: '$.nodes[0].apps[0].script[0]',
        message: expect.stringContaining('for STOR, got neither'),
      },
    ]);
    expect(
      issues(doc({ type: 'dnsServer', records: [{ name: 'a.example.com', type: 'AAAA' }] })),
    ).toEqual([{ path: '$.nodes[0].apps[0].records[0].type', message: expect.any(String) }]);
  });
});
