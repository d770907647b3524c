// Trace records of TCP: connection states, congestion window, retransmission timer, and the
// segments a learner should notice (retransmissions, refused connections, dropped SYNs).

import type { TcpState } from './tcpConnectionMachine.ts';

/** Why a segment was sent again. */
export type RetransmitReason = 'timeout' | 'fastRetransmit' | 'partialAck' | 'sackRecovery';

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
     * after a partial ACK in fast recovery showed the next hole.
     */
    'tcp.retransmit': {
      node: string;
      conn: string;
      seq: number;
      bytes: number;
      reason: RetransmitReason;
    };
    /** A segment reached a port with no listener (or no connection): answered with RST. */
    'tcp.refused': { node: string; port: number; pkt: number };
    /** A SYN was dropped because the listener's backlog was full. */
    'tcp.synDropped': { node: string; port: number; pkt: number; backlog: number };
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
