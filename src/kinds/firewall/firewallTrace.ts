// Trace records of a firewall: each verdict with the rule that decided it, each LOG rule that
// matched, and each event of a tracked connection's life (a few per flow, never per packet).

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /**
     * `node`'s firewall judged packet `pkt` (`bytes` long) in `chain` (INPUT, FORWARD, OUTPUT):
     * `verdict` ACCEPT, DROP or REJECT; `rule` the deciding rule's number in its chain (1, 2, ...,
     * as `iptables -L --line-numbers`), 0 when the chain's policy decided; `state` the packet's
     * connection-tracking state (NEW, ESTABLISHED, RELATED, INVALID), or STOPPED when the
     * firewall was down and dropped everything.
     */
    'fw.verdict': {
      node: string;
      chain: string;
      pkt: number;
      verdict: string;
      rule: number;
      state: string;
      bytes: number;
    };
    /** A LOG rule (number `rule` of `chain`) matched packet `pkt`; the walk went on. */
    'fw.log': { node: string; chain: string; pkt: number; rule: number; prefix: string };
    /**
     * A tracked connection (`entry`: 1, 2, ... per node) went through `event`: new (its first
     * packet was accepted), reply (the other side answered), fin, close (by RST or both FINs
     * acknowledged) or expire (idle past its timeout). The flow as its first packet went.
     */
    'fw.conntrack': {
      node: string;
      entry: number;
      event: string;
      protocol: number;
      src: string;
      srcPort: number;
      dst: string;
      dstPort: number;
    };
  }
}

export {};
