// The attacks's words for its checks in German (see attackCheckPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { ATTACK_CHECK_EN } from './attackCheckPhrases.ts';

export const ATTACK_CHECK_DE: Translation<typeof ATTACK_CHECK_EN> = {
  'check.tooManySyns':
    'diese Flut würde {count} SYNs senden, mehr als {max}: Senke ihre Rate oder ihre Dauer',
  'check.badPorts':
    '„{part}“ in „{ports}“ ist kein Port und kein Portbereich von 1 bis 65535 (wie 80 oder 1-1024)',
};
