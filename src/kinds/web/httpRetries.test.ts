// Which HTTP outcomes a retrying client tries again: 503 and 429 whatever the method (with the
// Retry-After they carry), 500/502/504 only for idempotent methods, connection failures when the
// request never left or is idempotent, and never a malformed response or a TLS failure.
import { describe, expect, it } from 'vitest';
import { makeResponse } from '../../net/app/http/httpMessage.ts';
import type { HttpOutcome } from './httpClientConnection.ts';
import { judgeHttp } from './httpRetries.ts';

const answer = (status: number, headers: [string, string][] = []): HttpOutcome => ({
  ok: true,
  response: makeResponse(status, headers),
  req: 7,
});
const failure = (error: string, unsent: boolean): HttpOutcome => ({
  ok: false,
  error,
  req: 7,
  unsent,
});
const retryOf = (method: string, outcome: HttpOutcome) => judgeHttp(method, outcome).retry;

describe('what a retrying HTTP client tries again', () => {
  it('503 and 429 for any method, with the wait the server asks for', () => {
    expect(judgeHttp('POST', answer(503, [['Retry-After', '3']]))).toEqual({
      req: 7,
      retry: '503',
      answered: true,
      retryAfter: 3_000_000_000,
    });
    expect(judgeHttp('GET', answer(429))).toEqual({
      req: 7,
      retry: '429',
      answered: true,
      retryAfter: null,
    });
  });

  it('500, 502 and 504 only for idempotent methods; other answers stand', () => {
    for (const status of [500, 502, 504]) {
      expect(retryOf('GET', answer(status))).toBe(String(status));
      expect(retryOf('PUT', answer(status))).toBe(String(status));
      expect(retryOf('POST', answer(status))).toBeNull();
    }
    for (const status of [200, 201, 301, 400, 401, 403, 404, 501])
      expect(judgeHttp('GET', answer(status))).toEqual({ req: 7, retry: null, answered: true });
  });

  it('a failed connection when the request never left, or for an idempotent method', () => {
    expect(retryOf('POST', failure('ECONNREFUSED', true))).toBe('ECONNREFUSED');
    expect(retryOf('GET', failure('ECONNRESET', false))).toBe('ECONNRESET');
    expect(retryOf('DELETE', failure('ETIMEDOUT', false))).toBe('ETIMEDOUT');
    // A POST lost in flight may have been done: not sent twice.
    expect(judgeHttp('POST', failure('ECONNRESET', false))).toEqual({
      req: 7,
      retry: null,
      answered: false,
    });
  });

  it('never a malformed response or a failed TLS handshake', () => {
    expect(retryOf('GET', failure('bad response: no status line', false))).toBeNull();
    expect(retryOf('GET', failure('TLS: certificate expired', true))).toBeNull();
  });
});
