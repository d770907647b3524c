// A node's stub resolver (RFC 1035 section 7, RFC 1123 6.1.3): asks one configured server over
// UDP, caches answers for their TTL, retries after a timeout, and reports NXDOMAIN, SERVFAIL,
// NODATA or ETIMEDOUT. Query ids and source ports are random (RFC 5452) from named streams.
// Lookups of a name already in flight wait for that one query instead of sending another. Mail
// servers also ask it for a domain's mail exchangers (MX, dnsMailExchangers.ts).

import type { Simulator } from '../../engine/simulator.ts';
import { NS_PER_S, type Nanos } from '../../engine/time.ts';
import { DNS_TYPE, normalizeName, RCODE, type DnsMessage } from '../../net/app/dns/dnsMessage.ts';
import type { UdpLayer } from '../../net/transport/udpLayer.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { MailExchangers, type MxLookupResult } from './dnsMailExchangers.ts';
import { askServer, msOf, type QueryWire } from './dnsQuery.ts';
import './dnsTrace.ts';
export type { MxLookupResult } from './dnsMailExchangers.ts';

/** A resolver's settings. */
export interface ResolverConfig {
  server: Ipv4Address;
  /** Wait per query before retrying. */
  timeout: Nanos;
  /** Queries sent again after a timeout. */
  retries: number;
}

/** resolv.conf(5) defaults: timeout 5 s, attempts 2 (one retry). */
export const DEFAULT_RESOLVER = { timeout: 5 * NS_PER_S, retries: 1 };

export type LookupResult =
  { ok: true; address: Ipv4Address; ttl: number; cached: boolean } | { ok: false; error: string };

interface CacheEntry {
  address: Ipv4Address;
  ttl: number;
  expiresAt: Nanos;
}

/** The address `name` leads to through the answers' CNAME chain, with the chain's lowest TTL. */
export function followAnswers(
  response: DnsMessage,
  name: string,
): { address: Ipv4Address; ttl: number } | undefined {
  let current = normalizeName(name);
  let ttl = Infinity;
  for (let hops = 0; hops <= response.answers.length; hops++) {
    const owned = response.answers.filter((r) => normalizeName(r.name) === current);
    const a = owned.find((r) => r.type === DNS_TYPE.A && 'address' in r);
    if (a && 'address' in a) return { address: a.address, ttl: Math.min(ttl, a.ttl) };
    const alias = owned.find((r) => r.type === DNS_TYPE.CNAME && 'target' in r);
    if (!alias || !('target' in alias)) return undefined;
    ttl = Math.min(ttl, alias.ttl);
    current = normalizeName(alias.target);
  }
  return undefined;
}

/** The stub resolver of one node. */
export class StubResolver {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly pending = new Map<string, ((result: LookupResult) => void)[]>();
  private readonly wire: QueryWire;
  private readonly mail: MailExchangers;

  constructor(
    private readonly sim: Simulator,
    private readonly udp: UdpLayer,
    readonly node: string,
    readonly config: ResolverConfig,
  ) {
    this.wire = {
      sim,
      udp,
      ids: sim.random.stream(`node:${node}/dns/ids`),
      ports: sim.random.stream(`node:${node}/dns/ports`),
      server: config.server,
      timeoutMs: msOf(config.timeout),
      retries: config.retries,
    };
    this.mail = new MailExchangers(this.wire, node);
  }

  /** The mail exchangers of `domain` (an MX lookup): from the cache at once, else the server's. */
  lookupMx(domain: string, done: (result: MxLookupResult) => void): void {
    this.mail.lookup(domain, done);
  }

  /** Looks `name` up: from the cache at once, else by asking the server. */
  lookup(name: string, done: (result: LookupResult) => void): void {
    const key = normalizeName(name);
    const now = this.sim.now();
    this.sim.record({ t: now, type: 'dns.lookup', node: this.node, name: key });
    const entry = this.cache.get(key);
    if (entry && now < entry.expiresAt) {
      const ttl = Math.floor((entry.expiresAt - now) / NS_PER_S);
      this.record(key, { ok: true, address: entry.address, ttl, cached: true }, RCODE.NOERROR);
      done({ ok: true, address: entry.address, ttl, cached: true });
      return;
    }
    if (entry) {
      this.cache.delete(key);
      this.sim.record({ t: now, type: 'dns.expire', node: this.node, name: key });
    }
    const waiting = this.pending.get(key);
    if (waiting) {
      waiting.push(done);
      return;
    }
    this.pending.set(key, [done]);
    this.query(key);
  }

  /** Forgets every cached answer. */
  flush(): void {
    this.cache.clear();
  }

  private query(name: string): void {
    askServer(this.wire, name, DNS_TYPE.A, {
      sent: (id, attempt) =>
        this.sim.record({
          t: this.sim.now(),
          type: 'dns.query',
          node: this.node,
          name,
          id,
          server: formatIpv4(this.config.server),
          attempt,
        }),
      read: (response) => {
        const found = followAnswers(response, name);
        return found && { ...found, rcode: response.flags.rcode };
      },
      answered: (answer) => {
        if (!('address' in answer)) return;
        const { address, ttl, rcode } = answer;
        if (ttl > 0)
          this.cache.set(name, { address, ttl, expiresAt: this.sim.now() + ttl * NS_PER_S });
        this.finish(name, { ok: true, address, ttl, cached: false }, rcode);
      },
      failed: (error, rcode) => this.finish(name, { ok: false, error }, rcode),
    });
  }

  private finish(name: string, result: LookupResult, rcode: number | null): void {
    this.record(name, result, rcode);
    const callbacks = this.pending.get(name) ?? [];
    this.pending.delete(name);
    for (const done of callbacks) done(result);
  }

  private record(name: string, result: LookupResult, rcode: number | null): void {
    this.sim.record({
      t: this.sim.now(),
      type: 'dns.answer',
      node: this.node,
      name,
      address: result.ok ? formatIpv4(result.address) : null,
      rcode,
      ttl: result.ok ? result.ttl : 0,
      error: result.ok ? null : result.error,
      cached: result.ok && result.cached,
    });
  }
}
