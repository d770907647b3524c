// Trace records of the bulk sender and the sink, declared into the engine's record types (the
// application's side of a transfer, as ns-3's BulkSend and PacketSink trace Tx and Rx).

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A bulk sender handed `bytes` more to its socket; `written` so far in all. */
    'app.write': { node: string; app: string; bytes: number; written: number };
    /** A sink accepted a connection from `conn` ("address:port"). */
    'app.accept': { node: string; app: string; conn: string };
    /** A sink read `bytes` from connection `conn`. */
    'app.read': { node: string; app: string; conn: string; bytes: number };
  }
}

export {};
