// A bulk transfer's words for its checks in each language: what the check of the transfer action
// (transferActionKind.ts) says is wrong. A phrasebook apart from bulkPhrases.ts (cards, event
// log): the checks are in the embed's element from the start, the rest loads with the kind's
// views. bulkCheckPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { BULK_CHECK_DE } from './bulkCheckPhrases.de.ts';

export const BULK_CHECK_EN = {
  'check.noSink':
    'nothing on {target} listens on TCP port {port}: add a sink there to receive the bytes',
} as const;

export const bulkCheckPhrases = new Phrasebook(BULK_CHECK_EN, { de: BULK_CHECK_DE });
