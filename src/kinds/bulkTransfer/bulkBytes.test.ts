import { describe, expect, it } from 'vitest';
import { pattern, patternView, patternViewAfter } from './bulkBytes.ts';

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

  it('continues a view in memory where the template has room, and is the pattern either way', () => {
    let previous: Uint8Array | undefined;
    let offset = 0;
    let joined = 0;
    for (const length of [1, 1460, 2920, 9, 40_000, 30_000, 65_536, 7, 100_000, 11]) {
      const view = patternViewAfter(previous, length, offset);
      expect(view).toEqual(reference(length, offset));
      if (previous && view.byteOffset === previous.byteOffset + previous.length) joined++;
      previous = view;
      offset += length;
    }
    // Of the nine after the first, the 1,460, 2,920, 9, 40,000 and 7 fit in the rest of the
    // template (65,546 bytes) and continue the last; the 30,000 and 65,536 do not fit, the
    // 100,000 is longer than the template (a fresh array), and the 11 follows that array.
    expect(joined).toBe(5);
  });
});
