// Trace records of FTP: a client's commands sent and replies received on the control connection
// and its data transfers (a listing, a download, an upload) with their size; a server's sessions,
// the commands it carried out, and the bytes its data connections moved. `app` names the client
// (`ftp`) or the server (`ftpd`).

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A client sent a command on control connection `conn`; `arg` is '' when it has none. */
    'ftp.command': { node: string; app: string; conn: string; verb: string; arg: string };
    /** A client received a reply (its lines joined by a space for a multi-line reply). */
    'ftp.reply': { node: string; app: string; conn: string; code: number; text: string };
    /** A transfer on a passive data connection ended: `direction` 'down' (LIST, RETR) or 'up' (STOR). */
    'ftp.transfer': {
      node: string;
      app: string;
      conn: string;
      verb: string;
      file: string;
      bytes: number;
      direction: 'down' | 'up';
    };
    /** A server took a control connection from `conn` (the client's `address:port`). */
    'ftp.session': { node: string; app: string; conn: string };
    /** A server carried out a command; `code` is its first reply (null if it sent none). */
    'ftp.serve': { node: string; app: string; conn: string; verb: string; code: number | null };
    /** A server's data connection finished moving a file or listing. */
    'ftp.data': {
      node: string;
      app: string;
      conn: string;
      direction: 'sent' | 'received';
      bytes: number;
    };
  }
}

export {};
