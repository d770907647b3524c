// A DHCP server's pool of addresses and its leases, as pure data on simulated time: offering an
// address to a client, committing it on REQUEST (or refusing, which the server sends as a NAK),
// renewing, release, decline and expiry. A DHCP server kind builds its replies around it.
//
// Which address a client is offered, in RFC 2131 section 4.3.1's order: the one it holds now,
// else the one it had before if still free, else the one it asks for (option 50) if free, else a
// never-used address from the bottom of the range, else the address freed longest ago (so a
// returning client's old address is taken last). Distinct clients (chaddrs) never share one.
// A full pool offers nothing: RFC 2131 lets a server stay silent, and the client's DISCOVER
// times out; a REQUEST for an address the pool cannot give is refused, for a NAK.
//
// Defaults: a lease of 3600 s (dnsmasq's default of one hour; a scenario that wants to show
// renewal at T1 in a short run sets a shorter lease), an offer held for 60 s (RFC 2131
// says a server SHOULD NOT reuse an offered address before the client answers; how long is the
// server's choice), and a declined address kept out of use for 600 s (dnsmasq's DECLINE_BACKOFF).

import type { Nanos } from '../../engine/time.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import type { MacAddress } from '../../net/wire/mac.ts';

const S = 1_000_000_000;

export interface LeasePoolOptions {
  /** The first and last address of the range, inclusive. */
  first: Ipv4Address;
  last: Ipv4Address;
  /** Addresses in the range never given out (the server's own, a router's). */
  excluded?: readonly Ipv4Address[];
  /** Lease duration in whole seconds, as option 51 carries it. Default 3600. */
  leaseSeconds?: number;
  /** How long an offered address is held for the client. Default 60 s. */
  offerHoldNs?: Nanos;
  /** How long a declined address stays out of use. Default 600 s. */
  declineHoldNs?: Nanos;
}

export const LEASE_POOL_DEFAULTS = {
  leaseSeconds: 3600,
  offerHoldNs: 60 * S,
  declineHoldNs: 600 * S,
} as const;

/** An address held for a client: offered (waiting for its REQUEST) or bound (leased). */
export interface Lease {
  address: Ipv4Address;
  chaddr: MacAddress;
  state: 'offered' | 'bound';
  /** When it was offered or last bound or renewed. */
  sinceNs: Nanos;
  /** When the offer lapses or the lease expires. */
  expiresNs: Nanos;
}

/** A REQUEST granted (send an ACK with the lease), or refused with the reason (send a NAK). */
export type LeaseRequestResult = { ok: true; lease: Lease } | { ok: false; reason: string };

/** The leases of one DHCP server. Every method takes the simulated time and expires what is due first. */
export class LeasePool {
  readonly leaseSeconds: number;
  private readonly first: Ipv4Address;
  private readonly last: Ipv4Address;
  private readonly excluded: Set<Ipv4Address>;
  private readonly offerHoldNs: Nanos;
  private readonly declineHoldNs: Nanos;
  /** Offered and bound leases by address, and the address each client holds. */
  private readonly active = new Map<Ipv4Address, Lease>();
  private readonly holding = new Map<MacAddress, Ipv4Address>();
  /** The client that last held each address ever given out, and each client's last address. */
  private readonly lastHolder = new Map<Ipv4Address, MacAddress>();
  private readonly lastAddress = new Map<MacAddress, Ipv4Address>();
  /** Addresses given out before and free again, oldest freed first. */
  private readonly freed = new Map<Ipv4Address, true>();
  /** Declined addresses and when they may be used again. */
  private readonly declined = new Map<Ipv4Address, Nanos>();
  /** Bound leases that ran out, not yet handed to `expire`. */
  private expiredSinceAsked: Lease[] = [];
  /** Addresses below this have been given out at some time (or are excluded). */
  private fresh: Ipv4Address;

