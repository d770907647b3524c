// Trace records of DHCP (RFC 2131). A client's, per interface it configures (`node`, `iface`):
// the messages it sends (dhcp.discover, dhcp.request), the state of its machine (dhcp.state:
// init, selecting, requesting, bound, renewing, rebinding), the lease it took (dhcp.bound), a
// restart after a NAK or unanswered REQUESTs (dhcp.restart) and its address taken away when the
// lease ran out (dhcp.expire). A server's (`node`, `app`: `dhcpd`): what it answered
// (dhcp.offer, dhcp.ack, dhcp.nak), a DISCOVER it could not offer for (dhcp.noOffer) and a lease
// that ran out in its table (dhcp.leaseExpire). Addresses are dotted quads, MACs
// aa:bb:cc:dd:ee:ff, times in simulated ns.

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A client broadcast a DHCPDISCOVER (`attempt` 1, then each retransmission). */
    'dhcp.discover': { node: string; iface: string; pkt: number; xid: number; attempt: number };
    /**
     * A client sent a DHCPREQUEST in `state` (selecting: broadcast for the offered `address`
     * with `server`'s id; renewing: unicast to `server`; rebinding: broadcast to any server).
     */
    'dhcp.request': {
      node: string;
      iface: string;
      pkt: number;
      xid: number;
      state: 'selecting' | 'renewing' | 'rebinding';
      address: string;
      server: string;
      attempt: number;
    };
    /** A client's machine entered `state` (RFC 2131 figure 5, in lower case). */
    'dhcp.state': { node: string; iface: string; state: string };
    /**
     * A client took a lease (a DHCPACK): its address with the prefix length, the server, the
     * gateway and DNS server it was told ('' when none), the lease, and when T1, T2 and the
     * lease's end fall (simulated ns).
     */
    'dhcp.bound': {
      node: string;
      iface: string;
      address: string;
      server: string;
      router: string;
      dns: string;
      leaseSeconds: number;
      t1: number;
      t2: number;
      expires: number;
    };
    /** A client went back to INIT: a DHCPNAK came (`reason` nak), or no answer to its REQUESTs. */
    'dhcp.restart': { node: string; iface: string; reason: 'nak' | 'noAnswer'; message: string };
    /** A client's lease ran out with no server renewing it: `address` is taken off the interface. */
    'dhcp.expire': { node: string; iface: string; address: string };
    /** A server offered `address` to the client with MAC `client` (a DHCPOFFER, broadcast). */
    'dhcp.offer': {
      node: string;
      app: string;
      pkt: number;
      client: string;
      xid: number;
      address: string;
    };
    /** A server's pool had no address for a DISCOVER: it stays silent (RFC 2131 section 4.3.1). */
    'dhcp.noOffer': { node: string; app: string; client: string; xid: number };
    /** A server leased (or renewed) `address` to `client` until `expires` (a DHCPACK). */
    'dhcp.ack': {
      node: string;
      app: string;
      pkt: number;
      client: string;
      xid: number;
      address: string;
      leaseSeconds: number;
      expires: number;
    };
    /** A server refused a REQUEST for `address` (a DHCPNAK), for `reason`. */
    'dhcp.nak': {
      node: string;
      app: string;
      pkt: number;
      client: string;
      xid: number;
      address: string;
      reason: string;
    };
    /** A lease in a server's table ran out: `address` is free again. */
    'dhcp.leaseExpire': { node: string; app: string; client: string; address: string };
  }
}

export {};
