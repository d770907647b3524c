// The moving packets' words in every language the page speaks: why a dot fell, where a hop is at
// the moment shown, and the short words on a dot that are not protocol names (`data`). Protocol
// names on dots (SYN, ACK, GET, DNS) stay as they are. The German is in motionPhrases.de.ts.

import { Phrasebook } from '../../engine/language.ts';
import { MOTION_DE } from './motionPhrases.de.ts';

export const MOTION_EN = {
  'drop.queueFull': 'queue full',
  'drop.linkDown': 'link down',
  'drop.nodeDown': 'node crashed',
  'drop.interfaceDown': 'interface down',
  'drop.dropped': 'dropped',
  'drop.lost': 'lost',
  'status.notSent': 'not sent yet',
  'status.arrived': 'arrived',
  'status.beingSent': 'being sent',
  'status.onWire': 'on the wire',
  'dot.data': 'data',
} as const;

export const motionPhrases = new Phrasebook(MOTION_EN, { de: MOTION_DE });
