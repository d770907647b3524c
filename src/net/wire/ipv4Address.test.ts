import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  contains,
  formatIpv4,
  formatPrefix,
  parseIpv4,
  parsePrefix,
  prefixMask,
} from './ipv4Address.ts';

function address(text: string): number {
  const result = parseIpv4(text);
  if (!result.ok) throw new Error(result.error);
  return result.address;
}

function errorOf(result: { ok: true } | { ok: false; error: string }): string {
  return result.ok ? '(parsed)' : result.error;
}

describe('IPv4 addresses', () => {
  it('parses dotted quads into 32-bit numbers, most significant part first', () => {
    expect(parseIpv4('10.0.0.2')).toEqual({ ok: true, address: 0x0a000002 });
    expect(parseIpv4('0.0.0.0')).toEqual({ ok: true, address: 0 });
    expect(parseIpv4('255.255.255.255')).toEqual({ ok: true, address: 0xffffffff });
    expect(parseIpv4(' 192.168.1.10 ')).toEqual({ ok: true, address: 0xc0a8010a });
    expect(formatIpv4(0xc0a8010a)).toBe('192.168.1.10');
    expect(formatIpv4(0xffffffff)).toBe('255.255.255.255');
  });

  it.each([
    ['', /is empty/],
    ['10.0.0', /has 3 parts; expected four numbers/],
    ['10.0.0.0.1', /has 5 parts/],
    ['10..0.1', /empty part/],
    ['10.0.0.256', /256 is more than 255/],
    ['10.0.0.x', /"x" is not a number/],
    ['10.0.0.-1', /"-1" is not a number/],
    ['010.0.0.1', /"010" has a leading zero; write 10/],
    ['1e1.0.0.1', /"1e1" is not a number/],
  ])('refuses %j with a message that says why', (text, why) => {
    const message = errorOf(parseIpv4(text));
    expect(message).toMatch(/is not an IPv4 address/);
    expect(message).toMatch(why);
  });

  it('round-trips every address through format and parse (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (value) => {
        expect(parseIpv4(formatIpv4(value))).toEqual({ ok: true, address: value });
      }),
    );
  });
});

describe('CIDR prefixes', () => {
  it('parses a prefix and formats it back', () => {
    expect(parsePrefix('10.0.0.0/24')).toEqual({
      ok: true,
      prefix: { network: 0x0a000000, length: 24 },
      address: 0x0a000000,
    });
    expect(formatPrefix({ network: 0xc0a80000, length: 16 })).toBe('192.168.0.0/16');
    expect(prefixMask(24)).toBe(0xffffff00);
    expect(prefixMask(0)).toBe(0);
    expect(prefixMask(32)).toBe(0xffffffff);
  });

  it.each([
    ['10.0.0.0', /expected an address, a slash and a length/],
    ['10.0.0.0/33', /length "33" must be a whole number from 0 to 32/],
    ['10.0.0.0/', /length "" must be/],
    ['10.0.0.0/2x', /length "2x"/],
    ['10.0.0/8', /has 3 parts/],
    ['10.0.0.1/24', /has host bits set: the network is 10\.0\.0\.0\/24/],
  ])('refuses %j with a message that says why', (text, why) => {
    expect(errorOf(parsePrefix(text))).toMatch(why);
  });

  it('accepts an interface address with host bits when not strict', () => {
    expect(parsePrefix('10.0.0.2/24', { strict: false })).toEqual({
      ok: true,
      prefix: { network: 0x0a000000, length: 24 },
      address: 0x0a000002,
    });
  });

  it('tells which addresses a prefix contains', () => {
    const net = { network: address('10.0.0.0'), length: 24 };
    expect(contains(net, address('10.0.0.0'))).toBe(true);
    expect(contains(net, address('10.0.0.255'))).toBe(true);
    expect(contains(net, address('10.0.1.0'))).toBe(false);
    expect(contains(net, address('9.255.255.255'))).toBe(false);
    expect(contains({ network: 0, length: 0 }, address('203.0.113.9'))).toBe(true);
    const host = { network: address('192.0.2.7'), length: 32 };
    expect(contains(host, address('192.0.2.7'))).toBe(true);
    expect(contains(host, address('192.0.2.6'))).toBe(false);
  });

  it('contains exactly the addresses that share its first bits (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 32 }),
        (a, b, length) => {
          const parsed = parsePrefix(`${formatIpv4(a)}/${length}`, { strict: false });
          if (!parsed.ok) throw new Error(parsed.error);
          expect(contains(parsed.prefix, a)).toBe(true);
          const sameBits = length === 0 || a >>> (32 - length) === b >>> (32 - length);
          expect(contains(parsed.prefix, b)).toBe(sameBits);
          expect(parsePrefix(formatPrefix(parsed.prefix))).toEqual({
            ok: true,
            prefix: parsed.prefix,
            address: parsed.prefix.network,
          });
        },
      ),
    );
  });
});
