// FTP's words for people in each language: the server's and the client's summary cards and their
// sentences in the event log (commands and replies, the password in plain text, transfers on data
// connections, the server's sessions); its checks' words are in ftpCheckPhrases.ts.
// ftpPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { FTP_DE } from './ftpPhrases.de.ts';

export const FTP_EN = {
  'server.kind': 'FTP server on port {port}',
  'server.sessions': 'Sessions',
  'server.logins': 'Logins (refused)',
  'server.loginsValue': '{logins} ({refused})',
  'server.commands': 'Commands',
  'server.bytes': 'Bytes sent / received',
  'client.kind': 'FTP client',
  'client.commands': 'Commands',
  'client.replies': 'Replies',
  'client.transfers': 'Transfers',
  'client.bytes': 'Bytes down / up',
  'client.stopped': 'Stopped',
  'ftp.session': '{server} takes a control connection from {client} and greets it with 220.',
  'ftp.server': '{node}’s FTP server',
  'ftp.serve': '{server} carries out {verb}.',
  'ftp.serveAnswer': '{server} carries out {verb} and answers {code}.',
  'ftp.unreadable': 'an unreadable command',
  'ftp.dataSent':
    '{server} has sent {bytes} bytes over a data connection, and the client has them all.',
  'ftp.dataReceived': '{server} has received a {bytes}-byte file over a data connection.',
  'ftp.command': '{node} sends the FTP command {verb}.',
  'ftp.commandArg': '{node} sends the FTP command {verb} {arg}.',
  // RFC 959 section 4.1: the password travels as plain text on the control connection.
  'ftp.commandPassword': '{node} sends the FTP command {verb} {arg} (in plain text).',
  'ftp.reply': '{node} gets FTP reply {code}: {text}',
  'ftp.download': '{node} receives {file} over the data connection: {bytes} bytes.',
  'ftp.listing': '{node} receives the directory listing over the data connection: {bytes} bytes.',
  'ftp.upload': '{node} uploads {file} over the data connection: {bytes} bytes.',
} as const;

export const ftpPhrases = new Phrasebook(FTP_EN, { de: FTP_DE });
