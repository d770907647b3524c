// Trace records of email. The protocol's lines as a client sees them (smtp.command, smtp.reply,
// pop3.command, pop3.response: the mail client's, and an SMTP server's own when it relays);
// what servers did (smtp.session, smtp.serve, smtp.message, pop3.session, pop3.serve); where mail
// went (smtp.route: the MX chosen, smtp.relayed, smtp.relayFailed, mail.deliver into a mailbox,
// mail.remove from it); and the client's outcomes (mail.sent, mail.notSent, mail.fetched). `app`
// names the client (`mail`), the SMTP server (`smtpd`) or the POP3 server (`pop3d`).

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A client sent an SMTP command on `conn` (`port>address:25`); `arg` is '' when none. */
    'smtp.command': { node: string; app: string; conn: string; verb: string; arg: string };
    /** A client received an SMTP reply (a multi-line reply's lines joined by a space). */
    'smtp.reply': { node: string; app: string; conn: string; code: number; text: string };
    /** An SMTP server took a connection from `conn` (the client's `address:port`). */
    'smtp.session': { node: string; app: string; conn: string };
    /** An SMTP server answered a command (`verb` '' for a line that is none) with `code`. */
    'smtp.serve': { node: string; app: string; conn: string; verb: string; code: number };
    /**
     * An SMTP server read a message's text to its CRLF.CRLF and answered `code`: 250 when it
     * took it under queue id `queueId` ('' otherwise), for the recipients `to` (comma-joined).
     */
    'smtp.message': {
      node: string;
      app: string;
      conn: string;
      code: number;
      queueId: string;
      messageId: string;
      from: string;
      to: string;
      bytes: number;
    };
    /**
     * A server relaying to `domain` chose where to send it: the exchanger (lowest preference
     * first; the domain itself, `preference` null, when it has no MX) and its address, or why
     * there is none (`error`).
     */
    'smtp.route': {
      node: string;
      app: string;
      queueId: string;
      domain: string;
      exchange: string | null;
      preference: number | null;
      address: string | null;
      error: string | null;
    };
    /** The next server (`exchange`, at `address`) took the message for `to` with a 250. */
    'smtp.relayed': {
      node: string;
      app: string;
      queueId: string;
      messageId: string;
      domain: string;
      to: string;
      exchange: string;
      address: string;
    };
    /** A server gave up relaying to `domain` (no bounce message is sent here). */
    'smtp.relayFailed': {
      node: string;
      app: string;
      queueId: string;
      messageId: string;
      domain: string;
      to: string;
      error: string;
    };
    /** A server put a message into the mailbox of `mailbox` (its local part). */
    'mail.deliver': {
      node: string;
      app: string;
      mailbox: string;
      queueId: string;
      messageId: string;
      from: string;
      subject: string;
      bytes: number;
    };
    /** A POP3 server removed a message its owner deleted (DELE, then QUIT). */
    'mail.remove': { node: string; app: string; mailbox: string; messageId: string };
    /** A client sent a POP3 command on `conn`; PASS's password is in `arg`, as on the wire. */
    'pop3.command': { node: string; app: string; conn: string; verb: string; arg: string };
    /** A client received a POP3 response: its status line, and a multi-line one's `bytes`. */
    'pop3.response': {
      node: string;
      app: string;
      conn: string;
      ok: boolean;
      text: string;
      bytes: number;
    };
    /** A POP3 server took a connection from `conn` (the client's `address:port`). */
    'pop3.session': { node: string; app: string; conn: string };
    /** A POP3 server answered a command (`verb` '' for a line that is none). */
    'pop3.serve': { node: string; app: string; conn: string; verb: string; ok: boolean };
    /** A client's SMTP server took its message (250 after the text) under `queueId`. */
    'mail.sent': {
      node: string;
      app: string;
      messageId: string;
      to: string;
      subject: string;
      queueId: string;
    };
    /** A client's message did not go: refused (`code`) or no connection (`code` null). */
    'mail.notSent': {
      node: string;
      app: string;
      messageId: string;
      to: string;
      code: number | null;
      error: string;
    };
    /**
     * A client fetched a message (RETR). `sent` is when its author's server took it and
     * `latency` the time since, in ns (null for a message that no client here sent).
     */
    'mail.fetched': {
      node: string;
      app: string;
      messageId: string;
      from: string;
      subject: string;
      bytes: number;
      sent: number | null;
      latency: number | null;
    };
  }
}

export {};
