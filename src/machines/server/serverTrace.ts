// Trace records of server processes: connections taken, waiting or refused, each connection's
// state, and each request's life from arrival to reply, so the picture can show workers, queues,
// connections and latencies.

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** The server took a connection and gave it to `worker`. */
    'server.accept': { node: string; app: string; conn: string; worker: string };
    /**
     * A connection waits: in the server's own queue for a free worker (`where` = 'pool'), or in
     * the kernel's accept queue because the server is at its limit (`where` = 'backlog').
     */
    'server.wait': { node: string; app: string; conn: string; where: string; waiting: number };
    /** The server refused a connection over its limits (`reason` says which limit). */
    'server.refuse': { node: string; app: string; conn: string; reason: string };
    /** A complete request arrived on a connection; `req` numbers the server's requests. */
    'server.request': { node: string; app: string; conn: string; req: number; label: string };
    /**
     * The server's rate limit refused request `req` from `conn`: the bucket `key` (the client's
     * address, or "all") had no token; it is answered at once with `status` (503 or 429).
     */
    'server.limit': {
      node: string;
      app: string;
      conn: string;
      req: number;
      key: string;
      status: number;
    };
    /** A worker started on a request (its CPU job is `job` in the node's scheduler). */
    'server.work': { node: string; app: string; req: number; worker: string; job: string };
    /** The reply was written; `latency` is from the request's arrival, in ns. */
    'server.reply': {
      node: string;
      app: string;
      req: number;
      status: number | null;
      latency: number;
    };
    /** The server closed a connection (`reason`: 'done', 'peerClosed', 'idle'). */
    'server.close': { node: string; app: string; conn: string; reason: string };
    /**
     * A connection's serverConnectionMachine entered `state` (accepted, reading, working,
     * waitingForIo, abandoned, refused, closing, closed): the first record of a connection is
     * `accepted`, its last `closed`; the state at time t is that of its last record at or before t.
     */
    'server.conn': { node: string; app: string; conn: string; state: string };
  }
}

export {};
