// The byte store behind TCP's send and receive buffers: a ring addressed by stream position that
// starts small and doubles (up to the buffer's capacity) when more bytes must be held at once.
// A connection that carries a few hundred bytes (an HTTP request) then costs a kilobyte or two,
// not the 256 KiB + 64 KiB its buffers may grow to: thousands of short connections stay cheap.

import { freshBytes } from '../wire/freshBytes.ts';

/** Size of a ring's first store, in bytes; nothing is allocated before the first byte. */
const INITIAL = 1024;

/** Bytes at stream positions, held modulo the ring's current size. */
export class GrowableRing {
  private bytes: Uint8Array;

  constructor(readonly capacity: number) {
    this.bytes = new Uint8Array(0);
  }

  /** Current size of the store (for tests). */
  get size(): number {
    return this.bytes.length;
  }

  /**
   * Makes room for positions [lo, hi) at once (hi - lo <= capacity), keeping the bytes already
   * held at [lo, keepHi).
   */
  ensure(lo: number, hi: number, keepHi: number): void {
    const old = this.bytes;
    if (hi - lo <= old.length) return;
    let size = Math.max(old.length, INITIAL);
    while (size < hi - lo) size *= 2;
    const next = freshBytes(Math.min(size, this.capacity));
    for (let p = lo; p < keepHi;) {
      const from = p % old.length;
      const to = p % next.length;
      const n = Math.min(keepHi - p, old.length - from, next.length - to);
      next.set(old.subarray(from, from + n), to);
      p += n;
    }
    this.bytes = next;
  }

  /** Stores `n` bytes of `data` from index `from` at stream positions [pos, pos + n). */
  write(pos: number, data: Uint8Array, from: number, n: number): void {
    const ring = this.bytes;
    let done = 0;
    while (done < n) {
      const at = (pos + done) % ring.length;
      const k = Math.min(n - done, ring.length - at);
      ring.set(data.subarray(from + done, from + done + k), at);
      done += k;
    }
  }

  /** Copies the bytes at positions [pos, pos + n) into `out` from index `outAt`. */
  read(pos: number, out: Uint8Array, outAt: number, n: number): void {
    const ring = this.bytes;
    let done = 0;
    while (done < n) {
      const at = (pos + done) % ring.length;
      const k = Math.min(n - done, ring.length - at);
      out.set(ring.subarray(at, at + k), outAt + done);
      done += k;
    }
  }
}
