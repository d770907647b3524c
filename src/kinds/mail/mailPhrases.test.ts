// Email's words: the German phrasebooks are whole; the cards and sentences in German (written by
// hand) and English; the checks of the mail kinds, each naming its field and node, in both.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { spoken } from '../../sim/schema/phrase.ts';
import { validateScenario } from '../../sim/scenario/validateScenario.ts';
import { record, tell, testNames } from '../../viz/kinds/kindSpeechTestHelpers.ts';
import { MAIL_CHECK_DE } from './mailCheckPhrases.de.ts';
import { MAIL_CHECK_EN } from './mailCheckPhrases.ts';
import { MAIL_DE } from './mailPhrases.de.ts';
import { MAIL_EN } from './mailPhrases.ts';
import { mailClientView, pop3ServerView, smtpServerView } from './mailView.ts';

const CONN = '49152>192.168.1.80:25';
const where = { node: 'web', app: 'smtpd' };
const SERVER_RECORDS = [
  record('smtp.session', { ...where, conn: '192.168.1.10:49152' }),
  record('smtp.command', { ...where, conn: CONN, verb: 'RCPT', arg: 'TO:<bob@b.example>' }),
  record('smtp.reply', {
    ...where,
    conn: CONN,
    code: 554,
    text: '5.7.1 <bob@b.example>: Relay access denied',
  }),
  record('smtp.route', {
    ...where,
    queueId: 'ABC',
    domain: 'b.example',
    exchange: null,
    preference: null,
    address: '10.0.0.25',
    error: null,
  }),
  record('mail.deliver', {
    ...where,
    mailbox: 'bob',
    queueId: 'ABC',
    messageId: '<1@a>',
    from: 'alice@a.example',
    subject: 'Hi',
    bytes: 1500,
  }),
];
const CLIENT_RECORDS = [
  record('pop3.command', { node: 'laptop', app: 'mail', conn: CONN, verb: 'PASS', arg: 'builder' }),
  record('pop3.response', {
    node: 'laptop',
    app: 'mail',
    conn: CONN,
    ok: true,
    text: '1 messages:',
    bytes: 1200,
  }),
  record('mail.fetched', {
    node: 'laptop',
    app: 'mail',
    messageId: '<1@a>',
    from: 'alice@a.example',
    subject: 'Hi',
    bytes: 1200,
    sent: 0,
    latency: 1_500_000_000,
  }),
];

describe('email in German', () => {
  it('has whole German phrasebooks', () => {
    expect(translationProblems(MAIL_EN, MAIL_DE)).toEqual([]);
    expect(translationProblems(MAIL_CHECK_EN, MAIL_CHECK_DE)).toEqual([]);
  });

  it('tells the servers’ and the client’s sentences in German, and in English by default', () => {
    expect(tell(smtpServerView.narration!, SERVER_RECORDS, 'de')).toEqual([
      'Der SMTP-Server von Web server nimmt eine Verbindung von Laptop (192.168.1.10:49152) an und begrüßt sie mit 220.',
      'Web server sendet den SMTP-Befehl RCPT TO:<bob@b.example>.',
      'Web server erhält die SMTP-Antwort 554: 5.7.1 <bob@b.example>: Relay access denied',
      'Der SMTP-Server von Web server findet keinen MX-Eintrag für b.example und sendet die Post daher an die Domain selbst (10.0.0.25).',
      'Der SMTP-Server von Web server legt die Nachricht von alice@a.example in das Postfach von bob.',
    ]);
    expect(tell(mailClientView.narration!, CLIENT_RECORDS, 'de')).toEqual([
      'Laptop sendet den POP3-Befehl PASS builder (im Klartext).',
      'Laptop erhält die POP3-Antwort +OK 1 messages: und 1.200 Bytes danach.',
      'Laptop holt „Hi“ von alice@a.example ab, gesendet 1,5 s zuvor.',
    ]);
    expect(tell(mailClientView.narration!, CLIENT_RECORDS)).toEqual([
      'Laptop sends the POP3 command PASS builder (in plain text).',
      'Laptop gets the POP3 response +OK 1 messages: and 1200 bytes after it.',
      'Laptop fetches “Hi” from alice@a.example, sent 1.5 s earlier.',
    ]);
    expect(
      tell(
        pop3ServerView.narration!,
        [record('pop3.serve', { node: 'web', app: 'pop3d', conn: CONN, verb: 'PASS', ok: false })],
        'de',
      ),
    ).toEqual(['Der POP3-Server von Web server beantwortet PASS mit -ERR.']);
  });

  it('writes the cards', () => {
    const names = testNames('de');
    const client = {
      node: 'laptop',
      address: 'bob@b.example',
      sent: 2,
      notSent: 1,
      fetched: 3,
      latency: { count: 3, meanNs: 1_500_000_000, p95Ns: 2e9, maxNs: 2e9 },
      error: 'ECONNREFUSED',
    };
    expect(mailClientView.card(client, names, 'de')).toEqual({
      id: 'mail-client-laptop-bob@b.example',
      title: 'Laptop (bob@b.example)',
      kind: 'Mail-Client',
      figures: [
        ['Gesendet (nicht gesendet)', '2 (1)', 'sent'],
        ['Abgeholt', '3', 'fetched'],
        ['Gesendet bis abgeholt (Mittel / Max.)', '1,5 s / 2 s'],
        ['Letzter Fehler', 'ECONNREFUSED'],
      ],
    });
    const server = {
      node: 'web',
      port: 25,
      sessions: 2,
      commands: 12,
      refusals: 1,
      messages: 2,
      delivered: 1,
      relayed: 1,
      relayFailed: 0,
    };
    expect(smtpServerView.card(server, testNames()).figures).toEqual([
      ['Connections', '2', 'sessions'],
      ['Commands (refused)', '12 (1)', 'commands'],
      ['Messages taken', '2', 'messages'],
      ['Delivered to mailboxes', '1', 'delivered'],
      ['Relayed (failed)', '1 (0)', 'relayed'],
    ]);
  });
});

