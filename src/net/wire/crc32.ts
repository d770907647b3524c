// CRC-32 as IEEE 802.3 computes the Ethernet frame check sequence (clause 3.2.9): polynomial
// 0x04C11DB7 processed bit-reflected (0xEDB88320), initial value and final XOR 0xFFFFFFFF. This is
// also zlib's and PNG's CRC-32, whose check value for the ASCII string "123456789" is 0xCBF43926.

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of bytes [start, end), as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) {
    crc = (TABLE[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
