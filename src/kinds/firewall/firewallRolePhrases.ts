// The firewall role's words for people in each language: its name (firewallRolePhrases.de.ts
// translates).

import { Phrasebook } from '../../engine/language.ts';
import { FIREWALL_ROLE_DE } from './firewallRolePhrases.de.ts';

export const FIREWALL_ROLE_EN = {
  name: 'firewall',
} as const;

export const firewallRolePhrases = new Phrasebook(FIREWALL_ROLE_EN, { de: FIREWALL_ROLE_DE });
