// Email's words for its checks in each language: what the checks of the SMTP server, the POP3
// server and the mail client (smtpServerKind.ts, pop3ServerKind.ts, mailClientKind.ts) say is
// wrong with a setting. A phrasebook apart from mailPhrases.ts (cards, event log, mailboxes):
// the checks are in the embed's element from the start, the rest loads with the kind's views.
// mailCheckPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { MAIL_CHECK_DE } from './mailCheckPhrases.de.ts';

export const MAIL_CHECK_EN = {
  'check.relayNeedsDns':
    'needs a dns setting on node {node}: relaying looks up the MX records of the other domains',
  'check.mailboxTwice': 'names mailbox {user} again (first in mailboxes[{first}]) on node {node}',
  'check.pop3NeedsSmtp':
    'has no mailboxes to serve: node {node} runs no smtpServer to deliver mail into them',
  'check.needsSmtp': 'is required: the client has messages to send',
  'check.needsPop3': 'is required: the client fetches its mail',
} as const;

export const mailCheckPhrases = new Phrasebook(MAIL_CHECK_EN, { de: MAIL_CHECK_DE });
