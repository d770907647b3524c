// The load balancer's words for its checks in German (see lbCheckPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { LB_CHECK_EN } from './lbCheckPhrases.ts';

export const LB_CHECK_DE: Translation<typeof LB_CHECK_EN> = {
  'check.inBackend': 'Backend {backend}: {problem}',
  'check.timeoutOverInterval':
    'die Zeitgrenze der Prüfung ({timeout}) ist länger als das Intervall ({interval}): Eine Prüfung würde noch warten, wenn die nächste beginnt',
  'check.stickyNeedsL7':
    'Sticky Sessions brauchen "mode": "l7": Auf Schicht 4 liest der Load Balancer keine Cookies',
  'check.pathNeedsL7':
    'ein Prüfpfad braucht "mode": "l7": Auf Schicht 4 baut eine Prüfung nur die Verbindung auf',
  'check.limitAnswerNeedsL7':
    '{field} eines Ratenlimits braucht "mode": "l7": Auf Schicht 4 wird eine Verbindung über dem Limit ohne Antwort zurückgesetzt',
  'check.duplicateBackend':
    'Backend {backend} steht zweimal in der Liste (zuerst als backends[{first}])',
  'check.ownBackend':
    'Backend {backend} ist der eigene Knoten {node} des Load Balancers: Er würde Anfragen an sich selbst schicken',
};
