// The sending side of SMTP (RFC 5321 section 3.3's mail transaction) as plain code, for a mail
// client submitting its message and for a server relaying one: connect, wait for the 220, EHLO
// (HELO if EHLO is refused, section 3.2), MAIL FROM (BODY=8BITMIME for 8-bit text when the server
// offers it, RFC 6152), one RCPT TO per recipient, DATA, the text after the 354, then QUIT. One
// command at a time: no PIPELINING. Every command and reply is recorded.

import type { Simulator } from '../../engine/simulator.ts';
import { needs8Bit } from '../../net/app/smtp/mailMessage.ts';
import {
  encodeSmtpCommand,
  encodeSmtpData,
  SmtpReplyParser,
  smtpPathArgument,
  smtpReplyText,
  SMTP_PORT,
  type SmtpReply,
} from '../../net/app/smtp/smtpMessages.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { StreamWriter } from '../../machines/server/streamWriter.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import './mailTrace.ts';

/** What to send: the sender's name for EHLO (from its own address), the envelope, the text. */
export interface Envelope {
  helo(local: Ipv4Address): string;
  from: string;
  to: readonly string[];
  message: Uint8Array;
}

/** How a transaction ended. */
export type SendOutcome =
  | { ok: true; queueId: string; refused: readonly { to: string; code: number }[] }
  | {
      ok: false;
      /** The reply that ended it, or null when the connection did. */
      code: number | null;
      error: string;
      refused: readonly { to: string; code: number }[];
    };

/** Sends one message to `server` and calls `done` once, after QUIT or the failure. */
export function sendMail(
  sim: Simulator,
  tcp: TcpLayer,
  where: { node: string; app: string },
  server: Ipv4Address,
  envelope: Envelope,
  done: (outcome: SendOutcome) => void,
  port = SMTP_PORT,
): void {
  const opened = tcp.connect(server, port);
  if (!opened.ok) return done({ ok: false, code: null, error: opened.error, refused: [] });
  const connection = opened.value;
  const writer = new StreamWriter(connection);
  const parser = new SmtpReplyParser();
  const conn = `${connection.localPort}>${formatIpv4(server)}:${port}`;
  const refused: { to: string; code: number }[] = [];
  let outcome: SendOutcome | undefined;
  let finished = false;
  let eightBit = false;
  let next: (reply: SmtpReply) => void;

  const finish = (result: SendOutcome): void => {
    if (finished) return;
    finished = true;
    done(result);
  };
  const command = (verb: string, arg: string, then: (reply: SmtpReply) => void): void => {
    sim.record({ t: sim.now(), type: 'smtp.command', ...where, conn, verb, arg });
    next = then;
    writer.write(encodeSmtpCommand({ verb, argument: arg }));
  };
  /** Ends the transaction with `result`: QUIT, then `done` once the server has closed. */
  const quit = (result: SendOutcome): void => {
    outcome = result;
    command('QUIT', '', () => {});
  };
  const failed = (reply: SmtpReply, stage: string): SendOutcome => ({
    ok: false,
    code: reply.code,
    error: `${stage} refused: ${reply.code} ${smtpReplyText(reply)}`,
    refused,
  });

  const rcpt = (index: number, accepted: number): void => {
    const to = envelope.to[index];
    if (to === undefined) {
      if (accepted === 0)
        return quit({
          ok: false,
          code: refused[0]?.code ?? null,
          error: 'every recipient refused',
          refused,
        });
      return command('DATA', '', (r) => {
        if (r.code !== 354) return quit(failed(r, 'DATA'));
        next = (end) => {
          if (end.code !== 250) return quit(failed(end, 'the message'));
          const queueId = /queued as (\S+)/.exec(smtpReplyText(end))?.[1] ?? '';
          quit({ ok: true, queueId, refused });
        };
        writer.write(encodeSmtpData(envelope.message));
      });
    }
    command('RCPT', smtpPathArgument('TO', to), (r) => {
      if (r.code !== 250 && r.code !== 251) refused.push({ to, code: r.code });
      rcpt(index + 1, accepted + (r.code === 250 || r.code === 251 ? 1 : 0));
    });
  };
  const mail = (): void => {
    const params = eightBit && needs8Bit(envelope.message) ? 'BODY=8BITMIME' : '';
    command('MAIL', smtpPathArgument('FROM', envelope.from, params), (r) =>
      r.code === 250 ? rcpt(0, 0) : quit(failed(r, 'MAIL FROM')),
    );
  };
  const hello = (): void => {
    const name = envelope.helo(connection.localAddress);
    command('EHLO', name, (r) => {
      if (r.code === 250) {
        eightBit = r.lines.slice(1).some((l) => /^8BITMIME\b/i.test(l));
        return mail();
      }
      if (r.code >= 500)
        // an old server: HELO (RFC 5321 section 3.2)
        return command('HELO', name, (h) => (h.code === 250 ? mail() : quit(failed(h, 'HELO'))));
      quit(failed(r, 'EHLO'));
    });
  };
  next = (greeting) => (greeting.code === 220 ? hello() : quit(failed(greeting, 'the greeting')));

  connection.handlers.onData = (bytes) => {
    for (const event of parser.push(bytes)) {
      if (event.kind === 'error') {
        connection.abort();
        return finish({ ok: false, code: null, error: `bad reply: ${event.reason}`, refused });
      }
      const { reply } = event;
      sim.record({
        t: sim.now(),
        type: 'smtp.reply',
        ...where,
        conn,
        code: reply.code,
        text: smtpReplyText(reply),
      });
      next(reply);
    }
  };
  connection.handlers.onEnd = () => {
    connection.close();
    finish(outcome ?? { ok: false, code: null, error: 'ECONNRESET', refused });
  };
  connection.handlers.onError = (error) =>
    finish(outcome?.ok ? outcome : { ok: false, code: null, error, refused });
}
