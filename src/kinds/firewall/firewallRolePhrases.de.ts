// The firewall role's words in German (see firewallRolePhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { FIREWALL_ROLE_EN } from './firewallRolePhrases.ts';

export const FIREWALL_ROLE_DE: Translation<typeof FIREWALL_ROLE_EN> = {
  name: 'Firewall',
};
