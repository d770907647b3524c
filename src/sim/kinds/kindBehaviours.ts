// The behaviours of the kinds a scenario uses, loaded before it is built. A kind's declaration
// (its schema and checks, kindRegistry.ts) is always at hand, so any document validates at once;
// what its apps do is a module of its own that a run loads when its scenario has such an app, an
// action of its kind, or a node with a resolver. An embed showing a ping never downloads the web
// server. The builder and the summary take behaviours from here and say plainly when one is
// missing; `loadKinds` (async, once per kind) is what a caller awaits first.

import type { Scenario } from '../scenario/scenarioSchema.ts';
import type { ActionBehaviour, AnyActionKind } from './actionKind.ts';
import type { AnyAppKind, AppBehaviour } from './appKind.ts';
import {
  ACTION_KINDS,
  APP_KINDS,
  NODE_DHCP,
  NODE_FIREWALL,
  NODE_NAT,
  NODE_RESOLVER,
  SWITCH_STP,
} from './kindRegistry.ts';

/** Anything with a behaviour to load: an app kind, an action kind, the node resolver, firewall or NAT. */
interface Loadable<B> {
  behaviour(): Promise<B>;
}

/** The stub resolver's behaviour: how it is made, looks names up, and counts. */
type ResolverBehaviour = Awaited<ReturnType<typeof NODE_RESOLVER.behaviour>>;

/** The packet filter's behaviour: how it is put on a node, and counts. */
type FirewallBehaviour = Awaited<ReturnType<typeof NODE_FIREWALL.behaviour>>;

/** NAT's behaviour: how it is installed on a node, and counts. */
type NatBehaviour = Awaited<ReturnType<typeof NODE_NAT.behaviour>>;

/** The DHCP clients' behaviour: how they start on a node. */
type DhcpClientBehaviour = Awaited<ReturnType<typeof NODE_DHCP.behaviour>>;

const loaded = new Map<Loadable<unknown>, unknown>();
const loading = new Map<Loadable<unknown>, Promise<void>>();

const APP_BY_TYPE = new Map<string, AnyAppKind>(APP_KINDS.map((kind) => [kind.type, kind]));
const ACTION_BY_TYPE = new Map<string, AnyActionKind>(ACTION_KINDS.map((k) => [k.type, k]));

/**
 * Whether the spanning tree's code may be needed: a link joins two switches, at least one of them
 * running it (a link end names its node before any colon). stpFeature.ts decides per switch.
 */
export function runsSpanningTree(scenario: Scenario): boolean {
  const switches = scenario.nodes.filter((n) => n.role === 'switch');
  const on = new Map(switches.map((n) => [n.id, n.stp !== false]));
  const at = (end: string) => on.get(end.split(':')[0] ?? '');
  return scenario.links.some(
    ({ a, b }) => at(a) !== undefined && at(b) !== undefined && (at(a) || at(b)),
  );
}

/** The kinds whose behaviour a valid scenario needs to run. */
export function kindsNeeded(scenario: Scenario): Loadable<unknown>[] {
  const needed = new Set<Loadable<unknown>>();
  for (const node of scenario.nodes) {
    for (const app of node.apps ?? []) {
      const kind = APP_BY_TYPE.get(app.type);
      if (kind) needed.add(kind);
    }
    if (node.dns) needed.add(NODE_RESOLVER);
    if (node.firewall) needed.add(NODE_FIREWALL);
    if (node.nat) needed.add(NODE_NAT);
    if (node.interfaces?.some((x) => x.dhcp)) needed.add(NODE_DHCP);
  }
  if (runsSpanningTree(scenario)) needed.add(SWITCH_STP);
  for (const event of scenario.events ?? []) {
    const kind = ACTION_BY_TYPE.get(event.type);
    if (kind) needed.add(kind);
  }
  return [...needed];
}

function load(kind: Loadable<unknown>): Promise<void> {
  if (loaded.has(kind)) return Promise.resolve();
  let pending = loading.get(kind);
  if (!pending) {
    pending = kind.behaviour().then(
      (behaviour) => {
        loaded.set(kind, behaviour);
        loading.delete(kind);
      },
      (error: unknown) => {
        loading.delete(kind); // a later run may try again (the connection may be back)
        throw error;
      },
    );
    loading.set(kind, pending);
  }
  return pending;
}

/** Whether everything `scenario` needs to run is loaded (then it builds at once). */
export function kindsLoaded(scenario: Scenario): boolean {
  return kindsNeeded(scenario).every((kind) => loaded.has(kind));
}

/** Loads the behaviours `scenario` needs (each once; those already loaded cost nothing). */
export async function loadKinds(scenario: Scenario): Promise<void> {
  await Promise.all(kindsNeeded(scenario).map(load));
}

/** Loads every kind's behaviour: for the command line and the tests, which run anything. */
export async function loadEveryKind(): Promise<void> {
  await Promise.all(
    [
      ...APP_KINDS,
      ...ACTION_KINDS,
      NODE_RESOLVER,
      NODE_FIREWALL,
      NODE_NAT,
      NODE_DHCP,
      SWITCH_STP,
    ].map(load),
  );
}

/** The `type`s (and `resolver`, `nat`) of what is loaded so far, for tests and diagnostics. */
export function loadedKinds(): string[] {
  return [...loaded.keys()].map((kind) =>
    kind === NODE_RESOLVER
      ? 'resolver'
      : kind === NODE_FIREWALL
        ? 'firewall'
        : kind === NODE_NAT
          ? 'nat'
          : kind === NODE_DHCP
            ? 'dhcp'
            : (kind as unknown as { type: string }).type,
  );
}

function need<B>(kind: Loadable<B>, what: string): B {
  const behaviour = loaded.get(kind);
  if (behaviour === undefined)
    throw new Error(`${what} is not loaded: await loadKinds(scenario) before building it`);
  return behaviour as B;
}

/** The behaviour of an app kind (loaded: see loadKinds). */
export function appBehaviour(kind: AnyAppKind): AppBehaviour<unknown> {
  return need(kind as Loadable<AppBehaviour<unknown>>, `the behaviour of "${kind.type}" apps`);
}

/** The behaviour of an action kind (loaded: see loadKinds). */
export function actionBehaviour(kind: AnyActionKind): ActionBehaviour<unknown> {
  return need(kind as Loadable<ActionBehaviour<unknown>>, `the "${kind.type}" action`);
}

/** The stub resolver of nodes with a `dns` setting (loaded: see loadKinds). */
export function resolverBehaviour(): ResolverBehaviour {
  return need(NODE_RESOLVER, 'the DNS resolver of nodes with a dns setting');
}

/** The packet filter of nodes with a `firewall` setting (loaded: see loadKinds). */
export function firewallBehaviour(): FirewallBehaviour {
  return need(NODE_FIREWALL, 'the firewall of nodes with a firewall setting');
}

/** The spanning tree of switches cabled to switches (loaded: see loadKinds). */
export function stpBehaviour(): Awaited<ReturnType<typeof SWITCH_STP.behaviour>> {
  return need(SWITCH_STP, 'the spanning tree of switches cabled to switches');
}

/** NAT on nodes with a `nat` setting (loaded: see loadKinds). */
export function natBehaviour(): NatBehaviour {
  return need(NODE_NAT, 'the NAT of nodes with a nat setting');
}

/** The DHCP clients of nodes with an interface configured by DHCP (loaded: see loadKinds). */
export function dhcpClientBehaviour(): DhcpClientBehaviour {
  return need(NODE_DHCP, 'the DHCP client of interfaces configured by DHCP');
}
