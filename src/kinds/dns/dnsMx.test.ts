// MX records end to end (RFC 1035 section 3.3.9, RFC 5321 section 5.1): their bytes round-trip
// with the exchange's name compressed, the zone answers MX questions (and follows a CNAME), the
// resolver returns a domain's exchangers lowest preference first and caches them for their TTL,
// NODATA for a domain without MX, and validation refuses an MX record that points nowhere.
import { describe, expect, it } from 'vitest';
import { NS_PER_S } from '../../engine/time.ts';
import { DNS_CLASS_IN, DNS_TYPE, decodeDns, RCODE } from '../../net/app/dns/dnsMessage.ts';
import { encodeDns, makeDnsQuery, makeDnsResponse } from '../../net/app/dns/dnsEncode.ts';
import { buildSimulation } from '../../sim/buildSimulation.ts';
import { validateScenario } from '../../sim/scenario/validateScenario.ts';
import type { MxLookupResult } from './dnsResolver.ts';
import { answerFromZone, danglingExchanges, type Zone } from './dnsZone.ts';

const RECORDS = [
  { name: 'b.example', type: 'MX', preference: 20, exchange: 'backup.b.example', ttl: 60 },
  { name: 'b.example', type: 'MX', exchange: 'mx.b.example', ttl: 60 },
  { name: 'mx.b.example', type: 'A', address: '10.0.2.25' },
  { name: 'backup.b.example', type: 'A', address: '10.0.2.26' },
  { name: 'mail.b.example', type: 'CNAME', target: 'b.example' },
  { name: 'www.b.example', type: 'A', address: '10.0.2.80' },
];

function scenario(records: unknown[] = RECORDS) {
  return {
    format: 'handshake/scenario@1',
    name: 'mx test',
    seed: 5,
    nodes: [
      {
        id: 'mta',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        dns: { server: 'ns' },
      },
      {
        id: 'ns',
        role: 'dns',
        interfaces: [{ name: 'eth0', address: '10.0.0.53/24' }],
        apps: [{ type: 'dnsServer', origin: 'b.example', records }],
      },
    ],
    links: [{ id: 'l', a: 'mta', b: 'ns', latency: '10ms' }],
  };
}

describe('MX records', () => {
  it('round-trip through their bytes, the exchange compressed against the question', () => {
    const query = makeDnsQuery(7, 'b.example', DNS_TYPE.MX);
    const answer = { name: 'b.example', type: DNS_TYPE.MX, class: DNS_CLASS_IN, ttl: 60 };
    const response = makeDnsResponse(query, [
      { ...answer, preference: 10, exchange: 'mx.b.example' },
    ]);
    const bytes = encodeDns(response);
    // Header 12, question 11 + 4, answer: pointer 2 + 10, RDATA 2 + "mx" label 3 + pointer 2.
    expect(bytes.length).toBe(12 + 15 + 12 + 7);
    const decoded = decodeDns(bytes);
    expect(decoded.ok && decoded.message.answers).toEqual(response.answers);
  });

  it('are answered by the zone for MX questions, through a CNAME too', () => {
    const zone: Zone = {
      origin: 'b.example',
      records: [
        { name: 'b.example', type: 'MX', preference: 10, exchange: 'mx.b.example', ttl: 60 },
        { name: 'mail.b.example', type: 'CNAME', target: 'b.example', ttl: 60 },
        { name: 'mx.b.example', type: 'A', address: 1, ttl: 60 },
      ],
    };
    const ask = (name: string) =>
      answerFromZone(zone, { name, type: DNS_TYPE.MX, class: DNS_CLASS_IN });
    expect(ask('b.example').answers).toEqual([
      {
        name: 'b.example',
        type: DNS_TYPE.MX,
        class: DNS_CLASS_IN,
        ttl: 60,
        preference: 10,
        exchange: 'mx.b.example',
      },
    ]);
    expect(ask('mail.b.example').answers.map((r) => r.type)).toEqual([DNS_TYPE.CNAME, DNS_TYPE.MX]);
    expect(ask('mx.b.example')).toEqual({ rcode: RCODE.NOERROR, answers: [] }); // NODATA
    expect(danglingExchanges(zone)).toEqual([]);
  });

  it('are looked up by the resolver, lowest preference first, cached for their TTL', () => {
    const valid = validateScenario(scenario());
    if (!valid.ok) throw new Error(JSON.stringify(valid.issues));
    const simulation = buildSimulation(valid.scenario);
    const resolver = simulation.resolvers.get('mta');
    if (!resolver) throw new Error('no resolver');
    const results: [number, MxLookupResult][] = [];
    const lookUp = (t: number, domain: string) =>
      simulation.sim.schedule(t, () =>
        resolver.lookupMx(domain, (r) => results.push([Math.round(simulation.sim.now() / 1e6), r])),
      );
    lookUp(0, 'B.example');
    lookUp(NS_PER_S, 'b.example');
    lookUp(2 * NS_PER_S, 'www.b.example');
    lookUp(61 * NS_PER_S, 'b.example');
    simulation.sim.run();
    const exchangers = [
      { preference: 10, exchange: 'mx.b.example' },
      { preference: 20, exchange: 'backup.b.example' },
    ];
    // A query and its answer cross the 10 ms link once each (20 ms); before the first, the
    // resolver asks ARP for the server's MAC (request and reply, 20 ms more; the server learns the
    // asker from the request). At 61 s the entry is 61 s old, past ARP's 30 s reachable time and
    // 60 s stale limit, so the query waits for ARP again.
    expect(results).toEqual([
      [40, { ok: true, exchangers, ttl: 60, cached: false }],
      [1000, { ok: true, exchangers, ttl: 59, cached: true }],
      [2020, { ok: false, error: 'NODATA' }],
      [61040, { ok: true, exchangers, ttl: 60, cached: false }],
    ]);
    const answers = simulation.sim.trace.ofType('dns.mxAnswer');
    expect(answers.map((r) => [r.name, r.exchangers, r.error, r.cached])).toEqual([
      ['b.example', '10 mx.b.example, 20 backup.b.example', null, false],
      ['b.example', '10 mx.b.example, 20 backup.b.example', null, true],
      ['www.b.example', null, 'NODATA', false],
      ['b.example', '10 mx.b.example, 20 backup.b.example', null, false],
    ]);
    expect(simulation.sim.trace.ofType('dns.mxQuery')).toHaveLength(3);
  });

  it('that point nowhere are a validation error naming the node and the record', () => {
    const result = validateScenario(
      scenario([{ name: 'b.example', type: 'MX', exchange: 'mx.b.example' }]),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => [i.path, i.message])).toEqual([
      [
        '$.nodes[1].apps[0].records[0].exchange',
        'points nowhere: node ns’s zone has no record for mx.b.example, the mail exchanger of b.example',
      ],
    ]);
    // An exchange outside the zone's origin is another server's to know.
    expect(
      validateScenario(
        scenario([{ name: 'b.example', type: 'MX', exchange: 'mx.elsewhere.example' }]),
      ).ok,
    ).toBe(true);
  });
});
