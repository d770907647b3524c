// The playback controls' words in every language the page speaks: the fastest speed's name. The
// clock and exact times only change their decimal sign (playback.ts). German: playbackPhrases.de.ts.

import { Phrasebook } from '../../engine/language.ts';
import { PLAYBACK_DE } from './playbackPhrases.de.ts';

export const PLAYBACK_EN = {
  'speed.max': 'as fast as possible',
} as const;

export const playbackPhrases = new Phrasebook(PLAYBACK_EN, { de: PLAYBACK_DE });
