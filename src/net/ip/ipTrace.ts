// Trace record types of the IP layer: local delivery, forwarding by routers, drops (and the
// transports' drops of damaged segments), fragmentation, reassembly and path MTUs learned, and a
// node or an interface failing and coming back (a crash, a restart, an interface taken down or up).

import type { Packet } from '../wire/packet.ts';

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
  | 'filtered'
  /** The node has crashed: it takes in nothing and sends nothing until it restarts. */
  | 'nodeDown'
  /** The interface the packet arrived on, or would leave by, is down. */
  | 'interfaceDown'
  /** Damaged on a link: its IPv4 header checksum does not match (a bit flipped in the header). */
  | 'badChecksum'
  /**
   * Bigger than the MTU of the interface it would leave by (or, sent by this node, than the path
   * MTU it knows) with Don't Fragment set: a router answers ICMP "fragmentation needed".
   */
  | 'fragmentationNeeded'
  /** A fragment that cannot belong to a datagram: no data, or past 65,535 bytes. */
  | 'badFragment'
  /**
   * Its frame was addressed to another station's MAC: a switch flooded it here because it had not
   * learned where that station is. The network card ignores it (Linux's PACKET_OTHERHOST).
   */
  | 'otherHost'
  /**
   * It waited for the next hop's MAC address, and ARP got no answer to its requests (a router
   * also sends ICMP Host Unreachable to the source).
   */
  | 'arpFailed'
  /** Too many packets already waited for the same next hop's MAC: the oldest waiting is dropped. */
  | 'arpQueueFull';

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A node dropped a packet, and why. */
    'ip.drop': { node: string; pkt: number; reason: IpDropReason };
    /**
     * The transport a packet was delivered to dropped it: its TCP, UDP or ICMP checksum does not
     * match, the packet having been damaged on a link (`link.corrupt`) after its IP header.
     */
    'transport.drop': {
      node: string;
      pkt: number;
      protocol: 'tcp' | 'udp' | 'icmp';
      reason: 'badChecksum';
    };
    /**
     * A router forwarded a packet (TTL decremented) from one interface to another, by the route
     * for `route` (the matched prefix, `0.0.0.0/0` for the default route) through the next router
     * `via` (dotted), or `''` when the destination is on the outgoing interface's own subnet.
     */
    'ip.forward': {
      node: string;
      pkt: number;
      fromIface: string;
      toIface: string;
      route: string;
      via: string;
    };
    /** A packet addressed to this node was handed to its transport (`iface`: where it arrived). */
    'ip.deliver': { node: string; iface: string; pkt: number; protocol: number };
    /**
     * The node crashed: its connections, sockets, programs and what they held in memory are gone
     * at once, with nothing sent; it drops every packet until it restarts.
     */
    'node.crash': { node: string };
    /** The node came back after a crash: it boots with nothing but its configuration. */
    'node.restart': { node: string };
    /** An interface went down or came back up; routes through it are unusable while it is down. */
    'iface.state': { node: string; iface: string; up: boolean };
    /**
     * A node cut packet `pkt` into fragments to send it out of `iface`, whose MTU (or the path
     * MTU it knows, for a packet of its own) is `mtu`: the fragments' ids, in offset order, and
     * the packet cut (which no link carries whole when its own sender cut it).
     */
    'ip.fragment': {
      node: string;
      pkt: number;
      iface: string;
      mtu: number;
      fragments: number[];
      packet: Packet;
    };
    /**
     * The destination rebuilt a datagram from its fragments (ids in arrival order): the datagram
     * is a new packet `pkt` of `bytes` bytes, handed on as if it had arrived whole.
     */
    'ip.reassemble': {
      node: string;
      pkt: number;
      identification: number;
      fragments: number[];
      bytes: number;
      packet: Packet;
    };
    /**
     * A datagram's fragments waited the reassembly timeout (30 s) without the rest coming: they
     * are thrown away, and when the first fragment had come (`firstArrived`) the node sends ICMP
     * Time Exceeded, fragment reassembly time exceeded (code 1).
     */
    'ip.reassemblyTimeout': {
      node: string;
      src: string;
      dst: string;
      protocol: number;
      identification: number;
      fragments: number[];
      firstArrived: boolean;
    };
    /**
     * A node learned from an ICMP "fragmentation needed" (sent by `from`) that the path to `dst`
     * carries at most `mtu` bytes (RFC 1191); packets it sends there fit from now on.
     */
    'ip.pmtu': { node: string; dst: string; mtu: number; from: string };
  }
}
