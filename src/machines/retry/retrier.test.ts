// One request's tries on simulated time: with no jitter each retry waits base, 2 base, 4 base, ...
// (traced with its try number and delay), the client gives up after its last try, a request
// answered after retrying is traced as recovered, the server's Retry-After is the least wait,
// and jittered waits are the draws of the app's own stream.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { backoffDelay, type RetryPolicy } from './backoff.ts';
import { Retrier, type TryVerdict } from './retrier.ts';

const MS = 1_000_000;

/** Runs one request whose tries fail `failures` times (then succeed), each try taking 1 ms. */
function run(
  policy: RetryPolicy,
  failures: number,
  verdictOf: (n: number) => Partial<TryVerdict> = () => ({}),
) {
  const sim = new Simulator({ seed: 3 });
  const retrier = new Retrier(
    sim,
    'pc',
    'http/u1',
    sim.random.stream('node:pc/http/retry'),
    policy,
  );
  const tries: number[] = [];
  let outcome: number | undefined;
  retrier.run<number>(
    '/a',
    (n, done) => {
      tries.push(sim.now());
      sim.schedule(MS, () => done(n));
    },
    (n) => ({
      req: 10 + n,
      retry: n <= failures ? '503' : null,
      answered: true,
      ...verdictOf(n),
    }),
    (n) => (outcome = n),
  );
  sim.run();
  return { sim, tries, outcome, records: sim.trace.records };
}

const none: RetryPolicy = { attempts: 5, base: 100 * MS, cap: 300 * MS, jitter: 'none' };

describe('a retrier', () => {
  it('waits base, 2 base, then the cap between tries without jitter, and traces each retry', () => {
    const { tries, outcome, records } = run(none, 3);
    // Tries at 0; 1 + 100 = 101; 102 + 200 = 302; 303 + 300 = 603 ms (a try takes 1 ms to fail).
    expect(tries).toEqual([0, 101, 302, 603].map((ms) => ms * MS));
    expect(outcome).toBe(4);
    expect(records.filter((r) => r.type === 'client.retry')).toEqual([
      {
        t: 1 * MS,
        type: 'client.retry',
        node: 'pc',
        app: 'http/u1',
        req: 11,
        target: '/a',
        attempt: 2,
        attempts: 5,
        delay: 100 * MS,
        retryAfter: null,
        reason: '503',
      },
      {
        t: 102 * MS,
        type: 'client.retry',
        node: 'pc',
        app: 'http/u1',
        req: 12,
        target: '/a',
        attempt: 3,
        attempts: 5,
        delay: 200 * MS,
        retryAfter: null,
        reason: '503',
      },
      {
        t: 303 * MS,
        type: 'client.retry',
        node: 'pc',
        app: 'http/u1',
        req: 13,
        target: '/a',
        attempt: 4,
        attempts: 5,
        delay: 300 * MS,
        retryAfter: null,
        reason: '503',
      },
    ]);
    expect(records.filter((r) => r.type === 'client.recovered')).toEqual([
      {
        t: 604 * MS,
        type: 'client.recovered',
        node: 'pc',
        app: 'http/u1',
        req: 14,
        target: '/a',
        attempt: 4,
      },
    ]);
    expect(records.some((r) => r.type === 'client.giveUp')).toBe(false);
  });

  it('gives up after its last try, handing back the last outcome', () => {
    const { tries, outcome, records } = run({ ...none, attempts: 3 }, 99);
    expect(tries).toHaveLength(3);
    expect(outcome).toBe(3);
    expect(records.filter((r) => r.type === 'client.retry')).toHaveLength(2);
    expect(records.filter((r) => r.type === 'client.giveUp')).toEqual([
      {
        t: 303 * MS,
        type: 'client.giveUp',
        node: 'pc',
        app: 'http/u1',
        req: 13,
        target: '/a',
        attempts: 3,
        reason: '503',
      },
    ]);
  });

  it('records nothing for a request answered at once, and no recovery for an error that stands', () => {
    expect(run(none, 0).records).toEqual([]);
    const { records } = run(none, 1, (n) => (n === 2 ? { answered: false } : {}));
    expect(records.map((r) => r.type)).toEqual(['client.retry']);
  });

  it('waits at least what the server asked for (Retry-After), and the backoff when longer', () => {
    const { tries, records } = run(none, 2, (n) => ({ retryAfter: n === 1 ? 1000 * MS : 50 * MS }));
    expect(tries).toEqual([0, 1001, 1202].map((ms) => ms * MS));
    const retries = records.filter((r) => r.type === 'client.retry');
    expect(retries.map((r) => [r.delay, r.retryAfter])).toEqual([
      [1000 * MS, 1000 * MS],
      [200 * MS, 50 * MS],
    ]);
  });

  it('draws each jittered wait from the app’s stream, in order', () => {
    const full: RetryPolicy = { ...none, jitter: 'full' };
    const { records } = run(full, 3);
    const stream = new Simulator({ seed: 3 }).random.stream('node:pc/http/retry');
    const expected = [1, 2, 3].map((retry) => backoffDelay(full, retry, stream.float()));
    expect(records.filter((r) => r.type === 'client.retry').map((r) => r.delay)).toEqual(expected);
    expect(new Set(expected).size).toBe(3);
  });

  it('says whether an outcome will be tried again', () => {
    const sim = new Simulator();
    const retrier = new Retrier(sim, 'pc', 'http', sim.random.stream('x'), none);
    const failed = { req: 1, retry: 'ECONNREFUSED', answered: false };
    expect(retrier.willRetry(4, failed)).toBe(true);
    expect(retrier.willRetry(5, failed)).toBe(false);
    expect(retrier.willRetry(1, { ...failed, retry: null })).toBe(false);
  });
});
