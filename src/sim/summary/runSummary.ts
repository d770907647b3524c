// What a run did, computed from its trace only (DESIGN.md §3): the run itself (from sim.start and
// sim.end), each app's figures by its kind, each node's resolver, firewall, NAT and CPU, each
// link, and each node that crashes (nodeFailureFigures.ts). The same folds follow a run live (even
// with the trace not stored) and replay recorded records, so the CLI, the page and the tests agree
// by construction.

import type { StopReason } from '../../engine/simulator.ts';
import type { Nanos } from '../../engine/time.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import { foldRecords, type TraceFold } from '../../engine/traceFold.ts';
import { DEFAULT_CPU_CONFIG, type CpuConfig } from '../../machines/cpu/cpuConfig.ts';
import type { ResolverFigures } from '../../kinds/dns/dnsResolverFeature.ts';
import type { FirewallFigures } from '../../kinds/firewall/firewallFigures.ts';
import type { NatFigures } from '../../kinds/nat/natFeature.ts';
import type { AnyAppKind, FiguresOf } from '../kinds/appKind.ts';
import { addressResolver, appInstances, kindOf } from '../kinds/appInstances.ts';
import {
  actionBehaviour,
  appBehaviour,
  firewallBehaviour,
  natBehaviour,
  resolverBehaviour,
} from '../kinds/kindBehaviours.ts';
import { ACTION_KINDS, APP_KINDS } from '../kinds/kindRegistry.ts';
import { actionLabel, type AnyActionKind } from '../kinds/actionKind.ts';
import { burstLossRate, meanBadRun } from '../../net/link/burstLoss.ts';
import { resolveLinkEnd } from '../scenario/resolveLinkEnd.ts';
import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import { DEFAULT_BANDWIDTH } from '../scenario/defaults.ts';
import type { Scenario, ScenarioNode } from '../scenario/scenarioSchema.ts';
import { cpuFigures, type CpuFigures } from './cpuFigures.ts';
import { linkFigures, type LinkFigures } from './linkFigures.ts';
import { nodeFailureFigures, type NodeFailureFigures } from './nodeFailureFigures.ts';
import { fragmentFigures, type FragmentFigures } from './fragmentFigures.ts';
import { TraceRouter } from './traceRouter.ts';

type KindList = (typeof APP_KINDS)[number];
/** The `type` of every app kind. */
export type AppType = KindList['type'];
/** The figures of each app of a run, by kind: only the kinds the scenario has. */
export type AppFigures = { [K in AppType]?: FiguresOf<Extract<KindList, { type: K }>>[] };
export type { FirewallFigures, NatFigures, ResolverFigures };

/** What a run did: plain data, the same in Node and the browser. */
export interface RunSummary {
  scenario: string;
  seed: number;
  reason: StopReason;
  events: number;
  simulatedNs: Nanos;
  traceRecords: number;
  apps: AppFigures;
  /**
   * The figures of the actions that record their own (attacks), by action type, in document
   * order; present only when the scenario has such an action.
   */
  actions?: Record<string, unknown[]>;
  /** The resolvers of nodes with a `dns` setting; present only when there is one. */
  resolvers?: ResolverFigures[];
  /** The firewalls of nodes with a `firewall` setting; present only when there is one. */
  firewalls?: FirewallFigures[];
  /** The NATs of nodes with a `nat` setting; present only when there is one. */
  nats?: NatFigures[];
  cpus: CpuFigures[];
  links: LinkFigures[];
  /** The nodes a `nodeCrash` event names; present only when there is one. */
  nodeFailures?: NodeFailureFigures[];
  /**
   * The nodes that fragmented, reassembled, dropped a packet too big with DF or learned a path
   * MTU; present only when one did.
   */
  fragmentation?: FragmentFigures[];
}

