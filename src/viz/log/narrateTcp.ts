// Sentences for TCP's trace records: each connection state with what it means (RFC 9293),
// retransmissions, refused connections, dropped SYNs and SYN cookies, and TCP socket errors. The congestion
// window and the timer are in narrateCongestion.ts.

import type { TraceRecord } from '../../engine/trace.ts';
import type { TcpState } from '../../machines/tcp/tcpConnectionMachine.ts';
import type { Said } from './narratePackets.ts';
import { congestionSentence, timerSentence } from './narrateCongestion.ts';
import { connection, key, on, peerOf, type TcpContext } from './narrateTcpContext.ts';
import { errnoMeaning } from './sentenceParts.ts';
import { formatCount } from '../../engine/language.ts';
import { tcpPhrases } from './tcpPhrases.ts';

export { tcpContext, type TcpContext } from './narrateTcpContext.ts';

/** The states whose entry is told with what it means (RFC 9293, section 3.3.2). */
type Meaningful = Exclude<TcpState, 'LISTEN' | 'CLOSED'>;

/** Why a connection is CLOSED, from the state it left. */
function closedMeaning(previous: TcpState | undefined, ctx: TcpContext): string {
  const { say } = tcpPhrases.in(ctx.language);
  switch (previous) {
    case 'LAST-ACK':
      return say('closed.LAST-ACK');
    case 'TIME-WAIT':
      return say('closed.TIME-WAIT');
    case 'SYN-SENT':
    case 'SYN-RECEIVED':
      return say('closed.never');
    default:
      return say('closed');
  }
}

/** `ETIMEDOUT, the peer did not answer in time`. */
function errno(code: string, ctx: TcpContext): string {
  const meaning = errnoMeaning(code, ctx.language);
  return meaning ? tcpPhrases.in(ctx.language).say('errno', { code, meaning }) : code;
}

