// Email's words in German (see mailPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { MAIL_EN } from './mailPhrases.ts';

export const MAIL_DE: Translation<typeof MAIL_EN> = {
  'smtpd.kind': 'SMTP-Server an Port {port}',
  'smtpd.sessions': 'Verbindungen',
  'smtpd.commands': 'Befehle (abgewiesen)',
  'smtpd.commandsValue': '{commands} ({refused})',
  'smtpd.messages': 'Angenommene Nachrichten',
  'smtpd.delivered': 'In Postfächer zugestellt',
  'smtpd.relayed': 'Weitergeleitet (gescheitert)',
  'smtpd.relayedValue': '{relayed} ({failed})',
  'pop3d.kind': 'POP3-Server an Port {port}',
  'pop3d.sessions': 'Verbindungen',
  'pop3d.logins': 'Anmeldungen (abgewiesen)',
  'pop3d.loginsValue': '{logins} ({refused})',
  'pop3d.retrieved': 'Abgeholte Nachrichten',
  'pop3d.removed': 'Gelöschte Nachrichten',
  'client.kind': 'Mail-Client',
  'client.sent': 'Gesendet (nicht gesendet)',
  'client.sentValue': '{sent} ({notSent})',
  'client.fetched': 'Abgeholt',
  'client.latency': 'Gesendet bis abgeholt (Mittel / Max.)',
  'client.failure': 'Letzter Fehler',
  'smtp.server': 'Der SMTP-Server von {node}',
  'pop3.server': 'Der POP3-Server von {node}',
  'smtp.command': '{node} sendet den SMTP-Befehl {verb}.',
  'smtp.commandArg': '{node} sendet den SMTP-Befehl {verb} {arg}.',
  'smtp.reply': '{node} erhält die SMTP-Antwort {code}: {text}',
  'smtp.session': '{server} nimmt eine Verbindung von {client} an und begrüßt sie mit 220.',
  'smtp.serve': '{server} beantwortet {verb} mit {code}.',
  'smtp.unreadable': 'eine unlesbare Zeile',
  'smtp.message':
    '{server} hat die ganze Nachricht ({bytes} Bytes, beendet von einer Zeile mit einem einzelnen Punkt) und nimmt sie für {to} unter der Queue-ID {queueId} an.',
  'smtp.messageRefused': '{server} weist die Nachricht ab: {code}.',
  'smtp.route':
    '{server} wird die Post für {domain} an {exchange} ({address}) übergeben, seinen Mail-Exchanger mit Präferenz {preference}.',
  'smtp.routeImplicit':
    '{server} findet keinen MX-Eintrag für {domain} und sendet die Post daher an die Domain selbst ({address}).',
  'smtp.routeFailed': '{server} erreicht keinen Mail-Exchanger für {domain}: {error}.',
  'smtp.relayed':
    '{server} hat die Nachricht für {to} an {exchange} übergeben, die nächste Station.',
  'smtp.relayFailed': '{server} gibt die Post für {to} auf: {error}.',
  'mail.deliver': '{server} legt die Nachricht von {from} in das Postfach von {mailbox}.',
  'mail.remove': '{server} entfernt eine Nachricht, die {mailbox} gelöscht hat.',
  'pop3.command': '{node} sendet den POP3-Befehl {verb}.',
  'pop3.commandArg': '{node} sendet den POP3-Befehl {verb} {arg}.',
  'pop3.commandPassword': '{node} sendet den POP3-Befehl {verb} {arg} (im Klartext).',
  'pop3.response': '{node} erhält die POP3-Antwort {status} {text}',
  'pop3.responseLines': '{node} erhält die POP3-Antwort {status} {text} und {bytes} Bytes danach.',
  'pop3.session': '{server} nimmt eine Verbindung von {client} an und begrüßt sie mit +OK.',
  'pop3.serve': '{server} beantwortet {verb} mit {status}.',
  'mail.sent':
    'Die Nachricht von {node} an {to} ist gesendet: Sein SMTP-Server hat sie unter der Queue-ID {queueId} angenommen.',
  'mail.notSent': 'Die Nachricht von {node} an {to} ging nicht hinaus: {error}.',
  'mail.fetched': '{node} holt „{subject}“ von {from} ab, gesendet {latency} zuvor.',
  'mail.fetchedUntimed': '{node} holt „{subject}“ von {from} ab.',
  'mailbox.title': 'Postfächer',
  'mailbox.caption': 'Die Postfächer von {node} um {time}: die Nachrichten in jedem.',
  'mailbox.owner': 'Postfach',
  'mailbox.from': 'Von',
  'mailbox.subject': 'Betreff',
  'mailbox.size': 'Größe',
  'mailbox.sizeValue': '{bytes} Bytes',
  'mailbox.empty': 'leer',
  'check.relayNeedsDns':
    'braucht eine dns-Einstellung auf Knoten {node}: Zum Weiterleiten schlägt er die MX-Einträge der anderen Domains nach',
  'check.mailboxTwice':
    'nennt das Postfach {user} noch einmal (zuerst in mailboxes[{first}]) auf Knoten {node}',
  'check.pop3NeedsSmtp':
    'hat keine Postfächer zu bedienen: Auf Knoten {node} läuft kein smtpServer, der Post in sie zustellt',
  'check.needsSmtp': 'fehlt: Der Client hat Nachrichten zu senden',
  'check.needsPop3': 'fehlt: Der Client holt seine Post ab',
  'newApp.client': 'Mail-Client (sendet und holt ab)',
};
