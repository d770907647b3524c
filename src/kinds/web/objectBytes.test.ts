import { describe, expect, it } from 'vitest';
import { crc32, objectBytes, pngOfSize } from './objectBytes.ts';

describe('objectBytes', () => {
  it("computes CRC-32 as PNG does: IEND's CRC is AE 42 60 82 (PNG spec, every PNG ends so)", () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    // The classic check value of CRC-32 (ISO 3309): "123456789" -> CBF43926.
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('makes a PNG of exactly the asked size, starting with the PNG signature and IHDR of 1x1', () => {
    for (const size of [90, 100, 5000]) {
      const png = pngOfSize(size);
      expect(png.length).toBe(size);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
      expect([...png.subarray(png.length - 8)]).toEqual([
        0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
      ]);
    }
    expect(pngOfSize(10).length).toBe(70); // the smallest this PNG can be
  });

  it('makes CSS and JavaScript that are one comment, of the asked size', () => {
    const css = new TextDecoder().decode(objectBytes('/style.css', 'text/css', 300));
    expect(css.length).toBe(300);
    expect(css.startsWith('/*') && css.endsWith('*/\n')).toBe(true);
    expect(objectBytes('/x.bin', 'application/octet-stream', 7)).toHaveLength(7);
  });
});
