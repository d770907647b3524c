// Turns a validated scenario into wired, running objects (ns-3's helper idea): a simulator, the
// network (each node built by its role), a CPU for nodes that need one, each node's firewall,
// NAT and resolver, the DHCP clients of interfaces configured by DHCP (whose nodes start their
// resolver and apps once they hold a lease), every app started by its kind, the actions at a moment (ping, fetch, ...) by
// theirs, and the nodes' crashes and restarts (nodeLife.ts: a restarted node's servers start
// again here).
// The run's figures follow the trace from the first record.

import { Simulator } from '../engine/simulator.ts';
import type { TraceListener } from '../engine/trace.ts';
import { CpuScheduler } from '../machines/cpu/cpuScheduler.ts';
import type { PointToPointLink } from '../net/link/pointToPointLink.ts';
import { PackedPackets } from '../net/wire/packedPackets.ts';
import type { StubResolver } from '../kinds/dns/dnsResolverFeature.ts';
import type { NodeFirewall } from '../kinds/firewall/firewallFeature.ts';
import type { AppContext, Lookup, MxLookup } from './kinds/appKind.ts';
import { actionLabel, type AnyActionKind } from './kinds/actionKind.ts';
import { addressResolver, appLabels, kindOf } from './kinds/appInstances.ts';
import { ACTION_KINDS } from './kinds/kindRegistry.ts';
import {
  actionBehaviour,
  appBehaviour,
  dhcpClientBehaviour,
  firewallBehaviour,
  natBehaviour,
  resolverBehaviour,
} from './kinds/kindBehaviours.ts';
import type { BuiltNode, HostNode } from './kinds/roleKind.ts';
import { buildNetwork } from './build/buildNetwork.ts';
import { nodeScopes, scheduleNodeLife, simulatorOf } from './build/nodeLife.ts';
import { isHostName } from './scenario/checkReferences.ts';
import { isNetworkEvent, type Scenario } from './scenario/scenarioSchema.ts';
import { cpuConfigOf, hasCpu, runFigures, type RunFigures } from './summary/runSummary.ts';

export interface BuildOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Store the trace (default true). Off, its records still reach the run's figures. */
  trace?: boolean;
  /**
   * Receives every record as it is appended, from the first, stored or not: how the CLI streams
   * its trace file and captures without keeping the trace (`trace: false`).
   */
  onRecord?: TraceListener;
  /**
   * Build the network only: nodes and links, no apps, actions or resolvers, so nothing of a
   * kind's behaviour is needed (what a router's table is needs no more).
   */
  networkOnly?: boolean;
}

/** The stub resolver of a node (see src/kinds/dns). */
export type Resolver = StubResolver;

/** A scenario wired up and ready to run. */
export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly sim: Simulator;
  readonly nodes: ReadonlyMap<string, BuiltNode>;
  readonly links: ReadonlyMap<string, PointToPointLink>;
  /** The CPU of each node that has one (a `cpu` setting or an app that runs work on it). */
  readonly cpus: ReadonlyMap<string, CpuScheduler>;
  /** The stub resolver of each node with a `dns` setting. */
  readonly resolvers: ReadonlyMap<string, Resolver>;
  /** The firewall of each node with a `firewall` setting. */
  readonly firewalls: ReadonlyMap<string, NodeFirewall>;
  /** The run's figures, folded from the trace as it is recorded. */
  readonly figures: RunFigures;
}

const ACTIONS = new Map<string, AnyActionKind>(ACTION_KINDS.map((kind) => [kind.type, kind]));

/** The registry's kind of an action. */
function actionKindOf(event: { type: string }): AnyActionKind {
  const kind = ACTIONS.get(event.type);
  if (!kind) throw new Error(`no action "${event.type}" (validation should have caught this)`);
  return kind;
}

/**
 * Builds the simulation of a validated scenario. Nothing runs until `sim.run()`. The behaviours
 * of its kinds must be loaded first (`await loadKinds(scenario)`, kindBehaviours.ts).
 */
