// Trace records of clients of a generic request/response service (a database, a cache).

declare module '../../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A client sent a query on `conn`; `req` numbers a client's queries. */
    'service.request': { node: string; conn: string; req: number; query: string };
    /** Its reply arrived: `ok` false for an ERR reply; `latency` from the request, ns. */
    'service.response': {
      node: string;
      conn: string;
      req: number;
      ok: boolean;
      bytes: number;
      latency: number;
    };
    /** A query failed without a reply (refused, reset, timed out). */
    'service.failure': { node: string; req: number; error: string };
  }
}

export {};
