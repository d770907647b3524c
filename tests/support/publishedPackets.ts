// Packets published as tcpdump hex dumps, for the codec tests and the trace packer's tests.

/** Bytes from a hex dump ("4510 003c ..."), whitespace ignored. */
export function hex(text: string): Uint8Array {
  return Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (p) => parseInt(p, 16));
}

/** tcpdump -vv -X of a Linux SYN: "cksum 0x4bee (incorrect -> 0x890d)" (checksum offload). */
export const PUBLISHED_SYN = hex(`4510 003c 6a4a 4000 4006 84a2 c0a8 6532
                           c0a8 653c ab91 0016 2223 0105 0000 0000
                           a002 3908 4bee 0000 0204 05b4 0402 080a
                           000c 6b4f 0000 0000 0103 0307`);
/** Kerlink gateway guide, tcpdump -vvvX: "[udp sum ok] UDP, length 12". */
export const PUBLISHED_UDP = hex(`4500 0028 8c26 4000 4011 96d3 0a01 0075
                           36e5 d670 9383 06a4 0014 c7e2 0169 7302
                           aa55 5a00 0806 0529`);
/** Same guide, the reply: "[udp sum ok] UDP, length 4", followed by Ethernet padding. */
export const PUBLISHED_UDP_PADDED = hex(`4520 0020 057c 4000 2e11 2f66 36e5 d670
                                  0a01 0075 06a4 9383 000c d978 0169 7301
                                  0000 0000 0000 0000 0000 0000 0000 eca3 5d2a`);
