// Turns a validated scenario into wired, running objects (ns-3's helper idea): a simulator, the
// network (nodes, links, transport layers) and an XState actor on simulated time per application.

import { clientLabels } from './build/clientLabels.ts';
import {
  startService,
  startServiceClient,
  type ServiceClientMetrics,
} from './build/serviceApps.ts';
import { Simulator } from '../engine/simulator.ts';
import type { PointToPointLink } from '../net/link/pointToPointLink.ts';
import { parseIpv4 } from '../net/wire/ipv4Address.ts';
import { buildNetwork, firstAddress, type BuiltNode, type HostNode } from './build/buildNetwork.ts';
import { startEchoServer, startPinger } from './build/udpApps.ts';
import { startBulkSend, startSink } from './build/tcpApps.ts';
import {
  startHttpClient,
  startHttpServer,
  type HttpClientMetrics,
  type Lookup,
} from './build/httpApps.ts';
import { CpuScheduler } from '../machines/cpu/cpuScheduler.ts';
import type { ServerMetrics } from '../machines/server/serverProcess.ts';
import type { Scenario } from './scenario/scenarioSchema.ts';
import type { BulkSendMetrics, EchoMetrics, PingerMetrics, SinkMetrics } from './summary.ts';
// DNS and FTP (helper "dns-ftp"): resolvers per node, servers and clients.
import { createResolver, resolverLookup, startDnsServer } from './build/dnsApps.ts';
import { startFtpClient, startFtpServer } from './build/ftpApps.ts';
import type { DnsServerMetrics } from '../machines/apps/dns/dnsServer.ts';
import type { StubResolver } from '../machines/apps/dns/dnsResolver.ts';
import type { FtpServerMetrics } from '../machines/apps/ftp/ftpServer.ts';
import type { FtpClientMetrics } from '../machines/apps/ftp/ftpClientSession.ts';
import { isHostName } from './scenario/checkReferences.ts';

export interface BuildOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Record the trace (default true). */
  trace?: boolean;
}

/** A scenario wired up and ready to run. */
export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly sim: Simulator;
  readonly nodes: ReadonlyMap<string, BuiltNode>;
  readonly links: ReadonlyMap<string, PointToPointLink>;
  readonly pingers: PingerMetrics[];
  readonly servers: EchoMetrics[];
  readonly bulkSenders: BulkSendMetrics[];
  readonly sinks: SinkMetrics[];
  /** The CPU of each node that has one (a `cpu` setting or a server app). */
  readonly cpus: ReadonlyMap<string, CpuScheduler>;
  readonly httpServers: ServerMetrics[];
  readonly httpClients: HttpClientMetrics[];
  /** Request/response services (databases) and their clients. */
  readonly services: ServerMetrics[];
  readonly serviceClients: ServiceClientMetrics[];
  readonly dnsServers: DnsServerMetrics[];
  /** The stub resolver of each node with a `dns` setting. */
  readonly resolvers: ReadonlyMap<string, StubResolver>;
  readonly ftpServers: FtpServerMetrics[];
  readonly ftpClients: FtpClientMetrics[];
}

