// The stub resolver every node with a `dns` setting has: how it is made and how the node's apps
// look names (and mail domains' exchangers) up through it, and its figures from the node's dns.* records (lookups, answers from
// the cache or the server, failures by error).

import type { TraceFold } from '../../engine/traceFold.ts';
import type { Simulator } from '../../engine/simulator.ts';
import type { UdpLayer } from '../../net/transport/udpLayer.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import type { Lookup, MxLookup } from '../../sim/kinds/appKind.ts';
import { countInto, statusText } from '../../sim/summary/figureMath.ts';
import { DEFAULT_RESOLVER, StubResolver } from './dnsResolver.ts';
export type { StubResolver } from './dnsResolver.ts';
import type { DnsSettings } from './dnsSchemas.ts';
import './dnsTrace.ts';

/** What a node's resolver did. */
export interface ResolverFigures {
  node: string;
  server: string;
  lookups: number;
  queries: number;
  cacheHits: number;
  /** Lookups answered by the server with an address. */
  answers: number;
  /** Failed lookups by error. */
  failures: Record<string, number>;
}

/** The node's resolver, asking the DNS server at `server`. */
export function createResolver(
  sim: Simulator,
  udp: UdpLayer,
  node: string,
  settings: DnsSettings,
  server: Ipv4Address,
): StubResolver {
  return new StubResolver(sim, udp, node, {
    server,
    timeout: settings.timeout ?? DEFAULT_RESOLVER.timeout,
    retries: settings.retries ?? DEFAULT_RESOLVER.retries,
  });
}

/** The node's apps' Lookup over its resolver. */
export function resolverLookup(resolver: StubResolver): Lookup {
  return (name, done) =>
    resolver.lookup(name, (result) =>
      done(result.ok ? { ok: true, address: result.address } : { ok: false, error: result.error }),
    );
}

/** The node's apps' MX lookups over its resolver (mail servers relaying, RFC 5321 section 5.1). */
export function resolverMxLookup(resolver: StubResolver): MxLookup {
  return (domain, done) =>
    resolver.lookupMx(domain, (result) =>
      done(
        result.ok
          ? { ok: true, exchangers: result.exchangers }
          : { ok: false, error: result.error },
      ),
    );
}

/** Folds the dns.* records of `node`'s resolver (the caller routes the node's records here). */
export function resolverFigures(
  node: string,
  server: Ipv4Address | undefined,
): TraceFold<ResolverFigures> {
  const figures = { lookups: 0, queries: 0, cacheHits: 0, answers: 0 };
  const failures: Record<string, number> = {};
  return {
    types: ['dns.lookup', 'dns.query', 'dns.answer', 'dns.mxQuery', 'dns.mxAnswer'],
    add(record) {
      if (record.type === 'dns.lookup') figures.lookups++;
      else if (record.type === 'dns.query' || record.type === 'dns.mxQuery') figures.queries++;
      else if (record.type === 'dns.answer' || record.type === 'dns.mxAnswer') {
        if (record.type === 'dns.mxAnswer') figures.lookups++; // an MX lookup has no dns.lookup
        if (record.cached) figures.cacheHits++;
        else if (record.error === null) figures.answers++;
        else countInto(failures, record.error);
      }
    },
    result: () => ({
      node,
      server: server === undefined ? '' : formatIpv4(server),
      ...figures,
      failures: { ...failures },
    }),
  };
}

/** `resolver   laptop -> 10.0.0.53: 3 lookups, ...`. */
export function resolverLines(r: ResolverFigures): string[] {
  return [
    `resolver   ${r.node} -> ${r.server}: ${r.lookups} lookups, ${r.cacheHits} from cache, ` +
      `${r.queries} queries, ${r.answers} answered, failures ${statusText(r.failures)}`,
  ];
}

/** The resolver's behaviour, as the registry loads it (NODE_RESOLVER in kindRegistry.ts). */
export const resolverBehaviour = {
  create: createResolver,
  lookup: resolverLookup,
  lookupMx: resolverMxLookup,
  figures: resolverFigures,
  lines: resolverLines,
};
