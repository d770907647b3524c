// The switch role's words for people in each language: its name and what the node inspector says
// in place of a routing table (switchPhrases.de.ts translates).

import { Phrasebook } from '../../engine/language.ts';
import { SWITCH_DE } from './switchPhrases.de.ts';

export const SWITCH_EN = {
  name: 'switch',
  noRoutingTable:
    'A switch has no routing table: it learns behind which port each MAC address sits (its table below) and forwards frames by that, flooding those it has not learned.',
  'check.noAddress': 'a switch forwards by port and has no addresses: remove it',
  'check.noMtu':
    'a switch port has no IP layer, so no IP MTU: set the MTU on the interfaces of the hosts and routers it joins',
  'check.bridgePriority': 'a bridge priority is a multiple of 4096, from 0 to 61440',
} as const;

export const switchPhrases = new Phrasebook(SWITCH_EN, { de: SWITCH_DE });
