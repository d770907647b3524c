// The wire layer's public surface: the packet model, addresses, checksums, per-protocol codecs,
// whole-packet encode/decode, ICMP errors, fragments and damage on the wire, and the link layer:
// MAC addresses, Ethernet II frames, ARP packets and the ARP cache.
export * from './packet.ts';
export * from './ipv4Address.ts';
export * from './checksum.ts';
export * from './tcpOptions.ts';
export * from './ipv4.ts';
export * from './tcp.ts';
export * from './udp.ts';
export * from './icmp.ts';
export * from './packetCodec.ts';
export * from './icmpErrors.ts';
export * from './ipFragments.ts';
export * from './corruption.ts';
export * from './mac.ts';
export * from './crc32.ts';
export * from './ethernet.ts';
export * from './arp.ts';
export * from './arpCache.ts';
export * from './frame.ts';
export { assertUint } from './bytes.ts';
