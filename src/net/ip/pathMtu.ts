// A node's path MTU cache (RFC 1191): the MTU each destination's path has shown itself to have,
// learned from ICMP "fragmentation needed" messages. Only ever lowered, never below 68 bytes; an
// old router's message without a next-hop MTU is read with RFC 1191's table of plateaus. Entries
// never expire here (Linux forgets one after 10 minutes, `mtu_expires`).

import type { Ipv4Address } from '../wire/ipv4Address.ts';
import { MIN_IPV4_MTU } from '../wire/ipFragments.ts';

/** RFC 1191 section 7's plateaus, largest first: the MTUs real links tend to have. */
export const MTU_PLATEAUS = [
  65_535, 32_000, 17_914, 8_166, 4_352, 2_002, 1_492, 1_006, 508, 296, 68,
] as const;

/**
 * The path MTU a "fragmentation needed" message means: its next-hop MTU when it carries one
 * (RFC 1191 section 4), else the largest plateau below the total length of the datagram it quotes
 * (section 5, for routers older than RFC 1191). Never below 68.
 */
export function pathMtuFromIcmp(nextHopMtu: number, quotedTotalLength: number): number {
  if (nextHopMtu >= MIN_IPV4_MTU) return nextHopMtu;
  if (nextHopMtu > 0) return MIN_IPV4_MTU;
  return MTU_PLATEAUS.find((plateau) => plateau < quotedTotalLength) ?? MIN_IPV4_MTU;
}

/** The path MTUs a node learned, by destination. */
export class PathMtuCache {
  private readonly byDestination = new Map<Ipv4Address, number>();

  /** How many destinations have a path MTU learned. */
  get size(): number {
    return this.byDestination.size;
  }

  /** The MTU learned for `dst`, if any. */
  get(dst: Ipv4Address): number | undefined {
    return this.byDestination.get(dst);
  }

  /**
   * Learns that the path to `dst` carries at most `mtu` bytes; true when that lowers what was
   * known (a higher figure is ignored, RFC 1191 section 3: a host never raises its estimate so).
   */
  lower(dst: Ipv4Address, mtu: number, current: number): boolean {
    if (mtu >= current) return false;
    this.byDestination.set(dst, mtu);
    return true;
  }

  /** Forgets everything (the node crashed: the cache was in its memory). */
  clear(): void {
    this.byDestination.clear();
  }
}
