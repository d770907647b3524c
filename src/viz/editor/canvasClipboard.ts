// Copy and paste on the canvas: the copied nodes with the links among them, pasted with fresh ids
// (by their role's prefix), fresh subnets (each copied subnet moves to a free one, host numbers
// kept) and everything that named a copied node or address renamed to match.

import { formatIpv4, type Ipv4Prefix } from '../../net/wire/ipv4Address.ts';
import { APP_KINDS } from '../../sim/index.ts';
import { addressText, freeSubnet, readAddress } from './addressPlan.ts';
import {
  asDoc,
  asJson,
  canvasRole,
  freeId,
  linkNodes,
  snap,
  type DocLink,
  type DocNode,
} from './canvasDocument.ts';
import type { CanvasEdit } from './canvasEdits.ts';
import type { Json } from './documentEdits.ts';

/** What Ctrl+C keeps: copies of the nodes and of the links between two of them. */
export interface Clip {
  nodes: DocNode[];
  links: DocLink[];
}

export function copyNodes(json: Json, ids: readonly string[]): Clip | null {
  const doc = asDoc(json);
  const chosen = new Set(ids);
  const nodes = doc.nodes.filter((n) => chosen.has(n.id));
  if (nodes.length === 0) return null;
  const links = doc.links.filter((l) => linkNodes(l).every((n) => chosen.has(n)));
  return structuredClone({ nodes, links });
}

/** How far a paste lands from the copied nodes, right and down. */
export const PASTE_OFFSET = 40;

/** Pastes a clip: new ids, subnets and addresses; positions moved by `offset`. */
export function pasteClip(json: Json, clip: Clip, offset = PASTE_OFFSET): CanvasEdit {
  const doc = asDoc(json);
  if (clip.nodes.length === 0) return { ok: false, reason: 'nothing copied to paste' };
  const nodeIds = new Set(doc.nodes.map((n) => n.id));
  const ids = new Map<string, string>();
  for (const node of clip.nodes) {
    const id = freeId(canvasRole(node.role)?.canvas.idPrefix ?? node.role, nodeIds);
    nodeIds.add(id);
    ids.set(node.id, id);
  }
  // Each copied subnet moves to a free one of the same size.
  const moved: { from: Ipv4Prefix; to: Ipv4Prefix }[] = [];
  for (const node of clip.nodes)
    for (const x of node.interfaces ?? []) {
      const read = readAddress(x.address);
      if (!read || moved.some((m) => sameSubnet(m.from, read.prefix))) continue;
      const to = freeSubnet(
        doc,
        read.prefix.length,
        moved.map((m) => m.to),
      );
      if (!to)
        return { ok: false, reason: `no free subnet is left for a copy of /${read.prefix.length}` };
      moved.push({ from: read.prefix, to });
    }
  /** The address `value` (with or without a length) on its moved subnet. */
  const moveAddress = (address: number): number | undefined => {
    const m = moved.find((m) => sameSubnet(m.from, { network: address, length: m.from.length }));
    return m ? (m.to.network + (address - m.from.network)) >>> 0 : undefined;
  };
  const rename = (value: string): string => {
    const id = ids.get(value);
    if (id) return id;
    const read = readAddress(`${value}/32`);
    const to = read && moveAddress(read.address);
    return to === undefined ? value : formatIpv4(to);
  };

  const pasted = clip.nodes.map((node): DocNode => {
    const copy: DocNode = structuredClone(node);
    copy.id = ids.get(node.id) as string;
    if (copy.interfaces)
      copy.interfaces = copy.interfaces.map((x) => {
        const read = readAddress(x.address);
        const to = read && moveAddress(read.address);
        return read && to !== undefined
          ? { ...x, address: addressText(to, { network: 0, length: read.prefix.length }) }
          : x;
      });
    if (copy.gateway !== undefined) copy.gateway = rename(copy.gateway);
    if (copy.routes) copy.routes = copy.routes.map((r) => ({ ...r, via: rename(r.via) }));
    if (copy.dns) copy.dns = { ...copy.dns, server: rename(copy.dns.server) };
    if (copy.apps)
      copy.apps = copy.apps.map((app) => {
        const kind = APP_KINDS.find((k) => k.type === app.type);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const target = kind && 'target' in kind ? kind.target?.(app as any) : undefined;
        return target ? { ...app, [target.field]: rename(target.value) } : app;
      });
    if (copy.position) {
      const { position, ...rest } = copy;
      return { ...rest, position: snap({ x: position.x + offset, y: position.y + offset }) };
    }
    return copy;
  });
  const linkIds = new Set(doc.links.map((l) => l.id));
  const links = clip.links.map((link): DocLink => {
    const id = freeId('l', linkIds);
    linkIds.add(id);
    const end = (text: string) => {
      const [node = text, iface] = text.split(':');
      const to = ids.get(node) ?? node;
      return iface === undefined ? to : `${to}:${iface}`;
    };
    return { ...structuredClone(link), id, a: end(link.a), b: end(link.b) };
  });
  return {
    ok: true,
    doc: asJson({ ...doc, nodes: [...doc.nodes, ...pasted], links: [...doc.links, ...links] }),
    label: pasted.length === 1 ? `Paste ${pasted[0]?.id}` : `Paste ${pasted.length} nodes`,
    select: pasted.map((n) => n.id),
  };
}

function sameSubnet(a: Ipv4Prefix, b: Ipv4Prefix): boolean {
  const mask = a.length === 0 ? 0 : (0xffffffff << (32 - a.length)) >>> 0;
  return a.length === b.length && (a.network & mask) >>> 0 === (b.network & mask) >>> 0;
}
