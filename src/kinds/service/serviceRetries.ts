// Which outcomes of a query a service client with a `retry` setting tries again: the server's
// "busy" (a connection over its limits) and "rate limited" answers, which say it did not run the
// query, and a connection that failed before the query left (refused, or reset while it waited).
// A query lost in flight is not sent again: the server may have run it (an INSERT twice).

import type { TryVerdict } from '../../machines/retry/retrier.ts';
import type { QueryEnd } from './serviceClient.ts';
import { BUSY, RATE_LIMITED } from './serviceProtocol.ts';

/** What a retrying client makes of a query's outcome. */
export function judgeQuery(error: string | null, end: QueryEnd): TryVerdict {
  if (end.replied) {
    const refused = error === BUSY || error === RATE_LIMITED;
    return { req: end.req, retry: refused ? error : null, answered: true };
  }
  return { req: end.req, retry: error !== null && end.unsent ? error : null, answered: false };
}
