// The layer view's words in every language the page speaks: a dot's few words that are not
// protocol names, and a node card's lines at one layer. Protocol words (TCP, LISTEN, IPv4, TTL)
// stay as they are. The German is in layerPhrases.de.ts.

import { Phrasebook } from '../../engine/language.ts';
import { LAYERS_DE } from './layerPhrases.de.ts';

export const LAYERS_EN = {
  'dot.appData': 'data {bytes} B',
  'dot.frame': '{link}: frame of {bytes} B',
  'dot.nothing.application': 'no application data',
  'dot.nothing.transport': 'no TCP or UDP header',
  'dot.nothing.network': 'no IP header',
  'dot.nothing.link': 'frame not seen',
  'card.nothing.application': 'no programs',
  'card.nothing.transport': 'no ports',
  'card.nothing.network': 'no IP address',
  'card.nothing.link': 'no interfaces',
  'card.gateway': 'gateway {address}',
  'card.routes': { one: '{count} route', other: '{count} routes' },
  'card.forwards': 'forwards packets',
  'card.nat': 'NAT: rewrites ports',
  'card.firewall': 'firewall: filters ports',
  'card.resolver': 'DNS resolver',
  'card.linkTo': '{iface} ⇄ {link}',
  'card.more': '+{count} more',
} as const;

export const layerPhrases = new Phrasebook(LAYERS_EN, { de: LAYERS_DE });
