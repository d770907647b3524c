// The load balancer role's words for people in each language: its name (lbRolePhrases.de.ts
// translates).

import { Phrasebook } from '../../engine/language.ts';
import { LB_ROLE_DE } from './lbRolePhrases.de.ts';

export const LB_ROLE_EN = {
  name: 'load balancer',
} as const;

export const lbRolePhrases = new Phrasebook(LB_ROLE_EN, { de: LB_ROLE_DE });
