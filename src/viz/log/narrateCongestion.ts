// Sentences for TCP's congestion window (RFC 5681, NewReno's RFC 6582) and retransmission timer
// (RFC 6298): the growth that comes with every ACK is a detail; a timeout, fast retransmit, a
// partial ACK and the end of fast recovery are shown by default.

import { formatDuration } from '../../engine/time.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import type { Said } from './narratePackets.ts';
import { key, on, type TcpContext } from './narrateTcpContext.ts';
import { formatCount } from '../../engine/language.ts';
import { tcpPhrases } from './tcpPhrases.ts';

/** Congestion-window growth that comes with every ACK: a detail, hidden by default. */
const GROWTH = {
  slowStart: 'growth.slowStart',
  congestionAvoidance: 'growth.congestionAvoidance',
  recoveryInflate: 'growth.recoveryInflate',
} as const;

/** The sentence for a change of the congestion window or slow-start threshold. */
export function congestionSentence(record: TraceRecord<'tcp.cwnd'>, ctx: TcpContext): Said {
  const { node, conn, cwnd, ssthresh, cause } = record;
  const { language } = ctx;
  const { say } = tcpPhrases.in(language);
  const k = key(node, conn);
  const before = ctx.windows.get(k);
  ctx.windows.set(k, { cwnd, ssthresh });
  const who = ctx.names.title(node);
  const onIt = on(ctx, node, conn);
  const change = (from: number | undefined, to: number): string =>
    from === undefined || from === to
      ? say('window.bytes', { to: formatCount(to, language) })
      : say('window.change', { from: formatCount(from, language), to: formatCount(to, language) });
  // ssthresh = max(FlightSize / 2, 2 SMSS); cwnd is 1 SMSS after a timeout, ssthresh + 3 SMSS
  // after three duplicate ACKs, which tells SMSS and so whether the floor was hit.
  const smss = cause === 'timeout' ? cwnd : (cwnd - ssthresh) / 3;
  const half = say(ssthresh === 2 * smss ? 'half.floor' : 'half.flight');
  const threshold =
    before?.ssthresh === ssthresh
      ? say('window.bytes', { to: formatCount(ssthresh, language) })
      : `${change(before?.ssthresh, ssthresh)} (${half})`;
  const window = change(before?.cwnd, cwnd);
  switch (cause) {
    case 'timeout':
      return {
        kind: 'congestion',
        text: say('cwnd.timeout', { who, on: onIt, window, threshold }),
      };
    case 'fastRetransmit':
      return {
        kind: 'congestion',
        text: say('cwnd.fastRetransmit', { who, on: onIt, window, threshold }),
      };
    case 'sackRecovery':
      return {
        kind: 'congestion',
        text: say('cwnd.sackRecovery', {
          who,
          on: onIt,
          threshold: change(before?.ssthresh, ssthresh),
          window,
        }),
      };
    case 'partialAck':
      return { kind: 'congestion', text: say('cwnd.partialAck', { who, on: onIt, window }) };
    case 'recoveryExit':
      if (before?.cwnd === cwnd)
        return {
          kind: 'congestion',
          text: say('cwnd.lossRecoveryExit', { who, on: onIt, cwnd: formatCount(cwnd, language) }),
        };
      return { kind: 'congestion', text: say('cwnd.recoveryExit', { who, on: onIt, window }) };
    default: {
      const growth = GROWTH[cause as keyof typeof GROWTH] as
        (typeof GROWTH)[keyof typeof GROWTH] | undefined;
      const named = growth === undefined ? cause : say(growth);
      return {
        kind: 'detail',
        text:
          before === undefined
            ? say('cwnd.growsTo', {
                who,
                on: onIt,
                cwnd: formatCount(cwnd, language),
                cause: named,
              })
            : say('cwnd.grows', { who, on: onIt, window, cause: named }),
      };
    }
  }
}

/** The sentence for a new retransmission timeout: an RTT sample, or a backoff. */
export function timerSentence(record: TraceRecord<'tcp.rto'>, ctx: TcpContext): Said {
  const { node, conn, rto, srtt, rttvar, cause } = record;
  const { language } = ctx;
  const { say } = tcpPhrases.in(language);
  const k = key(node, conn);
  const before = ctx.rtos.get(k);
  ctx.rtos.set(k, rto);
  const who = ctx.names.title(node);
  const onIt = on(ctx, node, conn);
  const time = (ns: number) => formatDuration(ns, language);
  if (cause === 'backoff') {
    ctx.backoffAt.set(k, record.t);
    const doubles = before === undefined || rto === 2 * before;
    return {
      kind: 'timeout',
      text: say(doubles ? 'rto.doubles' : 'rto.maximum', { who, on: onIt, rto: time(rto) }),
    };
  }
  const estimates =
    srtt === null || rttvar === null ? '' : ` (SRTT ${time(srtt)}, RTTVAR ${time(rttvar)})`;
  return {
    kind: 'detail',
    text: say('rto.sample', { who, on: onIt, rto: time(rto), estimates }),
  };
}
