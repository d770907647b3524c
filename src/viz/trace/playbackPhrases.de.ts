// The playback controls' words in German (see playbackPhrases.ts for the English source).

import type { Translation } from '../../engine/language.ts';
import type { PLAYBACK_EN } from './playbackPhrases.ts';

export const PLAYBACK_DE: Translation<typeof PLAYBACK_EN> = {
  'speed.max': 'so schnell wie möglich',
} as const;
