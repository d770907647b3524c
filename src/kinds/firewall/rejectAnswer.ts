// The packet a REJECT rule sends back, built as Linux's nf_reject_ipv4 builds it: a TCP RST with
// RFC 9293's sequence numbers (tcp-reset), or an ICMP Destination Unreachable quoting the offending
// datagram (icmp-port-unreachable, code 3; icmp-admin-prohibited, code 13 per RFC 1812).

import { mayTriggerIcmpError } from '../../net/ip/icmpPolicy.ts';
import { resetReply } from '../../net/tcp/resetReply.ts';
import { destinationUnreachable } from '../../net/wire/icmpErrors.ts';
import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { defaultIpv4Header, ICMP_UNREACHABLE } from '../../net/wire/packet.ts';
import type { Packet } from '../../net/wire/packet.ts';
import type { RejectWith } from './firewallRules.ts';

/** Who answers: the new packet's id, and for ICMP the rejecting node's address (default: the offending packet's destination). */
export interface RejectOrigin {
  id: number;
  /** Source of an ICMP answer; a RST always comes from the offending packet's destination. */
  src?: Ipv4Address;
  /** TTL of the answer (default 64, as Linux). */
  ttl?: number;
}

/** The ICMP Destination Unreachable code each ICMP --reject-with sends. */
export const REJECT_ICMP_CODE = {
  'icmp-port-unreachable': ICMP_UNREACHABLE.port,
  'icmp-admin-prohibited': ICMP_UNREACHABLE.adminProhibited,
} as const;

/**
 * The answer REJECT sends for `offending`, or undefined when none may be sent: tcp-reset to a
 * packet that is not TCP or is itself a RST (RFC 9293: never answer a RST), an ICMP error about an
 * ICMP error, a broadcast or a non-first fragment (RFC 1122 3.2.2, as Linux's icmp_send).
 */
export function rejectAnswer(
  offending: Packet,
  rejectWith: RejectWith,
  origin: RejectOrigin,
): Packet | undefined {
  if (rejectWith === 'tcp-reset') return tcpReset(offending, origin);
  if (!mayTriggerIcmpError(offending)) return undefined;
  return destinationUnreachable(offending, REJECT_ICMP_CODE[rejectWith], {
    id: origin.id,
    src: origin.src ?? offending.ip.dst,
    ttl: origin.ttl,
  });
}

/**
 * The RST for a TCP segment (RFC 9293 section 3.10.7.1, as nf_send_reset): from the segment's
 * destination back to its source, ports swapped, window 0, no options. If the segment had ACK the
 * RST takes `seq = SEG.ACK` and no ACK; else `seq = 0`, ACK set, `ack = SEG.SEQ + SEG.LEN` (SYN
 * and FIN each count one). IP header as Linux's: TTL 64, DF set, identification 0.
 */
export function tcpReset(offending: Packet, origin: RejectOrigin): Packet | undefined {
  const t = offending.transport;
  if (t.kind !== 'tcp' || t.flags.rst || offending.ip.fragmentOffset !== 0) return undefined;
  return {
    id: origin.id,
    ip: defaultIpv4Header(origin.ttl ?? 64, offending.ip.dst, offending.ip.src),
    transport: resetReply(t, offending.payload),
    payload: new Uint8Array(0),
  };
}
