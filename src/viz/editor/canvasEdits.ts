// What the canvas editor does to a document, as pure functions from the document to the next one
// (or a reason it cannot): place a node of a role, link two nodes with an address plan, move
// nodes on the grid, delete nodes and links with what refers to them, add an app. The page turns
// each result into one command (patchBetween) that the document's validation still judges.

import { formatIpv4, type Ipv4Prefix } from '../../net/wire/ipv4Address.ts';
import { ACTION_KINDS, APP_KINDS } from '../../sim/index.ts';
import type { NewApp } from '../kinds/index.ts';
import {
  addressText,
  freeHost,
  freeSubnet,
  readAddress,
  segmentOf,
  subnetText,
  usedAddresses,
} from './addressPlan.ts';
import {
  asDoc,
  asJson,
  canvasRole,
  freeId,
  freeInterfaceName,
  linkNodes,
  snap,
  type CanvasRole,
  type Doc,
  type DocInterface,
  type DocNode,
  type Point,
} from './canvasDocument.ts';
import type { Json } from './documentEdits.ts';

/** The document after an edit, its name for the undo button, and what to select next. */
export type CanvasEdit =
  { ok: true; doc: Json; label: string; select: string[] } | { ok: false; reason: string };

const fail = (reason: string): CanvasEdit => ({ ok: false, reason });

/** A new link's one-way latency. */
export const NEW_LINK_LATENCY = '5ms';

/** A node with `position` last, where a reader expects it, after what the node is. */
function tidy(node: DocNode): DocNode {
  const { position, ...rest } = node;
  return position === undefined ? rest : { ...rest, position };
}

/**
 * Gives every node without a position the one it is drawn at (`placement`, by id), so that the
 * canvas's picture stays put once it starts editing.
 */
export function withPositions(json: Json, placement: ReadonlyMap<string, Point>): Json {
  const doc = asDoc(json);
  if (doc.nodes.every((n) => n.position)) return json;
  return asJson({
    ...doc,
    nodes: doc.nodes.map((n) => {
      const at = placement.get(n.id);
      return n.position || !at ? n : tidy({ ...n, position: snap(at) });
    }),
  });
}

/** Adds a node of `role` centred at `at` (on the grid), with its role's defaults. */
export function placeNode(json: Json, role: string, at: Point): CanvasEdit {
  const doc = asDoc(json);
  const kind = canvasRole(role);
  if (!kind) return fail(`the canvas cannot make a node of the role "${role}"`);
  const id = freeId(kind.canvas.idPrefix, new Set(doc.nodes.map((n) => n.id)));
  const node: DocNode = { id, role, ...kind.canvas.newNode(), position: snap(at) };
  return {
    ok: true,
    doc: asJson({ ...doc, nodes: [...doc.nodes, tidy(node)] }),
    label: `Add ${kind.view.name()} ${id}`,
    select: [id],
  };
}

/**
 * A free place for a new node: the first grid point, row by row, whose card would keep a card's
 * width and a row's height away from every node placed (`placed`: their centres).
 */
export function freeSpot(placed: readonly Point[]): Point {
  const columns = 6;
  for (let i = 0; ; i++) {
    const spot = { x: 140 + (i % columns) * 280, y: 80 + Math.floor(i / columns) * 160 };
    if (placed.every((p) => Math.abs(p.x - spot.x) >= 240 || Math.abs(p.y - spot.y) >= 120))
      return spot;
  }
}

function hasAddress(node: DocNode): boolean {
  return (node.interfaces ?? []).some((x) => x.address !== undefined);
}

/**
 * Links `fromId` to `toId`: a new interface on each (an address for a host or router, a port for
 * a switch) and a link between them. Both ends share one subnet: the subnet of a switch's segment
 * when an end is a switch, else a free /24. A router takes the subnet's first host (.1), other
 * hosts .10 and up; hosts on the subnet without a gateway take the router's address as theirs;
 * a node's first address brings what its role adds then (a server's web service).
 */
