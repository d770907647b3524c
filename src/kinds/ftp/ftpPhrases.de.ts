// FTP's words in German (see ftpPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { FTP_EN } from './ftpPhrases.ts';

export const FTP_DE: Translation<typeof FTP_EN> = {
  'server.kind': 'FTP-Server an Port {port}',
  'server.sessions': 'Sitzungen',
  'server.logins': 'Anmeldungen (abgewiesen)',
  'server.loginsValue': '{logins} ({refused})',
  'server.commands': 'Befehle',
  'server.bytes': 'Bytes gesendet / empfangen',
  'client.kind': 'FTP-Client',
  'client.commands': 'Befehle',
  'client.replies': 'Antworten',
  'client.transfers': 'Übertragungen',
  'client.bytes': 'Bytes herunter / hoch',
  'client.stopped': 'Abgebrochen',
  'ftp.session': '{server} nimmt eine Steuerverbindung von {client} an und begrüßt sie mit 220.',
  'ftp.server': 'Der FTP-Server von {node}',
  'ftp.serve': '{server} führt {verb} aus.',
  'ftp.serveAnswer': '{server} führt {verb} aus und antwortet {code}.',
  'ftp.unreadable': 'einen unlesbaren Befehl',
  'ftp.dataSent':
    '{server} hat {bytes} Bytes über eine Datenverbindung gesendet, und der Client hat alle erhalten.',
  'ftp.dataReceived':
    '{server} hat eine Datei mit {bytes} Bytes über eine Datenverbindung empfangen.',
  'ftp.command': '{node} sendet den FTP-Befehl {verb}.',
  'ftp.commandArg': '{node} sendet den FTP-Befehl {verb} {arg}.',
  'ftp.commandPassword': '{node} sendet den FTP-Befehl {verb} {arg} (im Klartext).',
  'ftp.reply': '{node} erhält die FTP-Antwort {code}: {text}',
  'ftp.download': '{node} empfängt {file} über die Datenverbindung: {bytes} Bytes.',
  'ftp.listing': '{node} empfängt die Verzeichnisliste über die Datenverbindung: {bytes} Bytes.',
  'ftp.upload': '{node} lädt {file} über die Datenverbindung hoch: {bytes} Bytes.',
};
