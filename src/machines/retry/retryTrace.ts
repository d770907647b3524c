// Trace records of client-side retries (web and service clients alike): each retry with its
// delay, a request given up, and a request that got its answer after retries. Only clients with
// a `retry` setting make them.

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /**
     * Attempt `req` of a request for `target` (a path or a query) failed with `reason` (an HTTP
     * status such as "503", an error such as "ECONNREFUSED", a service's "busy"); try number
     * `attempt` of at most `attempts` follows after `delay` ns (the backoff, or the server's
     * Retry-After when longer; `retryAfter` is what the server asked for, in ns, or null).
     */
    'client.retry': {
      node: string;
      app: string;
      req: number;
      target: string;
      attempt: number;
      attempts: number;
      delay: number;
      retryAfter: number | null;
      reason: string;
    };
    /** Attempt `req`, the last of `attempts`, failed with `reason` too: the client gives up. */
    'client.giveUp': {
      node: string;
      app: string;
      req: number;
      target: string;
      attempts: number;
      reason: string;
    };
    /** Attempt `req`, try number `attempt`, got the answer after earlier tries failed. */
    'client.recovered': {
      node: string;
      app: string;
      req: number;
      target: string;
      attempt: number;
    };
  }
}

export {};
