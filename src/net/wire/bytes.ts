// Big-endian (network byte order) field access on byte arrays, and the range check every encoder
// uses so a bad field fails loudly instead of wrapping silently on the wire.

/** Reads an unsigned 16-bit big-endian integer at `offset`. */
export function readU16(bytes: Uint8Array, offset: number): number {
  return (((bytes[offset] as number) << 8) | (bytes[offset + 1] as number)) >>> 0;
}

/** Reads an unsigned 32-bit big-endian integer at `offset`. */
export function readU32(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset] as number) * 0x1000000 +
    (((bytes[offset + 1] as number) << 16) |
      ((bytes[offset + 2] as number) << 8) |
      (bytes[offset + 3] as number))
  );
}

/** Writes the low 16 bits of `value` big-endian at `offset`. */
export function writeU16(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = (value >>> 8) & 0xff;
  bytes[offset + 1] = value & 0xff;
}

/** Writes the low 32 bits of `value` big-endian at `offset`. */
export function writeU32(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = (value >>> 24) & 0xff;
  bytes[offset + 1] = (value >>> 16) & 0xff;
  bytes[offset + 2] = (value >>> 8) & 0xff;
  bytes[offset + 3] = value & 0xff;
}

/**
 * Throws a RangeError naming the field unless `value` is an integer in [0, 2^bits). Encoders call
 * it on every field: a header built by the simulator with an impossible value is a bug, not input.
 */
export function assertUint(name: string, value: number, bits: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** bits) {
    throw new RangeError(`${name} must be an integer from 0 to ${2 ** bits - 1}, got ${value}`);
  }
}

/** The parts one after another in one new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
