// Trace records of the attacks a scenario schedules (the synFlood and portScan actions): when a
// flood starts and ends, and what a scan found for each port. The packets themselves are in the
// link records like any others; what the target did with them is TCP's (tcp.synQueueFull,
// tcp.synCookie, tcp.refused, ...).

/** What a SYN scan concluded about a port (nmap's words). */
export type PortState = 'open' | 'closed' | 'filtered';

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /**
     * A SYN flood starts: `count` SYNs to `target` ("address:port"), `rate` a second, from
     * addresses of `spoofFrom` (a prefix) or, when it is empty, from the node's own address.
     */
    'flood.start': {
      node: string;
      app: string;
      target: string;
      rate: number;
      count: number;
      spoofFrom: string;
    };
    /** A SYN flood has sent its last SYN: `sent` in all. */
    'flood.end': { node: string; app: string; target: string; sent: number };
    /** A SYN scan (nmap -sS) of `ports` (as the document wrote them) on `target` starts. */
    'scan.start': { node: string; app: string; target: string; ports: string };
    /**
     * A SYN scan decided a port: open (a SYN-ACK came; the scanner's TCP answered it with RST),
     * closed (an RST came), filtered (nothing came after `probes` SYNs, or an ICMP unreachable).
     */
    'scan.port': {
      node: string;
      app: string;
      target: string;
      port: number;
      state: PortState;
      probes: number;
    };
    /** A SYN scan is done: how many ports were open, closed and filtered, and the open ones. */
    'scan.end': {
      node: string;
      app: string;
      target: string;
      open: number;
      closed: number;
      filtered: number;
      openPorts: string;
    };
  }
}

export {};
