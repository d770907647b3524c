// The load balancer role's words in German (see lbRolePhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { LB_ROLE_EN } from './lbRolePhrases.ts';

export const LB_ROLE_DE: Translation<typeof LB_ROLE_EN> = {
  name: 'Load Balancer',
};
