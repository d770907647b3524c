// Trace records of a load balancer (`app` is its name in the trace, `lb`): each pick of a backend
// for a client's connection (layer 4) or request (layer 7), what became of it, each active health
// check and each change of a backend's health. Its figures (loadBalancerBehaviour.ts), its
// sentences and its backends table (loadBalancerView.ts, backendsView.ts) read only these.

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /**
     * The load balancer picked `backend` for a client's connection (layer 4) or request (layer 7);
     * `sticky` when a layer-7 session cookie chose it rather than the policy.
     */
    'lb.pick': { node: string; app: string; client: string; backend: string; sticky: boolean };
    /** No backend was healthy: the client's connection was reset (layer 4) or answered 503. */
    'lb.noBackend': { node: string; app: string; client: string };
    /**
     * The balancer's rate limit turned a client away (its token bucket `key`, the client's address
     * or "all", was empty): a request answered `status` (429 or 503, layer 7) or a new connection
     * reset (null, layer 4). No backend was picked.
     */
    'lb.limit': { node: string; app: string; client: string; key: string; status: number | null };
    /**
     * A connection (layer 4) or request (layer 7) sent to `backend` ended normally; `status` is
     * the response relayed (layer 7), null for a connection or a client that went away first.
     */
    'lb.done': {
      node: string;
      app: string;
      client: string;
      backend: string;
      status: number | null;
    };
    /**
     * Forwarding to `backend` failed (`error`: ECONNREFUSED, ETIMEDOUT, ECONNRESET, a bad
     * response); the client was answered `status` (502 or 504, layer 7) or its connection was
     * closed (null, layer 4). A passive health check: it counts as a failed check.
     */
    'lb.failure': {
      node: string;
      app: string;
      client: string;
      backend: string;
      error: string;
      status: number | null;
    };
    /** An active health check of `backend` passed or failed (`error` says why, '' when it passed). */
    'lb.check': { node: string; app: string; backend: string; ok: boolean; error: string };
    /**
     * A backend's health changed: `healthy` false after `fall` failures in a row (checks or
     * requests, `cause`), true again after `rise` checks passed in a row.
     */
    'lb.health': {
      node: string;
      app: string;
      backend: string;
      healthy: boolean;
      cause: 'check' | 'request';
    };
  }
}

export {};
