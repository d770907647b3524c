// FTP's words in German: the phrasebook is whole, the server's and the client's cards and their
// sentences (expected German written by hand); English by default.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { record, tell, testNames } from '../../viz/kinds/kindSpeechTestHelpers.ts';
import { spoken } from '../../sim/schema/phrase.ts';
import type { ValidationIssue } from '../../sim/schema/schema.ts';
import { FTP_CHECK_DE } from './ftpCheckPhrases.de.ts';
import { FTP_CHECK_EN } from './ftpCheckPhrases.ts';
import { FTP_DE } from './ftpPhrases.de.ts';
import { ftpClientApp, ftpServerApp } from './ftpSchemas.ts';
import { FTP_EN } from './ftpPhrases.ts';
import { ftpClientView, ftpServerView } from './ftpView.ts';

const CONN = '49152>192.168.1.80:21';
const CLIENT_RECORDS = [
  record('ftp.command', { node: 'laptop', app: 'ftp', conn: CONN, verb: 'PASS', arg: 'geheim' }),
  record('ftp.command', { node: 'laptop', app: 'ftp', conn: CONN, verb: 'LIST', arg: '' }),
  record('ftp.reply', {
    node: 'laptop',
    app: 'ftp',
    conn: CONN,
    code: 530,
    text: 'Login incorrect.',
  }),
  record('ftp.transfer', {
    node: 'laptop',
    app: 'ftp',
    conn: CONN,
    verb: 'LIST',
    file: '',
    bytes: 240,
    direction: 'down',
  }),
  record('ftp.transfer', {
    node: 'laptop',
    app: 'ftp',
    conn: CONN,
    verb: 'STOR',
    file: 'notes.txt',
    bytes: 20480,
    direction: 'up',
  }),
];

describe('FTP in German', () => {
  it('has whole German phrasebooks', () => {
    expect(translationProblems(FTP_EN, FTP_DE)).toEqual([]);
    expect(translationProblems(FTP_CHECK_EN, FTP_CHECK_DE)).toEqual([]);
  });

  it("writes the server's and the client's cards", () => {
    const names = testNames('de');
    const server = {
      node: 'web',
      port: 21,
      sessions: 1,
      commands: 6,
      logins: 2,
      failedLogins: 1,
      bytesSent: 1240,
      bytesReceived: 20480,
    };
    expect(ftpServerView.card(server, names, 'de')).toEqual({
      id: 'ftp-server-web',
      title: 'Web server',
      kind: 'FTP-Server an Port 21',
      figures: [
        ['Sitzungen', '1', 'sessions'],
        ['Anmeldungen (abgewiesen)', '2 (1)', 'logins'],
        ['Befehle', '6', 'commands'],
        ['Bytes gesendet / empfangen', '1.240 / 20.480'],
      ],
    });
    expect(ftpServerView.card(server, testNames()).figures[3]).toEqual([
      'Bytes sent / received',
      '1240 / 20480',
    ]);
    const client = {
      node: 'laptop',
      server: 'web',
      commands: 6,
      replies: { '220': 1, '530': 1 },
      transfers: 0,
      bytesDown: 0,
      bytesUp: 0,
      error: 'ECONNREFUSED',
    };
    expect(ftpClientView.card(client, names, 'de')).toEqual({
      id: 'ftp-client-laptop',
      title: 'Laptop → web',
      kind: 'FTP-Client',
      figures: [
        ['Befehle', '6', 'commands'],
        ['Antworten', '1 × 220, 1 × 530'],
        ['Übertragungen', '0', 'transfers'],
        ['Bytes herunter / hoch', '0 / 0'],
        ['Abgebrochen', 'ECONNREFUSED'],
      ],
    });
  });

  it("tells the client's and the server's sentences in German", () => {
    expect(tell(ftpClientView.narration!, CLIENT_RECORDS, 'de')).toEqual([
      'Laptop sendet den FTP-Befehl PASS geheim (im Klartext).',
      'Laptop sendet den FTP-Befehl LIST.',
      'Laptop erhält die FTP-Antwort 530: Login incorrect.',
      'Laptop empfängt die Verzeichnisliste über die Datenverbindung: 240 Bytes.',
      'Laptop lädt notes.txt über die Datenverbindung hoch: 20.480 Bytes.',
    ]);
    expect(
      tell(
        ftpServerView.narration!,
        [
          record('ftp.session', { node: 'web', app: 'ftpd', conn: '192.168.1.10:49152' }),
          record('ftp.serve', { node: 'web', app: 'ftpd', conn: CONN, verb: '', code: 500 }),
        ],
        'de',
      ),
    ).toEqual([
      'Der FTP-Server von Web server nimmt eine Steuerverbindung von Laptop (192.168.1.10:49152) an und begrüßt sie mit 220.',
      'Der FTP-Server von Web server führt einen unlesbaren Befehl aus und antwortet 500.',
    ]);
  });

  it('tells them in English by default', () => {
    expect(tell(ftpClientView.narration!, CLIENT_RECORDS)).toEqual([
      'Laptop sends the FTP command PASS geheim (in plain text).',
      'Laptop sends the FTP command LIST.',
      'Laptop gets FTP reply 530: Login incorrect.',
      'Laptop receives the directory listing over the data connection: 240 bytes.',
      'Laptop uploads notes.txt over the data connection: 20480 bytes.',
    ]);
  });
});

describe('the FTP kinds’ own checks in German', () => {
  it('says each problem of a script or a file in German, English for the CLI', () => {
    const issues: ValidationIssue[] = [];
    ftpClientApp.parse(
      {
        type: 'ftpClient',
        server: 'files',
        script: [
          { cmd: 'STOR', file: 'up.bin' },
          { cmd: 'RETR' },
          { cmd: 'STOR', file: 'up.bin', size: 1, text: 'x' },
        ],
      },
      '$',
      issues,
    );
    ftpServerApp.parse({ type: 'ftpServer', files: [{ name: 'a.txt' }] }, '$', issues);
    expect(issues.map((i) => `${i.path} ${spoken(i, 'de')}`)).toEqual([
      '$.script[0] erwartet: entweder „size“ oder „text“ für STOR, gefunden: keins von beiden',
      '$.script[1].file fehlt: RETR braucht einen Dateinamen',
      '$.script[2] erwartet: entweder „size“ oder „text“ für STOR, gefunden: beide',
      '$.files[0] erwartet: entweder „size“ oder „text“, gefunden: keins von beiden',
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      'expected either "size" or "text" for STOR, got neither',
      'is required: RETR needs a file name',
      'expected either "size" or "text" for STOR, got both',
      'expected either "size" or "text", got neither',
    ]);
  });
});
