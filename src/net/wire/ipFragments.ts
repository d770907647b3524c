// IPv4 fragmentation on the wire (RFC 791 section 3.2, "Fragmentation"): a datagram too big for
// a link's MTU cut into fragments that each fit, their offsets in 8-byte units, More Fragments on
// all but the last, the same Identification, the header copied (an option without the "copied"
// flag is kept only in the first fragment; later ones carry NOPs in its place, as Linux does, so
// every fragment's header has the same length). Fragments carry the datagram's bytes after its
// IP header as they are, the transport header and its checksum in the first one: each fragment is
// a `raw` packet whose payload is its share of those bytes, exactly as decodePacket reads it.

import { wireBytes } from './corruption.ts';
import { ipHeaderLength, ipProtocolOf } from './packet.ts';
import type { Ipv4Header, Packet } from './packet.ts';

/** The smallest MTU every IPv4 link must carry (RFC 791: a 60-byte header and 8 bytes of data). */
export const MIN_IPV4_MTU = 68;

/** The largest IPv4 datagram: the total length field is 16 bits. */
export const MAX_IPV4_DATAGRAM = 65_535;

/** IP option types: end of options, no operation (RFC 791). */
const OPTION_END = 0;
const OPTION_NOP = 1;
/** The "copied" flag of an option type: copy the option into every fragment. */
const OPTION_COPIED = 0x80;

/** Whether a header is a fragment's: More Fragments set or a non-zero offset. */
export function isFragment(ip: Ipv4Header): boolean {
  return ip.moreFragments || ip.fragmentOffset !== 0;
}

/**
 * Bytes of data in each fragment but the last when a datagram with an `headerLength`-byte header
 * is cut for `mtu`: what is left of the MTU after the header, rounded down to a multiple of 8
 * (576 - 20 = 556, so 552). Zero when not even 8 bytes fit.
 */
export function fragmentDataSize(mtu: number, headerLength: number): number {
  return Math.max(0, Math.floor((mtu - headerLength) / 8) * 8);
}

/**
 * Cuts `packet` into fragments of at most `mtu` bytes each, in offset order, each with a new id
 * from `nextId`. A packet that already fits is returned alone, untouched. A fragment cut again
 * (a second, narrower link) keeps its offset as the base and its own MF on the last piece. The
 * caller checks Don't Fragment first; this cuts regardless. Throws a RangeError when `mtu` leaves
 * no room for 8 bytes of data after the header.
 */
export function fragmentPacket(packet: Packet, mtu: number, nextId: () => number): Packet[] {
  const headerLength = ipHeaderLength(packet.ip);
  const bytes = wireBytes(packet);
  if (bytes.length <= mtu) return [packet];
  const size = fragmentDataSize(mtu, headerLength);
  if (size === 0) {
    throw new RangeError(
      `an MTU of ${mtu} leaves no room for data after a ${headerLength}-byte header`,
    );
  }
  const data = bytes.subarray(headerLength);
  const protocol = ipProtocolOf(packet.transport);
  const { ip } = packet;
  const laterOptions = ip.options && copiedOptions(ip.options);
  const fragments: Packet[] = [];
  for (let start = 0; start < data.length; start += size) {
    const end = Math.min(start + size, data.length);
    const last = end === data.length;
    const header: Ipv4Header = {
      ...ip,
      moreFragments: last ? ip.moreFragments : true,
      fragmentOffset: ip.fragmentOffset + start / 8,
    };
    if (start > 0 && laterOptions) header.options = laterOptions;
    fragments.push({
      id: nextId(),
      ip: header,
      transport: { kind: 'raw', protocol },
      payload: data.subarray(start, end),
    });
  }
  return fragments;
}

/**
 * The options of a header as later fragments carry them: those with the copied flag as they are,
 * the others replaced by NOPs of the same length (Linux's ip_options_fragment), so the header
 * keeps its length. End of options and what follows it stay as they are (zeros).
 */
export function copiedOptions(options: Uint8Array): Uint8Array {
  const out = options.slice();
  for (let i = 0; i < out.length;) {
    const type = out[i] as number;
    if (type === OPTION_END) break;
    if (type === OPTION_NOP) {
      i++;
      continue;
    }
    const length = Math.max(2, Math.min(out[i + 1] ?? 2, out.length - i));
    if ((type & OPTION_COPIED) === 0) out.fill(OPTION_NOP, i, i + length);
    i += length;
  }
  return out;
}
