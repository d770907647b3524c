// The checks of the network a schema cannot express: unique ids, link ends that exist,
// addresses that fit together (one subnet per link, no duplicate addresses or MACs, no
// overlaps), gateways and routes that can be reached, each role's own checks, and resolvers
// that name real servers. The apps' checks are in checkApps.ts, the timed events' in
// checkActions.ts and checkNetworkEvents.ts.

import { contains, formatIpv4, formatPrefix, parseIpv4 } from '../../net/wire/ipv4Address.ts';
import { formatMac, type MacAddress } from '../../net/wire/mac.ts';
import type { ValidationIssue } from '../schema/schema.ts';
import { phrase, phrased, withPhrase, type PhraseParam } from '../schema/phrase.ts';
import { ROLE_KINDS } from '../kinds/kindRegistry.ts';
import type { RoleKind } from '../kinds/roleKind.ts';
import type { Scenario } from './scenarioSchema.ts';
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
  const ownerOfMac = new Map<MacAddress, string>();
  scenario.nodes.forEach((node, i) => {
    ROLES.get(node.role)?.check?.(node, `$.nodes[${i}]`, issues);
    const names = new Map<string, number>();
    node.interfaces?.forEach((iface, j) => {
      const path = `$.nodes[${i}].interfaces[${j}]`;
      if (names.has(iface.name))
        issues.push(
          phrased(
            `${path}.name`,
            phrase('ref.duplicateInterface', { name: iface.name, node: node.id }),
          ),
        );
      names.set(iface.name, j);
      if (iface.mac !== undefined) {
        const mac = formatMac(iface.mac);
        const owner = ownerOfMac.get(iface.mac);
        if (!iface.address && !iface.dhcp)
          issues.push(phrased(`${path}.mac`, phrase('ref.macWithoutAddress', { mac })));
        else if (owner)
          issues.push(
            phrased(
              `${path}.mac`,
              phrase('ref.macTaken', { mac, owner, node: `${node.id}:${iface.name}` }),
            ),
          );
        ownerOfMac.set(iface.mac, `${node.id}:${iface.name}`);
      }
      // A missing address matters only when the interface is linked (checked with the links).
      if (!iface.address) return;
      const owner = ownerOfAddress.get(iface.address.address);
      if (owner) {
        issues.push(
          phrased(
            `${path}.address`,
            phrase('ref.addressTaken', { address: formatIpv4(iface.address.address), owner }),
          ),
        );
      }
      ownerOfAddress.set(iface.address.address, `${node.id}:${iface.name}`);
      node.interfaces?.slice(0, j).forEach((other) => {
        if (!other.address || !iface.address) return;
        const a = iface.address.prefix;
        const b = other.address.prefix;
        if (contains(a, b.network) || contains(b, a.network)) {
          issues.push(
            phrased(
              `${path}.address`,
              phrase('ref.overlap', {
                prefix: formatPrefix(a),
                other: formatPrefix(b),
                node: node.id,
                interface: other.name,
              }),
            ),
          );
        }
      });
    });
    const subnets = (node.interfaces ?? []).flatMap((x) => (x.address ? [x.address] : []));
    const onSubnet = (address: number) =>
      subnets.some((s) => contains(s.prefix, address) && s.address !== address);
    if (node.gateway !== undefined && !onSubnet(node.gateway)) {
      issues.push(
        phrased(
          `$.nodes[${i}].gateway`,
          phrase('ref.offSubnet', {
            address: formatIpv4(node.gateway),
            node: node.id,
            subnets: describeSubnets(subnets),
          }),
        ),
      );
    }
    node.routes?.forEach((route, j) => {
      if (!onSubnet(route.via)) {
        issues.push(
          phrased(
            `$.nodes[${i}].routes[${j}].via`,
            phrase('ref.offSubnet', {
              address: formatIpv4(route.via),
              node: node.id,
              subnets: describeSubnets(subnets),
            }),
          ),
        );
      }
    });
  });

  const linkedBy = new Map<string, string>();
  scenario.links.forEach((link, k) => {
    if (link.burstLoss && link.loss)
      issues.push(phrased(`$.links[${k}].burstLoss`, phrase('ref.lossTwice', { link: link.id })));
    const ends = (['a', 'b'] as const).map((end) => {
      const resolved = resolveLinkEnd(scenario, link[end], nodeIndex);
      if (!resolved.ok) {
        issues.push(
          withPhrase({ path: `$.links[${k}].${end}`, message: resolved.error }, resolved.phrase),
        );
        return undefined;
      }
      const node = scenario.nodes[resolved.nodeIndex];
      const iface = node?.interfaces?.[resolved.interfaceIndex];
      if (!node || !iface) return undefined;
      const key = `${node.id}:${iface.name}`;
      const previous = linkedBy.get(key);
      if (previous)
        issues.push(
          phrased(`$.links[${k}].${end}`, phrase('ref.linkedTwice', { end: key, link: previous })),
        );
      linkedBy.set(key, link.id);
      if (!iface.address && !iface.dhcp && ROLES.get(node.role)?.addressed !== false) {
        issues.push(
          phrased(
            `$.nodes[${resolved.nodeIndex}].interfaces[${resolved.interfaceIndex}].address`,
            phrase('ref.needsAddress', { end: key, link: link.id }),
          ),
        );
      }
      return { node, iface, key };
    });
    const [a, b] = ends;
    if (!a || !b) return;
    if (a.node === b.node) {
      issues.push(phrased(`$.links[${k}].b`, phrase('ref.sameNode', { node: a.node.id })));
      return;
    }
    const addressA = a.iface.address;
    const addressB = b.iface.address;
    if (!addressA || !addressB) return;
    if (
      addressA.prefix.network !== addressB.prefix.network ||
      addressA.prefix.length !== addressB.prefix.length
    ) {
      issues.push(
        phrased(
          `$.links[${k}]`,
          phrase('ref.subnets', {
            a: a.key,
            addressA: `${formatIpv4(addressA.address)}/${addressA.prefix.length}`,
            b: b.key,
            addressB: `${formatIpv4(addressB.address)}/${addressB.prefix.length}`,
          }),
        ),
      );
    }
  });

  return { ownerOfAddress, nodeIndex, linkIndex };
}

