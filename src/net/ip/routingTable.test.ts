import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contains, parseIpv4, parsePrefix, type Ipv4Prefix } from '../wire/ipv4Address.ts';
import { RoutingTable } from './routingTable.ts';

function prefix(text: string): Ipv4Prefix {
  const parsed = parsePrefix(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.prefix;
}

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

describe('RoutingTable', () => {
  const table = new RoutingTable();
  // Added least specific first, so the order of insertion cannot be what picks the winner.
  table.add({
    prefix: prefix('0.0.0.0/0'),
    iface: 'eth0',
    gateway: ip('192.0.2.1'),
    source: 'static',
  });
  table.add({
    prefix: prefix('10.0.0.0/8'),
    iface: 'eth1',
    gateway: ip('10.255.0.1'),
    source: 'static',
  });
  table.add({ prefix: prefix('10.1.0.0/16'), iface: 'eth2', source: 'connected' });
  table.add({ prefix: prefix('10.1.2.0/24'), iface: 'eth3', source: 'connected' });
  table.add({ prefix: prefix('10.1.2.77/32'), iface: 'eth4', source: 'static' });

  it('picks the most specific route that contains the destination', () => {
    expect(table.lookup(ip('10.1.2.3'))?.iface).toBe('eth3'); // /24 beats /16, /8, /0
    expect(table.lookup(ip('10.1.2.77'))?.iface).toBe('eth4'); // the /32 host route
    expect(table.lookup(ip('10.1.3.3'))?.iface).toBe('eth2'); // outside the /24: the /16
    expect(table.lookup(ip('10.2.0.1'))?.iface).toBe('eth1'); // outside the /16: the /8
    expect(table.lookup(ip('192.168.0.1'))?.iface).toBe('eth0'); // only the default matches
  });

  it('finds nothing without a default route', () => {
    const t = new RoutingTable();
    t.add({ prefix: prefix('10.0.0.0/8'), iface: 'eth0', source: 'connected' });
    expect(t.lookup(ip('11.0.0.1'))).toBeUndefined();
  });

  it('refuses a second route for the same prefix, and removes one', () => {
    const t = new RoutingTable();
    t.add({ prefix: prefix('10.0.0.0/8'), iface: 'eth0', source: 'connected' });
    expect(() => t.add({ prefix: prefix('10.0.0.0/8'), iface: 'eth1', source: 'static' })).toThrow(
      RangeError,
    );
    expect(t.remove(prefix('10.0.0.0/8'))).toBe(true);
    expect(t.remove(prefix('10.0.0.0/8'))).toBe(false);
    expect(t.lookup(ip('10.0.0.1'))).toBeUndefined();
  });

  it('describes itself like `ip route`', () => {
    expect(table.describe()).toEqual([
      '10.1.2.77/32 dev eth4',
      '10.1.2.0/24 dev eth3 scope link',
      '10.1.0.0/16 dev eth2 scope link',
      '10.0.0.0/8 via 10.255.0.1 dev eth1',
      'default via 192.0.2.1 dev eth0',
    ]);
  });

  it('agrees with a brute-force longest match for any table (property)', () => {
    const route = fc.record({
      address: fc.integer({ min: 0, max: 0xffffffff }),
      length: fc.integer({ min: 0, max: 32 }),
    });
    fc.assert(
      fc.property(
        fc.array(route, { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 20 }),
        (routes, probes) => {
          const t = new RoutingTable();
          const added: Ipv4Prefix[] = [];
          routes.forEach(({ address, length }, i) => {
            const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
            const p = { network: (address & mask) >>> 0, length };
            if (added.some((q) => q.network === p.network && q.length === p.length)) return;
            added.push(p);
            t.add({ prefix: p, iface: `if${i}`, source: 'static' });
          });
          // Some probes inside added prefixes, so matches are not all the default.
          const all = [...probes, ...added.map((p) => p.network + 1)].map((a) => a >>> 0);
          for (const dst of all) {
            const best = added
              .filter((p) => contains(p, dst))
              .reduce<Ipv4Prefix | undefined>(
                (b, p) => (!b || p.length > b.length ? p : b),
                undefined,
              );
            expect(t.lookup(dst)?.prefix).toEqual(best);
          }
        },
      ),
    );
  });
});
