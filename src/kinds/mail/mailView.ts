// How email looks: the SMTP server's, the POP3 server's and the mail client's summary cards,
// their sentences in the event log (each command and reply as the client sees it, the password in
// plain text, what the servers did with a message and where it went next), and the client's
// machine. Its words, in each language, are in mailPhrases.ts.

import { ENGLISH, formatCount } from '../../engine/language.ts';
import { formatDuration } from '../../engine/time.ts';
import { defineAppView, type JsonFields, type NewAppContext } from '../../viz/kinds/kindView.ts';
import { cardTime, type SummaryFigure } from '../../viz/summary/cardParts.ts';
import type { MailClientFigures } from './mailClientKind.ts';
import { mailClientMachine } from './mailClientMachine.ts';
import { mailPhrases } from './mailPhrases.ts';
import type { MailClientApp, Pop3ServerApp, SmtpServerApp } from './mailSchemas.ts';
import type { Pop3ServerFigures } from './pop3ServerKind.ts';
import type { SmtpServerFigures } from './smtpServerKind.ts';
import './mailTrace.ts';

export const smtpServerView = defineAppView<SmtpServerApp, SmtpServerFigures>({
  type: 'smtpServer',
  card: (f, names, language = ENGLISH) => {
    const { say } = mailPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    return {
      id: `smtp-server-${f.node}`,
      title: names.name(f.node),
      kind: say('smtpd.kind', { port: String(f.port) }),
      figures: [
        [say('smtpd.sessions'), n(f.sessions), 'sessions'],
        [
          say('smtpd.commands'),
          say('smtpd.commandsValue', { commands: n(f.commands), refused: n(f.refusals) }),
          'commands',
        ],
        [say('smtpd.messages'), n(f.messages), 'messages'],
        [say('smtpd.delivered'), n(f.delivered), 'delivered'],
        [
          say('smtpd.relayed'),
          say('smtpd.relayedValue', { relayed: n(f.relayed), failed: n(f.relayFailed) }),
          'relayed',
        ],
      ],
    };
  },
  narration: {
    types: [
      'smtp.session',
      'smtp.serve',
      'smtp.message',
      'smtp.route',
      'smtp.relayed',
      'smtp.relayFailed',
      'mail.deliver',
      // Every SMTP client's commands and replies: a mail client's, and a relaying server's.
      'smtp.command',
      'smtp.reply',
    ],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = mailPhrases.in(language);
      const server = (node: string) => say('smtp.server', { node: names.name(node) });
      const client = smtpClientSentences(names.name, language);
      return (record) => {
        switch (record.type) {
          case 'smtp.session':
            return {
              kind: 'socket',
              text: say('smtp.session', {
                server: server(record.node),
                client: names.endpoint(record.conn),
              }),
            };
          case 'smtp.serve':
            return {
              kind: record.code >= 400 ? 'error' : 'detail',
              text: say('smtp.serve', {
                server: server(record.node),
                verb: record.verb || say('smtp.unreadable'),
                code: String(record.code),
              }),
            };
          case 'smtp.message':
            return record.code === 250
              ? {
                  kind: 'deliver',
                  text: say('smtp.message', {
                    server: server(record.node),
                    bytes: formatCount(record.bytes, language),
                    to: record.to,
                    queueId: record.queueId,
                  }),
                }
              : {
                  kind: 'error',
                  text: say('smtp.messageRefused', {
                    server: server(record.node),
                    code: String(record.code),
                  }),
                };
          case 'smtp.route': {
            const at = { server: server(record.node), domain: record.domain };
            if (record.error !== null || record.address === null)
              return {
                kind: 'error',
                text: say('smtp.routeFailed', { ...at, error: record.error ?? '' }),
              };
            return {
              kind: 'detail',
              text:
                record.preference === null
                  ? say('smtp.routeImplicit', { ...at, address: record.address })
                  : say('smtp.route', {
                      ...at,
                      exchange: record.exchange ?? '',
                      address: record.address,
                      preference: String(record.preference),
                    }),
            };
          }
          case 'smtp.relayed':
            return {
              kind: 'deliver',
              text: say('smtp.relayed', {
                server: server(record.node),
                to: record.to,
                exchange: record.exchange,
              }),
            };
          case 'smtp.relayFailed':
            return {
              kind: 'error',
              text: say('smtp.relayFailed', {
                server: server(record.node),
                to: record.to,
                error: record.error,
              }),
            };
          case 'mail.deliver':
            return {
              kind: 'deliver',
              text: say('mail.deliver', {
                server: server(record.node),
                from: record.from || '<>',
                mailbox: record.mailbox,
              }),
            };
          default:
            return client(record);
        }
      };
    },
  },
  // Plain code without a machine: it has no states to show.
  listedBeforeStart: () => false,
});

/** Sentences for an SMTP client's commands and replies (a mail client's, or a relaying server's). */
function smtpClientSentences(name: (node: string) => string, language = ENGLISH) {
  const { say } = mailPhrases.in(language);
  return (record: { type: string } & Record<string, unknown>) => {
    if (record.type === 'smtp.command') {
      const { verb, arg } = record as unknown as { verb: string; arg: string; node: string };
      const node = name(record.node as string);
      return {
        kind: 'send' as const,
        text: arg
          ? say('smtp.commandArg', { node, verb, arg })
          : say('smtp.command', { node, verb }),
      };
    }
    if (record.type === 'smtp.reply') {
      const { code, text } = record as unknown as { code: number; text: string };
      return {
        kind: code >= 400 ? ('error' as const) : ('reply' as const),
        text: say('smtp.reply', { node: name(record.node as string), code: String(code), text }),
      };
    }
    return null;
  };
}

