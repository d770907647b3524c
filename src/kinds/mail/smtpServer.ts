// An SMTP server (RFC 5321) as plain per-session code, with Postfix's reply codes and texts: the
// 220 greeting, EHLO/HELO, MAIL FROM, RCPT TO (its own domains' mailboxes; another domain only
// for a client in `relayFrom`, else 554 Relay access denied), DATA's text to CRLF.CRLF, RSET,
// NOOP, QUIT; 500-class replies for lines it cannot read. A message it takes gets a Received
// field (section 4.4) and a queue id, goes into its local mailboxes and, for other domains, to
// the relay (smtpRelay.ts). No CPU cost: email here is about the exchanges and the path.

import type { Simulator } from '../../engine/simulator.ts';
import type { RandomStream } from '../../engine/random.ts';
import {
  decodeHeaderText,
  decodeMailMessage,
  headerValue,
  mailDate,
  splitAddress,
} from '../../net/app/smtp/mailMessage.ts';
import {
  encodeSmtpReply,
  parseSmtpPath,
  smtpReply,
  SmtpServerReader,
  type SmtpCommand,
  type SmtpReply,
} from '../../net/app/smtp/smtpMessages.ts';
import { contains, formatIpv4, type Ipv4Prefix } from '../../net/wire/ipv4Address.ts';
import { StreamWriter } from '../../machines/server/streamWriter.ts';
import type { TcpConnection } from '../../machines/tcp/tcpConnection.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import type { MailStore } from './mailStore.ts';
import './mailTrace.ts';

/** Postfix's message_size_limit (10 240 000 bytes), announced in EHLO's SIZE (RFC 1870). */
export const SIZE_LIMIT = 10_240_000;
/** Recipients of one message (Postfix's smtpd_recipient_limit is 1000). */
export const RECIPIENT_LIMIT = 100;

/** A message for another domain, handed to the relay. */
export interface RelayJob {
  queueId: string;
  messageId: string;
  from: string;
  domain: string;
  to: readonly string[];
  bytes: Uint8Array;
}

/** A server's settings. */
export interface SmtpServerOptions {
  node: string;
  /** Its name in the trace (`smtpd`). */
  app: string;
  port: number;
  /** Its own name: greeting, EHLO and Received. */
  hostname: string;
  /** The domains it takes mail for, in lower case. */
  domains: readonly string[];
  store: MailStore;
  /** Clients that may send mail for other domains through it (Postfix's mynetworks). */
  relayFrom: readonly Ipv4Prefix[];
  /** Where queue ids are drawn from. */
  queueIds: RandomStream;
  /** Takes a message for another domain. */
  relay(job: RelayJob): void;
}

/** Listens on `options.port` and serves each connection. */
export function startSmtpServer(
  sim: Simulator,
  tcp: TcpLayer,
  options: SmtpServerOptions,
): { ok: true } | { ok: false; error: string } {
  const listening = tcp.listen(options.port);
  if (!listening.ok) return { ok: false, error: listening.error };
  const listener = listening.value;
  listener.onConnection = () => {
    for (let c = listener.accept(); c.ok; c = listener.accept())
      new SmtpServerSession(sim, options, c.value);
  };
  return { ok: true };
}

const reply = smtpReply;

/** One client's connection. */
class SmtpServerSession {
  private readonly writer: StreamWriter;
  private readonly reader = new SmtpServerReader();
  private readonly conn: string;
  private helo: string | undefined;
  /** The transaction: its reverse path ('' for `<>`) once MAIL was taken, and recipients. */
  private from: string | undefined;
  private to: string[] = [];
  private quitting = false;

  constructor(
    private readonly sim: Simulator,
    private readonly options: SmtpServerOptions,
    private readonly connection: TcpConnection,
  ) {
    this.conn = `${formatIpv4(connection.remoteAddress)}:${connection.remotePort}`;
    this.record({ type: 'smtp.session' });
    this.writer = new StreamWriter(connection);
    connection.handlers.onData = (bytes) => this.received(bytes);
    connection.handlers.onEnd = () => connection.close();
    this.send(reply(220, `${options.hostname} ESMTP Handshake`));
  }

