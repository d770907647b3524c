// DNS's words for its checks in each language: what the check of the name server's zone
// (dnsServerKind.ts) says is wrong. A phrasebook apart from dnsPhrases.ts (cards, event log): the
// checks are in the embed's element from the start, the rest loads with the kind's views.
// dnsCheckPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { DNS_CHECK_DE } from './dnsCheckPhrases.de.ts';

export const DNS_CHECK_EN = {
  'check.mxNowhere':
    'points nowhere: node {node}\u2019s zone has no record for {exchange}, the mail exchanger of {name}',
} as const;

export const dnsCheckPhrases = new Phrasebook(DNS_CHECK_EN, { de: DNS_CHECK_DE });
