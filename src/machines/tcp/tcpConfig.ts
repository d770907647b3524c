// TCP settings of a node, with defaults from the RFCs (and Linux where the RFCs leave a choice).

import { NS_PER_MS, NS_PER_S, type Nanos } from '../../engine/time.ts';
import type { CongestionAlgorithm } from '../../net/tcp/newRenoCongestion.ts';

export interface TcpConfig {
  /** Loss recovery: NewReno (RFC 6582, what a TCP without SACK does) or Reno (RFC 5681). */
  congestionControl: CongestionAlgorithm;
  /** Our maximum segment size, announced in the SYN (1460 = 1500-byte Ethernet MTU - 40). */
  mss: number;
  /**
   * Receive buffer in bytes. The advertised window is at most 65535 unless window scaling is
   * negotiated (RFC 7323), which lets up to 65535 * 2^14 bytes be advertised.
   */
  receiveWindow: number;
  /** Send buffer in bytes. */
  sendBuffer: number;
  /** RFC 6298 (2.1): 1 s. */
  initialRto: Nanos;
  /** RFC 6298 (2.4): 1 s. Linux uses 200 ms. */
  minRto: Nanos;
  /** RFC 6298 (2.5): at least 60 s. */
  maxRto: Nanos;
  /** Maximum segment lifetime; TIME-WAIT lasts 2 MSL (Linux: 60 s in all, so MSL 30 s). */
  msl: Nanos;
  /** SYN retransmissions before ETIMEDOUT (Linux tcp_syn_retries: 6). */
  synRetries: number;
  /** Data retransmissions before ETIMEDOUT (Linux tcp_retries2: 15). */
  retries: number;
  /**
   * SYN-ACK retransmissions of a connection a listener made for a SYN, before it is given up
   * (Linux tcp_synack_retries: 5, so with a 1 s first RTO it lives 1+2+4+8+16+32 = 63 s).
   */
  synAckRetries: number;
  /**
   * The most connections one listener holds in SYN-RECEIVED (its SYN queue); a SYN beyond them
   * is dropped, or answered with a SYN cookie when `synCookies` is on. The listen backlog limits
   * them too. Linux: tcp_max_syn_backlog, 128 or more by the memory (often 1024 to 4096); the
   * default here, 4096, is never reached before a backlog (at most 4096) is.
   */
  synBacklog: number;
  /**
   * SYN cookies (RFC 4987 3.6): while a listener's queue is full, answer a SYN with a cookie
   * SYN-ACK and keep no state (Linux tcp_syncookies=1). Off by default.
   */
  synCookies: boolean;
  /**
   * Delayed ACKs (RFC 5681 4.2, RFC 1122 4.2.3.2): acknowledge every second segment, or when
   * `delayedAckTimeout` runs out, instead of every segment at once. Off by default.
   */
  delayedAck: boolean;
  /** The delayed-ACK timer: 200 ms as ns-3's DelAckTimeout and Linux's TCP_DELACK_MAX. */
  delayedAckTimeout: Nanos;
  /** Offer the window scale option (RFC 7323 section 2) in our SYN. Off by default. */
  windowScaling: boolean;
  /** Offer the timestamps option (RFC 7323 section 3) in our SYN. Off by default. */
  timestamps: boolean;
  /**
   * Offer SACK (RFC 2018) in our SYN: the receiver reports the blocks it holds beyond a hole, the
   * sender recovers with them (RFC 6675). Off by default.
   */
  sack: boolean;
}

export const DEFAULT_TCP_CONFIG: Readonly<TcpConfig> = Object.freeze({
  congestionControl: 'newreno',
  mss: 1460,
  receiveWindow: 65_535,
  sendBuffer: 256 * 1024,
  initialRto: NS_PER_S,
  minRto: NS_PER_S,
  maxRto: 60 * NS_PER_S,
  msl: 30 * NS_PER_S,
  synRetries: 6,
  retries: 15,
  synAckRetries: 5,
  synBacklog: 4096,
  synCookies: false,
  delayedAck: false,
  delayedAckTimeout: 200 * NS_PER_MS,
  windowScaling: false,
  timestamps: false,
  sack: false,
});

/** MSS assumed when the peer's SYN carries no MSS option (RFC 9293 3.7.1): 536. */
export const DEFAULT_PEER_MSS = 536;
