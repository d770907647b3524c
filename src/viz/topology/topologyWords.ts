// The live decorations' words, in a language: a queue bar's text, the badges over a node's card
// ("backlog full", busy CPU cores, "crashed"), a link's tooltip (down or not) and its counts under
// the line after a run, an interface that is down.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { QueueFill } from './topologyLive.ts';
import { topologyPhrases } from './topologyPhrases.ts';

/** The queue in words: `queue at router eth1: 12 of 20 packets`. */
export function queueText(fill: QueueFill, where: string, language: Language = ENGLISH): string {
  const { say } = topologyPhrases.in(language);
  const used = fill.unit === 'bytes' ? fill.bytes : fill.packets;
  const words = { where, used, capacity: fill.capacity };
  return fill.unit === 'bytes' ? say('queue.bytes', words) : say('queue.packets', words);
}

/** The badge of a listener that dropped a SYN for a full backlog: `backlog full`. */
export function backlogBadge(language: Language = ENGLISH): string {
  return topologyPhrases.in(language).say('badge.backlogFull');
}

/** The badge of a node that has crashed: `crashed`. */
export function crashedBadge(language: Language = ENGLISH): string {
  return topologyPhrases.in(language).say('badge.crashed');
}

/** An interface that is down, at its link end: `eth0 of Router is down`. */
export function interfaceDownText(
  iface: string,
  node: string,
  language: Language = ENGLISH,
): string {
  return topologyPhrases.in(language).say('iface.down', { iface, node });
}

/** The badge of a node's CPU: `CPU 1/2 busy`. */
export function cpuBadge(
  cpu: { busy: number; cores: number },
  language: Language = ENGLISH,
): string {
  return topologyPhrases.in(language).say('badge.cpu', cpu);
}

/**
 * A link's tooltip: its settings, and while a run is shown how busy it was of late, or that it
 * is down.
 */
export function linkTitle(
  link: string,
  settings: readonly string[],
  utilization: number | null,
  language: Language = ENGLISH,
  down = false,
): string {
  const { say } = topologyPhrases.in(language);
  const words = { link, settings: settings.join(', ') };
  if (down) return say('link.titleDown', words);
  return utilization === null
    ? say('link.title', words)
    : say('link.titleBusy', { ...words, percent: Math.round(utilization * 100) });
}

/** The caption of a link that is down: `down`. */
export function linkDownWord(language: Language = ENGLISH): string {
  return topologyPhrases.in(language).say('link.down');
}

/**
 * A link's captions after a run: `12 sent · 11 delivered · 1 lost`, then drops at its queues and
 * packets damaged on the wire (when there are any).
 */
export function linkCountLines(
  counts: { sent: number; delivered: number; lost: number; queueDrops: number; damaged?: number },
  language: Language = ENGLISH,
): string[] {
  const { say } = topologyPhrases.in(language);
  const lines = [say('link.counts', counts)];
  if (counts.queueDrops > 0) lines.push(say('link.queueDrops', { count: counts.queueDrops }));
  if (counts.damaged) lines.push(say('link.damaged', { count: counts.damaged }));
  return lines;
}
