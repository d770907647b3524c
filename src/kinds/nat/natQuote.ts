// The datagram an ICMP error quotes, as a NAT sees it (RFC 5508 section 4.2, Linux's
// nf_nat_icmp_reply_translation): its 5-tuple, to find the flow, and the quote rewritten to the
// addresses and ports on the far side of the NAT, its checksums kept right (RFC 1624 updates).

import { readU16, writeU16, writeU32 } from '../../net/wire/bytes.ts';
import { foldSum, internetChecksum } from '../../net/wire/checksum.ts';
import { readQuote } from '../../net/wire/icmpErrors.ts';
import { ICMP_TYPE, IP_PROTOCOL, ipHeaderLength } from '../../net/wire/packet.ts';
import type { FlowTuple } from '../firewall/flowTuple.ts';

/** ICMP types that quote a datagram: unreachable, source quench, redirect, time exceeded, parameter problem. */
export const ICMP_ERROR_TYPES: ReadonlySet<number> = new Set([3, 4, 5, 11, 12]);

/**
 * The tuple of the datagram quoted in an ICMP error's payload, as it travelled (ICMP echo:
 * identifier and type, as flowTuple.ts has them); undefined when the quote does not reach the
 * ports or identifier, or quotes a protocol a NAT does not translate.
 */
export function quotedTuple(payload: Uint8Array): FlowTuple | undefined {
  const quote = readQuote(payload);
  if (!quote.ok) return undefined;
  const { ip, protocol } = quote.quoted;
  if (ip.fragmentOffset !== 0) return undefined;
  const at = ipHeaderLength(ip);
  if (protocol === IP_PROTOCOL.tcp || protocol === IP_PROTOCOL.udp) {
    const { srcPort, dstPort } = quote.quoted;
    if (srcPort === undefined || dstPort === undefined) return undefined;
    return { protocol, src: ip.src, srcPort, dst: ip.dst, dstPort };
  }
  if (protocol !== IP_PROTOCOL.icmp || payload.length < at + 6) return undefined;
  const type = payload[at] as number;
  if (type !== ICMP_TYPE.echoRequest && type !== ICMP_TYPE.echoReply) return undefined;
  return { protocol, src: ip.src, srcPort: readU16(payload, at + 4), dst: ip.dst, dstPort: type };
}

/**
 * A copy of the quote with the datagram's addresses and ports (ICMP: identifier) changed from
 * `from` to `to`: the quoted IP header checksum recomputed, and the quoted TCP, UDP or ICMP
 * checksum updated by the difference (RFC 1624) when the quote holds it, since the rest of the
 * datagram it covers is not there. A UDP checksum of zero (none) stays zero.
 */
export function rewriteQuote(payload: Uint8Array, from: FlowTuple, to: FlowTuple): Uint8Array {
  const out = payload.slice();
  const at = ((out[0] as number) & 0x0f) * 4;
  writeU32(out, 12, to.src);
  writeU32(out, 16, to.dst);
  writeU16(out, 10, 0);
  writeU16(out, 10, internetChecksum(out, 0, at));
  if (to.protocol === IP_PROTOCOL.icmp) {
    if (out.length < at + 6) return out;
    writeU16(out, at + 4, to.srcPort);
    adjust(out, at + 2, [from.srcPort], [to.srcPort]);
    return out;
  }
  if (out.length < at + 4) return out;
  writeU16(out, at, to.srcPort);
  writeU16(out, at + 2, to.dstPort);
  const old = [...words(from.src), ...words(from.dst), from.srcPort, from.dstPort];
  const now = [...words(to.src), ...words(to.dst), to.srcPort, to.dstPort];
  if (to.protocol === IP_PROTOCOL.udp && out.length >= at + 8 && readU16(out, at + 6) !== 0) {
    adjust(out, at + 6, old, now);
    if (readU16(out, at + 6) === 0) writeU16(out, at + 6, 0xffff);
  }
  if (to.protocol === IP_PROTOCOL.tcp && out.length >= at + 18) adjust(out, at + 16, old, now);
  return out;
}

/** An address as its two 16-bit words, as the pseudo-header sums it. */
function words(address: number): [number, number] {
  return [address >>> 16, address & 0xffff];
}

/** RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m') over each changed 16-bit word m. */
function adjust(bytes: Uint8Array, at: number, old: number[], now: number[]): void {
  let sum = ~readU16(bytes, at) & 0xffff;
  old.forEach((m, i) => {
    sum += (~m & 0xffff) + (now[i] as number);
  });
  writeU16(bytes, at, ~foldSum(sum) & 0xffff);
}
