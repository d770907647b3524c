// The dnsServer kind: an authoritative DNS server answering A and MX queries from its zone on UDP
// port 53 (NXDOMAIN for names it lacks, REFUSED outside its origin). Its schema and checks (an MX
// record whose exchange the zone does not know points nowhere), always loaded;
// how it runs and its figures are in dnsServerBehaviour.ts, loaded when a scenario has such an app.

import { DNS_PORT } from '../../net/app/dns/dnsMessage.ts';
import { defineAppKind } from '../../sim/kinds/appKind.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { dnsCheckPhrases } from './dnsCheckPhrases.ts';
import { dnsServerApp, type DnsServerApp } from './dnsSchemas.ts';
import { danglingExchanges, DEFAULT_TTL, type Zone, type ZoneRecord } from './dnsZone.ts';
import './dnsTrace.ts';
import type { DnsServerFigures } from './dnsServerBehaviour.ts';
export type { DnsServerFigures } from './dnsServerBehaviour.ts';

export const dnsServerKind = defineAppKind<DnsServerApp, DnsServerFigures>({
  type: 'dnsServer',
  schema: dnsServerApp,
  traceName: 'dns',
  listens: (app) => ({ protocol: 'udp', port: app.port ?? DNS_PORT }),
  check(app, { path, node }, issues) {
    const zone = zoneOf(app);
    for (const mx of danglingExchanges(zone)) {
      const index = zone.records.indexOf(mx);
      issues.push(
        phrased(
          `${path}.records[${index}].exchange`,
          bookPhrase(dnsCheckPhrases, 'check.mxNowhere', {
            node,
            name: mx.name,
            exchange: mx.exchange,
          }),
        ),
      );
    }
  },
  behaviour: () => import('./dnsServerBehaviour.ts').then((module) => module.dnsServerBehaviour),
});

/** An MX record's preference when a scenario gives none. */
export const DEFAULT_MX_PREFERENCE = 10;

/** The zone a dnsServer app serves, its records with their default TTL. */
export function zoneOf(app: DnsServerApp): Zone {
  const records = (app.records ?? []).map((r): ZoneRecord => {
    const ttl = r.ttl ?? DEFAULT_TTL;
    if (r.type === 'A') return { name: r.name, type: 'A', address: r.address, ttl };
    if (r.type === 'CNAME') return { name: r.name, type: 'CNAME', target: r.target, ttl };
    const preference = r.preference ?? DEFAULT_MX_PREFERENCE;
    return { name: r.name, type: 'MX', preference, exchange: r.exchange, ttl };
  });
  return app.origin === undefined ? { records } : { origin: app.origin, records };
}
