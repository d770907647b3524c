// A node's stub resolver (RFC 1035 section 7, RFC 1123 6.1.3): asks one configured server over
// UDP, caches answers for their TTL, retries after a timeout, and reports NXDOMAIN, SERVFAIL,
// NODATA or ETIMEDOUT. Query ids and source ports are random (RFC 5452) from named streams.
// Lookups of a name already in flight wait for that one query instead of sending another.

import { createActor } from 'xstate';
import type { Simulator } from '../../engine/simulator.ts';
import { NS_PER_MS, NS_PER_S, type Nanos } from '../../engine/time.ts';
import type { RandomStream } from '../../engine/random.ts';
import {
  decodeDns,
  DNS_PORT,
  DNS_TYPE,
  normalizeName,
  RCODE,
  rcodeName,
  type DnsMessage,
} from '../../net/app/dns/dnsMessage.ts';
import { encodeDns, makeDnsQuery } from '../../net/app/dns/dnsEncode.ts';
import type { UdpLayer, UdpSocket } from '../../net/transport/udpLayer.ts';
import { EPHEMERAL_FIRST, EPHEMERAL_LAST } from '../../net/transport/portTable.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { dnsLookupMachine } from './dnsLookupMachine.ts';
import './dnsTrace.ts';

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
  private readonly ids: RandomStream;
  private readonly ports: RandomStream;

  constructor(
    private readonly sim: Simulator,
    private readonly udp: UdpLayer,
    readonly node: string,
    readonly config: ResolverConfig,
  ) {
    this.ids = sim.random.stream(`node:${node}/dns/ids`);
    this.ports = sim.random.stream(`node:${node}/dns/ports`);
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
    const socket = this.openSocket();
    if (!socket) return this.finish(name, { ok: false, error: 'EADDRNOTAVAIL' }, null);
    const ids = new Set<number>();
    const { server } = this.config;
    const machine = dnsLookupMachine.provide({
      actions: {
        sendQuery: (_, attempt) => {
          const id = this.ids.integer(0, 0xffff);
          ids.add(id);
          this.sim.record({
            t: this.sim.now(),
            type: 'dns.query',
            node: this.node,
            name,
            id,
            server: formatIpv4(server),
            attempt,
          });
          socket.sendTo(server, DNS_PORT, encodeDns(makeDnsQuery(id, name)));
        },
        answered: (_, { address, ttl, rcode }) => {
          if (ttl > 0)
            this.cache.set(name, { address, ttl, expiresAt: this.sim.now() + ttl * NS_PER_S });
          this.finish(name, { ok: true, address, ttl, cached: false }, rcode);
        },
        failed: (_, { error, rcode }) => this.finish(name, { ok: false, error }, rcode),
      },
    });
    const actor = createActor(machine, {
      clock: this.sim.clock,
      input: { timeoutMs: this.config.timeout / NS_PER_MS, retries: this.config.retries },
    });
    actor.subscribe({
      complete: () => {
        socket.close();
      },
    });
    socket.onMessage = (datagram) => {
      if (datagram.from !== server || datagram.fromPort !== DNS_PORT) return;
      const decoded = decodeDns(datagram.payload);
      if (!decoded.ok) return;
      const response = decoded.message;
      // RFC 5452 section 9.1: accept only a response that matches an id and the question sent.
      const question = response.questions[0];
      if (!response.flags.qr || !ids.has(response.id)) return;
      if (!question || normalizeName(question.name) !== name) return;
      const rcode = response.flags.rcode;
      if (rcode !== RCODE.NOERROR) {
        // NXDOMAIN, SERVFAIL, REFUSED, ...: the server's word is final, no retry.
        actor.send({ type: 'dns.error', error: rcodeName(rcode), rcode });
        return;
      }
      const found = followAnswers(response, name);
      if (found) actor.send({ type: 'dns.answer', ...found, rcode });
      else actor.send({ type: 'dns.error', error: 'NODATA', rcode }); // the name has no A record
    };
    socket.onError = (error) => actor.send({ type: 'dns.error', error, rcode: null });
    actor.start();
    actor.send({ type: 'dns.lookup' });
  }

  /** A socket on a random ephemeral port (RFC 5452 section 9.2), or the next free one. */
  private openSocket(): UdpSocket | undefined {
    const port = this.ports.integer(EPHEMERAL_FIRST, EPHEMERAL_LAST);
    const bound = this.udp.bind(port);
    if (bound.ok) return bound.value;
    const any = this.udp.bind();
    return any.ok ? any.value : undefined;
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
