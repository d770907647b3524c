import { describe, expect, it } from 'vitest';
import { pattern, patternView } from './bulkBytes.ts';

/** The definition, written independently: "handshake " repeated, cut at [offset, offset + length). */
function reference(length: number, offset: number): Uint8Array {
  const text = 'handshake '.repeat(Math.ceil((offset + length) / 10) + 1);
  return new TextEncoder().encode(text.slice(offset, offset + length));
}

describe('bulk payload pattern', () => {
  it('is "handshake " repeated from the stream offset, at every phase and length', () => {
    for (const offset of [0, 1, 9, 10, 13, 65_536, 1_000_007])
      for (const length of [0, 1, 9, 10, 11, 1460, 65_536, 70_001]) {
        expect(pattern(length, offset)).toEqual(reference(length, offset));
        expect(patternView(length, offset)).toEqual(reference(length, offset));
      }
  });

  it('gives fresh arrays from pattern, and views of one shared template from patternView', () => {
    const a = pattern(100, 3);
    a[0] = 0;
    expect(pattern(100, 3)).toEqual(reference(100, 3));
    expect(patternView(1460, 5).buffer).toBe(patternView(20, 7).buffer);
  });
});
