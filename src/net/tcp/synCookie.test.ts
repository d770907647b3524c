// SYN cookies' 32 bits (RFC 4987 3.6): the counter t in the top 5 bits, the MSS index in the next
// 3, a 24-bit keyed hash below; valid for the period made and the next, and for no other ends.
import { describe, expect, it } from 'vitest';
import { NS_PER_S } from '../../engine/time.ts';
import {
  checkSynCookie,
  COOKIE_MSS_TABLE,
  COOKIE_PERIOD,
  cookieCounter,
  cookieMssIndex,
  makeSynCookie,
  type CookieEnds,
} from './synCookie.ts';

const KEY = new Uint8Array(16).map((_, i) => i * 17);
const ENDS: CookieEnds = {
  client: 0xcb007101, // 203.0.113.1
  clientPort: 40000,
  server: 0x0a000002,
  serverPort: 80,
};

describe('SYN cookies', () => {
  it('counts 64 s periods mod 32', () => {
    expect(COOKIE_PERIOD).toBe(64 * NS_PER_S);
    expect(cookieCounter(0)).toBe(0);
    expect(cookieCounter(64 * NS_PER_S - 1)).toBe(0);
    expect(cookieCounter(64 * NS_PER_S)).toBe(1);
    expect(cookieCounter(33 * 64 * NS_PER_S)).toBe(1);
  });

  it('rounds the MSS down to the table (3 bits)', () => {
    expect(COOKIE_MSS_TABLE).toHaveLength(8);
    expect(cookieMssIndex(1460)).toBe(5);
    expect(cookieMssIndex(1459)).toBe(4);
    expect(cookieMssIndex(536)).toBe(2);
    expect(cookieMssIndex(9000)).toBe(7);
    expect(cookieMssIndex(40)).toBe(0);
  });

  it('lays out t, the MSS index and the hash as RFC 4987 says', () => {
    const now = 3 * COOKIE_PERIOD + 5 * NS_PER_S;
    const { cookie, mss } = makeSynCookie(KEY, ENDS, 1460, now);
    expect(mss).toBe(1460);
    expect(cookie >>> 27).toBe(3);
    expect((cookie >>> 24) & 7).toBe(5);
    // The hash depends on the key and on every part of the ends.
    const other = makeSynCookie(new Uint8Array(16), ENDS, 1460, now).cookie;
    expect(other & 0xffffff).not.toBe(cookie & 0xffffff);
    for (const change of [{ clientPort: 40001 }, { client: 0xcb007102 }, { serverPort: 81 }]) {
      const moved = makeSynCookie(KEY, { ...ENDS, ...change }, 1460, now).cookie;
      expect(moved & 0xffffff).not.toBe(cookie & 0xffffff);
    }
  });

  it('checks out in its period and the next, and says the MSS', () => {
    const made = 10 * COOKIE_PERIOD + 63 * NS_PER_S;
    const { cookie } = makeSynCookie(KEY, ENDS, 1400, made);
    expect(checkSynCookie(KEY, ENDS, cookie, made)).toEqual({ ok: true, mss: 1024 });
    expect(checkSynCookie(KEY, ENDS, cookie, made + 2 * NS_PER_S)).toEqual({ ok: true, mss: 1024 });
    expect(checkSynCookie(KEY, ENDS, cookie, 12 * COOKIE_PERIOD)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a cookie for other ends, with another key, or with a bit changed', () => {
    const { cookie } = makeSynCookie(KEY, ENDS, 1460, 0);
    expect(checkSynCookie(KEY, { ...ENDS, clientPort: 1 }, cookie, 0)).toEqual({
      ok: false,
      reason: 'forged',
    });
    expect(checkSynCookie(new Uint8Array(16), ENDS, cookie, 0).ok).toBe(false);
    // A client that claims a larger MSS changes the index bits: the hash covers them.
    expect(checkSynCookie(KEY, ENDS, (cookie ^ (1 << 24)) >>> 0, 0).ok).toBe(false);
    expect(checkSynCookie(KEY, ENDS, (cookie ^ 1) >>> 0, 0).ok).toBe(false);
  });
});
