// The quote inside an ICMP error as a NAT reads and rewrites it: its tuple, refusals for quotes
// it cannot use, and checksums (the quote's IP header, a UDP checksum of zero left at zero).
import { describe, expect, it } from 'vitest';
import { readU16 } from '../../net/wire/bytes.ts';
import { icmpQuote } from '../../net/wire/icmpErrors.ts';
import { readIpv4Header } from '../../net/wire/ipv4.ts';
import { IP_PROTOCOL } from '../../net/wire/packet.ts';
import { echo, ip, udp } from '../firewall/firewallTestPackets.ts';
import { tupleOf } from '../firewall/flowTuple.ts';
import { quotedTuple, rewriteQuote } from './natQuote.ts';

describe('quotedTuple', () => {
  it('reads the quoted datagram’s tuple, an echo’s as flowTuple.ts has it', () => {
    const datagram = udp('10.0.0.2:40000', '198.51.100.7:53');
    expect(quotedTuple(icmpQuote(datagram))).toEqual(tupleOf(datagram));
    const ping = echo('10.0.0.2', '198.51.100.7', 'echoRequest', 321);
    expect(quotedTuple(icmpQuote(ping))).toEqual({
      protocol: IP_PROTOCOL.icmp,
      src: ip('10.0.0.2'),
      srcPort: 321,
      dst: ip('198.51.100.7'),
      dstPort: 8,
    });
  });

  it('refuses a quote cut before the ports, or not IPv4', () => {
    const quote = icmpQuote(udp('10.0.0.2:40000', '198.51.100.7:53'));
    expect(quotedTuple(quote.slice(0, 22))).toBeUndefined();
    expect(quotedTuple(new Uint8Array(28))).toBeUndefined();
  });
});

describe('rewriteQuote', () => {
  it('recomputes the quoted IP header checksum and leaves a UDP checksum of zero (none) alone', () => {
    const sent = udp('10.0.0.2:40000', '198.51.100.7:53');
    const quote = icmpQuote(sent);
    quote.set([0, 0], 26);
    const from = tupleOf(sent);
    const to = { ...from, src: ip('203.0.113.1'), srcPort: 40001 };
    const out = rewriteQuote(quote, from, to);
    const header = readIpv4Header(out);
    expect(header.ok && header.checksumValid && header.ip.src === ip('203.0.113.1')).toBe(true);
    expect([readU16(out, 20), readU16(out, 26)]).toEqual([40001, 0]);
    expect(readU16(quote, 20)).toBe(40000);
  });
});
