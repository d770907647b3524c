// What a TCP connection exchanges with its surroundings: the node's TCP layer that hosts it, and
// the callbacks through which an application hears from its socket.

import type { Simulator } from '../../engine/simulator.ts';
import type { NetNode } from '../../net/ip/netNode.ts';
import type { SocketErrorCode } from '../../net/transport/socketTrace.ts';
import type { TcpConfig } from './tcpConfig.ts';
import type { TcpConnection } from './tcpConnection.ts';

/** What a connection needs from its node's TCP layer. */
export interface ConnectionHost {
  readonly sim: Simulator;
  readonly net: NetNode;
  readonly config: TcpConfig;
  /** The connection reached CLOSED: forget it and free its port. */
  released(connection: TcpConnection): void;
  /** A passive connection reached ESTABLISHED: it waits in its listener's accept queue. */
  established(connection: TcpConnection): void;
}

/** Callbacks an application sets on its connection. */
export interface TcpSocketHandlers {
  /** The three-way handshake completed. */
  onConnect?: () => void;
  /** In-order bytes arrived. */
  onData?: (bytes: Uint8Array) => void;
  /**
   * In-order bytes arrived, and the app reads and discards them (a sink): called instead of
   * `onData` when set, with their number only, so the bytes are never copied out of the buffer.
   */
  onDiscard?: (length: number) => void;
  /** The peer closed its side (its FIN arrived): no more data will come. */
  onEnd?: () => void;
  /** Our FIN was acknowledged: every byte sent arrived (what a lingering close waits for). */
  onAllAcknowledged?: () => void;
  /** Room came free in the send buffer after it was full. */
  onDrain?: () => void;
  /** The connection failed or was reset. */
  onError?: (error: SocketErrorCode) => void;
  /** The connection is gone (CLOSED). */
  onClose?: () => void;
}
