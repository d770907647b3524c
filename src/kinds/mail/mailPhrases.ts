// Email's words for people in each language: the SMTP server's, the POP3 server's and the mail
// client's summary cards, their sentences in the event log (commands and replies as the clients
// see them, what the servers did, where a message went) and the mailboxes in the node inspector.
// The checks of their settings say theirs in mailCheckPhrases.ts. mailPhrases.de.ts translates
// them.

import { Phrasebook } from '../../engine/language.ts';
import { MAIL_DE } from './mailPhrases.de.ts';

export const MAIL_EN = {
  'smtpd.kind': 'SMTP server on port {port}',
  'smtpd.sessions': 'Connections',
  'smtpd.commands': 'Commands (refused)',
  'smtpd.commandsValue': '{commands} ({refused})',
  'smtpd.messages': 'Messages taken',
  'smtpd.delivered': 'Delivered to mailboxes',
  'smtpd.relayed': 'Relayed (failed)',
  'smtpd.relayedValue': '{relayed} ({failed})',
  'pop3d.kind': 'POP3 server on port {port}',
  'pop3d.sessions': 'Connections',
  'pop3d.logins': 'Logins (refused)',
  'pop3d.loginsValue': '{logins} ({refused})',
  'pop3d.retrieved': 'Messages retrieved',
  'pop3d.removed': 'Messages deleted',
  'client.kind': 'Mail client',
  'client.sent': 'Sent (not sent)',
  'client.sentValue': '{sent} ({notSent})',
  'client.fetched': 'Fetched',
  'client.latency': 'Sent to fetched (mean / max)',
  'client.failure': 'Last failure',
  'smtp.server': '{node}’s SMTP server',
  'pop3.server': '{node}’s POP3 server',
  'smtp.command': '{node} sends the SMTP command {verb}.',
  'smtp.commandArg': '{node} sends the SMTP command {verb} {arg}.',
  'smtp.reply': '{node} gets SMTP reply {code}: {text}',
  'smtp.session': '{server} takes a connection from {client} and greets it with 220.',
  'smtp.serve': '{server} answers {verb} with {code}.',
  'smtp.unreadable': 'an unreadable line',
  'smtp.message':
    '{server} has the whole message ({bytes} bytes, ended by a line with a single dot) and takes it for {to} under queue id {queueId}.',
  'smtp.messageRefused': '{server} refuses the message: {code}.',
  'smtp.route':
    '{server} will hand the mail for {domain} to {exchange} ({address}), its mail exchanger of preference {preference}.',
  'smtp.routeImplicit':
    '{server} finds no MX record for {domain}, so it sends the mail to the domain itself ({address}).',
  'smtp.routeFailed': '{server} cannot reach a mail exchanger for {domain}: {error}.',
  'smtp.relayed': '{server} has handed the message for {to} to {exchange}, the next hop.',
  'smtp.relayFailed': '{server} gives up on the mail for {to}: {error}.',
  'mail.deliver': '{server} puts the message from {from} into the mailbox of {mailbox}.',
  'mail.remove': '{server} removes a message {mailbox} deleted.',
  'pop3.command': '{node} sends the POP3 command {verb}.',
  'pop3.commandArg': '{node} sends the POP3 command {verb} {arg}.',
  // RFC 1939 section 7: USER and PASS carry the password as plain text.
  'pop3.commandPassword': '{node} sends the POP3 command {verb} {arg} (in plain text).',
  'pop3.response': '{node} gets the POP3 response {status} {text}',
  'pop3.responseLines': '{node} gets the POP3 response {status} {text} and {bytes} bytes after it.',
  'pop3.session': '{server} takes a connection from {client} and greets it with +OK.',
  'pop3.serve': '{server} answers {verb} with {status}.',
  'mail.sent':
    '{node}’s message to {to} is sent: its SMTP server took it under queue id {queueId}.',
  'mail.notSent': '{node}’s message to {to} did not go: {error}.',
  'mail.fetched': '{node} fetches “{subject}” from {from}, sent {latency} earlier.',
  'mail.fetchedUntimed': '{node} fetches “{subject}” from {from}.',
  'mailbox.title': 'Mailboxes',
  'mailbox.caption': 'The mailboxes of {node} at {time}: the messages in each.',
  'mailbox.owner': 'Mailbox',
  'mailbox.from': 'From',
  'mailbox.subject': 'Subject',
  'mailbox.size': 'Size',
  'mailbox.sizeValue': '{bytes} bytes',
  'mailbox.empty': 'empty',
  'newApp.client': 'Mail client (sends and fetches)',
} as const;

export const mailPhrases = new Phrasebook(MAIL_EN, { de: MAIL_DE });
