// A stub resolver's MX lookups (RFC 1035 section 3.3.9, RFC 5321 section 5.1): a domain's mail
// exchangers, lowest preference first, cached for their TTL, NODATA when the domain has none (a
// mail server then takes the domain itself as its implicit MX). Lookups of a domain in flight
// wait for that one query. Recorded as dns.mxQuery and dns.mxAnswer.

import { NS_PER_S } from '../../engine/time.ts';
import { DNS_TYPE, normalizeName, RCODE, type DnsMessage } from '../../net/app/dns/dnsMessage.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import type { MailExchanger } from './dnsLookupMachine.ts';
import { askServer, type QueryWire } from './dnsQuery.ts';
import './dnsTrace.ts';
export type { MailExchanger } from './dnsLookupMachine.ts';

/** What an MX lookup gets: the exchangers, lowest preference first, or why there are none. */
export type MxLookupResult =
  | { ok: true; exchangers: readonly MailExchanger[]; ttl: number; cached: boolean }
  | { ok: false; error: string };

/** The MX records of a response for `domain`, lowest preference first, and their lowest TTL. */
export function readExchangers(
  response: DnsMessage,
  domain: string,
): { exchanges: MailExchanger[]; ttl: number } | undefined {
  const records = response.answers.flatMap((r) =>
    'exchange' in r && normalizeName(r.name) === domain ? [r] : [],
  );
  if (records.length === 0) return undefined;
  const exchanges = records
    .map((r) => ({ preference: r.preference, exchange: normalizeName(r.exchange) }))
    .sort((a, b) => a.preference - b.preference || a.exchange.localeCompare(b.exchange));
  return { exchanges, ttl: Math.min(...records.map((r) => r.ttl)) };
}

/** `10 mx.b.example, 20 backup.b.example`: exchangers as a record holds them. */
export function exchangersText(exchangers: readonly MailExchanger[]): string {
  return exchangers.map((x) => `${x.preference} ${x.exchange}`).join(', ');
}

/** The MX side of one node's resolver. */
export class MailExchangers {
  private readonly cache = new Map<string, { exchangers: MailExchanger[]; expiresAt: number }>();
  private readonly pending = new Map<string, ((result: MxLookupResult) => void)[]>();

  constructor(
    private readonly wire: QueryWire,
    private readonly node: string,
  ) {}

  /** Looks `domain`'s exchangers up: from the cache at once, else by asking the server. */
  lookup(domain: string, done: (result: MxLookupResult) => void): void {
    const key = normalizeName(domain);
    const now = this.wire.sim.now();
    const entry = this.cache.get(key);
    if (entry && now < entry.expiresAt) {
      const ttl = Math.floor((entry.expiresAt - now) / NS_PER_S);
      const result = { ok: true, exchangers: entry.exchangers, ttl, cached: true } as const;
      this.record(key, result, RCODE.NOERROR);
      return done(result);
    }
    if (entry) this.cache.delete(key);
    const waiting = this.pending.get(key);
    if (waiting) return void waiting.push(done);
    this.pending.set(key, [done]);
    const { sim, server } = this.wire;
    askServer(this.wire, key, DNS_TYPE.MX, {
      sent: (id, attempt) =>
        sim.record({
          t: sim.now(),
          type: 'dns.mxQuery',
          node: this.node,
          name: key,
          id,
          server: formatIpv4(server),
          attempt,
        }),
      read: (response) => {
        const found = readExchangers(response, key);
        return found && { ...found, rcode: response.flags.rcode };
      },
      answered: (answer) => {
        if (!('exchanges' in answer)) return;
        const { exchanges, ttl, rcode } = answer;
        if (ttl > 0)
          this.cache.set(key, {
            exchangers: [...exchanges],
            expiresAt: sim.now() + ttl * NS_PER_S,
          });
        this.finish(key, { ok: true, exchangers: exchanges, ttl, cached: false }, rcode);
      },
      failed: (error, rcode) => this.finish(key, { ok: false, error }, rcode),
    });
  }

  private finish(domain: string, result: MxLookupResult, rcode: number | null): void {
    this.record(domain, result, rcode);
    const callbacks = this.pending.get(domain) ?? [];
    this.pending.delete(domain);
    for (const done of callbacks) done(result);
  }

  private record(domain: string, result: MxLookupResult, rcode: number | null): void {
    const { sim } = this.wire;
    sim.record({
      t: sim.now(),
      type: 'dns.mxAnswer',
      node: this.node,
      name: domain,
      exchangers: result.ok ? exchangersText(result.exchangers) : null,
      rcode,
      ttl: result.ok ? result.ttl : 0,
      error: result.ok ? null : result.error,
      cached: result.ok && result.cached,
    });
  }
}
