// Sentences for TCP's congestion window (RFC 5681, NewReno's RFC 6582) and retransmission timer
// (RFC 6298): the growth that comes with every ACK is a detail; a timeout, fast retransmit, a
// partial ACK and the end of fast recovery are shown by default.

import { formatDuration } from '../../engine/time.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import type { Said } from './narratePackets.ts';
import { key, on, type TcpContext } from './narrateTcpContext.ts';

/** Congestion-window growth that comes with every ACK: a detail, hidden by default. */
const GROWTH: Record<string, string> = {
  slowStart: 'slow start',
  congestionAvoidance: 'congestion avoidance',
  recoveryInflate: 'fast recovery: one more duplicate ACK',
};

/** The sentence for a change of the congestion window or slow-start threshold. */
export function congestionSentence(record: TraceRecord<'tcp.cwnd'>, ctx: TcpContext): Said {
  const { node, conn, cwnd, ssthresh, cause } = record;
  const k = key(node, conn);
  const before = ctx.windows.get(k);
  ctx.windows.set(k, { cwnd, ssthresh });
  const who = ctx.names.title(node);
  const onIt = on(ctx, node, conn);
  const change = (from: number | undefined, to: number): string =>
    from === undefined || from === to ? `${to} bytes` : `${from} → ${to} bytes`;
  // ssthresh = max(FlightSize / 2, 2 SMSS); cwnd is 1 SMSS after a timeout, ssthresh + 3 SMSS
  // after three duplicate ACKs, which tells SMSS and so whether the floor was hit.
  const smss = cause === 'timeout' ? cwnd : (cwnd - ssthresh) / 3;
  const half = ssthresh === 2 * smss ? '2 segments, its floor' : 'half the data in flight';
  const threshold =
    before?.ssthresh === ssthresh
      ? `${ssthresh} bytes`
      : `${change(before?.ssthresh, ssthresh)} (${half})`;
  switch (cause) {
    case 'timeout':
      return {
        kind: 'congestion',
        text: `${who}’s congestion window collapses to 1 MSS${onIt}, ${change(before?.cwnd, cwnd)}, and slow start begins again; slow-start threshold ${threshold}.`,
      };
    case 'fastRetransmit':
      return {
        kind: 'congestion',
        text: `${who} halves its slow-start threshold after three duplicate ACKs${onIt}: ${threshold}; congestion window ${change(before?.cwnd, cwnd)} (threshold + 3 segments) for fast recovery.`,
      };
    case 'sackRecovery':
      return {
        kind: 'congestion',
        text: `${who} starts SACK loss recovery${onIt}: the receiver’s SACK blocks show data missing, so its slow-start threshold becomes half the data in flight, ${change(before?.ssthresh, ssthresh)}, and its congestion window the same, ${change(before?.cwnd, cwnd)}; it resends the holes the blocks show as far as what it has in flight allows.`,
      };
    case 'partialAck':
      return {
        kind: 'congestion',
        text: `${who} gets a partial ACK${onIt}: it acknowledges new data but not all that was sent before the loss, so the next segment was lost too. NewReno resends it at once and stays in fast recovery; congestion window ${change(before?.cwnd, cwnd)} (less the data acknowledged, plus 1 segment).`,
      };
    case 'recoveryExit':
      if (before?.cwnd === cwnd)
        return {
          kind: 'congestion',
          text: `${who} leaves loss recovery${onIt}: everything sent before the loss is acknowledged; its congestion window stays at the slow-start threshold, ${cwnd} bytes, and grows slowly from there.`,
        };
      return {
        kind: 'congestion',
        text: `${who} leaves fast recovery${onIt}: new data is acknowledged, so its congestion window deflates ${change(before?.cwnd, cwnd)}, the slow-start threshold, and grows slowly from there.`,
      };
    default: {
      const growth = before === undefined ? `grows to ${cwnd} bytes` : change(before.cwnd, cwnd);
      return {
        kind: 'detail',
        text: `${who}’s congestion window ${growth} (${GROWTH[cause] ?? cause})${onIt}.`,
      };
    }
  }
}

/** The sentence for a new retransmission timeout: an RTT sample, or a backoff. */
export function timerSentence(record: TraceRecord<'tcp.rto'>, ctx: TcpContext): Said {
  const { node, conn, rto, srtt, rttvar, cause } = record;
  const k = key(node, conn);
  const before = ctx.rtos.get(k);
  ctx.rtos.set(k, rto);
  const who = ctx.names.title(node);
  if (cause === 'backoff') {
    ctx.backoffAt.set(k, record.t);
    const how =
      before === undefined || rto === 2 * before
        ? `doubles the timeout to ${formatDuration(rto)} (exponential backoff)`
        : `backs the timeout off to ${formatDuration(rto)}, its maximum`;
    return {
      kind: 'timeout',
      text: `${who}’s retransmission timer runs out${on(ctx, node, conn)}: it ${how}.`,
    };
  }
  const estimates =
    srtt === null || rttvar === null
      ? ''
      : ` (SRTT ${formatDuration(srtt)}, RTTVAR ${formatDuration(rttvar)})`;
  return {
    kind: 'detail',
    text: `${who} measures a round trip${on(ctx, node, conn)}: RTO ${formatDuration(rto)}${estimates}.`,
  };
}
