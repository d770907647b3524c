// DNS in scenarios: the authoritative server app (a zone on UDP port 53) and each node's stub
// resolver, built from the node's `dns` setting, which answers the `Lookup` of its other apps.

import type { Simulator } from '../../engine/simulator.ts';
import { DNS_PORT } from '../../net/app/dns/dnsMessage.ts';
import type { UdpLayer } from '../../net/transport/udpLayer.ts';
import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { serveZone, type DnsServerMetrics } from '../../machines/apps/dns/dnsServer.ts';
import { DEFAULT_RESOLVER, StubResolver } from '../../machines/apps/dns/dnsResolver.ts';
import { DEFAULT_TTL, type ZoneRecord } from '../../machines/apps/dns/dnsZone.ts';
import type { DnsServerApp, DnsSettings } from '../scenario/scenarioSchema.ts';
import type { Lookup } from './httpApps.ts';

/** Starts an authoritative DNS server on `node`. */
export function startDnsServer(
  sim: Simulator,
  udp: UdpLayer,
  node: string,
  app: DnsServerApp,
): DnsServerMetrics {
  const opened = udp.bind(app.port ?? DNS_PORT);
  if (!opened.ok) {
    sim.record({
      t: sim.now(),
      type: 'app.error',
      node,
      app: 'dns',
      op: 'bind',
      error: opened.error,
    });
    return { node, queries: 0, rcodes: {} };
  }
  const records: ZoneRecord[] = (app.records ?? []).map((r) =>
    r.type === 'A'
      ? { name: r.name, type: 'A', address: r.address, ttl: r.ttl ?? DEFAULT_TTL }
      : { name: r.name, type: 'CNAME', target: r.target, ttl: r.ttl ?? DEFAULT_TTL },
  );
  const zone = app.origin === undefined ? { records } : { origin: app.origin, records };
  return serveZone(sim, opened.value, node, zone, app.delay ?? 0);
}

/** The stub resolver of a node with a `dns` setting; `server` is its address. */
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

/** A `Lookup` over a resolver, or one that fails at once when the node has none. */
export function resolverLookup(resolver: StubResolver | undefined, node: string): Lookup {
  return (name, done) => {
    if (!resolver) return done({ ok: false, error: `${node} has no DNS server configured` });
    resolver.lookup(name, (result) =>
      done(result.ok ? { ok: true, address: result.address } : { ok: false, error: result.error }),
    );
  };
}
