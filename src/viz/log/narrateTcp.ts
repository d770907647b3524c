// Sentences for TCP's trace records: each connection state with what it means (RFC 9293),
// retransmissions, refused connections and dropped SYNs, and TCP socket errors. The congestion
// window and the timer are in narrateCongestion.ts.

import type { TraceRecord } from '../../engine/trace.ts';
import type { TcpState } from '../../machines/tcp/tcpConnectionMachine.ts';
import { SOCKET_ERROR_TEXT, type SocketErrorCode } from '../../net/transport/socketTrace.ts';
import type { Said } from './narratePackets.ts';
import { congestionSentence, timerSentence } from './narrateCongestion.ts';
import { connection, key, on, peerOf, type TcpContext } from './narrateTcpContext.ts';

export { tcpContext, type TcpContext } from './narrateTcpContext.ts';

/** What a connection that enters each state is doing (RFC 9293, section 3.3.2). */
const STATE_MEANING: Record<Exclude<TcpState, 'LISTEN' | 'CLOSED'>, string> = {
  'SYN-SENT': 'it has sent a SYN and waits for a SYN-ACK',
  'SYN-RECEIVED':
    'it got a SYN, answered with a SYN-ACK, and waits for the ACK that completes the handshake',
  ESTABLISHED: 'the handshake is complete, so both sides can now send data',
  'FIN-WAIT-1':
    'it has closed its side (a FIN follows any data still queued) and waits for the FIN to be acknowledged',
  'FIN-WAIT-2': 'its FIN is acknowledged; it can still receive and waits for the other side’s FIN',
  'CLOSE-WAIT':
    'the other side’s FIN arrived, so no more data will come; it waits for its own application to close',
  CLOSING: 'both sides sent a FIN at once; it waits for its own FIN to be acknowledged',
  'LAST-ACK': 'it has closed its side too and waits for the ACK of its FIN, the last one',
  'TIME-WAIT':
    'it acknowledged the other side’s FIN and waits 2 MSL (twice the longest a segment may live) so a lost last ACK can be sent again',
};

/** Why a connection is CLOSED, from the state it left. */
function closedMeaning(previous: TcpState | undefined): string {
  switch (previous) {
    case 'LAST-ACK':
      return 'the last ACK arrived, so the connection is gone';
    case 'TIME-WAIT':
      return '2 MSL have passed, so the connection is gone';
    case 'SYN-SENT':
    case 'SYN-RECEIVED':
      return 'the connection was never established';
    default:
      return 'the connection is gone';
  }
}

/** `ETIMEDOUT, the peer did not answer in time`. */
function errno(code: string): string {
  const meaning = SOCKET_ERROR_TEXT[code as SocketErrorCode] as string | undefined;
  return meaning ? `${code}, ${meaning}` : code;
}

/** The sentence for a TCP record (or a TCP app's), or undefined for other records. */
export function tcpSentence(record: TraceRecord, ctx: TcpContext): Said | undefined {
  const { names } = ctx;
  switch (record.type) {
    case 'socket.state':
      return { kind: 'socket', text: socketState(record, ctx) };
    case 'tcp.retransmit':
      return { kind: 'timeout', text: retransmit(record, ctx) };
    case 'tcp.refused':
      return {
        kind: 'error',
        text: ctx.listening.has(`${record.node} ${record.port}`)
          ? `${names.title(record.node)} has no connection for packet #${record.pkt} to TCP port ${record.port}: it answers with RST.`
          : `Nobody listens on TCP port ${record.port} at ${names.name(record.node)}: it answers packet #${record.pkt} with RST.`,
      };
    case 'tcp.synDropped': {
      const backlog = `${record.backlog} ${record.backlog === 1 ? 'connection' : 'connections'}`;
      return {
        kind: 'loss',
        text: `${names.title(record.node)} drops the SYN in packet #${record.pkt}: the backlog of its listener on TCP port ${record.port} (${backlog}) is full; the client will try again when its timer runs out.`,
      };
    }
    case 'tcp.cwnd':
      return congestionSentence(record, ctx);
    case 'tcp.rto':
      return timerSentence(record, ctx);
    case 'socket.error':
      return record.protocol === 'tcp'
        ? { kind: 'error', text: socketError(record, ctx) }
        : undefined;
    default:
      return undefined;
  }
}

