// A share link carries the scenario document in the URL's fragment (never sent to a server):
// `#s1.` and the document compressed with zlib's deflate (whose Adler-32 checksum catches a
// damaged link) in base64url. Reading one back checks every step and says which failed; a
// truncated or tampered link opens nothing, and nothing past `maxBytes` is inflated (a tiny link
// that would inflate to gigabytes stops there).

/** The fragment's prefix, naming the encoding's version. */
export const SHARE_PREFIX = '#s1.';

async function pipe(
  bytes: Uint8Array,
  stream: GenericTransformStream,
  maxBytes: number,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  void writer.close().catch(() => {});
  const reader = stream.readable.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new RangeError(`more than ${maxBytes} bytes`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The fragment (`#s1.…`) that carries `text`. */
export async function shareFragment(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const packed = await pipe(bytes, new CompressionStream('deflate'), Number.MAX_SAFE_INTEGER);
  return `${SHARE_PREFIX}${toBase64Url(packed)}`;
}

/** Whether a fragment is a share link at all (anything else in the URL is left alone). */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith('#s') && /^#s\d+\./.test(hash);
}

/** The document a share fragment carries, or why it cannot be read. */
export async function readShareFragment(
  hash: string,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (!hash.startsWith(SHARE_PREFIX)) {
    return {
      ok: false,
      message: `the link is of a version this page does not read (it starts "${hash.slice(0, 6)}")`,
    };
  }
  const bytes = fromBase64Url(hash.slice(SHARE_PREFIX.length));
  if (!bytes || bytes.length === 0) {
    return { ok: false, message: 'the link is damaged: its text is not what a share link holds' };
  }
  let inflated: Uint8Array;
  try {
    inflated = await pipe(bytes, new DecompressionStream('deflate'), maxBytes);
  } catch (error) {
    return error instanceof RangeError
      ? { ok: false, message: `the link holds a document over ${maxBytes} bytes` }
      : {
          ok: false,
          message: 'the link is damaged or cut short: it does not unpack to a whole document',
        };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(inflated) };
  } catch {
    return { ok: false, message: 'the link is damaged: what it unpacks to is not text' };
  }
}
