// Bulk transfer's words for its checks in German (see bulkCheckPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { BULK_CHECK_EN } from './bulkCheckPhrases.ts';

export const BULK_CHECK_DE: Translation<typeof BULK_CHECK_EN> = {
  'check.noSink':
    'auf {target} hört nichts auf TCP-Port {port}: Füge dort eine Senke hinzu, die die Bytes empfängt',
};
