// What a server process asks of the protocol it serves (HTTP, HTTPS, a line-based service): turn
// a connection's bytes into requests, and write each reply once the request's work is done.

/** One connection as the protocol sees it. */
export interface ProtocolSession {
  /** Bytes sent as soon as the connection is taken (an FTP or SMTP greeting), if any. */
  greeting?(): Uint8Array | null;
  /** Bytes from the client; returns the requests they complete, in order. */
  receive(bytes: Uint8Array): ServerRequest[];
}

/** A request waiting to be served. */
export interface ServerRequest {
  /** For the trace and the picture: `GET /index.html`, `TLS handshake`. */
  readonly label: string;
  /** Whether it costs service time (CPU, I/O); a malformed request is answered at once. */
  readonly work: boolean;
  /** Writes the reply once the work is done; must call `reply.end` exactly once. */
  serve(reply: ReplyChannel): void;
  /**
   * The same request refused by the server's rate limit: answered at once with `status` (and,
   * over HTTP, a Retry-After of `retryAfter` seconds when given). Absent for what a rate limit
   * does not count (a TLS handshake, a malformed request).
   */
  limited?(answer: { status: number; retryAfter?: number }): ServerRequest;
}

/** Where a request's reply goes. */
export interface ReplyChannel {
  write(bytes: Uint8Array): void;
  /** The reply is complete: `status` for the trace (an HTTP status, or null); `close` ends the connection. */
  end(outcome: { status: number | null; close: boolean }): void;
}

/** A protocol a server process can serve. */
export interface ServerProtocol {
  /** Starts a session for a newly accepted connection (both ends as "address:port"). */
  open(ends: { local: string; peer: string }): ProtocolSession;
  /** The answer to a connection refused over the server's limits (HTTP 503), or null to just close. */
  refusal(): Uint8Array | null;
}