  private record(
    record:
      | { type: 'smtp.session' }
      | { type: 'smtp.serve'; verb: string; code: number }
      | {
          type: 'smtp.message';
          code: number;
          queueId: string;
          messageId: string;
          from: string;
          to: string;
          bytes: number;
        },
  ): void {
    const { node, app } = this.options;
    this.sim.record({ t: this.sim.now(), node, app, conn: this.conn, ...record });
  }

  private send(answer: SmtpReply): void {
    this.writer.write(encodeSmtpReply(answer));
  }

  private received(bytes: Uint8Array): void {
    this.reader.push(bytes);
    for (let event = this.reader.next(); event && !this.quitting; event = this.reader.next()) {
      if (event.kind === 'data') this.message(event.message);
      else {
        const answer =
          event.kind === 'error'
            ? event.reason.startsWith('a line of')
              ? reply(500, '5.5.0 Error: line too long')
              : reply(500, '5.5.2 Error: bad syntax')
            : this.command(event.command);
        this.record({
          type: 'smtp.serve',
          verb: event.kind === 'command' ? event.command.verb : '',
          code: answer.code,
        });
        this.send(answer);
        if (this.quitting) this.writer.end();
      }
    }
  }

  private reset(): void {
    this.from = undefined;
    this.to = [];
  }

  /** The reply to a command (RFC 5321 section 4.1.1), Postfix's words. */
  private command({ verb, argument }: SmtpCommand): SmtpReply {
    const { hostname } = this.options;
    switch (verb) {
      case 'EHLO':
      case 'HELO':
        if (!argument) return reply(501, `Syntax: ${verb} hostname`);
        this.helo = argument;
        this.reset();
        return verb === 'HELO'
          ? reply(250, hostname)
          : reply(250, hostname, `SIZE ${SIZE_LIMIT}`, 'ENHANCEDSTATUSCODES', '8BITMIME');
      case 'MAIL':
        return this.mail(argument);
      case 'RCPT':
        return this.rcpt(argument);
      case 'DATA':
        if (argument) return reply(501, '5.5.4 Syntax: DATA');
        if (this.from === undefined || this.to.length === 0)
          return this.from === undefined
            ? reply(503, '5.5.1 Error: need RCPT command')
            : reply(554, '5.5.1 Error: no valid recipients');
        this.reader.expectData();
        return reply(354, 'End data with <CR><LF>.<CR><LF>');
      case 'RSET':
        this.reset();
        return reply(250, '2.0.0 Ok');
      case 'NOOP':
        return reply(250, '2.0.0 Ok');
      case 'QUIT':
        this.quitting = true;
        return reply(221, '2.0.0 Bye');
      case 'VRFY':
        return reply(502, '5.5.1 VRFY command is disabled');
      default:
        return reply(502, '5.5.2 Error: command not recognized');
    }
  }

  private mail(argument: string): SmtpReply {
    if (this.helo === undefined) return reply(503, '5.5.1 Error: send HELO/EHLO first');
    if (this.from !== undefined) return reply(503, '5.5.1 Error: nested MAIL command');
    const path = parseSmtpPath('FROM', argument);
    if (path === undefined) return reply(501, '5.5.4 Syntax: MAIL FROM:<address>');
    const size = /\sSIZE=(\d+)/i.exec(argument)?.[1];
    if (size !== undefined && Number(size) > SIZE_LIMIT)
      return reply(552, '5.3.4 Message size exceeds fixed limit');
    this.from = path;
    return reply(250, '2.1.0 Ok');
  }

