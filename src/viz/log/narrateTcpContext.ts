// What the TCP sentences of the event log remember while they read the trace in order, and how
// they name a connection: "connection to Server (10.0.2.20:5001)", by its port when ambiguous,
// in the narration's language.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { TraceRecords } from '../../engine/trace.ts';
import { recordsOfTypes } from '../../engine/traceRecords.ts';
import type { TcpState } from '../../machines/tcp/tcpConnectionMachine.ts';
import type { NetworkNames } from '../names/index.ts';
import { tcpPhrases } from './tcpPhrases.ts';

/** What the TCP sentences remember while reading the trace in order. */
export interface TcpContext {
  names: NetworkNames;
  /** The language of the sentences. */
  language: Language;
  /** Nodes with more than one connection in the trace: their sentences say which one. */
  busyNodes: Set<string>;
  /** Connections (`node conn`) that share their node and peer with another: named by port. */
  samePeer: Set<string>;
  /** Each connection's last state, and those that were ever ESTABLISHED. */
  states: Map<string, TcpState>;
  established: Set<string>;
  windows: Map<string, { cwnd: number; ssthresh: number }>;
  rtos: Map<string, number>;
  /** When each connection's retransmission timer last ran out. */
  backoffAt: Map<string, number>;
  /** Listening ports, as `node port`. */
  listening: Set<string>;
}

export const key = (node: string, conn: string): string => `${node} ${conn}`;
/** "10.0.2.20:5001" from "10.0.1.10:59820>10.0.2.20:5001". */
export const peerOf = (conn: string): string => conn.slice(conn.indexOf('>') + 1);
const localPortOf = (conn: string): string => {
  const local = conn.slice(0, conn.indexOf('>'));
  return local.slice(local.lastIndexOf(':') + 1);
};

/** A TcpContext for `records`, which it reads once to see which nodes have several connections. */
export function tcpContext(
  names: NetworkNames,
  records: TraceRecords,
  language: Language = ENGLISH,
): TcpContext {
  const byNode = new Map<string, Set<string>>();
  for (const r of recordsOfTypes(records, ['socket.state'])) {
    if (!r.conn.includes('>')) continue;
    const conns = byNode.get(r.node) ?? new Set<string>();
    byNode.set(r.node, conns.add(r.conn));
  }
  const busyNodes = new Set<string>();
  const samePeer = new Set<string>();
  for (const [node, conns] of byNode) {
    if (conns.size > 1) busyNodes.add(node);
    const peers = [...conns].map(peerOf);
    for (const conn of conns) {
      if (peers.filter((p) => p === peerOf(conn)).length > 1) samePeer.add(key(node, conn));
    }
  }
  return {
    names,
    language,
    busyNodes,
    samePeer,
    states: new Map(),
    established: new Set(),
    windows: new Map(),
    rtos: new Map(),
    backoffAt: new Map(),
    listening: new Set(),
  };
}

/** `connection to Server (10.0.2.20:5001)`, with `from port N` when the peer alone is ambiguous. */
export function connection(ctx: TcpContext, node: string, conn: string): string {
  const { say } = tcpPhrases.in(ctx.language);
  const peer = ctx.names.endpoint(peerOf(conn));
  return ctx.samePeer.has(key(node, conn))
    ? say('connection.fromPort', { port: localPortOf(conn), peer })
    : say('connection', { peer });
}

/** ` on its connection to ...` for nodes with several connections, else nothing. */
export function on(ctx: TcpContext, node: string, conn: string): string {
  return ctx.busyNodes.has(node)
    ? tcpPhrases.in(ctx.language).say('onIts', { connection: connection(ctx, node, conn) })
    : '';
}
