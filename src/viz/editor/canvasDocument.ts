// The scenario document as the canvas editor reads and writes it: raw JSON (the text the page
// holds, before parsing), typed loosely, with the registry's roles (whether a role's interfaces
// have addresses, how the canvas makes it) and small helpers: fresh ids, link ends, grid snapping.

import { ROLE_KINDS } from '../../sim/index.ts';
import { ROLE_VIEWS, type JsonFields, type RoleCanvas, type RoleView } from '../kinds/index.ts';
import type { Json } from './documentEdits.ts';

export interface Point {
  x: number;
  y: number;
}

export interface DocInterface {
  name: string;
  address?: string;
  [key: string]: unknown;
}

export interface DocNode {
  id: string;
  role: string;
  label?: string;
  interfaces?: DocInterface[];
  gateway?: string;
  routes?: { to: string; via: string }[];
  dns?: { server: string; [key: string]: unknown };
  apps?: JsonFields[];
  position?: Point;
  [key: string]: unknown;
}

export interface DocLink {
  id: string;
  a: string;
  b: string;
  [key: string]: unknown;
}

export interface Doc {
  nodes: DocNode[];
  links: DocLink[];
  events?: { type: string; link?: string; node?: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** The document as the editor's types (it is valid: the page holds only valid documents). */
export function asDoc(json: Json): Doc {
  const doc = json as unknown as Doc;
  return { ...doc, nodes: doc.nodes ?? [], links: doc.links ?? [] };
}

export function asJson(doc: Doc): Json {
  return doc as unknown as Json;
}

/** Spacing of the canvas's grid: a moved or placed node's centre lands on it. */
export const GRID = 20;

export function snap(point: Point): Point {
  return { x: Math.round(point.x / GRID) * GRID + 0, y: Math.round(point.y / GRID) * GRID + 0 };
}

/** What the registry says of a role: its view (with its canvas) and whether it is addressed. */
export interface CanvasRole {
  view: RoleView;
  canvas: RoleCanvas;
  /** Hosts and routers have addresses; a switch's ports do not. */
  addressed: boolean;
}

/** The roles the canvas can make, in the registry's order: the palette. */
export function canvasRoles(): CanvasRole[] {
  return ROLE_VIEWS.flatMap((view) => {
    const kind = ROLE_KINDS.find((k) => k.role === view.role);
    return view.canvas && kind ? [{ view, canvas: view.canvas, addressed: kind.addressed }] : [];
  });
}

export function canvasRole(role: string): CanvasRole | undefined {
  return canvasRoles().find((r) => r.view.role === role);
}

/** `prefix` followed by the lowest number from 1 that no id in `taken` has. */
export function freeId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** The node id and interface name of a link end (`r1:eth0`, or `c1` for a one-interface node). */
export function linkEnd(doc: Doc, end: string): { node: string; iface: string | undefined } {
  const [node = end, iface] = end.split(':');
  if (iface !== undefined) return { node, iface };
  return { node, iface: doc.nodes.find((n) => n.id === node)?.interfaces?.[0]?.name };
}

/** The ids of the nodes a link joins. */
export function linkNodes(link: DocLink): [string, string] {
  return [link.a.split(':')[0] ?? link.a, link.b.split(':')[0] ?? link.b];
}

/** The interfaces of a node that some link plugs into. */
export function linkedInterfaces(doc: Doc, nodeId: string): Set<string> {
  const names = new Set<string>();
  for (const link of doc.links) {
    for (const end of [link.a, link.b]) {
      const { node, iface } = linkEnd(doc, end);
      if (node === nodeId && iface !== undefined) names.add(iface);
    }
  }
  return names;
}

/** The first interface name of the role's pattern that the node does not have yet. */
export function freeInterfaceName(node: DocNode, canvas: RoleCanvas): string {
  const taken = new Set((node.interfaces ?? []).map((x) => x.name));
  for (let n = 0; ; n++) if (!taken.has(canvas.interfaceName(n))) return canvas.interfaceName(n);
}
