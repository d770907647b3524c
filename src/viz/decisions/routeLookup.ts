// The route that decided a packet's next hop, as `ip route` prints it. A router's forward names its
// route in the trace (`ip.forward`'s route and via); for a packet a node made, or one a FORWARD
// chain dropped before it was forwarded, the route is looked up again here in the node's table as
// the scenario builds it (connected routes, then static routes, then the default route, longest
// prefix first), without the routes of interfaces that were down, as the node's own lookup does.

import { contains, formatIpv4, formatPrefix, parsePrefix } from '../../net/wire/ipv4Address.ts';
import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';
import type { ScenarioNode } from '../../sim/index.ts';
import { routeTable } from '../sockets/socketTable.ts';

/** A route that matched: its prefix (`default` for 0.0.0.0/0), next router and interface. */
export interface MatchedRoute {
  /** `10.0.2.0/24`, or `default`. */
  prefix: string;
  /** The next router, dotted; undefined when the destination is on the interface's subnet. */
  via?: string;
  dev: string;
  /** The line as the node inspector's `ip route` shows it. */
  line: string;
}

interface Candidate {
  network: number;
  length: number;
  via?: Ipv4Address;
  dev: string;
}

/** The node's routes in the order NetNode adds them: interfaces, its routes, its gateway. */
function candidates(node: ScenarioNode): Candidate[] {
  const list: Candidate[] = [];
  const devOf = (address: Ipv4Address) =>
    node.interfaces?.find((i) => i.address && contains(i.address.prefix, address))?.name;
  for (const iface of node.interfaces ?? []) {
    if (iface.address) list.push({ ...iface.address.prefix, dev: iface.name });
  }
  for (const route of node.routes ?? []) {
    const dev = devOf(route.via);
    if (dev) list.push({ ...route.to, via: route.via, dev });
  }
  if (node.gateway !== undefined) {
    const dev = devOf(node.gateway);
    if (dev) list.push({ network: 0, length: 0, via: node.gateway, dev });
  }
  return list;
}

/** The longest-prefix match for `dst` in the node's table, leaving out interfaces that are down. */
export function lookupRoute(
  node: ScenarioNode,
  dst: Ipv4Address,
  down: ReadonlySet<string> = new Set(),
): MatchedRoute | undefined {
  let best: Candidate | undefined;
  for (const c of candidates(node)) {
    if (down.has(c.dev) || !contains(c, dst)) continue;
    if (!best || c.length > best.length) best = c;
  }
  if (!best) return undefined;
  const prefix = best.length === 0 ? 'default' : formatPrefix(best);
  const via = best.via === undefined ? undefined : formatIpv4(best.via);
  return {
    prefix,
    ...(via === undefined ? {} : { via }),
    dev: best.dev,
    line: lineOf(node, prefix, via, best.dev),
  };
}

/** The route an `ip.forward` record names (`route`, `via`, `toIface`), as `ip route` prints it. */
export function forwardRoute(
  node: ScenarioNode | undefined,
  forward: { route: string; via: string; toIface: string },
): MatchedRoute {
  const parsed = parsePrefix(forward.route, { strict: false });
  const prefix = parsed.ok && parsed.prefix.length === 0 ? 'default' : forward.route;
  const via = forward.via === '' ? undefined : forward.via;
  const line = node
    ? lineOf(node, prefix, via, forward.toIface)
    : plainLine(prefix, via, forward.toIface);
  return { prefix, ...(via === undefined ? {} : { via }), dev: forward.toIface, line };
}

/** The node inspector's line for the route, else one written the same way. */
function lineOf(node: ScenarioNode, prefix: string, via: string | undefined, dev: string): string {
  const shown = routeTable(node).find(
    (r) => r.destination === prefix && r.via === via && (r.dev === undefined || r.dev === dev),
  );
  return shown?.text ?? plainLine(prefix, via, dev);
}

function plainLine(prefix: string, via: string | undefined, dev: string): string {
  return `${prefix}${via === undefined ? '' : ` via ${via}`} dev ${dev}`;
}
