// The web's words for its checks in each language: what the checks of the web server, the web
// client and the fetch action (httpServerKind.ts, httpClientKind.ts, fetchActionKind.ts) say is
// wrong. A phrasebook apart from webPhrases.ts (names, card, event log): the checks are in the
// embed's element from the start, the rest loads with the kind's views. webCheckPhrases.de.ts
// translates them.

import { Phrasebook } from '../../engine/language.ts';
import { WEB_CHECK_DE } from './webCheckPhrases.de.ts';

export const WEB_CHECK_EN = {
  'check.noWebServer':
    'nothing on {server} listens on TCP port {port}: add a web server there, or fetch from one that has it',
  'check.pageOrRequests': 'give either "page" or "requests", not both',
  'check.duplicatePath': 'duplicates the path "{path}" of site[{first}]',
  'check.certificateOrder':
    'the certificate expires before it becomes valid (notAfter < notBefore)',
} as const;

export const webCheckPhrases = new Phrasebook(WEB_CHECK_EN, { de: WEB_CHECK_DE });