/** The sentence for a TCP record (or a TCP app's), or undefined for other records. */
export function tcpSentence(record: TraceRecord, ctx: TcpContext): Said | undefined {
  const { names } = ctx;
  const { say } = tcpPhrases.in(ctx.language);
  switch (record.type) {
    case 'socket.state':
      return { kind: 'socket', text: socketState(record, ctx) };
    case 'tcp.retransmit':
      return { kind: 'timeout', text: retransmit(record, ctx) };
    case 'tcp.refused': {
      const pkt = String(record.pkt);
      const port = String(record.port);
      return {
        kind: 'error',
        text: ctx.listening.has(`${record.node} ${record.port}`)
          ? say('refused.noConnection', { who: names.title(record.node), pkt, port })
          : say('refused.nobody', { node: names.name(record.node), pkt, port }),
      };
    }
    case 'tcp.synDropped':
      return {
        kind: 'loss',
        text: say('synDropped', {
          who: names.title(record.node),
          pkt: String(record.pkt),
          port: String(record.port),
          backlog: say('count.connections', { count: formatCount(record.backlog, ctx.language) }),
        }),
      };
    case 'tcp.synQueueFull':
      return {
        kind: 'loss',
        text: say('synQueueFull', {
          who: names.title(record.node),
          pkt: String(record.pkt),
          port: String(record.port),
          count: formatCount(record.synBacklog, ctx.language),
        }),
      };
    case 'tcp.synCookie':
      return {
        kind: 'send',
        text: say('synCookie', {
          who: names.title(record.node),
          pkt: String(record.pkt),
          port: String(record.port),
          cookie: String(record.cookie),
          mss: String(record.mss),
        }),
      };
    case 'tcp.cookieAck':
      return {
        kind: 'socket',
        text: say('cookieAck', {
          who: names.title(record.node),
          pkt: String(record.pkt),
          connection: connection(ctx, record.node, record.conn),
          mss: String(record.mss),
        }),
      };
    case 'tcp.cookieDropped':
      return {
        kind: 'loss',
        text: say('cookieDropped', {
          who: names.title(record.node),
          pkt: String(record.pkt),
          port: String(record.port),
          backlog: say('count.connections', { count: formatCount(record.backlog, ctx.language) }),
        }),
      };
    case 'tcp.cwnd':
      return congestionSentence(record, ctx);
    case 'tcp.pathMtu':
      return {
        kind: 'congestion',
        text: say('pathMtu', {
          who: names.title(record.node),
          on: on(ctx, record.node, record.conn),
          mtu: formatCount(record.mtu, ctx.language),
          mss: say('count.bytes', { count: formatCount(record.mss, ctx.language) }),
        }),
      };
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
  const { say } = tcpPhrases.in(ctx.language);
  const who = ctx.names.title(node);
  if (!conn.includes('>')) {
    const port = conn.slice(conn.lastIndexOf(':') + 1);
    if (state === 'LISTEN') {
      ctx.listening.add(`${node} ${port}`);
      return say('listens', { who, port });
    }
    ctx.listening.delete(`${node} ${port}`);
    return say('stopsListening', { who, port, state });
  }
  const k = key(node, conn);
  const previous = ctx.states.get(k);
  ctx.states.set(k, state);
  if (state === 'ESTABLISHED') ctx.established.add(k);
  const theConnection = connection(ctx, node, conn);
  if (state === 'CLOSED')
    return say('state.closed', {
      who,
      connection: theConnection,
      meaning: closedMeaning(previous, ctx),
    });
  if (state === 'LISTEN') return say('state.listen', { who, connection: theConnection });
  return say('state.enters', {
    who,
    connection: theConnection,
    state,
    meaning: say(`meaning.${state as Meaningful}`),
  });
}

function retransmit(record: TraceRecord<'tcp.retransmit'>, ctx: TcpContext): string {
  const { node, conn, seq, bytes, reason } = record;
  const { say } = tcpPhrases.in(ctx.language);
  const k = key(node, conn);
  const who = ctx.names.title(node);
  const onIt = on(ctx, node, conn);
  // The timer's own retransmission comes with its backoff; the segments after it, at later
  // instants, are the rest of what was outstanding, sent again as the window opens.
  const timerRanOut = ctx.backoffAt.get(k) === record.t;
  if (bytes === 0) {
    const state = ctx.states.get(k);
    const fin = { who, on: onIt };
    if (state === 'SYN-SENT') return say('again.syn', fin);
    if (state === 'SYN-RECEIVED') return say('again.synAck', fin);
    if (reason === 'fastRetransmit') return say('again.fin.fast', fin);
    if (reason === 'partialAck') return say('again.fin.partial', fin);
    if (reason === 'sackRecovery') return say('again.fin.sack', fin);
    if (reason === 'pathMtu') return say('again.fin.pathMtu', fin);
    return say(timerRanOut ? 'again.fin.timer' : 'again.fin.goBack', fin);
  }
  const data = {
    who,
    on: onIt,
    seq: String(seq),
    bytes: say('count.bytes', { count: formatCount(bytes, ctx.language) }),
  };
  if (reason === 'fastRetransmit') return say('again.data.fast', data);
  if (reason === 'partialAck') return say('again.data.partial', data);
  if (reason === 'sackRecovery') return say('again.data.sack', data);
  if (reason === 'pathMtu') return say('again.data.pathMtu', data);
  return say(timerRanOut ? 'again.data.timer' : 'again.data.goBack', data);
}

function socketError(record: TraceRecord<'socket.error'>, ctx: TcpContext): string {
  const { node, socket, op, error } = record;
  const { say } = tcpPhrases.in(ctx.language);
  const who = ctx.names.title(node);
  const why = errno(error, ctx);
  if (op === 'listen') {
    const port = socket.slice(socket.lastIndexOf(':') + 1);
    return say('error.listen', { who, port, error: why });
  }
  if (!socket.includes('>')) {
    return op === 'connect'
      ? say('error.connect', { who, peer: ctx.names.endpoint(socket), error: why })
      : say('error.socket', { who, op, socket, error: why });
  }
  if ((op === 'connection' || op === 'connect') && !ctx.established.has(key(node, socket)))
    return say('error.connect', { who, peer: ctx.names.endpoint(peerOf(socket)), error: why });
  const theConnection = connection(ctx, node, socket);
  if (op === 'connection')
    return say('error.connection', { who, connection: theConnection, error: why });
  return say('error.onConnection', { who, op, connection: theConnection, error: why });
}