export function connectNodes(json: Json, fromId: string, toId: string): CanvasEdit {
  const doc = asDoc(json);
  if (fromId === toId) return fail('a link joins two different nodes: drop it on another node');
  const from = doc.nodes.find((n) => n.id === fromId);
  const to = doc.nodes.find((n) => n.id === toId);
  if (!from || !to) return fail(`there is no node "${from ? toId : fromId}"`);
  const roles: CanvasRole[] = [];
  for (const node of [from, to]) {
    const role = canvasRole(node.role);
    if (!role) return fail(`the canvas cannot link a node of the role "${node.role}" (${node.id})`);
    roles.push(role);
  }
  const already = doc.links.find((l) => {
    const [a, b] = linkNodes(l);
    return (a === fromId && b === toId) || (a === toId && b === fromId);
  });
  if (already) return fail(`${fromId} and ${toId} are already linked by ${already.id}`);

  const segmentSubnets: Ipv4Prefix[] = [];
  [from, to].forEach((node, i) => {
    if (roles[i]?.addressed) return;
    for (const s of segmentOf(doc, node.id).subnets)
      if (!segmentSubnets.some((t) => t.network === s.network && t.length === s.length))
        segmentSubnets.push(s);
  });
  if (segmentSubnets.length > 1)
    return fail(
      `this would put ${segmentSubnets.map(subnetText).join(' and ')} on one switched segment: link them through a router instead`,
    );
  const needsSubnet = roles.some((r) => r.addressed);
  const subnet = segmentSubnets[0] ?? (needsSubnet ? freeSubnet(doc) : undefined);
  if (needsSubnet && !subnet) return fail('no free /24 subnet is left in 10.0.0.0/8');

  const taken = new Set(usedAddresses(doc).map((u) => u.address));
  const ends: { node: DocNode; role: CanvasRole; iface: DocInterface }[] = [];
  for (const [i, node] of [from, to].entries()) {
    const role = roles[i] as CanvasRole;
    const name = freeInterfaceName(node, role.canvas);
    if (!role.addressed || !subnet) {
      ends.push({ node, role, iface: { name } });
      continue;
    }
    const host = freeHost(subnet, role.canvas.firstHost, taken);
    if (host === undefined)
      return fail(`${subnetText(subnet)} has no free address left for ${node.id}`);
    taken.add(host);
    ends.push({ node, role, iface: { name, address: addressText(host, subnet) } });
  }

  let nodes = doc.nodes.map((n) => {
    const end = ends.find((e) => e.node.id === n.id);
    if (!end) return n;
    const gains =
      end.iface.address !== undefined && !hasAddress(n)
        ? end.role.canvas.whenAddressed?.()
        : undefined;
    const added = Object.fromEntries(
      Object.entries(gains ?? {}).filter(([key]) => n[key] === undefined),
    );
    return tidy({ ...n, interfaces: [...(n.interfaces ?? []), end.iface], ...added });
  });
  if (subnet) nodes = withGateways(nodes, subnet);
  const [a, b] = ends as [(typeof ends)[number], (typeof ends)[number]];
  const link = {
    id: freeId('l', new Set(doc.links.map((l) => l.id))),
    a: `${fromId}:${a.iface.name}`,
    b: `${toId}:${b.iface.name}`,
    latency: NEW_LINK_LATENCY,
  };
  return {
    ok: true,
    doc: asJson({ ...doc, nodes, links: [...doc.links, link] }),
    label: `Link ${fromId} to ${toId}`,
    select: [fromId, toId],
  };
}

/** Hosts on `subnet` without a default gateway take the first gateway's address on it. */
function withGateways(nodes: DocNode[], subnet: Ipv4Prefix): DocNode[] {
  const onSubnet = (node: DocNode) =>
    (node.interfaces ?? [])
      .map((x) => readAddress(x.address))
      .find((r) => r && r.prefix.network === subnet.network && r.prefix.length === subnet.length);
  const router = nodes.find((n) => canvasRole(n.role)?.canvas.gateway && onSubnet(n));
  const gateway = router && onSubnet(router);
  if (!gateway) return nodes;
  return nodes.map((n) => {
    const role = canvasRole(n.role);
    if (!role?.addressed || role.canvas.gateway || n.gateway !== undefined || !onSubnet(n))
      return n;
    return tidy({ ...n, gateway: formatIpv4(gateway.address) });
  });
}

/** Moves nodes to new centres, on the grid. */
export function moveNodes(json: Json, moves: ReadonlyMap<string, Point>): CanvasEdit {
  const doc = asDoc(json);
  const moved = doc.nodes.filter((n) => moves.has(n.id));
  if (moved.length === 0) return fail('nothing to move');
  return {
    ok: true,
    doc: asJson({
      ...doc,
      nodes: doc.nodes.map((n) => {
        const to = moves.get(n.id);
        return to ? tidy({ ...n, position: snap(to) }) : n;
      }),
    }),
    label: moved.length === 1 ? `Move ${moved[0]?.id}` : `Move ${moved.length} nodes`,
    select: moved.map((n) => n.id),
  };
}

/** Whom an app talks to (a node id or an address), by its kind's `target`. */
function appTarget(app: { [key: string]: unknown }): string | undefined {
  const kind = APP_KINDS.find((k) => k.type === app.type);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return kind && 'target' in kind ? (kind.target?.(app as any)?.value ?? undefined) : undefined;
}

/**
 * Deletes nodes and links. A deleted node takes its links along; a deleted link takes the
 * interfaces it plugged into (unless one is the last address of a node whose apps need it).
 * What referred to what is gone goes too: gateways and routes off the subnets left, apps and
 * resolvers aimed at a deleted node or address, timed events of deleted links, actions of a
 * deleted node or aimed at one.
 */
