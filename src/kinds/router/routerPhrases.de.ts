// The router role's words in German (see routerPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { ROUTER_EN } from './routerPhrases.ts';

export const ROUTER_DE: Translation<typeof ROUTER_EN> = {
  name: 'Router',
};
