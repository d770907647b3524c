// A MAC address as text, for the views (mac.ts re-exports it): apart from mac.ts so that what
// only prints addresses (packet labels, the embed's element) does not carry parsing, deriving and
// the frame codecs' readers with it.

import type { MacAddress } from './mac.ts';

const TWO_32 = 0x1_0000_0000;

/** The six octets, first transmitted first. */
export function macOctets(mac: MacAddress): number[] {
  const high = Math.floor(mac / TWO_32);
  const low = mac >>> 0;
  return [high >>> 8, high & 0xff, low >>> 24, (low >>> 16) & 0xff, (low >>> 8) & 0xff, low & 0xff];
}

/** Formats as Linux's `ip link` prints it: six lower-case two-digit hex octets joined by colons. */
export function formatMac(mac: MacAddress): string {
  return macOctets(mac)
    .map((octet) => octet.toString(16).padStart(2, '0'))
    .join(':');
}
