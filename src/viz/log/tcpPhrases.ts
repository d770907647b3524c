// The event log's TCP sentences (narrateTcp.ts, narrateTcpContext.ts, narrateCongestion.ts):
// connection states with what they mean (RFC 9293), retransmissions, refused connections,
// dropped SYNs and SYN cookies (RFC 4987), socket errors, the congestion window (RFC 5681, 6582) and the retransmission
// timer (RFC 6298). German in tcpPhrases.de.ts.

import { Phrasebook } from '../../engine/language.ts';
import { TCP_DE } from './tcpPhrases.de.ts';

export const TCP_EN = {
  connection: 'connection to {peer}',
  'connection.fromPort': 'connection from port {port} to {peer}',
  onIts: ' on its {connection}',
  'meaning.SYN-SENT': 'it has sent a SYN and waits for a SYN-ACK',
  'meaning.SYN-RECEIVED':
    'it got a SYN, answered with a SYN-ACK, and waits for the ACK that completes the handshake',
  'meaning.ESTABLISHED': 'the handshake is complete, so both sides can now send data',
  'meaning.FIN-WAIT-1':
    'it has closed its side (a FIN follows any data still queued) and waits for the FIN to be acknowledged',
  'meaning.FIN-WAIT-2':
    'its FIN is acknowledged; it can still receive and waits for the other side’s FIN',
  'meaning.CLOSE-WAIT':
    'the other side’s FIN arrived, so no more data will come; it waits for its own application to close',
  'meaning.CLOSING': 'both sides sent a FIN at once; it waits for its own FIN to be acknowledged',
  'meaning.LAST-ACK': 'it has closed its side too and waits for the ACK of its FIN, the last one',
  'meaning.TIME-WAIT':
    'it acknowledged the other side’s FIN and waits 2 MSL (twice the longest a segment may live) so a lost last ACK can be sent again',
  'closed.LAST-ACK': 'the last ACK arrived, so the connection is gone',
  'closed.TIME-WAIT': '2 MSL have passed, so the connection is gone',
  'closed.never': 'the connection was never established',
  closed: 'the connection is gone',
  'state.enters': '{who}’s {connection} enters {state}: {meaning}.',
  'state.closed': '{who}’s {connection} is now CLOSED: {meaning}.',
  'state.listen': '{who}’s {connection} enters LISTEN.',
  listens: '{who} listens on TCP port {port} (LISTEN): it waits for clients to connect.',
  stopsListening: '{who} stops listening on TCP port {port} ({state}).',
  'refused.noConnection':
    '{who} has no connection for packet #{pkt} to TCP port {port}: it answers with RST.',
  'refused.nobody':
    'Nobody listens on TCP port {port} at {node}: it answers packet #{pkt} with RST.',
  'count.connections': { one: '{count} connection', other: '{count} connections' },
  synDropped:
    '{who} drops the SYN in packet #{pkt}: the backlog of its listener on TCP port {port} ({backlog}) is full; the client will try again when its timer runs out.',
  synQueueFull:
    '{who} drops the SYN in packet #{pkt}: its SYN queue on TCP port {port} already holds {count} half-open connections (SYN-RECEIVED), its limit, and SYN cookies are off.',
  synCookie:
    '{who} answers the SYN in packet #{pkt} with a SYN cookie, as its queue on TCP port {port} is full: a SYN-ACK whose sequence number {cookie} encodes the connection (MSS {mss}), and it keeps nothing.',
  cookieAck:
    '{who} gets a valid SYN cookie back in packet #{pkt} (its ACK number minus one), so it makes the {connection} now (MSS {mss}; window scaling, SACK and timestamps are lost).',
  cookieDropped:
    '{who} finds a valid SYN cookie in packet #{pkt}, but the accept queue on TCP port {port} already holds {backlog}: it drops the segment.',
  'count.bytes': { one: '{count} byte', other: '{count} bytes' },
  'again.syn':
    '{who} sends its SYN again{on}: no SYN-ACK came before the retransmission timer ran out.',
  'again.synAck':
    '{who} sends its SYN-ACK again{on}: no ACK came before the retransmission timer ran out.',
  'again.fin.fast':
    '{who} sends its FIN again{on}: three duplicate ACKs said it was lost (fast retransmit).',
  'again.fin.partial':
    '{who} sends its FIN again{on}: a partial ACK said it was lost too (NewReno fast recovery).',
  'again.fin.sack':
    '{who} sends its FIN again{on}: the receiver’s SACK blocks showed it missing (SACK loss recovery).',
  'again.fin.pathMtu':
    '{who} sends its FIN again{on}, in a smaller segment: the path cannot carry the size it had.',
  'again.fin.timer':
    '{who} sends its FIN again{on}: no ACK of it came before the retransmission timer ran out.',
  'again.fin.goBack':
    '{who} sends its FIN again{on}: after the timeout it goes back and resends what was sent but not acknowledged.',
  'again.data.fast':
    '{who} sends {bytes} at seq {seq} again{on}: three duplicate ACKs said they were lost (fast retransmit).',
  'again.data.partial':
    '{who} sends {bytes} at seq {seq} again{on}: a partial ACK said they were lost too (NewReno fast recovery).',
  'again.data.sack':
    '{who} sends {bytes} at seq {seq} again{on}: the receiver’s SACK blocks showed them missing (SACK loss recovery, RFC 6675).',
  'again.data.pathMtu':
    '{who} sends {bytes} at seq {seq} again{on}, in a smaller segment that fits the path MTU.',
  'again.data.timer':
    '{who} sends {bytes} at seq {seq} again{on}: no ACK came before the retransmission timer ran out.',
  'again.data.goBack':
    '{who} sends {bytes} at seq {seq} again{on}: after the timeout it goes back and resends what was sent but not acknowledged.',
  pathMtu:
    '{who} learns{on} that its path carries packets of at most {mtu} bytes (RFC 1191): from now on each segment carries at most {mss} of data, and what was in flight goes again at once, smaller, with the congestion window as it was.',
  errno: '{code}, {meaning}',
  'error.listen': '{who} cannot listen on TCP port {port}: {error}.',
  'error.connect': '{who} cannot connect to {peer}: {error}.',
  'error.socket': '{who}: {op} on TCP socket “{socket}” fails with {error}.',
  'error.connection': '{who}’s {connection} fails: {error}.',
  'error.onConnection': '{who}: {op} on its {connection} fails: {error}.',
  'window.bytes': '{to} bytes',
  'window.change': '{from} → {to} bytes',
  'half.floor': '2 segments, its floor',
  'half.flight': 'half the data in flight',
  'cwnd.timeout':
    '{who}’s congestion window collapses to 1 MSS{on}, {window}, and slow start begins again; slow-start threshold {threshold}.',
  'cwnd.fastRetransmit':
    '{who} halves its slow-start threshold after three duplicate ACKs{on}: {threshold}; congestion window {window} (threshold + 3 segments) for fast recovery.',
  'cwnd.sackRecovery':
    '{who} starts SACK loss recovery{on}: the receiver’s SACK blocks show data missing, so its slow-start threshold becomes half the data in flight, {threshold}, and its congestion window the same, {window}; it resends the holes the blocks show as far as what it has in flight allows.',
  'cwnd.partialAck':
    '{who} gets a partial ACK{on}: it acknowledges new data but not all that was sent before the loss, so the next segment was lost too. NewReno resends it at once and stays in fast recovery; congestion window {window} (less the data acknowledged, plus 1 segment).',
  'cwnd.lossRecoveryExit':
    '{who} leaves loss recovery{on}: everything sent before the loss is acknowledged; its congestion window stays at the slow-start threshold, {cwnd} bytes, and grows slowly from there.',
  'cwnd.recoveryExit':
    '{who} leaves fast recovery{on}: new data is acknowledged, so its congestion window deflates {window}, the slow-start threshold, and grows slowly from there.',
  'cwnd.growsTo': '{who}’s congestion window grows to {cwnd} bytes ({cause}){on}.',
  'cwnd.grows': '{who}’s congestion window {window} ({cause}){on}.',
  'growth.slowStart': 'slow start',
  'growth.congestionAvoidance': 'congestion avoidance',
  'growth.recoveryInflate': 'fast recovery: one more duplicate ACK',
  'rto.doubles':
    '{who}’s retransmission timer runs out{on}: it doubles the timeout to {rto} (exponential backoff).',
  'rto.maximum':
    '{who}’s retransmission timer runs out{on}: it backs the timeout off to {rto}, its maximum.',
  'rto.sample': '{who} measures a round trip{on}: RTO {rto}{estimates}.',
} as const;

export const tcpPhrases = new Phrasebook(TCP_EN, { de: TCP_DE });
