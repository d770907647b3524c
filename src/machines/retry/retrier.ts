// Runs one request's tries for a client with a retry setting: after a try that failed in a way
// worth trying again it waits the backoff (backoff.ts, one draw from the app's random stream; or
// the server's Retry-After when longer) and tries again, until an answer comes or the tries run
// out. Each retry, a request given up and a request answered after retries are traced
// (retryTrace.ts). The kinds say what a try is and which outcomes are worth another.

import type { RandomStream } from '../../engine/random.ts';
import type { Simulator } from '../../engine/simulator.ts';
import type { Nanos } from '../../engine/time.ts';
import { backoffDelay, type RetryPolicy } from './backoff.ts';
import './retryTrace.ts';

/** What a client makes of a try's outcome. */
export interface TryVerdict {
  /** The try's number in the trace (`http.request`'s or `service.request`'s `req`). */
  req: number;
  /** Why it is worth another try (`503`, `ECONNREFUSED`), or null: the outcome stands. */
  retry: string | null;
  /** Whether an answer came (a response, a reply), against an error with none. */
  answered: boolean;
  /** A delay the server asked for (Retry-After), ns. */
  retryAfter?: Nanos | null;
}

/** One try: number `attempt` (1, 2, ...); `done` gets its outcome. */
export type Attempt<T> = (attempt: number, done: (outcome: T) => void) => void;

/** The retries of one user of a client app (`app`: `http/u3`), drawing from the app's stream. */
export class Retrier {
  constructor(
    private readonly sim: Simulator,
    private readonly node: string,
    private readonly app: string,
    private readonly random: RandomStream,
    readonly policy: RetryPolicy,
  ) {}

  /** Whether an outcome judged `verdict` on try `attempt` will be tried again. */
  willRetry(attempt: number, verdict: TryVerdict): boolean {
    return verdict.retry !== null && attempt < this.policy.attempts;
  }

  /**
   * Tries a request for `target` until an outcome stands or the tries run out; `done` gets the
   * last outcome. `judge` says whether an outcome is worth another try.
   */
  run<T>(
    target: string,
    attempt: Attempt<T>,
    judge: (outcome: T) => TryVerdict,
    done: (outcome: T) => void,
  ): void {
    const { sim, node, app, policy } = this;
    const tryNumber = (n: number): void =>
      attempt(n, (outcome) => {
        const verdict = judge(outcome);
        const t = sim.now();
        if (verdict.retry === null) {
          if (n > 1 && verdict.answered) {
            const req = verdict.req;
            sim.record({ t, type: 'client.recovered', node, app, req, target, attempt: n });
          }
          return done(outcome);
        }
        if (n >= policy.attempts) {
          sim.record({
            t,
            type: 'client.giveUp',
            node,
            app,
            req: verdict.req,
            target,
            attempts: policy.attempts,
            reason: verdict.retry,
          });
          return done(outcome);
        }
        const u = policy.jitter === 'none' ? 0 : this.random.float();
        const retryAfter = verdict.retryAfter ?? null;
        const delay = Math.max(backoffDelay(policy, n, u), retryAfter ?? 0);
        sim.record({
          t,
          type: 'client.retry',
          node,
          app,
          req: verdict.req,
          target,
          attempt: n + 1,
          attempts: policy.attempts,
          delay,
          retryAfter,
          reason: verdict.retry,
        });
        sim.schedule(delay, () => tryNumber(n + 1));
      });
    tryNumber(1);
  }
}