  private rcpt(argument: string): SmtpReply {
    if (this.from === undefined) return reply(503, '5.5.1 Error: need MAIL command');
    const path = parseSmtpPath('TO', argument);
    if (path === undefined) return reply(501, '5.5.4 Syntax: RCPT TO:<address>');
    const address = splitAddress(path);
    if (!address)
      return reply(
        501,
        `5.1.3 <${path}>: Recipient address rejected: need fully-qualified address`,
      );
    if (this.to.length >= RECIPIENT_LIMIT) return reply(452, '4.5.3 Error: too many recipients');
    if (this.options.domains.includes(address.domain)) {
      if (!this.options.store.has(address.local))
        return reply(
          550,
          `5.1.1 <${path}>: Recipient address rejected: User unknown in local recipient table`,
        );
    } else if (!this.options.relayFrom.some((p) => contains(p, this.connection.remoteAddress))) {
      return reply(554, `5.7.1 <${path}>: Relay access denied`); // reject_unauth_destination
    }
    this.to.push(path);
    return reply(250, '2.1.5 Ok');
  }

  /** The text of a DATA, up to its `.`: taken under a queue id, delivered and relayed. */
  private message(text: Uint8Array): void {
    const from = this.from ?? '';
    const to = this.to;
    this.reset();
    const parsed = decodeMailMessage(text);
    let messageId = headerValue(parsed, 'Message-ID') ?? '';
    if (text.length > SIZE_LIMIT) {
      const answer = reply(552, '5.3.4 Message size exceeds fixed limit');
      this.record({
        type: 'smtp.message',
        code: 552,
        queueId: '',
        messageId,
        from,
        to: to.join(', '),
        bytes: text.length,
      });
      return this.send(answer);
    }
    const { hostname, queueIds } = this.options;
    const queueId = [0, 1]
      .map(() => queueIds.integer(0, 0xfffff).toString(16).toUpperCase().padStart(5, '0'))
      .join('');
    const when = mailDate(this.sim.now() / 1e6);
    const added: string[] = [];
    const client = formatIpv4(this.connection.remoteAddress);
    // Postfix's Received field: the client's HELO name and address, our name, the queue id.
    added.push(
      `Received: from ${this.helo ?? client} (unknown [${client}])\r\n` +
        `\tby ${hostname} (Handshake) with ESMTP id ${queueId}\r\n` +
        `\t${to.length === 1 ? `for <${to[0]}>; ` : ''}${when}`,
    );
    // Postfix adds what a message from a client lacks (always_add_missing_headers).
    if (!messageId) {
      messageId = `<${queueId}@${hostname}>`;
      added.push(`Message-ID: ${messageId}`);
    }
    if (headerValue(parsed, 'Date') === undefined) added.push(`Date: ${when}`);
    const head = new TextEncoder().encode(added.map((f) => `${f}\r\n`).join(''));
    const bytes = new Uint8Array(head.length + text.length);
    bytes.set(head);
    bytes.set(text, head.length);
    this.record({
      type: 'smtp.message',
      code: 250,
      queueId,
      messageId,
      from,
      to: to.join(', '),
      bytes: bytes.length,
    });
    this.send(reply(250, `2.0.0 Ok: queued as ${queueId}`));
    const subject = decodeHeaderText(headerValue(parsed, 'Subject') ?? '');
    this.deliver({ queueId, messageId, from, to, bytes, subject });
  }

  private deliver(message: {
    queueId: string;
    messageId: string;
    from: string;
    to: readonly string[];
    bytes: Uint8Array;
    subject: string;
  }): void {
    const { node, app, domains, store } = this.options;
    const remote = new Map<string, string[]>();
    for (const rcpt of message.to) {
      const address = splitAddress(rcpt);
      if (!address) continue;
      if (domains.includes(address.domain)) {
        const { messageId, from, subject, bytes, queueId } = message;
        store.deliver(address.local, { messageId, from, subject, bytes });
        this.sim.record({
          t: this.sim.now(),
          type: 'mail.deliver',
          node,
          app,
          mailbox: address.local.toLowerCase(),
          queueId,
          messageId,
          from,
          subject,
          bytes: bytes.length,
        });
      } else remote.set(address.domain, [...(remote.get(address.domain) ?? []), rcpt]);
    }
    for (const [domain, to] of remote) this.options.relay({ ...message, domain, to });
  }
}