export const pop3ServerView = defineAppView<Pop3ServerApp, Pop3ServerFigures>({
  type: 'pop3Server',
  card: (f, names, language = ENGLISH) => {
    const { say } = mailPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    return {
      id: `pop3-server-${f.node}`,
      title: names.name(f.node),
      kind: say('pop3d.kind', { port: String(f.port) }),
      figures: [
        [say('pop3d.sessions'), n(f.sessions), 'sessions'],
        [
          say('pop3d.logins'),
          say('pop3d.loginsValue', { logins: n(f.logins), refused: n(f.failedLogins) }),
          'logins',
        ],
        [say('pop3d.retrieved'), n(f.retrieved), 'retrieved'],
        [say('pop3d.removed'), n(f.removed), 'removed'],
      ],
    };
  },
  narration: {
    types: ['pop3.session', 'pop3.serve', 'mail.remove'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = mailPhrases.in(language);
      const server = (node: string) => say('pop3.server', { node: names.name(node) });
      return (record) => {
        switch (record.type) {
          case 'pop3.session':
            return {
              kind: 'socket',
              text: say('pop3.session', {
                server: server(record.node),
                client: names.endpoint(record.conn),
              }),
            };
          case 'pop3.serve':
            return {
              kind: record.ok ? 'detail' : 'error',
              text: say('pop3.serve', {
                server: server(record.node),
                verb: record.verb || say('smtp.unreadable'),
                status: record.ok ? '+OK' : '-ERR',
              }),
            };
          case 'mail.remove':
            return {
              kind: 'detail',
              text: say('mail.remove', { server: server(record.node), mailbox: record.mailbox }),
            };
          default:
            return null;
        }
      };
    },
  },
  listedBeforeStart: () => false,
});

/** The first node of the document that runs an SMTP server, for a new mail client. */
function mailServerFor({ node, nodes }: NewAppContext): string {
  const server = nodes.find(
    (n) =>
      n.id !== node &&
      Array.isArray(n.apps) &&
      n.apps.some(
        (a) => typeof a === 'object' && a !== null && !Array.isArray(a) && a.type === 'smtpServer',
      ),
  );
  return typeof server?.id === 'string' ? server.id : node;
}

export const mailClientView = defineAppView<MailClientApp, MailClientFigures>({
  type: 'mailClient',
  newApp: {
    name: (language) => mailPhrases.in(language).say('newApp.client'),
    make: (context): JsonFields => {
      const server = mailServerFor(context);
      return {
        type: 'mailClient',
        address: `${context.node.toLowerCase()}@example.com`,
        smtp: server,
        pop3: server,
        send: [{ to: `someone@example.com`, subject: 'Hello', at: '1s' }],
        fetch: { every: '5s' },
      };
    },
  },
  card: (c, names, language = ENGLISH) => {
    const { say } = mailPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    const time = (ns: number | null) => cardTime(ns, language);
    const figures: SummaryFigure[] = [
      [
        say('client.sent'),
        say('client.sentValue', { sent: n(c.sent), notSent: n(c.notSent) }),
        'sent',
      ],
      [say('client.fetched'), n(c.fetched), 'fetched'],
      [say('client.latency'), `${time(c.latency.meanNs)} / ${time(c.latency.maxNs)}`],
    ];
    if (c.error) figures.push([say('client.failure'), c.error]);
    return {
      id: `mail-client-${c.node}-${c.address}`,
      title: `${names.name(c.node)} (${c.address})`,
      kind: say('client.kind'),
      figures,
    };
  },
  narration: {
    // Its SMTP commands and replies are told by smtpServerView, which tells every client's.
    types: ['pop3.command', 'pop3.response', 'mail.sent', 'mail.notSent', 'mail.fetched'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = mailPhrases.in(language);
      const name = names.name;
      return (record) => {
        switch (record.type) {
          case 'pop3.command': {
            const node = name(record.node);
            const { verb, arg } = record;
            return {
              kind: 'send',
              text: !arg
                ? say('pop3.command', { node, verb })
                : verb === 'PASS'
                  ? say('pop3.commandPassword', { node, verb, arg })
                  : say('pop3.commandArg', { node, verb, arg }),
            };
          }
          case 'pop3.response': {
            const said = {
              node: name(record.node),
              status: record.ok ? '+OK' : '-ERR',
              text: record.text,
            };
            return {
              kind: record.ok ? 'reply' : 'error',
              text:
                record.bytes > 0
                  ? say('pop3.responseLines', {
                      ...said,
                      bytes: formatCount(record.bytes, language),
                    })
                  : say('pop3.response', said),
            };
          }
          case 'mail.sent':
            return {
              kind: 'deliver',
              text: say('mail.sent', {
                node: name(record.node),
                to: record.to,
                queueId: record.queueId,
              }),
            };
          case 'mail.notSent':
            return {
              kind: 'error',
              text: say('mail.notSent', {
                node: name(record.node),
                to: record.to,
                error: record.error,
              }),
            };
          case 'mail.fetched': {
            const said = {
              node: name(record.node),
              subject: record.subject,
              from: record.from,
            };
            return {
              kind: 'deliver',
              text:
                record.latency === null
                  ? say('mail.fetchedUntimed', said)
                  : say('mail.fetched', {
                      ...said,
                      latency: formatDuration(record.latency, language),
                    }),
            };
          }
          default:
            return null;
        }
      };
    },
  },
  machine: () => ({ key: 'mail', machine: mailClientMachine }),
});