describe('a mail client added on the canvas', () => {
  it('is named in the menu and points at the first node with an SMTP server', () => {
    expect(mailClientView.newApp?.name('de')).toBe('Mail-Client (sendet und holt ab)');
    const nodes = [
      { id: 'pc', apps: [] },
      { id: 'web', apps: [{ type: 'httpServer' }] },
      { id: 'mx', apps: [{ type: 'smtpServer', domains: ['example.com'] }] },
    ];
    expect(mailClientView.newApp?.make({ node: 'pc', nodes })).toEqual({
      type: 'mailClient',
      address: 'pc@example.com',
      smtp: 'mx',
      pop3: 'mx',
      send: [{ to: 'someone@example.com', subject: 'Hello', at: '1s' }],
      fetch: { every: '5s' },
    });
  });
});

describe('the mail kinds’ checks', () => {
  const node = (id: string, last: number, extra: object) => ({
    id,
    role: 'server',
    interfaces: [{ name: 'eth0', address: `10.0.0.${last}/24` }],
    ...extra,
  });
  const issues = (nodes: object[]) => {
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'checks',
      nodes,
      links: [],
    });
    return result.ok ? [] : result.issues;
  };

  it('name the field and the node, in English and German', () => {
    const found = issues([
      node('mx', 25, {
        apps: [
          {
            type: 'smtpServer',
            domains: ['b.example'],
            relayFrom: ['10.0.0.0/24'],
            mailboxes: [{ user: 'bob' }, { user: 'Bob' }],
          },
        ],
      }),
      node('pop', 26, { apps: [{ type: 'pop3Server' }] }),
      node('pc', 2, {
        apps: [
          {
            type: 'mailClient',
            address: 'al@a.example',
            send: [{ to: 'bob@b.example', subject: 'x' }],
            fetch: {},
          },
        ],
      }),
    ]);
    expect(found.map((i) => [i.path, i.message])).toEqual([
      [
        '$.nodes[0].apps[0].relayFrom',
        'needs a dns setting on node mx: relaying looks up the MX records of the other domains',
      ],
      [
        '$.nodes[0].apps[0].mailboxes[1].user',
        'names mailbox Bob again (first in mailboxes[0]) on node mx',
      ],
      [
        '$.nodes[1].apps[0]',
        'has no mailboxes to serve: node pop runs no smtpServer to deliver mail into them',
      ],
      ['$.nodes[2].apps[0].smtp', 'is required: the client has messages to send'],
      ['$.nodes[2].apps[0].pop3', 'is required: the client fetches its mail'],
    ]);
    expect(spoken(found[0]!, 'de')).toBe(
      'braucht eine dns-Einstellung auf Knoten mx: Zum Weiterleiten schlägt er die MX-Einträge der anderen Domains nach',
    );
  });

  it('refuse a bad address, domain or relay network with what was expected', () => {
    const found = issues([
      node('mx', 25, {
        apps: [{ type: 'smtpServer', domains: ['not a domain'], relayFrom: ['10.0.0.1/24'] }],
      }),
      node('pc', 2, { apps: [{ type: 'mailClient', address: 'bob', smtp: 'mx' }] }),
    ]);
    expect(found.map((i) => i.path)).toEqual([
      '$.nodes[0].apps[0].domains[0]',
      '$.nodes[0].apps[0].relayFrom[0]',
      '$.nodes[1].apps[0].address',
    ]);
    expect(found[2]?.message).toContain('a mail address such as "bob@b.example"');
  });
});
