// An authoritative zone and how its server answers a question (RFC 1034 section 4.3.2, simplified
// to one zone): A and MX records, CNAME chains followed inside the zone, NXDOMAIN for names it
// lacks, REFUSED for names outside it.

import {
  DNS_CLASS_IN,
  DNS_TYPE,
  normalizeName,
  RCODE,
  type DnsQuestion,
  type DnsRecord,
} from '../../net/app/dns/dnsMessage.ts';
import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';

/** A record of the zone; `ttl` in seconds. */
export type ZoneRecord =
  | { name: string; type: 'A'; address: Ipv4Address; ttl: number }
  | { name: string; type: 'CNAME'; target: string; ttl: number }
  | { name: string; type: 'MX'; preference: number; exchange: string; ttl: number };

/** A zone: the names under `origin` (every name when it has none) and their records. */
export interface Zone {
  origin?: string;
  records: readonly ZoneRecord[];
}

/** What a server answers: the response code and the answer section. */
export interface ZoneAnswer {
  rcode: number;
  answers: DnsRecord[];
}

/** Default TTL of a zone record when a scenario gives none, seconds (a common 5 minutes). */
export const DEFAULT_TTL = 300;

/** Whether `name` is at or under `origin` (both normalised). */
function inZone(name: string, origin: string | undefined): boolean {
  if (origin === undefined || origin === '') return true;
  return name === origin || name.endsWith(`.${origin}`);
}

/** The zone's answer to one question (RFC 1034 4.3.2 steps 3a-3c, without delegation). */
export function answerFromZone(zone: Zone, question: DnsQuestion): ZoneAnswer {
  const origin = zone.origin === undefined ? undefined : normalizeName(zone.origin);
  let name = normalizeName(question.name);
  if (!inZone(name, origin) || question.class !== DNS_CLASS_IN)
    return { rcode: RCODE.REFUSED, answers: [] };
  const answers: DnsRecord[] = [];
  const seen = new Set<string>();
  for (;;) {
    if (seen.has(name)) return { rcode: RCODE.SERVFAIL, answers: [] }; // a CNAME loop
    seen.add(name);
    const owned = zone.records.filter((r) => normalizeName(r.name) === name);
    // RFC 6604: after a CNAME the RCODE speaks of the last name of the chain.
    if (owned.length === 0) return { rcode: RCODE.NXDOMAIN, answers };
    const alias = owned.find((r) => r.type === 'CNAME');
    if (alias && alias.type === 'CNAME' && question.type !== DNS_TYPE.CNAME) {
      answers.push({
        name,
        type: DNS_TYPE.CNAME,
        class: DNS_CLASS_IN,
        ttl: alias.ttl,
        target: normalizeName(alias.target),
      });
      name = normalizeName(alias.target);
      if (!inZone(name, origin)) return { rcode: RCODE.NOERROR, answers }; // not ours to follow
      continue;
    }
    for (const r of owned) {
      if (r.type === 'A' && question.type === DNS_TYPE.A)
        answers.push({
          name,
          type: DNS_TYPE.A,
          class: DNS_CLASS_IN,
          ttl: r.ttl,
          address: r.address,
        });
      if (r.type === 'MX' && question.type === DNS_TYPE.MX)
        answers.push({
          name,
          type: DNS_TYPE.MX,
          class: DNS_CLASS_IN,
          ttl: r.ttl,
          preference: r.preference,
          exchange: normalizeName(r.exchange),
        });
      if (r.type === 'CNAME' && question.type === DNS_TYPE.CNAME)
        answers.push({
          name,
          type: DNS_TYPE.CNAME,
          class: DNS_CLASS_IN,
          ttl: r.ttl,
          target: normalizeName(r.target),
        });
    }
    return { rcode: RCODE.NOERROR, answers }; // possibly no data for this type
  }
}

/**
 * The MX records of the zone whose exchange points nowhere: the exchange is a name of the zone
 * (at or under its origin) that has no record at all, so a mail server following it finds no
 * address (RFC 5321 section 5.1).
 */
export function danglingExchanges(zone: Zone): Extract<ZoneRecord, { type: 'MX' }>[] {
  const origin = zone.origin === undefined ? undefined : normalizeName(zone.origin);
  const owners = new Set(
    zone.records.filter((r) => r.type !== 'MX').map((r) => normalizeName(r.name)),
  );
  return zone.records.flatMap((r) =>
    r.type === 'MX' &&
    inZone(normalizeName(r.exchange), origin) &&
    !owners.has(normalizeName(r.exchange))
      ? [r]
      : [],
  );
}
