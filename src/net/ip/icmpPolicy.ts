// When a node may answer a datagram with an ICMP error (RFC 1122 section 3.2.2, RFC 1812 4.3.2.7):
// never about an ICMP error, a broadcast, a non-first fragment, or a source that is not one host.

import { ICMP_TYPE, type Packet } from '../wire/packet.ts';

const BROADCAST = 0xffffffff;
/** ICMP types that are errors: destination unreachable, source quench, redirect, time exceeded, parameter problem. */
const ERROR_TYPES = new Set<number>([
  ICMP_TYPE.destinationUnreachable,
  4,
  5,
  ICMP_TYPE.timeExceeded,
  12,
]);

/** Whether an ICMP error may be sent about `packet`. */
export function mayTriggerIcmpError(packet: Packet): boolean {
  const { ip, transport } = packet;
  if (ip.fragmentOffset !== 0) return false;
  if (ip.dst === BROADCAST || ip.src === BROADCAST || ip.src === 0) return false;
  const firstOctet = ip.src >>> 24;
  if (firstOctet === 127 || firstOctet >= 224) return false; // loopback, multicast, reserved
  if (transport.kind === 'icmp') {
    if (transport.message === 'destinationUnreachable' || transport.message === 'timeExceeded') {
      return false;
    }
    if (transport.message === 'other' && ERROR_TYPES.has(transport.type)) return false;
  }
  return true;
}