/** Whether a node has a CPU: a `cpu` setting, or an app that runs work on one. */
export function hasCpu(node: ScenarioNode): boolean {
  return node.cpu !== undefined || (node.apps ?? []).some((app) => kindOf(app).usesCpu === true);
}

/** A node's CPU settings with the defaults filled in. */
export function cpuConfigOf(node: ScenarioNode): CpuConfig {
  const c = node.cpu ?? {};
  return {
    cores: c.cores ?? DEFAULT_CPU_CONFIG.cores,
    policy: c.policy ?? DEFAULT_CPU_CONFIG.policy,
    quantum: c.quantum ?? DEFAULT_CPU_CONFIG.quantum,
    contextSwitch: c.contextSwitch ?? DEFAULT_CPU_CONFIG.contextSwitch,
  };
}

/** The folds of a run's summary, routed; `result(traceRecords)` gives the summary so far. */
export interface RunFigures {
  readonly types: readonly string[];
  add(record: TraceRecord): void;
  result(traceRecords: number): RunSummary;
}

/** Every fold of `scenario`'s summary, ready to follow a run or replay a trace. */
export function runFigures(scenario: Scenario): RunFigures {
  const router = new TraceRouter();
  const run = {
    scenario: scenario.name,
    seed: scenario.seed ?? 1,
    reason: 'empty' as StopReason,
    events: 0,
    simulatedNs: 0,
  };
  router.attach(
    {
      types: ['sim.start', 'sim.end'],
      add(record) {
        if (record.type === 'sim.start') {
          run.scenario = record.scenario;
          run.seed = record.seed;
        } else if (record.type === 'sim.end') {
          run.reason = record.reason as StopReason;
          run.events = record.events;
          run.simulatedNs = record.t;
        }
      },
      result: () => run,
    },
    { by: 'all' },
  );

  const apps: { kind: AnyAppKind; fold: TraceFold<unknown> }[] = [];
  for (const { kind, instance } of appInstances(scenario)) {
    const fold = appBehaviour(kind).figures.fold(instance);
    router.attach(fold, { by: 'app', node: instance.node, app: instance.label });
    apps.push({ kind, fold });
  }

  const addressOf = addressResolver(scenario);
  const nodeOf = nodeResolver(scenario);
  const actions: { kind: AnyActionKind; fold: TraceFold<unknown> }[] = [];
  const actionKinds = new Map<string, AnyActionKind>(ACTION_KINDS.map((k) => [k.type, k]));
  (scenario.events ?? []).forEach((event, index) => {
    const kind = actionKinds.get(event.type);
    const figures = kind && actionBehaviour(kind).figures;
    if (!kind || !figures || !('node' in event)) return;
    const label = actionLabel(index);
    const fold = figures.fold({ node: event.node, index, event, label, addressOf, nodeOf });
    router.attach(fold, { by: 'all' });
    actions.push({ kind, fold });
  });

  const resolvers = scenario.nodes.flatMap((node) => {
    if (!node.dns) return [];
    const fold = resolverBehaviour().figures(node.id, addressOf(node.dns.server));
    router.attach(fold, { by: 'node', node: node.id });
    return [fold];
  });

  const firewalls = scenario.nodes.flatMap((node) => {
    if (!node.firewall) return [];
    const fold = firewallBehaviour().figures(node.id, node.firewall);
    router.attach(fold, { by: 'node', node: node.id });
    return [fold];
  });

  const nats = scenario.nodes.flatMap((node) => {
    if (!node.nat) return [];
    const fold = natBehaviour().figures(node.id, node.nat);
    router.attach(fold, { by: 'node', node: node.id });
    return [fold];
  });

  const cpus = scenario.nodes.flatMap((node) => {
    if (!hasCpu(node)) return [];
    const fold = cpuFigures(node.id, cpuConfigOf(node));
    router.attach(fold, { by: 'node', node: node.id }); // its cpu.* records, and sim.end
    return [fold];
  });

  const nodeIndex = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const links = scenario.links.map((link) => {
    const a = resolveLinkEnd(scenario, link.a, nodeIndex);
    const aNode = a.ok ? (scenario.nodes[a.nodeIndex]?.id ?? '') : '';
    const settings = {
      link: link.id,
      a: link.a,
      b: link.b,
      latency: link.latency,
      bandwidth: link.bandwidth ?? DEFAULT_BANDWIDTH,
      loss: link.burstLoss ? burstLossRate(link.burstLoss) : (link.loss ?? 0),
      ...(link.burstLoss ? { burst: meanBadRun(link.burstLoss) } : {}),
      ...(link.corrupt ? { corrupt: link.corrupt } : {}),
    };
    const fold = linkFigures(settings, aNode);
    router.attach(fold, { by: 'link', link: link.id });
    return fold;
  });

  const crashing = new Set<string>();
  for (const event of scenario.events ?? [])
    if (event.type === 'nodeCrash') crashing.add(event.node);
  const nodeFailures = [...crashing].map((node) => {
    const fold = nodeFailureFigures(node);
    router.attach(fold, { by: 'node', node });
    return fold;
  });

  const sizes = fragmentFigures(scenario.nodes.map((n) => n.id));
  router.attach(sizes, { by: 'all' });

  return {
    types: router.types,
    add: (record) => router.route(record),
    result(traceRecords) {
      const fragmentation = sizes.result();
      const byKind: Record<string, unknown[]> = {};
      for (const kind of APP_KINDS) {
        const figures = apps.filter((a) => a.kind === kind).map((a) => a.fold.result());
        if (figures.length > 0) byKind[kind.type] = figures;
      }
      return {
        ...run,
        traceRecords,
        apps: byKind as AppFigures,
        ...(actions.length > 0 ? { actions: actionFigures(actions) } : {}),
        ...(resolvers.length > 0 ? { resolvers: resolvers.map((r) => r.result()) } : {}),
        ...(firewalls.length > 0 ? { firewalls: firewalls.map((f) => f.result()) } : {}),
        ...(nats.length > 0 ? { nats: nats.map((n) => n.result()) } : {}),
        cpus: cpus.map((c) => c.result()),
        links: links.map((l) => l.result()),
        ...(nodeFailures.length > 0 ? { nodeFailures: nodeFailures.map((f) => f.result()) } : {}),
        ...(fragmentation.length > 0 ? { fragmentation } : {}),
      };
    },
  };
}

