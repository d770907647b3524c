// How FTP looks: the server's and the client's summary cards, their sentences in the event log
// (commands and replies on the control connection, the password in plain text, transfers on
// data connections, the server's sessions) and the client's machine. Its words, in each
// language, are in ftpPhrases.ts.

import { ENGLISH } from '../../engine/language.ts';
import { defineAppView } from '../../viz/kinds/kindView.ts';
import { formatCount } from '../../engine/language.ts';
import { cardCounts } from '../../viz/summary/cardParts.ts';
import type { FtpClientFigures } from './ftpClientKind.ts';
import { ftpClientMachine } from './ftpClientMachine.ts';
import type { FtpServerFigures } from './ftpServerKind.ts';
import type { FtpClientApp, FtpServerApp } from './ftpSchemas.ts';
import { ftpPhrases } from './ftpPhrases.ts';
import './ftpTrace.ts';

export const ftpServerView = defineAppView<FtpServerApp, FtpServerFigures>({
  type: 'ftpServer',
  card: (f, names, language = ENGLISH) => {
    const { say } = ftpPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    return {
      id: `ftp-server-${f.node}`,
      title: names.name(f.node),
      kind: say('server.kind', { port: String(f.port) }),
      figures: [
        [say('server.sessions'), n(f.sessions), 'sessions'],
        [
          say('server.logins'),
          say('server.loginsValue', { logins: n(f.logins), refused: n(f.failedLogins) }),
          'logins',
        ],
        [say('server.commands'), n(f.commands), 'commands'],
        [say('server.bytes'), `${n(f.bytesSent)} / ${n(f.bytesReceived)}`],
      ],
    };
  },
  narration: {
    types: ['ftp.session', 'ftp.serve', 'ftp.data'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = ftpPhrases.in(language);
      const server = (node: string) => say('ftp.server', { node: names.name(node) });
      return (record) => {
        switch (record.type) {
          case 'ftp.session':
            return {
              kind: 'socket',
              text: say('ftp.session', {
                server: server(record.node),
                client: names.endpoint(record.conn),
              }),
            };
          case 'ftp.serve': {
            const done = {
              server: server(record.node),
              verb: record.verb || say('ftp.unreadable'),
            };
            return {
              kind: 'detail',
              text:
                record.code === null
                  ? say('ftp.serve', done)
                  : say('ftp.serveAnswer', { ...done, code: String(record.code) }),
            };
          }
          case 'ftp.data': {
            const moved = {
              server: server(record.node),
              bytes: formatCount(record.bytes, language),
            };
            return {
              kind: 'detail',
              text:
                record.direction === 'sent'
                  ? say('ftp.dataSent', moved)
                  : say('ftp.dataReceived', moved),
            };
          }
          default:
            return null;
        }
      };
    },
  },
  // Plain code without a machine: it has no states to show.
  listedBeforeStart: () => false,
});

export const ftpClientView = defineAppView<FtpClientApp, FtpClientFigures>({
  type: 'ftpClient',
  talksTo: 'ftpServer',
  card: (c, names, language = ENGLISH) => {
    const { say } = ftpPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    return {
      id: `ftp-client-${c.node}`,
      title: `${names.name(c.node)} → ${c.server}`,
      kind: say('client.kind'),
      figures: [
        [say('client.commands'), n(c.commands), 'commands'],
        [say('client.replies'), cardCounts(c.replies, language)],
        [say('client.transfers'), n(c.transfers), 'transfers'],
        [say('client.bytes'), `${n(c.bytesDown)} / ${n(c.bytesUp)}`],
        ...(c.error ? [[say('client.stopped'), c.error] as [string, string]] : []),
      ],
    };
  },
  narration: {
    types: ['ftp.command', 'ftp.reply', 'ftp.transfer'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = ftpPhrases.in(language);
      const name = names.name;
      return (record) => {
        switch (record.type) {
          case 'ftp.command': {
            const node = name(record.node);
            const { verb, arg } = record;
            return {
              kind: 'send',
              text: !arg
                ? say('ftp.command', { node, verb })
                : verb === 'PASS'
                  ? say('ftp.commandPassword', { node, verb, arg })
                  : say('ftp.commandArg', { node, verb, arg }),
            };
          }
          case 'ftp.reply':
            return {
              kind: record.code >= 400 ? 'error' : 'reply',
              text: say('ftp.reply', {
                node: name(record.node),
                code: String(record.code),
                text: record.text,
              }),
            };
          case 'ftp.transfer': {
            const moved = { node: name(record.node), bytes: formatCount(record.bytes, language) };
            return {
              kind: 'deliver',
              text:
                record.direction !== 'down'
                  ? say('ftp.upload', { ...moved, file: record.file })
                  : record.verb === 'LIST'
                    ? say('ftp.listing', moved)
                    : say('ftp.download', { ...moved, file: record.file }),
            };
          }
          default:
            return null;
        }
      };
    },
  },
  machine: () => ({ key: 'ftp', machine: ftpClientMachine }),
});