/** Builds the simulation of a validated scenario. Nothing runs until `sim.run()`. */
export function buildSimulation(scenario: Scenario, options: BuildOptions = {}): Simulation {
  const seed = options.seed ?? scenario.seed ?? 1;
  const sim = new Simulator({ seed, trace: options.trace ?? true });
  sim.record({ t: 0, type: 'sim.start', scenario: scenario.name, seed });
  const { nodes, links } = buildNetwork(sim, scenario);
  const pingers: PingerMetrics[] = [];
  const servers: EchoMetrics[] = [];
  const bulkSenders: BulkSendMetrics[] = [];
  const sinks: SinkMetrics[] = [];
  const cpus = new Map<string, CpuScheduler>();
  const httpServers: ServerMetrics[] = [];
  const httpClients: HttpClientMetrics[] = [];
  const services: ServerMetrics[] = [];
  const serviceClients: ServiceClientMetrics[] = [];
  const cpuOf = (host: HostNode): CpuScheduler => {
    let cpu = cpus.get(host.spec.id);
    if (!cpu) {
      cpu = new CpuScheduler(sim, host.spec.id, host.spec.cpu ?? {}, { keepJobs: false });
      cpus.set(host.spec.id, cpu);
    }
    return cpu;
  };
  const dnsServers: DnsServerMetrics[] = [];
  const ftpServers: FtpServerMetrics[] = [];
  const ftpClients: FtpClientMetrics[] = [];
  const resolvers = new Map<string, StubResolver>();
  /** Node ids and IPv4 literals at once; host names through the node's resolver. */
  const lookupFor = (host: HostNode): Lookup => {
    const dns = resolverLookup(resolvers.get(host.spec.id), host.spec.id);
    return (name, done) => {
      if (isHostName(name)) return dns(name, done);
      const address = resolvePeer(name);
      if (address !== undefined) done({ ok: true, address });
      else done({ ok: false, error: `cannot resolve ${name}` });
    };
  };
  const resolvePeer = (peer: string): number | undefined => {
    const literal = parseIpv4(peer);
    if (literal.ok) return literal.address;
    const spec = scenario.nodes.find((n) => n.id === peer);
    return spec && firstAddress(spec);
  };
  for (const built of nodes.values()) {
    if (built.kind !== 'host' || !built.spec.dns) continue;
    const server = resolvePeer(built.spec.dns.server);
    if (server !== undefined)
      resolvers.set(
        built.spec.id,
        createResolver(sim, built.udp, built.spec.id, built.spec.dns, server),
      );
  }
  for (const built of nodes.values()) {
    if (built.kind !== 'host') continue;
    const host: HostNode = built;
    if (host.spec.cpu) cpuOf(host);
    const labels = clientLabels(host.spec);
    (host.spec.apps ?? []).forEach((app, index) => {
      switch (app.type) {
        case 'pinger': {
          const peer = resolvePeer(app.peer);
          if (peer !== undefined) pingers.push(startPinger(sim, host.udp, host.spec.id, app, peer));
          break;
        }
        case 'echo':
          servers.push(startEchoServer(sim, host.udp, host.spec.id, app));
          break;
        case 'bulkSend': {
          const peer = resolvePeer(app.peer);
          if (peer !== undefined)
            bulkSenders.push(startBulkSend(sim, host.tcp, host.spec.id, app, peer));
          break;
        }
        case 'sink':
          sinks.push(startSink(sim, host.tcp, host.spec.id, app));
          break;
        case 'httpServer':
          httpServers.push(startHttpServer(sim, host.tcp, cpuOf(host), host.spec.id, app));
          break;
        case 'httpClient':
          httpClients.push(
            startHttpClient(sim, host.tcp, host.spec.id, app, lookupFor(host), labels.get(index)),
          );
          break;
        case 'service':
          services.push(startService(sim, host.tcp, cpuOf(host), host.spec.id, app));
          break;
        case 'serviceClient':
          serviceClients.push(
            startServiceClient(
              sim,
              host.tcp,
              host.spec.id,
              app,
              lookupFor(host),
              labels.get(index),
            ),
          );
          break;
        case 'dnsServer':
          dnsServers.push(startDnsServer(sim, host.udp, host.spec.id, app));
          break;
        case 'ftpServer':
          ftpServers.push(startFtpServer(sim, host.tcp, host.spec.id, app));
          break;
        case 'ftpClient':
          ftpClients.push(startFtpClient(sim, host.tcp, host.spec.id, app, lookupFor(host)));
          break;
      }
    });
  }
  return {
    scenario,
    seed,
    sim,
    nodes,
    links,
    pingers,
    servers,
    bulkSenders,
    sinks,
    cpus,
    httpServers,
    httpClients,
    services,
    serviceClients,
    dnsServers,
    resolvers,
    ftpServers,
    ftpClients,
  };
}
