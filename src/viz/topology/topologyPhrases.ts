// The topology picture's words in every language the page speaks: the description for screen
// readers, a node card's interface lines, the live badges, a queue bar's text and a link's
// captions. English is the source; the German is in topologyPhrases.de.ts. Port badges
// (`TCP 5001 LISTEN`) are protocol words and stay as they are.

import { Phrasebook } from '../../engine/language.ts';
import { TOPOLOGY_DE } from './topologyPhrases.de.ts';

export const TOPOLOGY_EN = {
  'description.nodes': { one: '{count} node:', other: '{count} nodes:' },
  'description.node': '{name} ({role}, id {id})',
  'description.nodeWithInterfaces': '{name} ({role}, id {id}; {interfaces})',
  'description.link': 'Link {link} joins {a} and {b}: {settings}.',
  'card.noInterfaces': 'no interfaces',
  'card.more': '+{count} more',
  'node.title': '{name} ({role}, id {id})',
  'node.titleWithInterfaces': '{name} ({role}, id {id}): {interfaces}',
  'badge.backlogFull': 'backlog full',
  'badge.cpu': 'CPU {busy}/{cores} busy',
  'badge.crashed': 'crashed',
  'node.crashed': '{title}; crashed: it drops every packet until it restarts',
  'iface.down': '{iface} of {node} is down',
  'queue.packets': 'queue at {where}: {used} of {capacity} packets',
  'queue.bytes': 'queue at {where}: {used} of {capacity} bytes',
  'link.title': 'Link {link}: {settings}',
  'link.titleBusy': 'Link {link}: {settings}; {percent}% busy in the last moments',
  'link.titleDown': 'Link {link} is down: {settings}',
  'link.down': 'down',
  'link.counts': '{sent} sent · {delivered} delivered · {lost} lost',
  'link.queueDrops': '{count} dropped at queues',
  'link.damaged': '{count} damaged on the wire',
} as const;

export const topologyPhrases = new Phrasebook(TOPOLOGY_EN, { de: TOPOLOGY_DE });
