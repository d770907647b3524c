// What a NetNode takes and gives: its options, the packets it originates and what became of them,
// and the handlers its transports give it.

import type { ArpCacheOptions } from '../wire/arpCache.ts';
import type { Ipv4Address } from '../wire/ipv4Address.ts';
import type { IP_PROTOCOL, Ipv4Header, Packet, PacketIds, Transport } from '../wire/packet.ts';
import type { NetInterface } from './netInterface.ts';

/** Options of a node. */
export interface NetNodeOptions {
  /** Forward packets addressed to others (a router). Default false: a host drops them. */
  router?: boolean;
  /** The packet-id allocator; default: the simulation's own (`packetIdsOf(sim)`). */
  ids?: PacketIds;
  /** TTL of packets this node originates, ICMP errors included (default 64, as Linux). */
  ttl?: number;
  /** Its ARP caches' settings (default Linux's: arpCache.ts). */
  arp?: ArpCacheOptions;
}

/** A transport protocol by name or IP protocol number. */
export type Protocol = keyof typeof IP_PROTOCOL | number;

/** Receives packets addressed to this node: the packet and the interface it arrived on. */
export type DeliverHandler = (packet: Packet, iface: NetInterface) => void;

/** A packet to originate: the node fills in the id, the source address (if absent) and the TTL. */
export interface OutgoingPacket {
  dst: Ipv4Address;
  transport: Transport;
  payload?: Uint8Array;
  /** Source address; default: the address of the interface the route leaves by. */
  src?: Ipv4Address;
  /**
   * Other IP header fields (TTL, DSCP, identification, don't-fragment, ...). Without Don't
   * Fragment, and with no identification given, the node numbers the datagram (its fragments
   * must be told apart from others'); with it, the identification stays 0 (RFC 6864).
   */
  ip?: Partial<Omit<Ipv4Header, 'src' | 'dst' | 'version'>>;
}

/** What became of an originated packet: sent (or delivered locally), or dropped and why. */
export type SendResult =
  | { ok: true; packet: Packet }
  | {
      ok: false;
      packet: Packet;
      reason: 'noRoute' | 'notConnected' | 'filtered' | 'nodeDown' | 'interfaceDown' | 'tooBig';
    };

/** Options of `sendPacket`. */
export interface SendOptions {
  /**
   * Skip the `output` hooks: for a filter's own answer to a packet it rejected (Linux attaches
   * it to the rejected packet's connection, so the rules that judged that packet do not judge it).
   */
  skipOutputHooks?: boolean;
}
