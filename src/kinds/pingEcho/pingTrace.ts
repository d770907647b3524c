// Trace records of the pinger and the echo server, declared into the engine's record types.
// `app` is the app's name in the trace (`pinger`, `echo`; `pinger2` for a node's second pinger).

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A pinger sent a request (attempt 0) or a retry (attempt > 0); `pkt` -1 if it could not. */
    'app.request': {
      node: string;
      app: string;
      peer: string;
      seq: number;
      attempt: number;
      pkt: number;
    };
    /** A pinger's reply timer ran out. */
    'app.timeout': { node: string; app: string; seq: number; attempt: number };
    /** A pinger got the reply; `rtt` is null when it cannot tell which attempt was answered. */
    'app.reply': { node: string; app: string; seq: number; attempt: number; rtt: number | null };
    /** A reply arrived for a request the pinger is no longer waiting for. */
    'app.lateReply': { node: string; app: string; seq: number; attempt: number };
    /** A pinger gave up on a request after its last retry. */
    'app.giveUp': { node: string; app: string; seq: number };
    /** An echo server received a request; `waiting` counts the requests it now holds. */
    'app.receive': {
      node: string;
      app: string;
      client: string;
      seq: number;
      attempt: number;
      waiting: number;
    };
    /** An echo server answered a request (`pkt` -1 if the reply could not be sent). */
    'app.serve': {
      node: string;
      app: string;
      client: string;
      seq: number;
      attempt: number;
      pkt: number;
    };
  }
}

export {};