function socketState(record: TraceRecord<'socket.state'>, ctx: TcpContext): string {
  const { node, conn, state } = record;
  const who = ctx.names.title(node);
  if (!conn.includes('>')) {
    const port = conn.slice(conn.lastIndexOf(':') + 1);
    if (state === 'LISTEN') {
      ctx.listening.add(`${node} ${port}`);
      return `${who} listens on TCP port ${port} (LISTEN): it waits for clients to connect.`;
    }
    ctx.listening.delete(`${node} ${port}`);
    return `${who} stops listening on TCP port ${port} (${state}).`;
  }
  const k = key(node, conn);
  const previous = ctx.states.get(k);
  ctx.states.set(k, state);
  if (state === 'ESTABLISHED') ctx.established.add(k);
  const theConnection = `${who}’s ${connection(ctx, node, conn)}`;
  if (state === 'CLOSED') return `${theConnection} is now CLOSED: ${closedMeaning(previous)}.`;
  if (state === 'LISTEN') return `${theConnection} enters LISTEN.`;
  return `${theConnection} enters ${state}: ${STATE_MEANING[state]}.`;
}

function retransmit(record: TraceRecord<'tcp.retransmit'>, ctx: TcpContext): string {
  const { node, conn, seq, bytes, reason } = record;
  const k = key(node, conn);
  const sends = `${ctx.names.title(node)} sends`;
  const again = `again${on(ctx, node, conn)}`;
  // The timer's own retransmission comes with its backoff; the segments after it, at later
  // instants, are the rest of what was outstanding, sent again as the window opens.
  const timerRanOut = ctx.backoffAt.get(k) === record.t;
  const goesBack = 'after the timeout it goes back and resends what was sent but not acknowledged';
  if (bytes === 0) {
    const state = ctx.states.get(k);
    if (state === 'SYN-SENT')
      return `${sends} its SYN ${again}: no SYN-ACK came before the retransmission timer ran out.`;
    if (state === 'SYN-RECEIVED')
      return `${sends} its SYN-ACK ${again}: no ACK came before the retransmission timer ran out.`;
    if (reason === 'fastRetransmit')
      return `${sends} its FIN ${again}: three duplicate ACKs said it was lost (fast retransmit).`;
    if (reason === 'partialAck')
      return `${sends} its FIN ${again}: a partial ACK said it was lost too (NewReno fast recovery).`;
    if (reason === 'sackRecovery')
      return `${sends} its FIN ${again}: the receiver’s SACK blocks showed it missing (SACK loss recovery).`;
    return timerRanOut
      ? `${sends} its FIN ${again}: no ACK of it came before the retransmission timer ran out.`
      : `${sends} its FIN ${again}: ${goesBack}.`;
  }
  const what = `${sends} ${bytes} ${bytes === 1 ? 'byte' : 'bytes'} at seq ${seq} ${again}`;
  if (reason === 'fastRetransmit')
    return `${what}: three duplicate ACKs said they were lost (fast retransmit).`;
  if (reason === 'partialAck')
    return `${what}: a partial ACK said they were lost too (NewReno fast recovery).`;
  if (reason === 'sackRecovery')
    return `${what}: the receiver’s SACK blocks showed them missing (SACK loss recovery, RFC 6675).`;
  return timerRanOut
    ? `${what}: no ACK came before the retransmission timer ran out.`
    : `${what}: ${goesBack}.`;
}

function socketError(record: TraceRecord<'socket.error'>, ctx: TcpContext): string {
  const { node, socket, op, error } = record;
  const who = ctx.names.title(node);
  if (op === 'listen') {
    const port = socket.slice(socket.lastIndexOf(':') + 1);
    return `${who} cannot listen on TCP port ${port}: ${errno(error)}.`;
  }
  if (!socket.includes('>')) {
    return op === 'connect'
      ? `${who} cannot connect to ${ctx.names.endpoint(socket)}: ${errno(error)}.`
      : `${who}: ${op} on TCP socket “${socket}” fails with ${errno(error)}.`;
  }
  if ((op === 'connection' || op === 'connect') && !ctx.established.has(key(node, socket)))
    return `${who} cannot connect to ${ctx.names.endpoint(peerOf(socket))}: ${errno(error)}.`;
  if (op === 'connection')
    return `${who}’s ${connection(ctx, node, socket)} fails: ${errno(error)}.`;
  return `${who}: ${op} on its ${connection(ctx, node, socket)} fails: ${errno(error)}.`;
}
