// Trace records of NAT: a mapping made and gone, each packet translated (which end changed, from
// what to what), an inbound packet no mapping claimed, and a packet dropped for want of a port.
// The rewritten packets themselves are on the links' records, as they travelled. Endpoints are
// "address:port" for TCP and UDP, the address alone for ICMP.

/** What a mapping translates: masquerade (source NAT) or a port forward (destination NAT). */
export type NatKind = 'snat' | 'dnat';

/** A translated flow's protocol, as people name it. */
export type NatProtocol = 'tcp' | 'udp' | 'icmp';

/** Why a mapping left the table. */
export type NatExpireReason = 'timeout' | 'closed' | 'reset';

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /**
     * A NAT made a mapping (`entry`: 1, 2, ... per node): `inside` is the private end, `outside`
     * the public address and port standing for it, `remote` the far end of the flow.
     */
    'nat.map': {
      node: string;
      entry: number;
      kind: NatKind;
      protocol: NatProtocol;
      inside: string;
      outside: string;
      remote: string;
    };
    /**
     * A NAT rewrote packet `pkt` by mapping `entry`: leaving by the public side (`out`) its source
     * changed, arriving on it (`in`) its destination, from `from` to `to`.
     */
    'nat.translate': {
      node: string;
      pkt: number;
      entry: number;
      way: 'out' | 'in';
      from: string;
      to: string;
    };
    /** A mapping left the table: it timed out, or its TCP connection closed or was reset. */
    'nat.expire': {
      node: string;
      entry: number;
      protocol: NatProtocol;
      inside: string;
      outside: string;
      reason: NatExpireReason;
    };
    /**
     * A packet arrived on the public side for the NAT's own address and no mapping or port
     * forward claimed it: it is the node's own (it answers, or drops it), never sent inside.
     */
    'nat.unmatched': { node: string; pkt: number; iface: string; to: string };
    /** A new flow found no free public port: the packet is dropped, as Linux does. */
    'nat.drop': { node: string; pkt: number; reason: 'noFreePort' };
  }
}

export {};
