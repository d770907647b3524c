// Trace record types of ARP (RFC 826) at a node: the requests it broadcasts for a next hop's MAC
// address, the replies it gives for its own addresses, what its cache learns, and entries that
// expire, are forgotten, or fail (no reply to any request), and its announcements of its own
// address (gratuitous ARP). Addresses are written as Linux's
// `ip neigh` prints them (10.0.0.1, 02:00:0a:00:00:01). The ARP frames themselves travel in link
// records (`link.txBegin`, `link.rx`) like any frame.

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /**
     * The node asks who has `target` (a next hop on `iface`'s segment): a broadcast request, ARP
     * frame `pkt`; `probe` counts the requests for it, 1 to 3.
     */
    'arp.request': { node: string; iface: string; pkt: number; target: string; probe: number };
    /** The node answers a request for its own address `ip` on `iface`: at `mac`, to the asker `to`. */
    'arp.reply': { node: string; iface: string; pkt: number; ip: string; mac: string; to: string };
    /** The node's cache now holds `ip` at `mac` on `iface`, reachable for the next 30 s. */
    'arp.learn': { node: string; iface: string; ip: string; mac: string };
    /** The entry reached its timeout: the next packet to `ip` asks again. */
    'arp.expire': { node: string; iface: string; ip: string; mac: string };
    /** An expired entry unused for 60 s was removed from the cache. */
    'arp.forget': { node: string; iface: string; ip: string; mac: string };
    /**
     * No reply to the requests for `ip`: the entry is removed and the `dropped` packets that
     * waited for it are dropped (`ip.drop` arpFailed each).
     */
    'arp.fail': { node: string; iface: string; ip: string; dropped: number };
    /**
     * The node announces its own address `ip` at `mac` on `iface` (RFC 5227 section 2.3): a
     * gratuitous broadcast request, ARP frame `pkt`, asking for its own address, so that
     * neighbours that knew another MAC for it update their caches. `count` is 1 or 2.
     */
    'arp.announce': {
      node: string;
      iface: string;
      pkt: number;
      ip: string;
      mac: string;
      count: number;
    };
  }
}

export {};
