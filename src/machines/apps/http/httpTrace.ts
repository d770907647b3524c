// Trace records of HTTP clients: each request sent and its response, and whole pages (a page and
// the objects it references), so the picture can chart latencies and the ladder name messages.

declare module '../../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A client sent a request on connection `conn` (`local port -> server`); `req` numbers them per client. */
    'http.request': { node: string; conn: string; req: number; method: string; target: string };
    /** The whole response arrived; `latency` is from sending the request, ns; `bytes` of body. */
    'http.response': {
      node: string;
      conn: string;
      req: number;
      status: number;
      bytes: number;
      latency: number;
    };
    /** A request failed without a response (connection refused, reset, timed out, bad response). */
    'http.failure': { node: string; req: number; target: string; error: string };
    /** A page and all the objects it references have arrived; `elapsed` from the first request, ns. */
    'http.page': { node: string; path: string; objects: number; elapsed: number };
  }
}

export {};
