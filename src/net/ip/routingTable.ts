// An IPv4 routing table with longest-prefix match: connected routes (from interface prefixes),
// static routes through a gateway, and the default route 0.0.0.0/0.

import { contains, formatIpv4, formatPrefix } from '../wire/ipv4Address.ts';
import type { Ipv4Address, Ipv4Prefix } from '../wire/ipv4Address.ts';

/** One route: where packets for `prefix` leave, and the next router if they are not on-link. */
export interface Route {
  prefix: Ipv4Prefix;
  /** The outgoing interface's name. */
  iface: string;
  /** The next hop's address; absent for a connected (on-link) route. */
  gateway?: Ipv4Address;
  /** `connected` routes come from interface addresses; the others were configured. */
  source: 'connected' | 'static';
}

/**
 * Routes kept sorted by prefix length, longest first, so the first match is the longest-prefix
 * match. Among equally long prefixes the route added first wins (connected before static, since
 * interfaces are configured before routes).
 */
export class RoutingTable {
  private readonly list: Route[] = [];

  /** Adds a route. Throws if a route for exactly the same prefix exists. */
  add(route: Route): void {
    const { network, length } = route.prefix;
    if (this.list.some((r) => r.prefix.network === network && r.prefix.length === length)) {
      throw new RangeError(`a route for ${formatPrefix(route.prefix)} already exists`);
    }
    let at = this.list.length;
    while (at > 0 && (this.list[at - 1] as Route).prefix.length < length) at--;
    this.list.splice(at, 0, { ...route });
  }

  /** Removes the route for exactly `prefix`; returns whether there was one. */
  remove(prefix: Ipv4Prefix): boolean {
    const at = this.list.findIndex(
      (r) => r.prefix.network === prefix.network && r.prefix.length === prefix.length,
    );
    if (at < 0) return false;
    this.list.splice(at, 1);
    return true;
  }

  /** The most specific route containing `dst`, or undefined when none does. */
  lookup(dst: Ipv4Address): Route | undefined {
    const list = this.list;
    for (let i = 0; i < list.length; i++) {
      const route = list[i] as Route;
      if (contains(route.prefix, dst)) return route;
    }
    return undefined;
  }

  /** All routes, most specific first. */
  routes(): readonly Route[] {
    return this.list;
  }

  /** The table as `ip route` would print it, one line per route (for people and snapshots). */
  describe(): string[] {
    return this.list.map((r) => {
      const dst = r.prefix.length === 0 ? 'default' : formatPrefix(r.prefix);
      const via = r.gateway === undefined ? '' : ` via ${formatIpv4(r.gateway)}`;
      return `${dst}${via} dev ${r.iface}${r.source === 'connected' ? ' scope link' : ''}`;
    });
  }
}

/** A route's prefix (`10.0.2.0/24`, `0.0.0.0/0`) and gateway (dotted, `''` when on-link). */
export interface RouteWords {
  route: string;
  via: string;
}

const WORDS = new WeakMap<Route, RouteWords>();

/**
 * A route as `ip.forward` records it, made once per route: a string built anew per packet would
 * cost its making and the trace's hashing of it on every forward.
 */
export function routeWords(route: Route): RouteWords {
  let words = WORDS.get(route);
  if (!words) {
    const via = route.gateway === undefined ? '' : formatIpv4(route.gateway);
    words = { route: formatPrefix(route.prefix), via };
    WORDS.set(route, words);
  }
  return words;
}
