// The moving packets' words in German (see motionPhrases.ts for the English source).

import type { Translation } from '../../engine/language.ts';
import type { MOTION_EN } from './motionPhrases.ts';

export const MOTION_DE: Translation<typeof MOTION_EN> = {
  'drop.queueFull': 'Warteschlange voll',
  'drop.linkDown': 'Leitung ausgefallen',
  'drop.nodeDown': 'Knoten abgestürzt',
  'drop.interfaceDown': 'Schnittstelle ausgefallen',
  'drop.dropped': 'verworfen',
  'drop.lost': 'verloren',
  'status.notSent': 'noch nicht gesendet',
  'status.arrived': 'angekommen',
  'status.beingSent': 'wird gesendet',
  'status.onWire': 'auf der Leitung',
  'dot.data': 'Daten',
} as const;
