// What a node role gives the simulation core: what it is, the checks a schema cannot make, and
// how its node is built. Each role is one module under src/kinds/; kindRegistry.ts lists them.
// A role with no behaviour yet is not in the registry, so validation refuses it by name.

import type { Simulator } from '../../engine/simulator.ts';
import type { NetNode } from '../../net/ip/netNode.ts';
import type { Attachable } from '../../net/link/linkEndpoint.ts';
import type { IcmpDispatcher } from '../../net/transport/icmpDispatcher.ts';
import type { UdpLayer } from '../../net/transport/udpLayer.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import type { MacAddress } from '../../net/wire/mac.ts';
import type { LearningSwitch } from '../../net/link/learningSwitch.ts';
import type { ValidationIssue } from '../schema/schema.ts';
import type { Scenario, ScenarioNode } from '../scenario/scenarioSchema.ts';
import type { ScenarioWarning } from '../scenario/scenarioWarnings.ts';

/** A node with an IP stack (a host or a router) and its transport layers: apps run on these. */
export interface HostNode {
  kind: 'host';
  spec: ScenarioNode;
  net: NetNode;
  icmp: IcmpDispatcher;
  udp: UdpLayer;
  tcp: TcpLayer;
}

/** A node without an IP stack of its own (a switch): it only moves frames between its ports. */
export interface DeviceNode {
  kind: 'device';
  spec: ScenarioNode;
}

export type BuiltNode = HostNode | DeviceNode;

/** A node built by its role, with the link ends of its interfaces by interface name. */
export interface BuiltRole {
  node: BuiltNode;
  ends: Map<string, Attachable>;
}

/** Builds a node with an IP stack: a host (`router: false`) or a router (buildHost.ts). */
export type HostBuilder = (
  sim: Simulator,
  spec: ScenarioNode,
  options: { router: boolean },
) => BuiltRole;

/** What a role may need of the whole scenario to build one node. */
export interface BuildContext {
  scenario: Scenario;
  /** Every MAC of the scenario (scenarioMacs.ts): interfaces, switch ports and switches. */
  macs: ReadonlyMap<string, MacAddress>;
  /**
   * Runs the spanning tree on a switch (its behaviour is loaded on demand: kindBehaviours.ts,
   * which a role's module cannot import without a cycle through the registry).
   */
  runSpanningTree(
    sim: Simulator,
    sw: LearningSwitch,
    spec: ScenarioNode,
    scenario: Scenario,
    macs: ReadonlyMap<string, MacAddress>,
  ): void;
}

/** A node role. */
export interface RoleKind {
  /** The `role` of its nodes in a scenario (`router`). */
  readonly role: string;
  /** One line for the schema and editors. */
  readonly description: string;
  /** Whether its interfaces have IP addresses (hosts and routers) or not (switch ports). */
  readonly addressed: boolean;
  /** Whether it forwards IP packets between its interfaces by its routing table (a router). */
  readonly forwards?: boolean;
  /**
   * Node fields only this role has (a switch's `stp`): a node of another role that sets one is
   * refused with a message naming the field (checkRoleFields.ts), rather than silently ignored.
   */
  readonly ownFields?: readonly (keyof ScenarioNode & string)[];
  /** Problems a schema cannot see in one node of this role (`path` is `$.nodes[i]`). */
  check?(node: ScenarioNode, path: string, issues: ValidationIssue[]): void;
  /**
   * Warnings about a valid scenario's nodes of this role: legal, but likely to surprise (switches
   * cabled in a loop). The scenario still runs (scenarioWarnings.ts collects them).
   */
  warn?(scenario: Scenario): ScenarioWarning[];
  /**
   * Builds a node of this role (validated); its links are attached by the caller. A role with an
   * IP stack builds it with `host` (src/sim/build/buildHost.ts), which the builder passes in so
   * that the registry (always loaded, to validate) does not bring the network stack with it.
   */
  build(sim: Simulator, spec: ScenarioNode, host: HostBuilder, context: BuildContext): BuiltRole;
}
