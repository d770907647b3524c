// The kinds of decision a node takes about a packet, one small function each, in the order their
// steps are listed when two share a stage. To add a kind: write its decider (decisionTypes.ts `Decider`) reading the visit's
// records, add any record type with a `pkt` it reads to PACKET_AT_NODE_TYPES (packetVisits.ts),
// give its steps a stage (STAGE in decisionTypes.ts), its words to decisionPhrases.ts and .de.ts,
// and list it here.

import type { Decider } from './decisionTypes.ts';
import { answers } from './answerDecisions.ts';
import { firewall, translation } from './filterDecisions.ts';
import { icmp } from './icmpDecisions.ts';
import { resolution } from './arpDecisions.ts';
import { arpFrames } from './arpFrameDecisions.ts';
import { arrival, card, departure, switching } from './linkDecisions.ts';
import { delivery, ipChecks, routing } from './networkDecisions.ts';
import { programs } from './programDecisions.ts';
import { sockets } from './transportDecisions.ts';

/** Every kind of decision, each reading a visit on its own. */
export const DECIDERS: readonly Decider[] = [
  programs,
  arrival,
  card,
  switching,
  ipChecks,
  translation,
  routing,
  firewall,
  delivery,
  sockets,
  icmp,
  answers,
  arpFrames,
  resolution,
  departure,
];
