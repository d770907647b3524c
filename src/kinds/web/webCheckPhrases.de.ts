// The web's words for its checks in German (see webCheckPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { WEB_CHECK_EN } from './webCheckPhrases.ts';

export const WEB_CHECK_DE: Translation<typeof WEB_CHECK_EN> = {
  'check.noWebServer':
    'auf {server} hört nichts auf TCP-Port {port}: Füge dort einen Webserver hinzu oder hole die Seite von einem, der einen hat',
  'check.pageOrRequests': 'gib entweder „page“ oder „requests“ an, nicht beides',
  'check.duplicatePath': 'wiederholt den Pfad „{path}“ von site[{first}]',
  'check.certificateOrder': 'das Zertifikat läuft ab, bevor es gültig wird (notAfter < notBefore)',
};
