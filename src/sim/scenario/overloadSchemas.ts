// Scenario pieces for overload: a client's `retry` (exponential backoff with jitter, shared by web
// and service clients) and a server's `rateLimit` (a token bucket, shared by web servers and
// services), with their defaults filled in as the machines take them.

import { formatDuration } from '../../engine/time.ts';
import { DEFAULT_RETRY, type RetryPolicy } from '../../machines/retry/backoff.ts';
import type { RateLimitSettings } from '../../machines/server/rateLimit.ts';
import { phrase, phrased } from '../schema/phrase.ts';
import {
  duration,
  expectedIssue,
  number,
  object,
  oneOf,
  type Infer,
  type Schema,
} from '../schema/schema.ts';

const retryFields = object(
  {},
  {
    attempts: number({
      integer: true,
      min: 1,
      max: 100,
      description: 'Most tries of one request, the first included (default 3; 1 never retries).',
    }),
    base: duration({
      min: 1,
      description:
        'Wait before the first retry, before jitter; it doubles each retry (default 100ms).',
    }),
    cap: duration({
      min: 1,
      description: 'No wait is longer than this, before jitter (default 20s).',
    }),
    jitter: oneOf(
      ['none', 'full', 'equal'] as const,
      'Spread of each wait: "full" (default: anywhere from 0 to it), "equal" (half of it plus up to the other half) or "none".',
    ),
  },
  'Try a failed request again after a growing random wait (exponential backoff with jitter): on refused, reset or timed-out connections and on 503 or 429 answers.',
);

/** A client app's `retry` as the scenario gives it. */
export type RetryFields = Infer<typeof retryFields>;

/** `retry`: its fields, and a cap no shorter than the base (defaults counted). */
export const retrySchema: Schema<RetryFields> = {
  parse(value, path, issues) {
    const parsed = retryFields.parse(value, path, issues);
    if (!parsed) return undefined;
    const { base, cap } = retryPolicy(parsed);
    if (cap < base) {
      issues.push(
        phrased(
          `${path}.cap`,
          phrase('retry.capBelowBase', { cap: formatDuration(cap), base: formatDuration(base) }),
        ),
      );
      return undefined;
    }
    return parsed;
  },
  jsonSchema: () => retryFields.jsonSchema(),
};

/** The retry policy of a client's `retry` setting, defaults filled in. */
export function retryPolicy(retry: RetryFields): RetryPolicy {
  return {
    attempts: retry.attempts ?? DEFAULT_RETRY.attempts,
    base: retry.base ?? DEFAULT_RETRY.base,
    cap: retry.cap ?? DEFAULT_RETRY.cap,
    jitter: retry.jitter ?? DEFAULT_RETRY.jitter,
  };
}

const STATUSES = [503, 429] as const;

/** The status of a refused request: 503 or 429. */
const limitStatus: Schema<429 | 503> = {
  parse(value, path, issues) {
    if (value === 503 || value === 429) return value;
    issues.push(expectedIssue(path, phrase('expected.oneOf', { values: '503, 429' }), value));
    return undefined;
  },
  jsonSchema: () => ({
    enum: [...STATUSES],
    description:
      'Status of a refused request: 503 (default, as nginx answers) or 429 Too Many Requests.',
  }),
};

export const rateLimitSchema = object(
  {
    rate: number({
      min: 0.001,
      max: 1_000_000,
      description:
        'Requests per second let through in the long run (the bucket refills at this rate).',
    }),
  },
  {
    burst: number({
      integer: true,
      min: 1,
      max: 1000,
      description:
        'Requests let through at one moment: the bucket size (default 1; nginx burst=N is N+1 here).',
    }),
    key: oneOf(
      ['client', 'all'] as const,
      'One bucket per client address ("client", default) or one for all clients ("all").',
    ),
    status: limitStatus,
    retryAfter: number({
      integer: true,
      min: 0,
      max: 86_400,
      description:
        'Seconds a refused HTTP client is told to wait (a Retry-After header; default none).',
    }),
  },
  'Rate limit (a token bucket, as nginx limit_req with nodelay): requests over it are answered at once with 503 or 429, without work.',
);

/** A server app's `rateLimit` as the scenario gives it. */
export type RateLimitField = Infer<typeof rateLimitSchema>;

/** A server's rate limit, defaults filled in. */
export function rateLimitSettings(limit: RateLimitField): RateLimitSettings {
  return {
    rate: limit.rate,
    burst: limit.burst ?? 1,
    key: limit.key ?? 'client',
    status: limit.status ?? 503,
    ...(limit.retryAfter === undefined ? {} : { retryAfter: limit.retryAfter }),
  };
}
