// The client and server roles' words for people in each language (hostPhrases.de.ts translates).

import { Phrasebook } from '../../engine/language.ts';
import { HOST_DE } from './hostPhrases.de.ts';

export const HOST_EN = {
  'client.name': 'client',
  'server.name': 'server',
} as const;

export const hostPhrases = new Phrasebook(HOST_EN, { de: HOST_DE });
