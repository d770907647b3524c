// Bodies of served objects that are what their media type says, so a capture opened in
// Wireshark dissects them cleanly: a real PNG image (1x1 pixel, padded to the size with a text
// chunk), CSS and JavaScript that are comments, and a byte pattern for anything else.

import { concatBytes } from '../../net/wire/bytes.ts';

const encoder = new TextEncoder();

let crcTable: Uint32Array | undefined;

/** CRC-32 as PNG uses it (ISO 3309, polynomial 0xEDB88320; PNG spec section 5.5). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = (crcTable[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(encoder.encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Smallest PNG this makes: signature, IHDR, IDAT, IEND. */
const PNG_MINIMUM = 8 + 25 + 25 + 12;
/** A tEXt chunk with keyword "Comment" costs 12 + 8 bytes before its text. */
const TEXT_OVERHEAD = 20;

/**
 * A valid 1x1 grey PNG of exactly `size` bytes when size >= 90 (70 bytes otherwise): IDAT holds
 * a zlib stream with one stored block (RFC 1950/1951), a tEXt chunk pads it.
 */
export function pngOfSize(size: number): Uint8Array {
  const signature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  const ihdr = new Uint8Array(13);
  const header = new DataView(ihdr.buffer);
  header.setUint32(0, 1); // width
  header.setUint32(4, 1); // height
  ihdr.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, adaptive filter, no interlace
  const scanline = Uint8Array.of(0, 0x80); // filter type 0, one grey pixel
  // zlib: CMF 0x78, FLG 0x01 (check bits), a final stored block, then Adler-32 of the data.
  const adlerA = (1 + 0 + 0x80) % 65521;
  const adlerB = (1 + 0 + (1 + 0 + 0x80)) % 65521;
  const zlib = Uint8Array.of(
    0x78,
    0x01,
    0x01,
    0x02,
    0x00,
    0xfd,
    0xff,
    ...scanline,
    adlerB >> 8,
    adlerB & 0xff,
    adlerA >> 8,
    adlerA & 0xff,
  );
  const parts = [signature, chunk('IHDR', ihdr), chunk('IDAT', zlib)];
  const padding = size - PNG_MINIMUM - TEXT_OVERHEAD;
  if (padding >= 0) {
    const text = new Uint8Array(8 + padding);
    text.set(encoder.encode('Comment\0'), 0);
    text.fill(0x2e, 8); // '.'
    parts.push(chunk('tEXt', text));
  }
  parts.push(chunk('IEND', new Uint8Array(0)));
  return concatBytes(parts);
}

/** `size` bytes of text: `open`, filler, `close`, trimmed to fit. */
function commentOfSize(size: number, open: string, close: string, path: string): Uint8Array {
  const filler = ` ${path} served by handshake.`;
  const inner = Math.max(0, size - open.length - close.length);
  const body = filler.repeat(Math.ceil(inner / filler.length)).slice(0, inner);
  return encoder.encode(`${open}${body}${close}`.slice(0, Math.max(size, 0)));
}

/** The body of an object of `size` bytes and media type `type`. */
export function objectBytes(path: string, type: string, size: number): Uint8Array {
  if (type === 'image/png') return pngOfSize(size);
  if (type === 'text/css') return commentOfSize(size, '/*', '*/\n', path);
  if (type === 'text/javascript') return commentOfSize(size, '/*', '*/\n', path);
  const text = `${path} `;
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = text.charCodeAt(i % text.length);
  return bytes;
}
