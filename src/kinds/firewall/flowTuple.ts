// The 5-tuple conntrack keys flows by (protocol, addresses, ports), read from a packet, turned
// around for the reply direction, and as a map key.

import { ICMP_TYPE, IP_PROTOCOL, icmpTypeCode } from '../../net/wire/packet.ts';
import type { Packet } from '../../net/wire/packet.ts';

/**
 * One direction of a flow. For ICMP echo, as netfilter's tuple has it, `srcPort` holds the echo
 * identifier and `dstPort` the type (8 request, 0 reply); other protocols have zero ports.
 */
export interface FlowTuple {
  protocol: number;
  src: number;
  srcPort: number;
  dst: number;
  dstPort: number;
}

/** The tuple a packet travels on: ports for TCP and UDP, echo identifier and type for ICMP, else zeros. */
export function tupleOf(packet: Packet): FlowTuple {
  const { ip, transport: t } = packet;
  const flow = { src: ip.src, dst: ip.dst };
  switch (t.kind) {
    case 'tcp':
      return { protocol: IP_PROTOCOL.tcp, ...flow, srcPort: t.srcPort, dstPort: t.dstPort };
    case 'udp':
      return { protocol: IP_PROTOCOL.udp, ...flow, srcPort: t.srcPort, dstPort: t.dstPort };
    case 'icmp': {
      const id = t.message === 'echoRequest' || t.message === 'echoReply' ? t.identifier : 0;
      return { protocol: IP_PROTOCOL.icmp, ...flow, srcPort: id, dstPort: icmpTypeCode(t).type };
    }
    case 'raw':
      return { protocol: t.protocol, ...flow, srcPort: 0, dstPort: 0 };
  }
}

/** The tuple of the other direction: addresses and ports swapped; for ICMP echo, request <-> reply. */
export function invert(t: FlowTuple): FlowTuple {
  if (t.protocol === IP_PROTOCOL.icmp) {
    const type = t.dstPort === ICMP_TYPE.echoRequest ? ICMP_TYPE.echoReply : ICMP_TYPE.echoRequest;
    return { protocol: t.protocol, src: t.dst, srcPort: t.srcPort, dst: t.src, dstPort: type };
  }
  return { protocol: t.protocol, src: t.dst, srcPort: t.dstPort, dst: t.src, dstPort: t.srcPort };
}

/** The flow's key in the connection table's map. */
export function flowKey(t: FlowTuple): string {
  return `${t.protocol} ${t.src} ${t.srcPort} ${t.dst} ${t.dstPort}`;
}

/** TCP, UDP and ICMP: the protocols with their own tracking. */
export function isTrackedProtocol(protocol: number): boolean {
  return (
    protocol === IP_PROTOCOL.tcp || protocol === IP_PROTOCOL.udp || protocol === IP_PROTOCOL.icmp
  );
}

/** The ICMP type on the wire, or -1 for a packet that is not ICMP. */
export function icmpType(packet: Packet): number {
  return packet.transport.kind === 'icmp' ? icmpTypeCode(packet.transport).type : -1;
}
