// Email's words for its checks in German (see mailCheckPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { MAIL_CHECK_EN } from './mailCheckPhrases.ts';

export const MAIL_CHECK_DE: Translation<typeof MAIL_CHECK_EN> = {
  'check.relayNeedsDns':
    'braucht eine dns-Einstellung auf Knoten {node}: Zum Weiterleiten schlägt er die MX-Einträge der anderen Domains nach',
  'check.mailboxTwice':
    'nennt das Postfach {user} noch einmal (zuerst in mailboxes[{first}]) auf Knoten {node}',
  'check.pop3NeedsSmtp':
    'hat keine Postfächer zu bedienen: Auf Knoten {node} läuft kein smtpServer, der Post in sie zustellt',
  'check.needsSmtp': 'fehlt: Der Client hat Nachrichten zu senden',
  'check.needsPop3': 'fehlt: Der Client holt seine Post ab',
};
