import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assignMacs,
  deriveMac,
  firstOctet,
  fnv1a32,
  formatMac,
  interfaceKey,
  isBroadcast,
  isLocallyAdministered,
  isMulticast,
  MAC_BROADCAST,
  macFromNumber,
  macOctets,
  parseMac,
  readMac,
  writeMac,
  type MacAddress,
} from './mac.ts';

function mac(text: string): MacAddress {
  const parsed = parseMac(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.mac;
}

describe('MAC addresses', () => {
  it('parses the colon form into the 48-bit number, first octet most significant', () => {
    expect(mac('02:00:0a:00:00:01')).toBe(0x02000a000001);
    expect(mac('FF:FF:FF:FF:FF:FF')).toBe(MAC_BROADCAST);
    expect(mac('00-1B-21-3c-4d-5e')).toBe(0x001b213c4d5e);
  });

  it('formats lower-case with colons, as `ip link` prints', () => {
    expect(formatMac(macFromNumber(0x02000a000001))).toBe('02:00:0a:00:00:01');
    expect(formatMac(macFromNumber(0xaabbccddeeff))).toBe('aa:bb:cc:dd:ee:ff');
    expect(formatMac(macFromNumber(0))).toBe('00:00:00:00:00:00');
  });

  it('refuses text that is not six two-digit hex octets, saying why', () => {
    const error = (text: string): string => {
      const parsed = parseMac(text);
      return parsed.ok ? '' : parsed.error;
    };
    expect(error('')).toMatch(/empty/);
    expect(error('02:00:0a:00:00')).toMatch(/5 parts/);
    expect(error('2:0:a:0:0:1')).toMatch(/"2" is not two hex digits/);
    expect(error('02:00:0a:00:00:0g')).toMatch(/"0g"/);
    expect(error('02:00-0a:00:00:01')).toMatch(/5 parts/); // a mix of separators
  });

  it('tests the I/G (group) and U/L (local) bits of the first octet', () => {
    // 01:00:5e:00:00:01 is the IPv4 all-hosts multicast group (RFC 1112 section 6.4).
    expect(isMulticast(mac('01:00:5e:00:00:01'))).toBe(true);
    expect(isMulticast(MAC_BROADCAST)).toBe(true);
    expect(isBroadcast(MAC_BROADCAST)).toBe(true);
    expect(isBroadcast(mac('01:00:5e:00:00:01'))).toBe(false);
    expect(isMulticast(mac('02:00:0a:00:00:01'))).toBe(false);
    expect(isLocallyAdministered(mac('02:00:0a:00:00:01'))).toBe(true);
    // 00:1b:21 is a vendor's OUI: universally administered.
    expect(isLocallyAdministered(mac('00:1b:21:3c:4d:5e'))).toBe(false);
    expect(firstOctet(mac('fe:00:00:00:00:00'))).toBe(0xfe);
  });

  it('refuses numbers that are not 48-bit integers', () => {
    expect(() => macFromNumber(2 ** 48)).toThrow(RangeError);
    expect(() => macFromNumber(-1)).toThrow(RangeError);
    expect(() => macFromNumber(1.5)).toThrow(RangeError);
  });

  it('writes and reads the six octets in transmission order', () => {
    const out = new Uint8Array(8);
    writeMac(out, 1, mac('02:00:0a:00:00:01'));
    expect([...out]).toEqual([0, 0x02, 0x00, 0x0a, 0x00, 0x00, 0x01, 0]);
    expect(readMac(out, 1)).toBe(mac('02:00:0a:00:00:01'));
  });

  it('round-trips every 48-bit value through text and bytes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (n) => {
        const value = macFromNumber(n);
        expect(mac(formatMac(value))).toBe(value);
        const out = new Uint8Array(6);
        writeMac(out, 0, value);
        expect([...out]).toEqual(macOctets(value));
        expect(readMac(out, 0)).toBe(value);
      }),
    );
  });
});

describe('derived interface addresses', () => {
  it('hashes with FNV-1a 32 (published test vectors)', () => {
    // From the FNV reference test suite (draft-eastlake-fnv): "" and "a" and "foobar".
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('derives a locally administered unicast 02:00:xx:xx:xx:xx from the name alone', () => {
    const key = interfaceKey('client', 'eth0');
    const derived = deriveMac(key);
    expect(formatMac(derived)).toMatch(/^02:00:/);
    expect(derived).toBe(0x0200_0000_0000 + fnv1a32(key));
    expect(isLocallyAdministered(derived)).toBe(true);
    expect(isMulticast(derived)).toBe(false);
    expect(deriveMac(interfaceKey('client', 'eth0'))).toBe(derived); // same name, same MAC
    expect(deriveMac(interfaceKey('client', 'eth1'))).not.toBe(derived);
    // The separator keeps node "a" interface "b/c" apart from node "a/b" interface "c".
    expect(interfaceKey('a', 'b/c')).not.toBe(interfaceKey('a/b', 'c'));
  });

  it('assigns distinct addresses that do not depend on the order of the names', () => {
    const names = ['router', 'client', 'server', 'dns'].map((n) => interfaceKey(n, 'eth0'));
    const forward = assignMacs(names);
    const backward = assignMacs([...names].reverse());
    expect([...forward.entries()].sort()).toEqual([...backward.entries()].sort());
    expect(new Set(forward.values()).size).toBe(names.length);
    for (const name of names) expect(forward.get(name)).toBe(deriveMac(name));
    // Adding a node changes no other interface's address.
    const more = assignMacs([...names, interfaceKey('laptop', 'wlan0')]);
    for (const name of names) expect(more.get(name)).toBe(forward.get(name));
  });

  it('settles a hash collision by rehashing the later name', () => {
    // "costarring" and "liquid" are a known FNV-1a 32 collision.
    expect(fnv1a32('costarring')).toBe(fnv1a32('liquid'));
    const macs = assignMacs(['liquid', 'costarring']);
    expect(macs.get('costarring')).toBe(deriveMac('costarring'));
    expect(macs.get('liquid')).toBe(deriveMac('liquid#1'));
    expect(macs.get('liquid')).not.toBe(macs.get('costarring'));
  });
});
