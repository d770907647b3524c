// The load balancer's words for its checks in each language: what the checks of its setting
// (loadBalancerKind.ts, lbSchemas.ts) say is wrong. A phrasebook apart from lbPhrases.ts (names,
// card, backends table, event log): the checks are in the embed's element from the start, the
// rest loads with the kind's views. lbCheckPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { LB_CHECK_DE } from './lbCheckPhrases.de.ts';

export const LB_CHECK_EN = {
  'check.inBackend': 'backend {backend}: {problem}',
  'check.timeoutOverInterval':
    'the check timeout ({timeout}) is longer than the interval ({interval}): a check would still wait when the next one starts',
  'check.stickyNeedsL7':
    'sticky sessions need "mode": "l7": at layer 4 the balancer reads no cookies',
  'check.pathNeedsL7': 'a check path needs "mode": "l7": at layer 4 a check only connects',
  'check.limitAnswerNeedsL7':
    'a rate limit’s {field} needs "mode": "l7": at layer 4 a connection over the limit is reset, with no answer',
  'check.duplicateBackend': 'backend {backend} is listed twice (first as backends[{first}])',
  'check.ownBackend':
    'backend {backend} is the load balancer’s own node {node}: it would send requests to itself',
} as const;

export const lbCheckPhrases = new Phrasebook(LB_CHECK_EN, { de: LB_CHECK_DE });
