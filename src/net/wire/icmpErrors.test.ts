import { describe, expect, it } from 'vitest';
import { portUnreachable, readQuote, timeExceeded } from './icmpErrors.ts';
import { decodePacket, encodePacket } from './packetCodec.ts';
import type { Packet } from './packet.ts';

function hex(text: string): Uint8Array {
  return Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (p) => parseInt(p, 16));
}

function decode(bytes: Uint8Array): Packet {
  const decoded = decodePacket(bytes, 1);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.packet;
}

/** Kerlink gateway guide, tcpdump -vvvX: 10.1.0.117.37763 > 54.229.214.112.1700, UDP length 12. */
const UDP_DATAGRAM = hex(`4500 0028 8c26 4000 4011 96d3 0a01 0075
                          36e5 d670 9383 06a4 0014 c7e2 0169 7302
                          aa55 5a00 0806 0529`);
/**
 * The published Linux SYN 192.168.101.50.43921 > 192.168.101.60.22, seq 572719365, with the
 * checksum tcpdump computed (0x890d) in place of the offloaded one (see checksum.test.ts).
 */
const TCP_SYN = hex(`4510 003c 6a4a 4000 4006 84a2 c0a8 6532
                     c0a8 653c ab91 0016 2223 0105 0000 0000
                     a002 3908 890d 0000 0204 05b4 0402 080a
                     000c 6b4f 0000 0000 0103 0307`);

describe('ICMP errors', () => {
  it('builds a Port Unreachable (type 3, code 3) quoting the IP header and 8 data bytes', () => {
    const offending = decode(UDP_DATAGRAM);
    const error = portUnreachable(offending, { id: 9, src: 0x36e5d670 });
    const bytes = encodePacket(error);
    // RFC 792: type 3, code 3, checksum, 4 unused zero bytes, then the quote.
    expect(bytes[20]).toBe(3);
    expect(bytes[21]).toBe(3);
    expect(bytes.subarray(24, 28)).toEqual(new Uint8Array(4));
    expect(bytes.subarray(28)).toEqual(UDP_DATAGRAM.subarray(0, 28));
    // Sent back to the datagram's source, from the host that refused it.
    expect(error.ip.src).toBe(0x36e5d670);
    expect(error.ip.dst).toBe(0x0a010075);
    const decoded = decodePacket(bytes, 9);
    expect(decoded.ok && decoded.wire.transportChecksumValid).toBe(true);
  });

  it('reads the quote back to the ports, so the error reaches the right socket', () => {
    const error = portUnreachable(decode(UDP_DATAGRAM), { id: 9, src: 0x36e5d670 });
    expect(readQuote(error.payload)).toMatchObject({
      ok: true,
      quoted: { protocol: 17, totalLength: 40, srcPort: 37763, dstPort: 1700 },
    });
  });

  it('builds a Time Exceeded (type 11, code 0) whose quote carries the TCP sequence number', () => {
    const error = timeExceeded(decode(TCP_SYN), { id: 3, src: 0xc0a86501, ttl: 255 });
    const bytes = encodePacket(error);
    expect([bytes[20], bytes[21]]).toEqual([11, 0]);
    expect(bytes.subarray(28)).toEqual(TCP_SYN.subarray(0, 28));
    expect(readQuote(error.payload)).toMatchObject({
      ok: true,
      quoted: { protocol: 6, totalLength: 60, srcPort: 43921, dstPort: 22, seq: 572719365 },
    });
  });

  it('refuses a quote that is not an IPv4 header', () => {
    expect(readQuote(hex('6000 0000'))).toMatchObject({ ok: false });
  });
});
