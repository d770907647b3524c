// The canvas editor's address plan: the subnets and addresses a document already uses, a free
// /24 for a new link (10.0.1.0/24, 10.0.2.0/24, ...), a free host address on a subnet from the
// role's first host (a router's .1, a host's .10), and the subnet of a switched segment (the
// switches joined to each other and the addressed interfaces plugged into them).

import {
  contains,
  formatIpv4,
  formatPrefix,
  parsePrefix,
  prefixMask,
  type Ipv4Prefix,
} from '../../net/wire/ipv4Address.ts';
import { canvasRole, linkEnd, linkNodes, type Doc } from './canvasDocument.ts';

/** Where new subnets are taken from: 10.0.0.0/8, skipping its first block. */
const POOL: Ipv4Prefix = { network: 0x0a000000, length: 8 };

/** An interface's address and prefix, read from `10.0.1.10/24`; undefined if it is not one. */
export function readAddress(
  text: string | undefined,
): { address: number; prefix: Ipv4Prefix } | undefined {
  if (text === undefined) return undefined;
  const parsed = parsePrefix(text, { strict: false });
  return parsed.ok ? { address: parsed.address, prefix: parsed.prefix } : undefined;
}

/** `10.0.1.10/24`. */
export function addressText(address: number, prefix: Ipv4Prefix): string {
  return `${formatIpv4(address)}/${prefix.length}`;
}

/** Every interface address of the document, with its subnet. */
export function usedAddresses(doc: Doc): { address: number; prefix: Ipv4Prefix }[] {
  return doc.nodes.flatMap((n) =>
    (n.interfaces ?? []).flatMap((x) => {
      const read = readAddress(x.address);
      return read ? [read] : [];
    }),
  );
}

function overlaps(a: Ipv4Prefix, b: Ipv4Prefix): boolean {
  return contains(a, b.network) || contains(b, a.network);
}

/**
 * The first subnet of `length` bits in 10.0.0.0/8 after its first block that overlaps no subnet
 * in use (nor any of `reserved`), or undefined when the pool is full.
 */
export function freeSubnet(
  doc: Doc,
  length = 24,
  reserved: readonly Ipv4Prefix[] = [],
): Ipv4Prefix | undefined {
  if (length < POOL.length + 1 || length > 30) return undefined;
  const used = [...usedAddresses(doc).map((u) => u.prefix), ...reserved];
  const size = 2 ** (32 - length);
  const blocks = 2 ** (length - POOL.length);
  for (let i = 1; i < blocks; i++) {
    const candidate = { network: (POOL.network + i * size) >>> 0, length };
    if (!used.some((u) => overlaps(u, candidate))) return candidate;
  }
  return undefined;
}

/**
 * A free address on `prefix`: host number `first` or the next free one above it (then below it),
 * never the network or broadcast address, never one of `taken`. Undefined when the subnet is full.
 */
export function freeHost(
  prefix: Ipv4Prefix,
  first: number,
  taken: ReadonlySet<number>,
): number | undefined {
  const last = 2 ** (32 - prefix.length) - 2;
  const order = [...range(Math.max(1, first), last), ...range(1, Math.min(first - 1, last))];
  for (const host of order) {
    const address = (prefix.network + host) >>> 0;
    if (!taken.has(address)) return address;
  }
  return undefined;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/**
 * The segment of an unaddressed node (a switch): it and the unaddressed nodes linked to it,
 * directly or through each other; and the subnets of the addressed interfaces plugged into them.
 */
export function segmentOf(
  doc: Doc,
  start: string,
): { devices: Set<string>; subnets: Ipv4Prefix[] } {
  const addressed = (id: string) => {
    const role = doc.nodes.find((n) => n.id === id)?.role;
    return role === undefined || (canvasRole(role)?.addressed ?? true);
  };
  const devices = new Set([start]);
  const subnets: Ipv4Prefix[] = [];
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    for (const link of doc.links) {
      const [a, b] = linkNodes(link);
      const ends = a === at ? [link.b] : b === at ? [link.a] : [];
      for (const end of ends) {
        const other = linkEnd(doc, end);
        if (!addressed(other.node)) {
          if (!devices.has(other.node)) {
            devices.add(other.node);
            queue.push(other.node);
          }
          continue;
        }
        const iface = doc.nodes
          .find((n) => n.id === other.node)
          ?.interfaces?.find((x) => x.name === other.iface);
        const read = readAddress(iface?.address);
        if (
          read &&
          !subnets.some((s) => s.network === read.prefix.network && s.length === read.prefix.length)
        )
          subnets.push(read.prefix);
      }
    }
  }
  return { devices, subnets };
}

/** The network of an address on a prefix, as text: `10.0.1.0/24`. */
export function subnetText(prefix: Ipv4Prefix): string {
  return formatPrefix({
    network: (prefix.network & prefixMask(prefix.length)) >>> 0,
    length: prefix.length,
  });
}
