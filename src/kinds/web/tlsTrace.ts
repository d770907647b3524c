// Trace records of TLS endpoints (HTTPS): handshake progress, the client's certificate verdict,
// and each endpoint's key log, which lets the picture decrypt a connection from that endpoint's
// point of view (as Wireshark does with a browser's SSLKEYLOGFILE).

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** `phase`: 'start' (ClientHello sent or received), 'done', or 'failed' with `detail`. */
    'tls.handshake': { node: string; conn: string; role: string; phase: string; detail: string };
    /** The client checked the server's certificate against its trust store. */
    'tls.certificate': {
      node: string;
      conn: string;
      subject: string;
      issuer: string;
      verdict: string;
    };
    /** An endpoint's traffic keys (hex), for the connection `local` <-> `remote` ("ip:port"). */
    'tls.keys': {
      node: string;
      role: string;
      local: string;
      remote: string;
      clientHandshake: string;
      serverHandshake: string;
      clientApplication: string;
      serverApplication: string;
    };
  }
}

export {};
