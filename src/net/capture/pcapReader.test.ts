import { describe, expect, it } from 'vitest';
import { readPcap } from './pcapReader.ts';
import { writePcap } from './pcapWriter.ts';

function hex(text: string): Uint8Array {
  return Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (p) => parseInt(p, 16));
}

describe('pcap reader', () => {
  it('reads a big-endian microsecond file as the format describes it', () => {
    // Magic A1B2C3D4 written big-endian, v2.4, snaplen 65535, LINKTYPE_RAW; one 4-byte record
    // at 2 s + 250 us.
    const file = hex(`a1b2c3d4 0002 0004 00000000 00000000 0000ffff 00000065
                      00000002 000000fa 00000004 00000004 45000014`);
    const read = readPcap(file);
    if (!read.ok) throw new Error(read.error);
    expect(read.file).toMatchObject({
      littleEndian: false,
      nanoseconds: false,
      snapLength: 65535,
      linkType: 101,
    });
    expect(read.file.records).toEqual([
      { timeNs: 2_000_250_000, bytes: hex('45000014'), originalLength: 4 },
    ]);
  });

  it('explains what is wrong with a file it cannot read', () => {
    expect(readPcap(new Uint8Array(10))).toMatchObject({ ok: false, error: /24 bytes/ });
    expect(readPcap(hex('0a0d0d0a' + '00'.repeat(20)))).toMatchObject({
      ok: false,
      error: /not a pcap file/,
    });
    const truncated = writePcap([{ timeNs: 0, bytes: new Uint8Array(8) }]).subarray(0, 44);
    expect(readPcap(truncated)).toMatchObject({ ok: false, error: /runs past the end/ });
  });
});
