import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.ts';
import {
  decodeEthernetFrame,
  encodeEthernetFrame,
  ETHERTYPE,
  etherTypeName,
  ethernetFrameLength,
  ethernetLineLength,
  ethernetWireLength,
  type EthernetHeader,
} from './ethernet.ts';
import { MAC_BROADCAST, macFromNumber } from './mac.ts';

const SRC = macFromNumber(0x02000a000001);
const DST = macFromNumber(0x02000a000002);
const HEADER: EthernetHeader = { dst: DST, src: SRC, etherType: ETHERTYPE.ipv4 };

describe('CRC-32', () => {
  it('gives the standard check value for "123456789"', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('Ethernet II frames', () => {
  it('writes destination, source and EtherType in the first 14 bytes', () => {
    const frame = encodeEthernetFrame(HEADER, new Uint8Array(46).fill(0xab));
    expect([...frame.subarray(0, 14)]).toEqual([
      ...[0x02, 0x00, 0x0a, 0x00, 0x00, 0x02], // destination first
      ...[0x02, 0x00, 0x0a, 0x00, 0x00, 0x01],
      ...[0x08, 0x00], // IPv4
    ]);
    expect(frame.length).toBe(60); // 14 + 46: exactly the minimum, no padding
    expect(frame[59]).toBe(0xab);
  });

  it('pads a short payload with zeros to the 60-byte minimum (64 with the FCS)', () => {
    const frame = encodeEthernetFrame(
      { ...HEADER, dst: MAC_BROADCAST, etherType: ETHERTYPE.arp },
      new Uint8Array(28).fill(1),
    );
    expect(frame.length).toBe(60); // 14 + 28 + 18 bytes of padding
    expect([...frame.subarray(42)]).toEqual(new Array(18).fill(0));
    expect(ethernetFrameLength(28)).toBe(60);
    expect(ethernetFrameLength(0)).toBe(60);
    expect(ethernetFrameLength(1500)).toBe(1514);
  });

  it('counts the wire and line sizes of IEEE 802.3 (FCS, preamble and SFD, interframe gap)', () => {
    expect(ethernetWireLength(28)).toBe(64); // minFrameSize: 512 bits
    expect(ethernetWireLength(1500)).toBe(1518); // maxBasicFrameSize
    expect(ethernetLineLength(28)).toBe(84); // 8 + 64 + 12
    expect(ethernetLineLength(1500)).toBe(1538); // 8 + 1518 + 12
    // Line rate of minimum-size frames at 10 Gb/s: the well-known 14.88 Mpps.
    expect(Math.floor(10e9 / (8 * ethernetLineLength(0)))).toBe(14_880_952);
  });

  it('appends the FCS little-endian on request, and the decoder checks it', () => {
    const payload = new Uint8Array(100).map((_, i) => i);
    const frame = encodeEthernetFrame(HEADER, payload, { fcs: true });
    expect(frame.length).toBe(14 + 100 + 4);
    const crc = crc32(frame, 0, 114);
    expect([...frame.subarray(114)]).toEqual([
      crc & 0xff,
      (crc >>> 8) & 0xff,
      (crc >>> 16) & 0xff,
      crc >>> 24,
    ]);
    // A well-known property of CRC-32: the CRC over data followed by its little-endian CRC is
    // the constant residue 0x2144DF1C.
    expect(crc32(frame)).toBe(0x2144df1c);
    const good = decodeEthernetFrame(frame, { fcs: true });
    expect(good.ok && good.frame.fcs).toEqual({ value: crc, valid: true });
    frame[20] = (frame[20] as number) ^ 0x10;
    const bad = decodeEthernetFrame(frame, { fcs: true });
    expect(bad.ok && bad.frame.fcs?.valid).toBe(false);
  });

  it('decodes what it encodes, padding left in the payload for the protocol above', () => {
    const decoded = decodeEthernetFrame(encodeEthernetFrame(HEADER, Uint8Array.of(1, 2, 3)));
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.frame.header).toEqual(HEADER);
    expect(decoded.frame.payload.length).toBe(46);
    expect([...decoded.frame.payload.subarray(0, 4)]).toEqual([1, 2, 3, 0]);
    expect(decoded.frame.fcs).toBeUndefined();
  });

  it('accepts an unpadded frame as captured on its sender', () => {
    const frame = encodeEthernetFrame(HEADER, new Uint8Array(28)).subarray(0, 42);
    const decoded = decodeEthernetFrame(frame);
    expect(decoded.ok && decoded.frame.payload.length).toBe(28);
  });

  it('refuses a truncated header and an 802.3 length field', () => {
    expect(decodeEthernetFrame(new Uint8Array(13))).toMatchObject({ ok: false });
    const llc = encodeEthernetFrame(HEADER, new Uint8Array(46));
    llc[12] = 0x00;
    llc[13] = 0x2e; // 46: a length, not a type
    const result = decodeEthernetFrame(llc);
    expect(result.ok ? '' : result.error).toMatch(/0x002e is an 802.3 length/);
  });

  it('refuses to build a frame no station may send', () => {
    expect(() => encodeEthernetFrame(HEADER, new Uint8Array(1501))).toThrow(/1500/);
    expect(() => encodeEthernetFrame({ ...HEADER, etherType: 0x05dc }, new Uint8Array(0))).toThrow(
      /0x0600/,
    );
    expect(() => encodeEthernetFrame({ ...HEADER, src: MAC_BROADCAST }, new Uint8Array(0))).toThrow(
      /individual/,
    );
  });

  it('names the EtherTypes it knows', () => {
    expect([0x0800, 0x0806, 0x86dd].map(etherTypeName)).toEqual(['IPv4', 'ARP', '0x86dd']);
  });
});
