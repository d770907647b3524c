// SYN cookies (RFC 4987 section 3.6, after D. J. Bernstein): a listener whose SYN queue is full
// answers a SYN with a SYN-ACK whose initial sequence number encodes what it would have kept, and
// keeps nothing. The ACK that completes the handshake brings the cookie back (its ack - 1); if it
// checks out, the connection is made then. The 32 bits of the cookie:
//
//   bits 31-27  t mod 32, t = the time in units of 64 s (so a cookie ages out)
//   bits 26-24  m, the index of the client's MSS in COOKIE_MSS_TABLE (the largest entry <= it)
//   bits 23-0   s, 24 bits of SHA-256(key, client address and port, server address and port, t, m)
//
// The keyed hash is our SHA-256 (src/net/app/sha256.ts) over a 16-byte secret key; Linux uses
// SipHash and adds the hash to the client's sequence number, the layout above is Bernstein's. A
// cookie is accepted while its t is the current counter or the one before (Linux: 2 minutes).
// Nothing else of the SYN survives: window scaling, SACK and timestamps are not encoded.

import { NS_PER_S, type Nanos } from '../../engine/time.ts';
import { sha256 } from '../app/sha256.ts';
import type { Ipv4Address } from '../wire/ipv4Address.ts';

/** The length of one step of the cookie's counter t: 64 s (RFC 4987 3.6). */
export const COOKIE_PERIOD: Nanos = 64 * NS_PER_S;

/**
 * The MSS values a cookie can say, by 3-bit index: Linux's IPv4 table while it kept 3 bits
 * (2.6.26 to 3.x). A client's MSS is rounded down to the largest entry not above it.
 */
export const COOKIE_MSS_TABLE: readonly number[] = [64, 512, 536, 1024, 1440, 1460, 4312, 8960];

/** The ends of the connection a cookie is for (the client sent the SYN). */
export interface CookieEnds {
  client: Ipv4Address;
  clientPort: number;
  server: Ipv4Address;
  serverPort: number;
}

/** The counter t at `now`: the number of whole 64 s periods, mod 32. */
export function cookieCounter(now: Nanos): number {
  return Math.floor(now / COOKIE_PERIOD) % 32;
}

/** The index in COOKIE_MSS_TABLE of the largest MSS not above `mss` (0 if all are). */
export function cookieMssIndex(mss: number): number {
  let index = 0;
  for (let i = 0; i < COOKIE_MSS_TABLE.length; i++)
    if ((COOKIE_MSS_TABLE[i] as number) <= mss) index = i;
  return index;
}

/** The 24-bit keyed hash s of a cookie. */
function cookieHash(key: Uint8Array, ends: CookieEnds, t: number, m: number): number {
  const input = new Uint8Array(14);
  const view = new DataView(input.buffer);
  view.setUint32(0, ends.client >>> 0);
  view.setUint16(4, ends.clientPort);
  view.setUint32(6, ends.server >>> 0);
  view.setUint16(10, ends.serverPort);
  input[12] = t;
  input[13] = m;
  const digest = sha256(key, input);
  return (
    (((digest[0] as number) << 16) | ((digest[1] as number) << 8) | (digest[2] as number)) >>> 0
  );
}

/** The cookie for a SYN from `ends.client` announcing `peerMss`, made at `now`; with its MSS. */
export function makeSynCookie(
  key: Uint8Array,
  ends: CookieEnds,
  peerMss: number,
  now: Nanos,
): { cookie: number; mss: number } {
  const t = cookieCounter(now);
  const m = cookieMssIndex(peerMss);
  const cookie = ((t << 27) | (m << 24) | cookieHash(key, ends, t, m)) >>> 0;
  return { cookie, mss: COOKIE_MSS_TABLE[m] as number };
}

/** What checking a returned cookie found. */
export type CookieCheck = { ok: true; mss: number } | { ok: false; reason: 'expired' | 'forged' };

/**
 * Checks `cookie` (the ACK's acknowledgment number minus one) for a connection of `ends` at `now`:
 * its counter must be now's or the one before, and its hash must match.
 */
export function checkSynCookie(
  key: Uint8Array,
  ends: CookieEnds,
  cookie: number,
  now: Nanos,
): CookieCheck {
  const t = (cookie >>> 27) & 31;
  const m = (cookie >>> 24) & 7;
  const age = (cookieCounter(now) - t + 32) % 32;
  if (age > 1) return { ok: false, reason: 'expired' };
  if ((cookie & 0xffffff) !== cookieHash(key, ends, t, m)) return { ok: false, reason: 'forged' };
  return { ok: true, mss: COOKIE_MSS_TABLE[m] as number };
}
