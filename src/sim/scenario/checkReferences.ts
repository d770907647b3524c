// The checks of the network a schema cannot express: unique ids, link ends that exist,
// addresses that fit together (one subnet per link, no duplicates or overlaps), gateways and
// routes that can be reached, each role's own checks, and events that name real links. The apps'
// checks are in checkApps.ts.

import { contains, formatIpv4, formatPrefix, parseIpv4 } from '../../net/wire/ipv4Address.ts';
import type { ValidationIssue } from '../schema/schema.ts';
import { ROLE_KINDS } from '../kinds/kindRegistry.ts';
import type { RoleKind } from '../kinds/roleKind.ts';
import { isLinkEvent, type Scenario } from './scenarioSchema.ts';
import { listIds, resolveLinkEnd } from './resolveLinkEnd.ts';

const ROLES = new Map<string, RoleKind>(ROLE_KINDS.map((r) => [r.role, r]));

/**
 * Appends every cross-reference problem of a schema-valid scenario's network to `issues`;
 * returns the owner of each address (`node:interface`) and the index of each node id.
 */
export function checkReferences(
  scenario: Scenario,
  issues: ValidationIssue[],
): {
  ownerOfAddress: Map<number, string>;
  nodeIndex: Map<string, number>;
  linkIndex: Map<string, number>;
} {
  const nodeIndex = uniqueIds(scenario.nodes, '$.nodes', issues);
  const linkIndex = uniqueIds(scenario.links, '$.links', issues);
  const ownerOfAddress = new Map<number, string>();
  scenario.nodes.forEach((node, i) => {
    ROLES.get(node.role)?.check?.(node, `$.nodes[${i}]`, issues);
    const names = new Map<string, number>();
    node.interfaces?.forEach((iface, j) => {
      const path = `$.nodes[${i}].interfaces[${j}]`;
      if (names.has(iface.name))
        issues.push({
          path: `${path}.name`,
          message: `duplicates the interface name "${iface.name}" of ${node.id}`,
        });
      names.set(iface.name, j);
      // A missing address matters only when the interface is linked (checked with the links).
      if (!iface.address) return;
      const owner = ownerOfAddress.get(iface.address.address);
      if (owner) {
        issues.push({
          path: `${path}.address`,
          message: `${formatIpv4(iface.address.address)} is already the address of ${owner}`,
        });
      }
      ownerOfAddress.set(iface.address.address, `${node.id}:${iface.name}`);
      node.interfaces?.slice(0, j).forEach((other) => {
        if (!other.address || !iface.address) return;
        const a = iface.address.prefix;
        const b = other.address.prefix;
        if (contains(a, b.network) || contains(b, a.network)) {
          issues.push({
            path: `${path}.address`,
            message: `${formatPrefix(a)} overlaps ${formatPrefix(b)} of ${node.id}:${other.name}: each interface of a node needs its own subnet`,
          });
        }
      });
    });
    const subnets = (node.interfaces ?? []).flatMap((x) => (x.address ? [x.address] : []));
    const onSubnet = (address: number) =>
      subnets.some((s) => contains(s.prefix, address) && s.address !== address);
    if (node.gateway !== undefined && !onSubnet(node.gateway)) {
      issues.push({
        path: `$.nodes[${i}].gateway`,
        message: `${formatIpv4(node.gateway)} is not on a subnet of ${node.id}'s interfaces (${describeSubnets(subnets)})`,
      });
    }
    node.routes?.forEach((route, j) => {
      if (!onSubnet(route.via)) {
        issues.push({
          path: `$.nodes[${i}].routes[${j}].via`,
          message: `${formatIpv4(route.via)} is not on a subnet of ${node.id}'s interfaces (${describeSubnets(subnets)})`,
        });
      }
    });
  });

  const linkedBy = new Map<string, string>();
  scenario.links.forEach((link, k) => {
    const ends = (['a', 'b'] as const).map((end) => {
      const resolved = resolveLinkEnd(scenario, link[end], nodeIndex);
      if (!resolved.ok) {
        issues.push({ path: `$.links[${k}].${end}`, message: resolved.error });
        return undefined;
      }
      const node = scenario.nodes[resolved.nodeIndex];
      const iface = node?.interfaces?.[resolved.interfaceIndex];
      if (!node || !iface) return undefined;
      const key = `${node.id}:${iface.name}`;
      const previous = linkedBy.get(key);
      if (previous)
        issues.push({
          path: `$.links[${k}].${end}`,
          message: `${key} is already linked by "${previous}": one link per interface`,
        });
      linkedBy.set(key, link.id);
      if (!iface.address && ROLES.get(node.role)?.addressed !== false) {
        issues.push({
          path: `$.nodes[${resolved.nodeIndex}].interfaces[${resolved.interfaceIndex}].address`,
          message: `is missing: ${key} is linked by "${link.id}", so it needs an address such as "10.0.0.2/24"`,
        });
      }
      return { node, iface, key };
    });
    const [a, b] = ends;
    if (!a || !b) return;
    if (a.node === b.node) {
      issues.push({
        path: `$.links[${k}].b`,
        message: `a link must join two different nodes, both ends are on "${a.node.id}"`,
      });
      return;
    }
    const addressA = a.iface.address;
    const addressB = b.iface.address;
    if (!addressA || !addressB) return;
    if (
      addressA.prefix.network !== addressB.prefix.network ||
      addressA.prefix.length !== addressB.prefix.length
    ) {
      issues.push({
        path: `$.links[${k}]`,
        message: `joins ${a.key} (${formatIpv4(addressA.address)}/${addressA.prefix.length}) and ${b.key} (${formatIpv4(addressB.address)}/${addressB.prefix.length}), which are on different subnets`,
      });
    }
  });

  return { ownerOfAddress, nodeIndex, linkIndex };
}

