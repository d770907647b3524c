// The client and server roles' words in German (see hostPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { HOST_EN } from './hostPhrases.ts';

export const HOST_DE: Translation<typeof HOST_EN> = {
  'client.name': 'Client',
  'server.name': 'Server',
};
