// The layer view's words in German (see layerPhrases.ts for the English source).

import type { Translation } from '../../engine/language.ts';
import type { LAYERS_EN } from './layerPhrases.ts';

export const LAYERS_DE: Translation<typeof LAYERS_EN> = {
  'dot.appData': 'Daten {bytes} B',
  'dot.frame': '{link}: Rahmen mit {bytes} B',
  'dot.nothing.application': 'keine Anwendungsdaten',
  'dot.nothing.transport': 'kein TCP- oder UDP-Header',
  'dot.nothing.network': 'kein IP-Header',
  'dot.nothing.link': 'Rahmen nicht gesehen',
  'card.nothing.application': 'keine Programme',
  'card.nothing.transport': 'keine Ports',
  'card.nothing.network': 'keine IP-Adresse',
  'card.nothing.link': 'keine Schnittstellen',
  'card.gateway': 'Gateway {address}',
  'card.routes': { one: '{count} Route', other: '{count} Routen' },
  'card.forwards': 'leitet Pakete weiter',
  'card.nat': 'NAT: schreibt Ports um',
  'card.firewall': 'Firewall: filtert Ports',
  'card.resolver': 'DNS-Resolver',
  'card.linkTo': '{iface} ⇄ {link}',
  'card.more': '+{count} weitere',
} as const;