/** What checkReferences learned of the network, for the checks after it. */
export type KnownNetwork = ReturnType<typeof checkReferences>;

/** Each node's resolver names a DNS server that exists. */
export function checkResolvers(
  scenario: Scenario,
  known: KnownNetwork,
  issues: ValidationIssue[],
): void {
  // A node's resolver must name a DNS server that exists.
  scenario.nodes.forEach((node, i) => {
    if (node.dns) checkPeer(scenario, node.dns.server, `$.nodes[${i}].dns.server`, known, issues);
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
      issues.push(phrased(path, phrase('ref.noSuchAddress', { value })));
    return;
  }
  const index = known.nodeIndex.get(value);
  if (index === undefined)
    issues.push(
      phrased(
        path,
        phrase('ref.unknownPeer', { ids: listIds([...known.nodeIndex.keys()]), value }),
      ),
    );
  else if (!scenario.nodes[index]?.interfaces?.some((x) => x.address))
    issues.push(phrased(path, phrase('ref.peerUnaddressed', { value })));
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
      issues.push(
        phrased(
          `${path}[${i}].id`,
          phrase('ref.duplicateId', { id: item.id, first: `${path}[${first}]` }),
        ),
      );
    else index.set(item.id, i);
  });
  return index;
}

function describeSubnets(
  subnets: readonly { prefix: { network: number; length: number } }[],
): PhraseParam {
  return subnets.length === 0
    ? phrase('ref.noSubnets')
    : subnets.map((s) => formatPrefix(s.prefix)).join(', ');
}

/** A DNS name (has a dot, is not an IPv4 address): resolved at run time, not checked here. */
export function isHostName(value: string): boolean {
  return value.includes('.') && !parseIpv4(value).ok;
}