  constructor(options: LeasePoolOptions) {
    const { first, last } = options;
    for (const [name, value] of [
      ['first', first],
      ['last', last],
    ] as const) {
      if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
        throw new RangeError(`${name} must be an IPv4 address as a 32-bit integer, got ${value}`);
      }
    }
    if (first > last)
      throw new RangeError(`the range ${formatIpv4(first)} to ${formatIpv4(last)} is empty`);
    this.leaseSeconds = options.leaseSeconds ?? LEASE_POOL_DEFAULTS.leaseSeconds;
    if (
      !Number.isInteger(this.leaseSeconds) ||
      this.leaseSeconds < 1 ||
      this.leaseSeconds >= 0xffffffff
    ) {
      throw new RangeError(
        `leaseSeconds must be a whole number of seconds, got ${this.leaseSeconds}`,
      );
    }
    this.first = first;
    this.last = last;
    this.fresh = first;
    this.excluded = new Set(options.excluded ?? []);
    this.offerHoldNs = options.offerHoldNs ?? LEASE_POOL_DEFAULTS.offerHoldNs;
    this.declineHoldNs = options.declineHoldNs ?? LEASE_POOL_DEFAULTS.declineHoldNs;
  }

  /**
   * The address to offer `chaddr` (answering its DISCOVER), held for it until the offer lapses;
   * undefined when the pool has none free. A client that holds a lease is offered that address
   * and its lease is left as it is.
   */
  offer(chaddr: MacAddress, nowNs: Nanos, requested?: Ipv4Address): Ipv4Address | undefined {
    this.sweep(nowNs);
    const address = this.choose(chaddr, requested);
    if (address === undefined) return undefined;
    if (this.active.get(address)?.state === 'bound') return address;
    this.hold(chaddr, {
      address,
      chaddr,
      state: 'offered',
      sinceNs: nowNs,
      expiresNs: nowNs + this.offerHoldNs,
    });
    return address;
  }

  /**
   * Commits `address` to `chaddr` for a lease from `nowNs`: the REQUEST after an offer, from a
   * rebooting client (INIT-REBOOT), or a renewal (RENEWING or REBINDING: the same address, the
   * lease extended). Refused when the address is outside the pool, excluded, declined or held
   * by another client.
   */
  request(chaddr: MacAddress, address: Ipv4Address, nowNs: Nanos): LeaseRequestResult {
    this.sweep(nowNs);
    if (address < this.first || address > this.last) {
      return { ok: false, reason: `${formatIpv4(address)} is not in this server's pool` };
    }
    if (this.excluded.has(address)) {
      return { ok: false, reason: `${formatIpv4(address)} is reserved and never leased` };
    }
    if (this.declined.has(address)) {
      return { ok: false, reason: `${formatIpv4(address)} was declined as already in use` };
    }
    const current = this.active.get(address);
    if (current !== undefined && current.chaddr !== chaddr) {
      return { ok: false, reason: `${formatIpv4(address)} is leased to another client` };
    }
    const lease: Lease = {
      address,
      chaddr,
      state: 'bound',
      sinceNs: nowNs,
      expiresNs: nowNs + this.leaseSeconds * S,
    };
    this.hold(chaddr, lease);
    return { ok: true, lease: { ...lease } };
  }

  /** Withdraws the offer made to `chaddr` (its REQUEST named another server); true if there was one. */
  withdrawOffer(chaddr: MacAddress, nowNs: Nanos): boolean {
    this.sweep(nowNs);
    const address = this.holding.get(chaddr);
    if (address === undefined || this.active.get(address)?.state !== 'offered') return false;
    this.free(address);
    return true;
  }

  /** The client gives the address back (DHCPRELEASE); true if it held it. */
  release(chaddr: MacAddress, address: Ipv4Address, nowNs: Nanos): boolean {
    this.sweep(nowNs);
    if (this.active.get(address)?.chaddr !== chaddr) return false;
    this.free(address);
    return true;
  }

  /**
   * The client found the address in use (DHCPDECLINE): it is kept out of use for the decline
   * hold (RFC 2131 section 4.3.3), and the client is not offered it again; true if it held it.
   */
  decline(chaddr: MacAddress, address: Ipv4Address, nowNs: Nanos): boolean {
    this.sweep(nowNs);
    if (this.active.get(address)?.chaddr !== chaddr) return false;
    this.free(address);
    this.freed.delete(address);
    this.lastAddress.delete(chaddr);
    this.declined.set(address, nowNs + this.declineHoldNs);
    return true;
  }

  /**
   * Expires what is due at `nowNs` and gives the bound leases that ran out since the last call
   * (the other methods expire leases too, and keep them for this), for a trace to tell.
   */
  expire(nowNs: Nanos): Lease[] {
    this.sweep(nowNs);
    const expired = this.expiredSinceAsked;
    this.expiredSinceAsked = [];
    return expired;
  }

  /** When the next offer lapses, lease expires or declined address returns; undefined if none. */
  nextExpiry(): Nanos | undefined {
    const times = [...[...this.active.values()].map((l) => l.expiresNs), ...this.declined.values()];
    return times.length === 0 ? undefined : Math.min(...times);
  }

  /** The offered and bound leases at `nowNs`, by address, for an inspector. */
  leases(nowNs: Nanos): Lease[] {
    this.sweep(nowNs);
    return [...this.active.values()].sort((a, b) => a.address - b.address).map((l) => ({ ...l }));
  }

  /** The lease `chaddr` holds at `nowNs`, if any. */
  leaseOf(chaddr: MacAddress, nowNs: Nanos): Lease | undefined {
    this.sweep(nowNs);
    const address = this.holding.get(chaddr);
    const lease = address === undefined ? undefined : this.active.get(address);
    return lease && { ...lease };
  }

  private hold(chaddr: MacAddress, lease: Lease): void {
    const previous = this.holding.get(chaddr);
    if (previous !== undefined && previous !== lease.address) this.free(previous);
    const formerHolder = this.lastHolder.get(lease.address);
    if (formerHolder !== undefined && formerHolder !== chaddr)
      this.lastAddress.delete(formerHolder);
    this.active.set(lease.address, lease);
    this.holding.set(chaddr, lease.address);
    this.lastHolder.set(lease.address, chaddr);
    this.lastAddress.set(chaddr, lease.address);
    this.freed.delete(lease.address);
  }

  private free(address: Ipv4Address): void {
    const lease = this.active.get(address);
    if (lease === undefined) return;
    this.active.delete(address);
    if (this.holding.get(lease.chaddr) === address) this.holding.delete(lease.chaddr);
    this.freed.set(address, true);
  }

  private sweep(nowNs: Nanos): void {
    for (const [address, lease] of this.active) {
      if (lease.expiresNs > nowNs) continue;
      this.free(address);
      if (lease.state === 'bound') this.expiredSinceAsked.push({ ...lease });
    }
    for (const [address, until] of this.declined) {
      if (until > nowNs) continue;
      this.declined.delete(address);
      this.freed.set(address, true);
    }
  }

  private available(address: Ipv4Address, chaddr: MacAddress): boolean {
    if (address < this.first || address > this.last) return false;
    if (this.excluded.has(address) || this.declined.has(address)) return false;
    const lease = this.active.get(address);
    return lease === undefined || lease.chaddr === chaddr;
  }

  private choose(chaddr: MacAddress, requested: Ipv4Address | undefined): Ipv4Address | undefined {
    const held = this.holding.get(chaddr);
    if (held !== undefined) return held;
    const before = this.lastAddress.get(chaddr);
    if (before !== undefined && this.available(before, chaddr)) return before;
    if (requested !== undefined && this.available(requested, chaddr)) return requested;
    while (this.fresh <= this.last) {
      const address = this.fresh;
      if (
        !this.excluded.has(address) &&
        !this.lastHolder.has(address) &&
        !this.declined.has(address)
      ) {
        return address;
      }
      this.fresh++;
    }
    for (const address of this.freed.keys()) {
      if (this.available(address, chaddr)) return address;
    }
    return undefined;
  }
}
