import { describe, expect, it } from 'vitest';
import { ByteBlocks } from './byteBlocks.ts';

describe('ByteBlocks', () => {
  it('hands out zeroed regions of the asked size that never overlap', () => {
    const blocks = new ByteBlocks();
    const taken = [10, 1000, 1, 3000, 64 * 1024, 70_000, 5].map((n) => blocks.take(n));
    expect(taken.map((b) => b.length)).toEqual([10, 1000, 1, 3000, 64 * 1024, 70_000, 5]);
    for (const b of taken) expect(b.every((x) => x === 0)).toBe(true);
    // Fill each with its own value: if two regions shared a byte, one would see the other's.
    taken.forEach((b, i) => b.fill(i + 1));
    taken.forEach((b, i) => expect(b.every((x) => x === i + 1)).toBe(true));
  });
});
