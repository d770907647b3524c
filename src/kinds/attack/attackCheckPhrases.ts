// The attacks' words for their checks in each language: what the checks of the SYN flood's and
// the port scan's actions (synFloodActionKind.ts, portScanActionKind.ts) say is wrong. A
// phrasebook apart from attackPhrases.ts (cards, event log): the checks are in the embed's element
// from the start, the rest loads with the kinds' views. attackCheckPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { ATTACK_CHECK_DE } from './attackCheckPhrases.de.ts';

export const ATTACK_CHECK_EN = {
  'check.tooManySyns':
    'this flood would send {count} SYNs, more than {max}: lower its rate or its duration',
  'check.badPorts':
    '"{part}" in "{ports}" is not a port or a range of ports from 1 to 65535 (such as 80 or 1-1024)',
} as const;

export const attackCheckPhrases = new Phrasebook(ATTACK_CHECK_EN, { de: ATTACK_CHECK_DE });
