// The topology picture's words in German (see topologyPhrases.ts for the English source).

import type { Translation } from '../../engine/language.ts';
import type { TOPOLOGY_EN } from './topologyPhrases.ts';

export const TOPOLOGY_DE: Translation<typeof TOPOLOGY_EN> = {
  'description.nodes': { one: '{count} Knoten:', other: '{count} Knoten:' },
  'description.node': '{name} ({role}, ID {id})',
  'description.nodeWithInterfaces': '{name} ({role}, ID {id}; {interfaces})',
  'description.link': 'Leitung {link} verbindet {a} und {b}: {settings}.',
  'card.noInterfaces': 'keine Schnittstellen',
  'card.more': '+{count} weitere',
  'node.title': '{name} ({role}, ID {id})',
  'node.titleWithInterfaces': '{name} ({role}, ID {id}): {interfaces}',
  'badge.backlogFull': 'Backlog voll',
  'badge.cpu': 'CPU {busy}/{cores} belegt',
  'badge.crashed': 'abgestürzt',
  'node.crashed': '{title}; abgestürzt: verwirft jedes Paket bis zum Neustart',
  'iface.down': '{iface} von {node} ist ausgefallen',
  'queue.packets': 'Warteschlange bei {where}: {used} von {capacity} Paketen',
  'queue.bytes': 'Warteschlange bei {where}: {used} von {capacity} Bytes',
  'link.title': 'Leitung {link}: {settings}',
  'link.titleBusy': 'Leitung {link}: {settings}; zuletzt zu {percent} % belegt',
  'link.titleDown': 'Leitung {link} ist ausgefallen: {settings}',
  'link.down': 'ausgefallen',
  'link.counts': '{sent} gesendet · {delivered} zugestellt · {lost} verloren',
  'link.queueDrops': '{count} in Warteschlangen verworfen',
  'link.damaged': '{count} unterwegs beschädigt',
} as const;
