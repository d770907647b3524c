// The scenario's timed events (actions at a moment; links, nodes and interfaces failing and coming
// back, links changed) as the timeline marks them and the editor lists them: each in words
// ("Office 1 fetches /index.html from App server"), at its time, in time order. Apart from the editor (src/viz/editor), so that a page that only
// plays a run (an embed) marks them without loading the editor.

import { ENGLISH, formatCount, type Language } from '../../engine/language.ts';
import { formatDuration, NS_PER_S } from '../../engine/time.ts';
import { formatPrefix } from '../../net/wire/ipv4Address.ts';
import { floodPlan } from '../../kinds/attack/synFloodActionKind.ts';
import { isNetworkEvent, type ScenarioEvent } from '../../sim/scenario/scenarioSchema.ts';
import { linkChangeSettings, type NetworkNames } from '../names/index.ts';
import { timedEventPhrases } from './timedEventPhrases.ts';

/** One timed event of the document in words, in `language` (English by default). */
export function describeEvent(
  event: ScenarioEvent,
  names: NetworkNames,
  language: Language = ENGLISH,
): string {
  const { say } = timedEventPhrases.in(language);
  /** A node by its name; an address with its owner: `Web server (10.0.0.2)`. */
  const peer = (text: string) => (/^\d/.test(text) ? names.endpoint(text) : names.name(text));
  switch (event.type) {
    case 'linkDown':
      return say('linkDown', { link: event.link });
    case 'linkUp':
      return say('linkUp', { link: event.link });
    case 'linkChange':
      return say('linkChange', {
        link: event.link,
        settings: linkChangeSettings(event, language).join(', '),
      });
    case 'nodeCrash':
      return say('nodeCrash', { node: names.title(event.node) });
    case 'nodeRestart':
      return say('nodeRestart', { node: names.title(event.node) });
    case 'interfaceDown':
      return say('interfaceDown', { node: names.name(event.node), interface: event.interface });
    case 'interfaceUp':
      return say('interfaceUp', { node: names.name(event.node), interface: event.interface });
    case 'ping': {
      const count = event.count ?? 1;
      const words = { node: names.title(event.node), target: peer(event.target) };
      return count > 1 ? say('pings', { ...words, count }) : say('ping', words);
    }
    case 'fetch': {
      const words = { node: names.title(event.node), path: event.path, server: peer(event.server) };
      return event.port === undefined
        ? say('fetch', words)
        : say('fetchPort', { ...words, port: String(event.port) });
    }
    case 'transfer':
      return say('transfer', {
        node: names.title(event.node),
        bytes: event.bytes,
        target: peer(event.target),
      });
    case 'synFlood': {
      const { port, rate } = floodPlan(event);
      const words = {
        node: names.title(event.node),
        target: peer(event.target),
        port: String(port),
        rate: formatCount(rate, language),
        duration: formatDuration(event.duration ?? 10 * NS_PER_S, language),
      };
      return event.spoofFrom
        ? say('synFloodSpoofed', { ...words, prefix: formatPrefix(event.spoofFrom) })
        : say('synFlood', words);
    }
    case 'portScan':
      return say('portScan', {
        node: names.title(event.node),
        ports: event.ports,
        target: peer(event.target),
      });
  }
}

/** A timed event as the editor lists it and the timeline marks it. */
export interface TimedEventItem {
  /** Its index in the document's `events`. */
  index: number;
  /** When, ns. */
  at: number;
  /** "2 s", as people read it. */
  time: string;
  /** What happens, in words. */
  text: string;
  /** Whether it is a node's action (else something that happens to the network). */
  action: boolean;
}

/** The document's timed events in time order (ties in document order). */
export function timedEvents(
  events: readonly ScenarioEvent[] | undefined,
  names: NetworkNames,
  language: Language = ENGLISH,
): TimedEventItem[] {
  return (events ?? [])
    .map((event, index) => ({
      index,
      at: event.at,
      time: formatDuration(event.at, language),
      text: describeEvent(event, names, language),
      action: !isNetworkEvent(event),
    }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
}
