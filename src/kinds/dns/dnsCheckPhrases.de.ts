// DNS's words for its checks in German (see dnsCheckPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { DNS_CHECK_EN } from './dnsCheckPhrases.ts';

export const DNS_CHECK_DE: Translation<typeof DNS_CHECK_EN> = {
  'check.mxNowhere':
    'zeigt ins Leere: Die Zone von Knoten {node} hat keinen Eintrag für {exchange}, den Mail-Exchanger von {name}',
};
