// A POP3 server (RFC 1939) as plain per-session code over its node's mailboxes (mailStore.ts):
// the AUTHORIZATION state (USER, PASS), the TRANSACTION state over the maildrop as it was at
// login (STAT, LIST, RETR, DELE, NOOP, RSET), and the UPDATE state at QUIT, which removes the
// messages marked deleted. Replies in Dovecot's words. A line it cannot read gets -ERR.

import type { Simulator } from '../../engine/simulator.ts';
import {
  encodePop3Response,
  Pop3CommandReader,
  type Pop3Command,
  type Pop3Response,
} from '../../net/app/pop3/pop3Messages.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { StreamWriter } from '../../machines/server/streamWriter.ts';
import type { TcpConnection } from '../../machines/tcp/tcpConnection.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import type { MailStore, StoredMessage } from './mailStore.ts';
import './mailTrace.ts';

/** A server's settings. */
export interface Pop3ServerOptions {
  node: string;
  /** Its name in the trace (`pop3d`). */
  app: string;
  port: number;
  store: MailStore;
}

/** Listens on `options.port` and serves each connection. */
export function startPop3Server(
  sim: Simulator,
  tcp: TcpLayer,
  options: Pop3ServerOptions,
): { ok: true } | { ok: false; error: string } {
  const listening = tcp.listen(options.port);
  if (!listening.ok) return { ok: false, error: listening.error };
  const listener = listening.value;
  listener.onConnection = () => {
    for (let c = listener.accept(); c.ok; c = listener.accept())
      new Pop3ServerSession(sim, options, c.value);
  };
  return { ok: true };
}

const ok = (text: string, body?: Uint8Array): Pop3Response => ({ ok: true, text, body });
const err = (text: string): Pop3Response => ({ ok: false, text });
const encoder = new TextEncoder();

/** One client's connection. */
class Pop3ServerSession {
  private readonly writer: StreamWriter;
  private readonly reader = new Pop3CommandReader();
  private readonly conn: string;
  private user: string | undefined;
  /** TRANSACTION: the maildrop as it was at login, and the messages marked deleted. */
  private maildrop: readonly StoredMessage[] | undefined;
  private readonly deleted = new Set<StoredMessage>();
  private quitting = false;

  constructor(
    private readonly sim: Simulator,
    private readonly options: Pop3ServerOptions,
    private readonly connection: TcpConnection,
  ) {
    this.conn = `${formatIpv4(connection.remoteAddress)}:${connection.remotePort}`;
    const { node, app } = options;
    sim.record({ t: sim.now(), type: 'pop3.session', node, app, conn: this.conn });
    this.writer = new StreamWriter(connection);
    connection.handlers.onData = (bytes) => this.received(bytes);
    connection.handlers.onEnd = () => connection.close();
    this.writer.write(encodePop3Response(ok('POP3 server ready.')));
  }

  private received(bytes: Uint8Array): void {
    for (const event of this.reader.push(bytes)) {
      if (this.quitting) return;
      const verb = event.kind === 'command' ? event.command.verb : '';
      const answer =
        event.kind === 'command' ? this.command(event.command) : err('Unknown command.');
      const { node, app } = this.options;
      this.sim.record({
        t: this.sim.now(),
        type: 'pop3.serve',
        node,
        app,
        conn: this.conn,
        verb,
        ok: answer.ok,
      });
      this.writer.write(encodePop3Response(answer));
      if (this.quitting) this.writer.end();
    }
  }

  /** The message numbered `text` (from 1) of the maildrop, unless deleted. */
  private numbered(text: string): StoredMessage | string {
    const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
    const message = this.maildrop?.[n - 1];
    if (!message) return `There's no message ${text}.`;
    if (this.deleted.has(message)) return 'Message is deleted.';
    return message;
  }

  private command({ verb, argument }: Pop3Command): Pop3Response {
    if (verb === 'QUIT') return this.quit();
    if (!this.maildrop) return this.authorize(verb, argument);
    const live = this.maildrop.filter((m) => !this.deleted.has(m));
    const octets = (list: readonly StoredMessage[]) =>
      list.reduce((sum, m) => sum + m.bytes.length, 0);
    switch (verb) {
      case 'STAT':
        return ok(`${live.length} ${octets(live)}`);
      case 'LIST': {
        if (argument) {
          const m = this.numbered(argument);
          return typeof m === 'string' ? err(m) : ok(`${argument} ${m.bytes.length}`);
        }
        const lines = this.maildrop.flatMap((m, i) =>
          this.deleted.has(m) ? [] : [`${i + 1} ${m.bytes.length}\r\n`],
        );
        return ok(`${live.length} messages:`, encoder.encode(lines.join('')));
      }
      case 'RETR': {
        const m = this.numbered(argument);
        return typeof m === 'string' ? err(m) : ok(`${m.bytes.length} octets`, m.bytes);
      }
      case 'DELE': {
        const m = this.numbered(argument);
        if (typeof m === 'string') return err(m);
        this.deleted.add(m);
        return ok('Marked to be deleted.');
      }
      case 'RSET':
        this.deleted.clear();
        return ok('');
      case 'NOOP':
        return ok('');
      case 'USER':
      case 'PASS':
        return err('Already logged in.');
      default:
        return err('Unknown command.');
    }
  }

  /** AUTHORIZATION (RFC 1939 section 4 and 7: USER, then PASS). */
  private authorize(verb: string, argument: string): Pop3Response {
    if (verb === 'USER') {
      this.user = argument;
      return ok('');
    }
    if (verb === 'PASS') {
      const user = this.user;
      if (user === undefined) return err('No username given.');
      this.user = undefined;
      if (!this.options.store.has(user) || !this.options.store.admits(user, argument))
        return err('[AUTH] Authentication failed.');
      this.user = user;
      this.maildrop = [...this.options.store.messages(user)];
      return ok('Logged in.');
    }
    return err('Unknown command.');
  }

  /** QUIT: in TRANSACTION, the UPDATE state removes the messages marked deleted (section 6). */
  private quit(): Pop3Response {
    this.quitting = true;
    if (!this.maildrop || this.user === undefined) return ok('Logging out.');
    const { node, app, store } = this.options;
    store.remove(this.user, this.deleted);
    for (const m of this.maildrop.filter((x) => this.deleted.has(x)))
      this.sim.record({
        t: this.sim.now(),
        type: 'mail.remove',
        node,
        app,
        mailbox: this.user.toLowerCase(),
        messageId: m.messageId,
      });
    return ok(this.deleted.size > 0 ? 'Logging out, messages deleted.' : 'Logging out.');
  }
}
