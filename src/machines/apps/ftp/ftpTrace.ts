// Trace records of FTP clients: each command sent and reply received on the control connection,
// and each data transfer (a listing, a download, an upload) with its size.

declare module '../../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A client sent a command on control connection `conn`; `arg` is '' when it has none. */
    'ftp.command': { node: string; conn: string; verb: string; arg: string };
    /** A client received a reply (its lines joined by a space for a multi-line reply). */
    'ftp.reply': { node: string; conn: string; code: number; text: string };
    /** A transfer on a passive data connection ended: `direction` 'down' (LIST, RETR) or 'up' (STOR). */
    'ftp.transfer': {
      node: string;
      conn: string;
      verb: string;
      file: string;
      bytes: number;
      direction: 'down' | 'up';
    };
  }
}

export {};