/** The node a peer names: a node id, or the owner of an interface address. */
function nodeResolver(scenario: Scenario): (peer: string) => string | undefined {
  const owners = new Map<number, string>();
  for (const node of scenario.nodes)
    for (const iface of node.interfaces ?? [])
      if (iface.address) owners.set(iface.address.address, node.id);
  const ids = new Set(scenario.nodes.map((n) => n.id));
  return (peer) => {
    if (ids.has(peer)) return peer;
    const parsed = parseIpv4(peer);
    return parsed.ok ? owners.get(parsed.address) : undefined;
  };
}

/** The actions' figures by type, in the registry's order of kinds, each in document order. */
function actionFigures(
  actions: readonly { kind: AnyActionKind; fold: TraceFold<unknown> }[],
): Record<string, unknown[]> {
  const byType: Record<string, unknown[]> = {};
  for (const kind of ACTION_KINDS) {
    const figures = actions.filter((a) => a.kind === kind).map((a) => a.fold.result());
    if (figures.length > 0) byType[kind.type] = figures;
  }
  return byType;
}

/** The summary of a recorded run: the same figures, replayed from its records. */
export function summariseRecords(scenario: Scenario, records: readonly TraceRecord[]): RunSummary {
  const figures = runFigures(scenario);
  foldRecords(
    { types: figures.types as TraceRecord['type'][], add: figures.add, result: () => null },
    records,
  );
  return figures.result(records.length);
}
