// Trace records of TCP: connection states, congestion window, retransmission timer, and the
// segments a learner should notice (retransmissions, refused connections, dropped SYNs, SYN
// cookies sent and brought back).

import type { TcpState } from './tcpConnectionMachine.ts';

/** Why a segment was sent again. */
export type RetransmitReason =
  | 'timeout'
  | 'fastRetransmit'
  | 'partialAck'
  | 'sackRecovery'
  /** An ICMP "fragmentation needed" said the segments were too big: sent again, smaller. */
  | 'pathMtu';

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A connection entered an RFC 9293 state. `conn` is "local:port>remote:port". */
    'socket.state': { node: string; conn: string; state: TcpState };
    /**
     * The congestion window or slow-start threshold changed, and why: a CongestionCause
     * (slowStart, congestionAvoidance, fastRetransmit, recoveryInflate, partialAck, recoveryExit,
     * sackRecovery, timeout; src/net/tcp/renoCongestion.ts).
     */
    'tcp.cwnd': { node: string; conn: string; cwnd: number; ssthresh: number; cause: string };
    /** The retransmission timeout changed: after an RTT sample (with SRTT and RTTVAR) or a backoff. */
    'tcp.rto': {
      node: string;
      conn: string;
      rto: number;
      srtt: number | null;
      rttvar: number | null;
      cause: 'sample' | 'backoff';
    };
    /**
     * A segment was sent again: after the timer ran out, after three duplicate ACKs, or (NewReno)
     * after a partial ACK in fast recovery showed the next hole, or smaller after an ICMP
     * "fragmentation needed".
     */
    'tcp.retransmit': {
      node: string;
      conn: string;
      seq: number;
      bytes: number;
      reason: RetransmitReason;
    };
    /**
     * An ICMP "fragmentation needed" about one of the connection's segments lowered its path MTU
     * (RFC 1191): from now on its segments carry at most `mss` bytes of data (`mtu` - 40, less
     * the options its segments carry), and what was in flight is sent again at that size.
     */
    'tcp.pathMtu': { node: string; conn: string; mtu: number; mss: number };
    /** A segment reached a port with no listener (or no connection): answered with RST. */
    'tcp.refused': { node: string; port: number; pkt: number };
    /** A SYN was dropped because the listener's backlog was full. */
    'tcp.synDropped': { node: string; port: number; pkt: number; backlog: number };
    /**
     * A SYN was dropped because the listener's SYN queue was full: `synBacklog` connections of it
     * were in SYN-RECEIVED (the node's tcp.synBacklog), and SYN cookies are off.
     */
    'tcp.synQueueFull': { node: string; port: number; pkt: number; synBacklog: number };
    /**
     * The listener's queue was full, so the SYN in `pkt` was answered with a SYN cookie (RFC 4987
     * 3.6): a SYN-ACK whose sequence number is `cookie`, and no state kept. `mss` is the MSS the
     * cookie encodes (the client's, rounded down to the cookie's table).
     */
    'tcp.synCookie': { node: string; port: number; pkt: number; cookie: number; mss: number };
    /**
     * The segment `pkt` brought back a valid SYN cookie: the connection `conn` is made from it,
     * with the MSS the cookie encodes.
     */
    'tcp.cookieAck': { node: string; port: number; pkt: number; conn: string; mss: number };
    /**
     * The segment `pkt` brought back a valid SYN cookie, but the listener's accept queue already
     * held `backlog` connections: it was dropped (the client's retransmission may get in later).
     */
    'tcp.cookieDropped': { node: string; port: number; pkt: number; backlog: number };
  }
}

/** "10.0.0.1:49152>10.0.0.2:80": a connection's name in the trace. */
export function connectionName(
  local: string,
  localPort: number,
  remote: string,
  remotePort: number,
): string {
  return `${local}:${localPort}>${remote}:${remotePort}`;
}
