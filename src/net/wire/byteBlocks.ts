// Fresh byte arrays for many small payloads without a new buffer each: regions of a block handed
// out once each, blocks growing from 1 KiB to 64 KiB. A new Uint8Array costs a backing store
// (malloc and external-memory accounting, about 4 us here); a view of a block well under one.

import { freshBytes } from './freshBytes.ts';

const FIRST = 1024;
const LARGEST = 64 * 1024;

/** Hands out zeroed byte regions that no one else holds. */
export class ByteBlocks {
  private block = new Uint8Array(0);
  private used = 0;

  /** `n` zeroed bytes of their own (a view of a block; a new array past 64 KiB). */
  take(n: number): Uint8Array {
    if (n > LARGEST) return new Uint8Array(n);
    if (this.used + n > this.block.length) {
      this.block = freshBytes(Math.min(LARGEST, Math.max(n, FIRST, this.block.length * 2)));
      this.used = 0;
    }
    this.used += n;
    return this.block.subarray(this.used - n, this.used);
  }
}
