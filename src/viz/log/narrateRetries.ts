// Sentences for client-side retries (web and service clients with a `retry` setting): a try that
// failed and the wait before the next, a request given up, a request answered after retrying.
// "Room A's http user u3: request 7 for /api/status failed (503 Service Unavailable); it tries
// again in 212 ms, try 2 of 6."

import { ENGLISH, formatCount, type Language } from '../../engine/language.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import { formatMoment } from '../../engine/time.ts';
import '../../machines/retry/retryTrace.ts';
import { STATUS_REASON } from '../../net/app/http/httpMessage.ts';
import type { NetworkNames } from '../names/networkNames.ts';
import type { Said } from './narratePackets.ts';
import { userName } from './narrateUsers.ts';
import { serverPhrases } from './serverPhrases.ts';

/** A retry's reason: an HTTP status with its reason phrase (`503 Service Unavailable`), else as it is. */
function reasonText(reason: string): string {
  const phrase = /^\d{3}$/.test(reason) ? STATUS_REASON[Number(reason)] : undefined;
  return phrase ? `${reason} ${phrase}` : reason;
}

/** The sentence of a client.retry, client.giveUp or client.recovered record, or null for others. */
export function retrySentence(
  record: TraceRecord,
  names: NetworkNames,
  language: Language = ENGLISH,
): Said | null {
  const { say } = serverPhrases.in(language);
  if (
    record.type !== 'client.retry' &&
    record.type !== 'client.giveUp' &&
    record.type !== 'client.recovered'
  )
    return null;
  const who = { node: names.name(record.node), user: userName(record.app, language) };
  switch (record.type) {
    case 'client.retry': {
      const asked = record.retryAfter !== null && record.delay === record.retryAfter;
      return {
        kind: 'error',
        text: say(asked ? 'retry.waitAsked' : 'retry.wait', {
          ...who,
          req: String(record.req),
          target: record.target,
          reason: reasonText(record.reason),
          delay: formatMoment(record.delay, language),
          attempt: formatCount(record.attempt, language),
          attempts: formatCount(record.attempts, language),
        }),
      };
    }
    case 'client.giveUp':
      return {
        kind: 'error',
        text: say('retry.giveUp', {
          ...who,
          target: record.target,
          attempts: formatCount(record.attempts, language),
          reason: reasonText(record.reason),
        }),
      };
    case 'client.recovered':
      return {
        kind: 'reply',
        text: say('retry.recovered', {
          ...who,
          target: record.target,
          attempt: formatCount(record.attempt, language),
        }),
      };
  }
}
