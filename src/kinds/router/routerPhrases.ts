// The router role's words for people in each language (routerPhrases.de.ts translates).

import { Phrasebook } from '../../engine/language.ts';
import { ROUTER_DE } from './routerPhrases.de.ts';

export const ROUTER_EN = {
  name: 'router',
} as const;

export const routerPhrases = new Phrasebook(ROUTER_EN, { de: ROUTER_DE });
