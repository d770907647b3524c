// The dns role's words for people in each language: its name (dnsRolePhrases.de.ts translates).

import { Phrasebook } from '../../engine/language.ts';
import { DNS_ROLE_DE } from './dnsRolePhrases.de.ts';

export const DNS_ROLE_EN = {
  name: 'DNS server',
} as const;

export const dnsRolePhrases = new Phrasebook(DNS_ROLE_EN, { de: DNS_ROLE_DE });
