// The overload settings as a document gives them: a retry's defaults (AWS SDKs' standard mode) and
// a cap no shorter than its base, said in English and German; a rate limit's defaults and the two
// statuses it may answer with, in a whole scenario too.
import { describe, expect, it } from 'vitest';
import { spoken } from '../schema/phrase.ts';
import type { ValidationIssue } from '../schema/schema.ts';
import { validateScenario } from './validateScenario.ts';
import { rateLimitSchema, rateLimitSettings, retryPolicy, retrySchema } from './overloadSchemas.ts';

const parse = <T>(
  schema: { parse(v: unknown, p: string, i: ValidationIssue[]): T },
  v: unknown,
) => {
  const issues: ValidationIssue[] = [];
  return { value: schema.parse(v, '$.retry', issues), issues };
};

describe('retry', () => {
  it('fills in 3 tries, 100 ms, 20 s and full jitter', () => {
    expect(retryPolicy(parse(retrySchema, {}).value!)).toEqual({
      attempts: 3,
      base: 100_000_000,
      cap: 20_000_000_000,
      jitter: 'full',
    });
    expect(retryPolicy(parse(retrySchema, { attempts: 1, jitter: 'none' }).value!)).toMatchObject({
      attempts: 1,
      jitter: 'none',
    });
  });

  it('refuses a cap shorter than the base, the default cap counted', () => {
    const { value, issues } = parse(retrySchema, { base: '30s' });
    expect(value).toBeUndefined();
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['$.retry.cap', 'cap 20 s is shorter than base 30 s: expected base <= cap'],
    ]);
    expect(spoken(issues[0]!, 'de')).toBe(
      'cap 20 s ist kürzer als base 30 s: erwartet: base <= cap',
    );
    expect(parse(retrySchema, { base: '1s', cap: '1s' }).issues).toEqual([]);
    expect(parse(retrySchema, { attempts: 0, jitter: 'some' }).issues).toHaveLength(2);
  });
});

describe('rateLimit', () => {
  it('fills in a bucket of 1 per client address, answered 503, and no Retry-After', () => {
    expect(rateLimitSettings(parse(rateLimitSchema, { rate: 2 }).value!)).toEqual({
      rate: 2,
      burst: 1,
      key: 'client',
      status: 503,
    });
    expect(
      rateLimitSettings(
        parse(rateLimitSchema, { rate: 0.5, burst: 10, key: 'all', status: 429, retryAfter: 3 })
          .value!,
      ),
    ).toEqual({ rate: 0.5, burst: 10, key: 'all', status: 429, retryAfter: 3 });
  });

  it('answers only 503 or 429, and needs a rate', () => {
    expect(parse(rateLimitSchema, { rate: 1, status: 500 }).issues.map((i) => i.message)).toEqual([
      'expected one of 503, 429, got a number (500)',
    ]);
    expect(parse(rateLimitSchema, { burst: 2 }).issues).toHaveLength(1);
    expect(parse(rateLimitSchema, { rate: 0, burst: 0 }).issues).toHaveLength(2);
  });

  it('is refused on a client and a retry on a server, by the kinds’ schemas', () => {
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'x',
      until: '1s',
      nodes: [
        {
          id: 'a',
          role: 'client',
          interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
          apps: [{ type: 'httpClient', server: 'b', rateLimit: { rate: 1 } }],
        },
        {
          id: 'b',
          role: 'server',
          interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
          apps: [{ type: 'service', retry: {} }],
        },
      ],
      links: [{ id: 'l', a: 'a', b: 'b', latency: '1ms' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      '$.nodes[0].apps[0].rateLimit',
      '$.nodes[1].apps[0].retry',
    ]);
  });
});
