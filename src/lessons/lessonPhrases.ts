// A lesson's problems as the page shows them, in English, the source of their keys (German in
// lessonPhrases.de.ts): why a step's packet is missing (packetStep.ts) and why a router or a
// firewall step cannot be played (routerMachine.ts, firewallStep.ts, which shares the router's
// words for an invalid scenario and a missing node). `handshake lesson check` says them in English.

import { Phrasebook } from '../engine/language.ts';
import { LESSON_DE } from './lessonPhrases.de.ts';

export const LESSON_EN = {
  'packet.noPacket': 'the {record} record it selects names no packet',
  'packet.neverSent': 'packet #{pkt} never went onto a link',
  'packet.noRecord': 'no record of the run matches its "packet" condition',
  'router.invalidScenario': 'the scenario is not valid',
  'router.noNode': 'the scenario has no node "{id}"',
  'router.notRouter': 'node "{id}" is a {role}, not a router',
  'router.noStack': 'node "{id}" has no IP stack',
  'firewall.none': 'node "{id}" has no firewall setting',
} as const;

/** A lesson's problems, English and German. */
export const lessonPhrases = new Phrasebook(LESSON_EN, { de: LESSON_DE });