/** What checkReferences learned of the network, for the checks after it. */
export type KnownNetwork = ReturnType<typeof checkReferences>;

/** Each node's resolver names a DNS server that exists; each timed event a link that does. */
export function checkResolversAndEvents(
  scenario: Scenario,
  known: KnownNetwork,
  issues: ValidationIssue[],
): void {
  const { linkIndex } = known;
  // A node's resolver must name a DNS server that exists.
  scenario.nodes.forEach((node, i) => {
    if (node.dns) checkPeer(scenario, node.dns.server, `$.nodes[${i}].dns.server`, known, issues);
  });

  scenario.events?.forEach((event, i) => {
    if (isLinkEvent(event) && !linkIndex.has(event.link)) {
      issues.push({
        path: `$.events[${i}].link`,
        message: `expected the id of a link (${listIds([...linkIndex.keys()])}), got "${event.link}"`,
      });
    }
  });
}

/** Checks that `value` (a node id or an IPv4 address) names a node with an address. */
export function checkPeer(
  scenario: Scenario,
  value: string,
  path: string,
  known: Pick<KnownNetwork, 'ownerOfAddress' | 'nodeIndex'>,
  issues: ValidationIssue[],
): void {
  const asAddress = parseIpv4(value);
  if (asAddress.ok) {
    if (!known.ownerOfAddress.has(asAddress.address))
      issues.push({ path, message: `no interface has the address ${value}` });
    return;
  }
  const index = known.nodeIndex.get(value);
  if (index === undefined)
    issues.push({
      path,
      message: `expected the id of a node (${listIds([...known.nodeIndex.keys()])}) or an IPv4 address, got "${value}"`,
    });
  else if (!scenario.nodes[index]?.interfaces?.some((x) => x.address))
    issues.push({ path, message: `"${value}" has no address to send to` });
}

function uniqueIds(
  items: readonly { id: string }[],
  path: string,
  issues: ValidationIssue[],
): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    const first = index.get(item.id);
    if (first !== undefined)
      issues.push({
        path: `${path}[${i}].id`,
        message: `duplicates the id "${item.id}" of ${path}[${first}]`,
      });
    else index.set(item.id, i);
  });
  return index;
}

function describeSubnets(
  subnets: readonly { prefix: { network: number; length: number } }[],
): string {
  return subnets.length === 0
    ? 'it has none'
    : subnets.map((s) => formatPrefix(s.prefix)).join(', ');
}

/** A DNS name (has a dot, is not an IPv4 address): resolved at run time, not checked here. */
export function isHostName(value: string): boolean {
  return value.includes('.') && !parseIpv4(value).ok;
}
