// Fresh byte arrays for the per-message path, cut from shared slabs. A `new Uint8Array(n)` above
// 64 bytes gets its own off-heap backing store: about 300 ns each, and external memory that makes
// the garbage collector run more often. An HTTP exchange made eight of them. Views into a 64 KiB
// slab cost a tenth of that. A view keeps its whole slab alive, so only mid-sized arrays are cut
// from slabs; code that takes `.buffer` of an array from here must honour `byteOffset`.

const SLAB_BYTES = 64 * 1024;
/** Arrays this small are stored on the V8 heap anyway (its in-heap typed array limit). */
const ON_HEAP_BYTES = 64;
/** Arrays larger than this get their own store, so one does not pin a slab of small ones. */
const LARGEST_CUT = 4 * 1024;

let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** A zero-filled array of `length` bytes that no other array shares. */
export function freshBytes(length: number): Uint8Array<ArrayBuffer> {
  if (length <= ON_HEAP_BYTES || length > LARGEST_CUT) return new Uint8Array(length);
  if (used + length > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const bytes = new Uint8Array(slab, used, length);
  used += length;
  return bytes;
}

/** The one empty array, for bodies and payloads with nothing in them (it cannot be written). */
export const NO_BYTES = new Uint8Array(0);
