// How FTP looks: the server's and the client's summary cards, their sentences in the event log
// (commands and replies on the control connection, the password in plain text, transfers on
// data connections, the server's sessions) and the client's machine.

import { defineAppView } from '../../viz/kinds/kindView.ts';
import { cardCounts } from '../../viz/summary/cardParts.ts';
import type { FtpClientFigures } from './ftpClientKind.ts';
import { ftpClientMachine } from './ftpClientMachine.ts';
import type { FtpServerFigures } from './ftpServerKind.ts';
import type { FtpClientApp, FtpServerApp } from './ftpSchemas.ts';
import './ftpTrace.ts';

export const ftpServerView = defineAppView<FtpServerApp, FtpServerFigures>({
  type: 'ftpServer',
  card: (f, names) => ({
    id: `ftp-server-${f.node}`,
    title: names.name(f.node),
    kind: `FTP server on port ${f.port}`,
    figures: [
      ['Sessions', String(f.sessions), 'sessions'],
      ['Logins (refused)', `${f.logins} (${f.failedLogins})`, 'logins'],
      ['Commands', String(f.commands), 'commands'],
      ['Bytes sent / received', `${f.bytesSent} / ${f.bytesReceived}`],
    ],
  }),
  narration: {
    types: ['ftp.session', 'ftp.serve', 'ftp.data'],
    narrator:
      ({ names }) =>
      (record) => {
        const server = (node: string) => `${names.name(node)}’s FTP server`;
        switch (record.type) {
          case 'ftp.session':
            return {
              kind: 'socket',
              text: `${server(record.node)} takes a control connection from ${names.endpoint(record.conn)} and greets it with 220.`,
            };
          case 'ftp.serve':
            return {
              kind: 'detail',
              text: `${server(record.node)} carries out ${record.verb || 'an unreadable command'}${record.code === null ? '' : ` and answers ${record.code}`}.`,
            };
          case 'ftp.data':
            return {
              kind: 'detail',
              text:
                record.direction === 'sent'
                  ? `${server(record.node)} has sent ${record.bytes} bytes over a data connection, and the client has them all.`
                  : `${server(record.node)} has received a ${record.bytes}-byte file over a data connection.`,
            };
          default:
            return null;
        }
      },
  },
  // Plain code without a machine: it has no states to show.
  listedBeforeStart: () => false,
});

export const ftpClientView = defineAppView<FtpClientApp, FtpClientFigures>({
  type: 'ftpClient',
  talksTo: 'ftpServer',
  card: (c, names) => ({
    id: `ftp-client-${c.node}`,
    title: `${names.name(c.node)} → ${c.server}`,
    kind: 'FTP client',
    figures: [
      ['Commands', String(c.commands), 'commands'],
      ['Replies', cardCounts(c.replies)],
      ['Transfers', String(c.transfers), 'transfers'],
      ['Bytes down / up', `${c.bytesDown} / ${c.bytesUp}`],
      ...(c.error ? [['Stopped', c.error] as [string, string]] : []),
    ],
  }),
  narration: {
    types: ['ftp.command', 'ftp.reply', 'ftp.transfer'],
    narrator:
      ({ names }) =>
      (record) => {
        const name = names.name;
        switch (record.type) {
          case 'ftp.command':
            return {
              kind: 'send',
              // RFC 959 section 4.1: the password travels as plain text on the control connection.
              text: `${name(record.node)} sends the FTP command ${record.verb}${record.arg ? ` ${record.verb === 'PASS' ? record.arg + ' (in plain text)' : record.arg}` : ''}.`,
            };
          case 'ftp.reply':
            return {
              kind: record.code >= 400 ? 'error' : 'reply',
              text: `${name(record.node)} gets FTP reply ${record.code}: ${record.text}`,
            };
          case 'ftp.transfer':
            return {
              kind: 'deliver',
              text:
                record.direction === 'down'
                  ? `${name(record.node)} receives ${record.verb === 'LIST' ? 'the directory listing' : record.file} over the data connection: ${record.bytes} bytes.`
                  : `${name(record.node)} uploads ${record.file} over the data connection: ${record.bytes} bytes.`,
            };
          default:
            return null;
        }
      },
  },
  machine: () => ({ key: 'ftp', machine: ftpClientMachine }),
});
