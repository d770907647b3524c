// The fetching side of POP3 (RFC 1939) as plain code, as a mail client checks its mail: connect,
// wait for the +OK greeting, USER and PASS, STAT, LIST (the numbers and sizes), then RETR each
// message (and DELE it unless told to keep it), and QUIT so the server removes them. Every
// command and response is recorded, and each message fetched as mail.fetched.

import type { Simulator } from '../../engine/simulator.ts';
import {
  decodeHeaderText,
  decodeMailMessage,
  headerValue,
} from '../../net/app/smtp/mailMessage.ts';
import {
  encodePop3Command,
  isMultiLine,
  parseScanListing,
  Pop3ResponseReader,
  type Pop3Response,
} from '../../net/app/pop3/pop3Messages.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { StreamWriter } from '../../machines/server/streamWriter.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import { sentAt } from './mailStore.ts';
import './mailTrace.ts';

/** Who fetches: the mailbox and its password, and whether to leave the messages there. */
export interface FetchAccount {
  user: string;
  password: string;
  keep: boolean;
}

/** How a fetch ended: the messages fetched, or what went wrong. */
export type FetchOutcome = { ok: true; fetched: number } | { ok: false; error: string };

/** Fetches every message of the mailbox at `server` and calls `done` once. */
export function fetchMail(
  sim: Simulator,
  tcp: TcpLayer,
  where: { node: string; app: string },
  server: Ipv4Address,
  port: number,
  account: FetchAccount,
  done: (outcome: FetchOutcome) => void,
): void {
  const opened = tcp.connect(server, port);
  if (!opened.ok) return done({ ok: false, error: opened.error });
  const connection = opened.value;
  const writer = new StreamWriter(connection);
  const reader = new Pop3ResponseReader();
  const conn = `${connection.localPort}>${formatIpv4(server)}:${port}`;
  const waiting: ((response: Pop3Response) => void)[] = [];
  let outcome: FetchOutcome | undefined;
  let finished = false;
  let fetched = 0;

  const finish = (result: FetchOutcome): void => {
    if (finished) return;
    finished = true;
    done(result);
  };
  const command = (verb: string, arg: string, then: (response: Pop3Response) => void): void => {
    sim.record({ t: sim.now(), type: 'pop3.command', ...where, conn, verb, arg });
    reader.expect(isMultiLine({ verb, argument: arg }));
    waiting.push(then);
    writer.write(encodePop3Command({ verb, argument: arg }));
  };
  const quit = (result: FetchOutcome): void => {
    outcome = result;
    command('QUIT', '', () => {});
  };
  const refused = (verb: string, r: Pop3Response) =>
    quit({ ok: false, error: `${verb} refused: -ERR ${r.text}` });

  const retrieve = (numbers: readonly number[], index: number): void => {
    const n = numbers[index];
    if (n === undefined) return quit({ ok: true, fetched });
    command('RETR', String(n), (r) => {
      if (!r.ok || !r.body) return refused('RETR', r);
      const message = decodeMailMessage(r.body);
      const messageId = headerValue(message, 'Message-ID') ?? '';
      const sent = messageId ? sentAt(sim, messageId) : undefined;
      fetched++;
      sim.record({
        t: sim.now(),
        type: 'mail.fetched',
        ...where,
        messageId,
        from: decodeHeaderText(headerValue(message, 'From') ?? ''),
        subject: decodeHeaderText(headerValue(message, 'Subject') ?? ''),
        bytes: r.body.length,
        sent: sent ?? null,
        latency: sent === undefined ? null : sim.now() - sent,
      });
      if (account.keep) return retrieve(numbers, index + 1);
      command('DELE', String(n), (d) => (d.ok ? retrieve(numbers, index + 1) : refused('DELE', d)));
    });
  };
  const transaction = (): void =>
    command('STAT', '', (stat) => {
      if (!stat.ok) return refused('STAT', stat);
      if (stat.text.startsWith('0 ')) return quit({ ok: true, fetched });
      command('LIST', '', (list) => {
        if (!list.ok || !list.body) return refused('LIST', list);
        retrieve(
          parseScanListing(list.body).map((m) => m.number),
          0,
        );
      });
    });
  waiting.push((greeting) => {
    if (!greeting.ok) return refused('the greeting', greeting);
    command('USER', account.user, (user) => {
      if (!user.ok) return refused('USER', user);
      command('PASS', account.password, (pass) =>
        pass.ok ? transaction() : refused('PASS', pass),
      );
    });
  });

  connection.handlers.onData = (bytes) => {
    for (const event of reader.push(bytes)) {
      if (event.kind === 'error') {
        connection.abort();
        return finish({ ok: false, error: `bad response: ${event.reason}` });
      }
      const { response } = event;
      sim.record({
        t: sim.now(),
        type: 'pop3.response',
        ...where,
        conn,
        ok: response.ok,
        text: response.text,
        bytes: response.body ? response.body.length : 0,
      });
      waiting.shift()?.(response);
    }
  };
  connection.handlers.onEnd = () => {
    connection.close();
    finish(outcome ?? { ok: false, error: 'ECONNRESET' });
  };
  connection.handlers.onError = (error) => finish(outcome?.ok ? outcome : { ok: false, error });
}