export function deleteItems(
  json: Json,
  nodeIds: readonly string[],
  linkIds: readonly string[] = [],
): CanvasEdit {
  const doc = asDoc(json);
  const goneNodes = new Set(nodeIds.filter((id) => doc.nodes.some((n) => n.id === id)));
  const goneLinks = doc.links.filter(
    (l) => linkIds.includes(l.id) || linkNodes(l).some((n) => goneNodes.has(n)),
  );
  if (goneNodes.size === 0 && goneLinks.length === 0) return fail('nothing selected to delete');
  const goneAddresses = new Set<number>();
  for (const node of doc.nodes)
    if (goneNodes.has(node.id))
      for (const x of node.interfaces ?? []) {
        const read = readAddress(x.address);
        if (read) goneAddresses.add(read.address);
      }

  // The interfaces the deleted links plugged into, on the nodes that stay.
  const unplugged = new Map<string, Set<string>>();
  for (const link of goneLinks)
    for (const end of [link.a, link.b]) {
      const [node = end, iface] = end.split(':');
      const name = iface ?? doc.nodes.find((n) => n.id === node)?.interfaces?.[0]?.name;
      if (goneNodes.has(node) || name === undefined) continue;
      unplugged.set(node, (unplugged.get(node) ?? new Set()).add(name));
    }
  const nodes = doc.nodes
    .filter((n) => !goneNodes.has(n.id))
    .map((n) => {
      const drop = unplugged.get(n.id);
      if (!drop) return n;
      let interfaces = (n.interfaces ?? []).filter((x) => !drop.has(x.name));
      if ((n.apps?.length ?? 0) > 0 && !interfaces.some((x) => x.address !== undefined))
        interfaces = n.interfaces ?? []; // its apps need an address: keep them plugged out
      for (const x of n.interfaces ?? [])
        if (!interfaces.includes(x)) {
          const read = readAddress(x.address);
          if (read) goneAddresses.add(read.address);
        }
      const { interfaces: _old, ...rest } = n;
      void _old;
      return interfaces.length > 0 ? { ...n, interfaces } : (rest as DocNode);
    });

  const gone = (value: string) =>
    goneNodes.has(value) || [...goneAddresses].some((a) => formatIpv4(a) === value);
  const cleaned = nodes.map((n) => {
    const subnets = (n.interfaces ?? []).flatMap((x) => {
      const read = readAddress(x.address);
      return read ? [read] : [];
    });
    const reachable = (text: string) =>
      !gone(text) &&
      subnets.some((s) => {
        const parsed = readAddress(`${text}/${s.prefix.length}`);
        return (
          parsed !== undefined &&
          parsed.prefix.network === s.prefix.network &&
          parsed.address !== s.address
        );
      });
    const next: DocNode = { ...n };
    if (next.gateway !== undefined && !reachable(next.gateway)) delete next.gateway;
    if (next.routes) {
      next.routes = next.routes.filter((r) => reachable(r.via));
      if (next.routes.length === 0) delete next.routes;
    }
    if (next.dns && gone(next.dns.server)) delete next.dns;
    if (next.apps) {
      next.apps = next.apps.filter((app) => {
        const target = appTarget(app);
        return target === undefined || !gone(target);
      });
      if (next.apps.length === 0) delete next.apps;
    }
    return next;
  });

  const goneLinkIds = new Set(goneLinks.map((l) => l.id));
  const result: Doc = {
    ...doc,
    nodes: cleaned,
    links: doc.links.filter((l) => !goneLinkIds.has(l.id)),
  };
  if (doc.events) {
    const events = doc.events.filter((e) => {
      if (typeof e.link === 'string') return !goneLinkIds.has(e.link);
      if (typeof e.node === 'string' && goneNodes.has(e.node)) return false;
      const action = ACTION_KINDS.find((k) => k.type === e.type);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const target = action?.target(e as any)?.value;
      return target === undefined || !gone(target);
    });
    if (events.length > 0) result.events = events;
    else delete result.events;
  }
  const what =
    goneNodes.size === 0
      ? goneLinks.length === 1
        ? `link ${goneLinks[0]?.id}`
        : `${goneLinks.length} links`
      : goneNodes.size === 1
        ? [...goneNodes][0]
        : `${goneNodes.size} nodes`;
  return { ok: true, doc: asJson(result), label: `Delete ${what}`, select: [] };
}

/** Adds an app of a kind (its view's `newApp` makes it) to a node. */
export function addApp(json: Json, nodeId: string, kind: NewApp): CanvasEdit {
  const doc = asDoc(json);
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) return fail(`there is no node "${nodeId}"`);
  const kindName = kind
    .name()
    .replace(/ \(.*\)$/, '')
    .toLowerCase();
  const app = kind.make({
    node: nodeId,
    nodes: doc.nodes as unknown as readonly { [key: string]: Json }[],
  });
  return {
    ok: true,
    doc: asJson({
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === nodeId ? tidy({ ...n, apps: [...(n.apps ?? []), app] }) : n,
      ),
    }),
    label: `Add ${kindName} to ${nodeId}`,
    select: [nodeId],
  };
}
