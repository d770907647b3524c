// Which outcomes of an HTTP request a client with a `retry` setting tries again (as AWS's SDKs
// do): 503 Service Unavailable and 429 Too Many Requests always (the server says it did not do
// the work; a Retry-After in seconds is the least wait), 500, 502 and 504 for idempotent methods
// (RFC 9110 section 9.2.2: sending them twice does no harm), and a connection that failed
// (refused, reset, timed out) when the request never left or is idempotent. A POST lost in flight
// is not sent again: the server may have done it. A malformed response or a TLS failure stands.

import { header } from '../../net/app/http/httpMessage.ts';
import { retryAfterNs } from '../../machines/retry/backoff.ts';
import type { TryVerdict } from '../../machines/retry/retrier.ts';
import { IDEMPOTENT } from './httpAgent.ts';
import type { HttpOutcome } from './httpClientConnection.ts';

/** Statuses a client tries again whatever the method: the server did not take the request. */
const REFUSED = new Set([429, 503]);
/** Statuses a client tries again for idempotent methods. */
const SERVER_ERRORS = new Set([500, 502, 504]);

/** What a retrying client makes of an outcome of `method`. */
export function judgeHttp(method: string, outcome: HttpOutcome): TryVerdict {
  const idempotent = IDEMPOTENT.has(method);
  if (outcome.ok) {
    const status = outcome.response.status;
    if (REFUSED.has(status))
      return {
        req: outcome.req,
        retry: String(status),
        answered: true,
        retryAfter: retryAfterNs(header(outcome.response, 'Retry-After')),
      };
    const retry = SERVER_ERRORS.has(status) && idempotent ? String(status) : null;
    return { req: outcome.req, retry, answered: true };
  }
  const connection = /^E[A-Z]+$/.test(outcome.error);
  const retry = connection && (outcome.unsent || idempotent) ? outcome.error : null;
  return { req: outcome.req, retry, answered: false };
}
