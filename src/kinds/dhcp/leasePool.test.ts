import { describe, expect, it } from 'vitest';
import { macFromNumber } from '../../net/wire/mac.ts';
import { LEASE_POOL_DEFAULTS, LeasePool } from './leasePool.ts';

const S = 1_000_000_000;
const A = macFromNumber(0x02000000000a);
const B = macFromNumber(0x02000000000b);
const C = macFromNumber(0x02000000000c);
const ip = (last: number): number => 0x0a000000 + last; // 10.0.0.<last>

describe('DHCP lease pool', () => {
  it('has documented defaults: 1 h leases, offers held 60 s, declines kept 10 min', () => {
    expect(LEASE_POOL_DEFAULTS).toEqual({
      leaseSeconds: 3600,
      offerHoldNs: 60 * S,
      declineHoldNs: 600 * S,
    });
  });

  it('gives two clients distinct addresses, from the bottom of the range, skipping exclusions', () => {
    const pool = new LeasePool({ first: ip(100), last: ip(110), excluded: [ip(100)] });
    const a = pool.offer(A, 0);
    const b = pool.offer(B, 0);
    expect([a, b]).toEqual([ip(101), ip(102)]);
    expect(pool.request(A, ip(101), 1 * S)).toEqual({
      ok: true,
      lease: { address: ip(101), chaddr: A, state: 'bound', sinceNs: 1 * S, expiresNs: 3601 * S },
    });
    expect(pool.request(B, ip(102), 1 * S).ok).toBe(true);
    expect(pool.leases(2 * S).map((l) => [l.address, l.chaddr, l.state])).toEqual([
      [ip(101), A, 'bound'],
      [ip(102), B, 'bound'],
    ]);
  });

  it('offers a client the same address again, and the one it holds', () => {
    const pool = new LeasePool({ first: ip(100), last: ip(110) });
    expect(pool.offer(A, 0)).toBe(ip(100));
    expect(pool.offer(A, 1 * S)).toBe(ip(100)); // a repeated DISCOVER
    pool.request(A, ip(100), 2 * S);
    expect(pool.offer(A, 3 * S)).toBe(ip(100));
    expect(pool.leaseOf(A, 3 * S)).toMatchObject({ state: 'bound', expiresNs: 3602 * S }); // untouched
  });

  it('gives a returning client its old address after release or expiry, if still free', () => {
    const pool = new LeasePool({ first: ip(100), last: ip(110), leaseSeconds: 60 });
    pool.request(A, pool.offer(A, 0) as number, 0);
    pool.request(B, pool.offer(B, 0) as number, 0);
    expect(pool.release(A, ip(100), 10 * S)).toBe(true);
    expect(pool.offer(C, 11 * S)).toBe(ip(102)); // a never-used address before A's old one
    expect(pool.offer(A, 12 * S)).toBe(ip(100));
    // B's lease runs out at 60 s; B comes back later and gets 10.0.0.101 again.
    expect(pool.expire(60 * S).map((l) => [l.address, l.chaddr])).toEqual([[ip(101), B]]);
    expect(pool.leaseOf(B, 61 * S)).toBeUndefined();
    expect(pool.offer(B, 100 * S)).toBe(ip(101));
  });

  it('renews a lease for the same address, extending it from the renewal', () => {
    const pool = new LeasePool({ first: ip(100), last: ip(100), leaseSeconds: 100 });
    pool.request(A, pool.offer(A, 0) as number, 0);
    const renewed = pool.request(A, ip(100), 50 * S); // at T1
    expect(renewed).toMatchObject({ ok: true, lease: { sinceNs: 50 * S, expiresNs: 150 * S } });
    expect(pool.expire(120 * S)).toEqual([]);
    expect(pool.expire(150 * S)).toHaveLength(1);
  });

  it('offers nothing when full, and refuses a REQUEST for an address it cannot give (NAK)', () => {
    const pool = new LeasePool({ first: ip(100), last: ip(101) });
    pool.request(A, pool.offer(A, 0) as number, 0);
    pool.request(B, pool.offer(B, 0) as number, 0);
    expect(pool.offer(C, 1 * S)).toBeUndefined();
    expect(pool.request(C, ip(100), 1 * S)).toEqual({
      ok: false,
      reason: '10.0.0.100 is leased to another client',
    });
    expect(pool.request(C, ip(150), 1 * S)).toEqual({
      ok: false,
      reason: "10.0.0.150 is not in this server's pool",
    });
    // Once A releases, C gets the freed address.
    pool.release(A, ip(100), 2 * S);
    expect(pool.offer(C, 3 * S)).toBe(ip(100));
  });

  it('holds an offer for 60 s, then lets another client have the address', () => {
    const pool = new LeasePool({ first: ip(100), last: ip(100) });
    expect(pool.offer(A, 0)).toBe(ip(100));
    expect(pool.offer(B, 59 * S)).toBeUndefined();
    expect(pool.request(B, ip(100), 59 * S).ok).toBe(false);
    expect(pool.nextExpiry()).toBe(60 * S);
    expect(pool.expire(60 * S)).toEqual([]); // a lapsed offer is not an expired lease
    expect(pool.offer(B, 60 * S)).toBe(ip(100));
    // A now asks for the address it was offered: too late.
    expect(pool.request(A, ip(100), 61 * S).ok).toBe(false);
  });

  it('withdraws an offer when the client chose another server', () => {
    const pool = new LeasePool({ first: ip(100), last: ip(100) });
    pool.offer(A, 0);
    expect(pool.withdrawOffer(A, 1 * S)).toBe(true);
    expect(pool.withdrawOffer(A, 1 * S)).toBe(false);
    expect(pool.offer(B, 2 * S)).toBe(ip(100));
  });

  it('grants an INIT-REBOOT request for a free address, and the requested address on DISCOVER', () => {
    const pool = new LeasePool({ first: ip(100), last: ip(110) });
    expect(pool.request(A, ip(105), 0).ok).toBe(true);
    expect(pool.offer(B, 0, ip(107))).toBe(ip(107));
    expect(pool.offer(C, 0, ip(105))).toBe(ip(100)); // 10.0.0.105 is A's
  });

  it('keeps a declined address out of use for the decline hold, and never offers it back', () => {
    const pool = new LeasePool({ first: ip(100), last: ip(101), declineHoldNs: 100 * S });
    pool.request(A, pool.offer(A, 0) as number, 0);
    expect(pool.decline(A, ip(100), 1 * S)).toBe(true);
    expect(pool.offer(A, 2 * S)).toBe(ip(101));
    expect(pool.request(B, ip(100), 2 * S)).toMatchObject({ ok: false, reason: /declined/ });
    expect(pool.offer(B, 3 * S)).toBeUndefined();
    expect(pool.nextExpiry()).toBe(62 * S); // A's offer of 10.0.0.101 lapses first
    expect(pool.offer(B, 100 * S)).toBe(ip(101));
    expect(pool.offer(C, 100 * S)).toBeUndefined(); // 10.0.0.100 is still out of use
    expect(pool.offer(C, 101 * S)).toBe(ip(100)); // until the hold ends
  });

  it('moves a client that requests another address off its old one', () => {
    const pool = new LeasePool({ first: ip(100), last: ip(110) });
    pool.request(A, ip(100), 0);
    pool.request(A, ip(103), 1 * S);
    expect(pool.leases(1 * S).map((l) => l.address)).toEqual([ip(103)]);
    expect(pool.release(A, ip(100), 2 * S)).toBe(false);
    expect(pool.release(B, ip(103), 2 * S)).toBe(false);
  });

  it('never gives one address to two clients (random operations)', () => {
    const pool = new LeasePool({
      first: ip(100),
      last: ip(104),
      leaseSeconds: 5,
      offerHoldNs: 2 * S,
    });
    const clients = [
      A,
      B,
      C,
      macFromNumber(0x02000000000d),
      macFromNumber(0x02000000000e),
      macFromNumber(0x02000000000f),
    ];
    let seed = 12345;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % n;
    };
    for (let step = 0; step < 2000; step++) {
      const now = step * 250_000_000;
      const client = clients[next(clients.length)] as (typeof clients)[number];
      const op = next(4);
      if (op === 0) pool.offer(client, now);
      else if (op === 1) {
        const held = pool.leaseOf(client, now);
        pool.request(client, held?.address ?? ip(100 + next(5)), now);
      } else if (op === 2) pool.release(client, ip(100 + next(5)), now);
      else pool.expire(now);
      const leases = pool.leases(now);
      expect(new Set(leases.map((l) => l.address)).size).toBe(leases.length);
      expect(new Set(leases.map((l) => l.chaddr)).size).toBe(leases.length);
      for (const lease of leases) expect(lease.expiresNs).toBeGreaterThan(now);
    }
  });

  it('refuses an empty range or an impossible lease time', () => {
    expect(() => new LeasePool({ first: ip(5), last: ip(4) })).toThrow(/empty/);
    expect(() => new LeasePool({ first: ip(5), last: ip(6), leaseSeconds: 0 })).toThrow(
      /leaseSeconds/,
    );
  });
});
