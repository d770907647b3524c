import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readPcap } from './pcapReader.ts';
import { LINKTYPE_ETHERNET, LINKTYPE_IPV4, writePcap } from './pcapWriter.ts';

function hex(text: string): Uint8Array {
  return Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (p) => parseInt(p, 16));
}

describe('pcap writer', () => {
  it('writes the file header of draft-ietf-opsawg-pcap: nanosecond magic, v2.4, LINKTYPE_RAW', () => {
    const file = writePcap([]);
    // Little-endian fields: magic 0xA1B23C4D, major 2, minor 4, reserved 0, reserved 0,
    // SnapLen 262144, LinkType 101 (LINKTYPE_RAW in the tcpdump.org link-layer registry).
    expect(file).toEqual(
      hex('4d3cb2a1 0200 0400 00000000 00000000 00000400 65000000'.replace(/\s/g, '')),
    );
  });

  it('writes each record with seconds, nanoseconds, captured and original length', () => {
    const packet = hex('4500 0014 0000 4000 4006 0000 0a00 0002 0a00 0001');
    const file = writePcap([{ timeNs: 1_500_000_123, bytes: packet }], { epochSeconds: 10 });
    expect(file.subarray(24, 40)).toEqual(
      hex('0b000000 7b65cd1d 14000000 14000000'), // 11 s, 500000123 ns, 20 bytes, 20 bytes
    );
    expect(file.subarray(40)).toEqual(packet);
  });

  it('cuts records to the snap length and keeps the original length', () => {
    const file = writePcap([{ timeNs: 0, bytes: new Uint8Array(100) }], {
      snapLength: 64,
      linkType: LINKTYPE_IPV4,
    });
    const read = readPcap(file);
    if (!read.ok) throw new Error(read.error);
    expect(read.file.linkType).toBe(228);
    expect(read.file.records[0]?.bytes.length).toBe(64);
    expect(read.file.records[0]?.originalLength).toBe(100);
  });

  it('writes LINKTYPE_ETHERNET (1) when asked, and keeps raw IP as the default', () => {
    const file = writePcap([], { linkType: LINKTYPE_ETHERNET });
    expect(file.subarray(20, 24)).toEqual(hex('01000000'));
    expect(writePcap([]).subarray(20, 24)).toEqual(hex('65000000'));
  });

  it('refuses a negative or fractional time', () => {
    expect(() => writePcap([{ timeNs: -1, bytes: new Uint8Array(1) }])).toThrow(RangeError);
    expect(() => writePcap([{ timeNs: 0.5, bytes: new Uint8Array(1) }])).toThrow(RangeError);
  });

  it('reads back exactly what it wrote (property)', () => {
    const record = fc.record({
      timeNs: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      bytes: fc.uint8Array({ maxLength: 200 }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), (records) => {
        const read = readPcap(writePcap(records));
        if (!read.ok) throw new Error(read.error);
        expect(read.file).toMatchObject({ nanoseconds: true, versionMajor: 2, versionMinor: 4 });
        expect(read.file.records).toEqual(
          records.map((r) => ({ ...r, originalLength: r.bytes.length })),
        );
      }),
    );
  });
});
