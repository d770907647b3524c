// Trace records of clients of a generic request/response service (a database, a cache).

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A client's user (`app`: `service/u2`) sent a query on `conn`; `req` numbers the app's queries. */
    'service.request': { node: string; app: string; conn: string; req: number; query: string };
    /** Its reply arrived: `ok` false for an ERR reply; `latency` from the request, ns. */
    'service.response': {
      node: string;
      app: string;
      conn: string;
      req: number;
      ok: boolean;
      bytes: number;
      latency: number;
    };
    /** A query failed without a reply (refused, reset, timed out). */
    'service.failure': { node: string; app: string; req: number; error: string };
  }
}

export {};
