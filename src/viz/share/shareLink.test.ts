// Share links: a document goes into the fragment and comes back byte for byte; the zlib header
// and Adler-32 checksum (RFC 1950) catch a changed or cut link; other versions, foreign text and
// a document past the size limit are named as such.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isShareFragment, readShareFragment, SHARE_PREFIX, shareFragment } from './shareLink.ts';

const doc = readFileSync(
  new URL('../../../simulations/server-concurrency.json', import.meta.url),
  'utf8',
);
const base64 = (hash: string) =>
  hash.slice(SHARE_PREFIX.length).replace(/-/g, '+').replace(/_/g, '/');

describe('share links', () => {
  it('carry a document, compressed with zlib deflate as Node reads it, and back', async () => {
    const hash = await shareFragment(doc);
    expect(hash.startsWith('#s1.')).toBe(true);
    expect(hash).toMatch(/^#s1\.[A-Za-z0-9_-]+$/);
    // zlib (RFC 1950), as node:zlib inflates it; and much shorter than the document.
    expect(inflateSync(Buffer.from(base64(hash), 'base64')).toString('utf8')).toBe(doc);
    expect(hash.length).toBeLessThan(doc.length / 2);
    expect(await readShareFragment(hash, 1 << 20)).toEqual({ ok: true, text: doc });
    expect(isShareFragment(hash)).toBe(true);
    expect(isShareFragment('#workspace')).toBe(false);
  });

  it('say a link cut short or changed is damaged', async () => {
    const hash = await shareFragment(doc);
    const cut = hash.slice(0, Math.floor(hash.length / 2));
    expect(await readShareFragment(cut, 1 << 20)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/damaged or cut short/),
    });
    // One character changed in the middle: the checksum (or the stream) no longer holds.
    const middle = Math.floor(hash.length / 2);
    const changed =
      hash.slice(0, middle) + (hash[middle] === 'A' ? 'B' : 'A') + hash.slice(middle + 1);
    expect((await readShareFragment(changed, 1 << 20)).ok).toBe(false);
    expect(await readShareFragment('#s1.not*base64', 1 << 20)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not what a share link holds/),
    });
    expect(await readShareFragment('#s9.abcd', 1 << 20)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/version this page does not read/),
    });
  });

  it('stop unpacking past the size limit', async () => {
    const big = await shareFragment(' '.repeat(200_000));
    expect(big.length).toBeLessThan(2_000);
    expect(await readShareFragment(big, 100_000)).toEqual({
      ok: false,
      message: 'the link holds a document over 100000 bytes',
    });
  });
});
