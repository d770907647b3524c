// Trace records of DNS: a stub resolver's queries and answers (from the wire or its cache), cache
// expiry, MX lookups for mail servers, and what an authoritative server answered, so the picture can draw each lookup.

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** An app of the node asked its resolver for `name` (answered from the cache or a query). */
    'dns.lookup': { node: string; name: string };
    /** A resolver sent a query (attempt 0, then 1, 2, ... for retries after a timeout). */
    'dns.query': { node: string; name: string; id: number; server: string; attempt: number };
    /**
     * A lookup ended: `address` (dotted) or null, the response's `rcode` (null without one),
     * `ttl` in seconds (what remains of it for a cached answer), `error` (NXDOMAIN, SERVFAIL,
     * ETIMEDOUT, ...) or null, and whether the answer came from the cache.
     */
    'dns.answer': {
      node: string;
      name: string;
      address: string | null;
      rcode: number | null;
      ttl: number;
      error: string | null;
      cached: boolean;
    };
    /** A resolver asked its server for the mail exchangers (MX) of domain `name`. */
    'dns.mxQuery': { node: string; name: string; id: number; server: string; attempt: number };
    /**
     * An MX lookup ended: `exchangers` (`10 mx.b.example, 20 mx2.b.example`, lowest preference
     * first) or null, the response's `rcode` (null without one), `ttl` in seconds, `error`
     * (NODATA: the domain has no MX records; NXDOMAIN, ETIMEDOUT, ...) or null, and whether the
     * answer came from the cache.
     */
    'dns.mxAnswer': {
      node: string;
      name: string;
      exchangers: string | null;
      rcode: number | null;
      ttl: number;
      error: string | null;
      cached: boolean;
    };
    /** A cached answer's TTL ran out; the next lookup of `name` asks the server again. */
    'dns.expire': { node: string; name: string };
    /** An authoritative server (`app`, `dns`) answered `client`'s query for `name`. */
    'dns.serve': {
      node: string;
      app: string;
      client: string;
      name: string;
      id: number;
      rcode: number;
    };
    /** A server got a datagram it does not answer (a response, or too short to hold an id). */
    'dns.ignore': { node: string; app: string; client: string; bytes: number };
  }
}

export {};
