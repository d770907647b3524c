// The dns role's words in German (see dnsRolePhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { DNS_ROLE_EN } from './dnsRolePhrases.ts';

export const DNS_ROLE_DE: Translation<typeof DNS_ROLE_EN> = {
  name: 'DNS-Server',
};
