// Trace records of HTTP clients: each request sent and its response, and whole pages (a page and
// the objects it references), so the picture can chart latencies and the ladder name messages.

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /**
     * A client sent a request on connection `conn` (`local port>server`); `req` numbers them per
     * client app. `app` is the user that sent it (`http`, `http/u3`), as in its app.state records.
     */
    'http.request': {
      node: string;
      app: string;
      conn: string;
      req: number;
      method: string;
      target: string;
    };
    /** The whole response arrived; `latency` is from sending the request, ns; `bytes` of body. */
    'http.response': {
      node: string;
      app: string;
      conn: string;
      req: number;
      status: number;
      bytes: number;
      latency: number;
    };
    /**
     * A request failed without a response (connection refused, reset, timed out, bad response);
     * `again` when the client sends it once more (a request lost to a closing connection, or
     * tried again by the client's `retry`).
     */
    'http.failure': {
      node: string;
      app: string;
      req: number;
      target: string;
      error: string;
      again: boolean;
    };
    /**
     * A page and the objects it references are done; `elapsed` from the first request, ns;
     * `error` the first object that failed, null when all arrived (a page load).
     */
    'http.page': {
      node: string;
      app: string;
      path: string;
      objects: number;
      elapsed: number;
      error: string | null;
    };
  }
}

export {};
