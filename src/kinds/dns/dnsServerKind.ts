// The dnsServer kind: an authoritative DNS server answering A queries from its zone on UDP port 53
// (NXDOMAIN for names it lacks, REFUSED outside its origin). Its schema and checks, always loaded;
// how it runs and its figures are in dnsServerBehaviour.ts, loaded when a scenario has such an app.

import { DNS_PORT } from '../../net/app/dns/dnsMessage.ts';
import { defineAppKind } from '../../sim/kinds/appKind.ts';
import { dnsServerApp, type DnsServerApp } from './dnsSchemas.ts';
import { DEFAULT_TTL, type Zone, type ZoneRecord } from './dnsZone.ts';
import './dnsTrace.ts';
import type { DnsServerFigures } from './dnsServerBehaviour.ts';
export type { DnsServerFigures } from './dnsServerBehaviour.ts';

export const dnsServerKind = defineAppKind<DnsServerApp, DnsServerFigures>({
  type: 'dnsServer',
  schema: dnsServerApp,
  traceName: 'dns',
  listens: (app) => ({ protocol: 'udp', port: app.port ?? DNS_PORT }),
  behaviour: () => import('./dnsServerBehaviour.ts').then((module) => module.dnsServerBehaviour),
});

/** The zone a dnsServer app serves, its records with their default TTL. */
export function zoneOf(app: DnsServerApp): Zone {
  const records: ZoneRecord[] = (app.records ?? []).map((r) =>
    r.type === 'A'
      ? { name: r.name, type: 'A', address: r.address, ttl: r.ttl ?? DEFAULT_TTL }
      : { name: r.name, type: 'CNAME', target: r.target, ttl: r.ttl ?? DEFAULT_TTL },
  );
  return app.origin === undefined ? { records } : { origin: app.origin, records };
}
