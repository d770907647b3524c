// Trace record types of the IP layer: local delivery, forwarding by routers, and drops.

/** Why a node dropped an IP packet. */
export type IpDropReason =
  /** The TTL ran out at a router (an ICMP Time Exceeded goes back to the source). */
  | 'ttl'
  /** No route to the destination (a router also sends ICMP Destination Unreachable). */
  | 'noRoute'
  /** A host received a packet for another address (switch flooding), or a router saw one for its own segment. */
  | 'notForMe'
  /** Addressed to this node, but no transport handles its protocol. */
  | 'noProtocol'
  /** The outgoing interface has no link plugged in. */
  | 'notConnected'
  /** A packet filter (a firewall) refused it; its `fw.verdict` record names the rule. */
  | 'filtered';

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A node dropped a packet, and why. */
    'ip.drop': { node: string; pkt: number; reason: IpDropReason };
    /** A router forwarded a packet (TTL decremented) from one interface to another. */
    'ip.forward': { node: string; pkt: number; fromIface: string; toIface: string };
    /** A packet addressed to this node was handed to its transport (`iface`: where it arrived). */
    'ip.deliver': { node: string; iface: string; pkt: number; protocol: number };
  }
}
