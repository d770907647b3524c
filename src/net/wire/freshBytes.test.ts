import { describe, expect, it } from 'vitest';
import { freshBytes, NO_BYTES } from './freshBytes.ts';

describe('freshBytes', () => {
  it('gives zero-filled arrays of the asked length that never share a byte, across slabs', () => {
    // Sizes on both sides of the slab limits, enough of them to fill several 64 KiB slabs.
    const sizes = [0, 1, 64, 65, 100, 1500, 4096, 4097, 70_000];
    const arrays: Uint8Array[] = [];
    for (let round = 0; round < 60; round++) for (const n of sizes) arrays.push(freshBytes(n));
    arrays.forEach((bytes, i) => {
      expect(bytes.length).toBe(sizes[i % sizes.length]);
      expect(bytes.every((b) => b === 0)).toBe(true);
      bytes.fill((i % 255) + 1);
    });
    // Had two arrays overlapped, the later fill would show through the earlier one.
    arrays.forEach((bytes, i) => expect(bytes.every((b) => b === (i % 255) + 1)).toBe(true));
  });

  it('has one empty array that cannot hold a byte', () => {
    expect(NO_BYTES.length).toBe(0);
    (NO_BYTES as unknown as number[])[0] = 7;
    expect(NO_BYTES[0]).toBeUndefined();
  });
});