export function buildSimulation(scenario: Scenario, options: BuildOptions = {}): Simulation {
  const seed = options.seed ?? scenario.seed ?? 1;
  const sim = new Simulator({ seed, trace: options.trace ?? true });
  // Stored link records keep their packets in columns, not as objects (packedPackets.ts).
  sim.trace.usePacker('packet', new PackedPackets());
  const figures = runFigures(options.networkOnly ? networkOf(scenario) : scenario);
  sim.trace.watch(figures.types, figures.add);
  if (options.onRecord) sim.trace.subscribe(options.onRecord);
  sim.record({ t: 0, type: 'sim.start', scenario: scenario.name, seed });
  // A node that crashes runs on a scope of the simulator, so that its crash voids its timers.
  const scopes = nodeScopes(sim, scenario);
  const simOf = (node: string): Simulator => simulatorOf(sim, scopes, node);
  const { nodes, links } = buildNetwork(sim, scenario, simOf);
  const addressOf = addressResolver(scenario);
  const hosts = [...nodes.values()].filter((n): n is HostNode => n.kind === 'host');

  const cpus = new Map<string, CpuScheduler>();
  const cpuOf = (host: HostNode): CpuScheduler => {
    let cpu = cpus.get(host.spec.id);
    if (!cpu) {
      cpu = new CpuScheduler(simOf(host.spec.id), host.spec.id, cpuConfigOf(host.spec));
      cpus.set(host.spec.id, cpu);
    }
    return cpu;
  };
  for (const host of hosts) if (hasCpu(host.spec)) cpuOf(host);
  const resolvers = new Map<string, Resolver>();
  const firewalls = new Map<string, NodeFirewall>();
  const built = { scenario, seed, sim, nodes, links, cpus, resolvers, firewalls, figures };
  if (options.networkOnly) {
    scheduleNodeLife(sim, scenario, nodes, scopes, { crashed: () => {}, restarted: () => {} });
    return built;
  }

  // NAT translates at the nodes' hook points (src/kinds/nat), before any app sends.
  for (const host of hosts) if (host.spec.nat) natBehaviour().install(sim, host, host.spec.nat);

  for (const host of hosts) {
    if (host.spec.firewall)
      firewalls.set(host.spec.id, firewallBehaviour().install(sim, host.net, host.spec.firewall));
  }
  /** A node's resolver, asking `leased` (the DNS server a DHCP lease named) if given. */
  const startResolver = (host: HostNode, leased?: number): void => {
    const server = host.spec.dns && (leased ?? addressOf(host.spec.dns.server));
    if (host.spec.dns && server !== undefined)
      resolvers.set(
        host.spec.id,
        resolverBehaviour().create(
          simOf(host.spec.id),
          host.udp,
          host.spec.id,
          host.spec.dns,
          server,
        ),
      );
  };
  // A node with an interface configured by DHCP starts its resolver and apps once it has a lease.
  const byDhcp = (host: HostNode): boolean => host.spec.interfaces?.some((x) => x.dhcp) ?? false;
  for (const host of hosts) if (!byDhcp(host)) startResolver(host);
  /** Node ids and IPv4 literals at once; host names through the node's resolver (then). */
  const lookupFor = (host: HostNode): Lookup => {
    return (name, done) => {
      if (isHostName(name)) {
        const resolver = resolvers.get(host.spec.id);
        if (resolver) return resolverBehaviour().lookup(resolver)(name, done);
        return done({ ok: false, error: `${host.spec.id} has no DNS server configured` });
      }
      const address = addressOf(name);
      if (address !== undefined) done({ ok: true, address });
      else done({ ok: false, error: `cannot resolve ${name}` });
    };
  };

  /** A mail domain's exchangers, through the node's resolver. */
  const lookupMxFor = (host: HostNode): MxLookup => {
    return (domain, done) => {
      const resolver = resolvers.get(host.spec.id);
      if (resolver) return resolverBehaviour().lookupMx(resolver)(domain, done);
      done({ ok: false, error: `${host.spec.id} has no DNS server configured` });
    };
  };

  const contextFor = (host: HostNode, label: string): AppContext => ({
    sim: simOf(host.spec.id),
    host,
    node: host.spec.id,
    label,
    cpu: () => cpuOf(host),
    lookup: lookupFor(host),
    lookupMx: lookupMxFor(host),
    addressOf,
  });
  /** Starts the node's apps; after a restart only its servers (a person starts the others). */
  const startApps = (host: HostNode, restarted: boolean): void => {
    const labels = appLabels(host.spec);
    (host.spec.apps ?? []).forEach((app, index) => {
      const kind = kindOf(app);
      if (restarted && kind.listens?.(app) === undefined) return;
      appBehaviour(kind).start(contextFor(host, labels[index] as string), app);
    });
  };
  for (const host of hosts) {
    if (!byDhcp(host)) {
      startApps(host, false);
      continue;
    }
    // Apps that need the network wait until the interface is bound (docs/model.md, DHCP).
    const nodeSim = simOf(host.spec.id);
    let started = false;
    dhcpClientBehaviour().start(nodeSim, host, (lease) => {
      if (started) return;
      started = true;
      nodeSim.schedule(0, () => {
        startResolver(host, lease.dnsServers[0]);
        startApps(host, false);
      });
    });
  }
  // Actions at a moment run on their node's stack like its apps, named by their place in events.
  // On a node that crashes, one starts at its moment if the node is running then.
  scenario.events?.forEach((event, index) => {
    if (isNetworkEvent(event)) return;
    const host = nodes.get(event.node);
    if (host?.kind !== 'host') return; // validation makes sure it has an address
    const start = (): void =>
      actionBehaviour(actionKindOf(event)).start(contextFor(host, actionLabel(index)), event);
    if (!scopes.has(host.spec.id)) start();
    else sim.scheduleAt(event.at, () => host.net.up && start());
  });
  scheduleNodeLife(sim, scenario, nodes, scopes, {
    crashed(host) {
      cpus.delete(host.spec.id);
      resolvers.delete(host.spec.id);
      // Its firewall stops and forgets its connections, as a kernel's conntrack table is lost.
      firewalls.get(host.spec.id)?.actor.send({ type: 'crash' });
    },
    restarted(host) {
      firewalls.get(host.spec.id)?.actor.send({ type: 'restart' });
      if (hasCpu(host.spec)) cpuOf(host);
      startResolver(host);
      startApps(host, true);
    },
  });
  return built;
}

/** The scenario without what needs a kind's behaviour: apps, dns, firewall, nat, actions. */
function networkOf(scenario: Scenario): Scenario {
  const nodes = scenario.nodes.map(
    ({ apps: _apps, dns: _dns, firewall: _firewall, nat: _nat, ...node }) => node,
  );
  const events = scenario.events?.filter(isNetworkEvent);
  return { ...scenario, nodes, ...(events ? { events } : {}) };
}
