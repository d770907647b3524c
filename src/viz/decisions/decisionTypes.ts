// The shapes of "what this device decided": a step of a packet at a node (its layer, which way it
// went, what happened in words and the table entry that decided it), the visit a step belongs to
// (the packet's records at the node from its arrival, or from its making, to its leaving), and a
// decider, one small function per kind of decision that reads a visit and says its steps.

import type { Language } from '../../engine/language.ts';
import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import type { Frame } from '../../net/wire/frame.ts';
import type { Packet } from '../../net/wire/packet.ts';
import type { Scenario, ScenarioNode } from '../../sim/index.ts';
import type { NetworkNames } from '../names/index.ts';
import type { decisionPhrases } from './decisionPhrases.ts';

/** The four layers a learner names, from the wire up. */
export type DecisionLayer = 'link' | 'network' | 'transport' | 'application';

/** A step's place in a visit: steps are shown in this order (see STAGE). */
export type Stage = number;

/**
 * Where each kind of decision sits in a visit, in the order a packet meets them: up the stack
 * from the wire, or (for a packet the node made) down from the program, then out. A new kind of
 * decision takes a number between two of these.
 */
export const STAGE = {
  /** A packet the node made: the program that wrote it, then its socket. */
  madeByProgram: 1,
  madeBySocket: 2,
  linkIn: 10,
  /** A station's card: the frame's destination MAC is its own, the broadcast, or another's. */
  card: 12,
  switchLearn: 15,
  switchForward: 16,
  ipChecks: 20,
  prerouting: 30,
  routing: 40,
  ttl: 45,
  filter: 50,
  postrouting: 60,
  deliver: 65,
  transport: 70,
  application: 80,
  answer: 90,
  /** ARP resolving the next hop's MAC, then the Ethernet header written with it. */
  arp: 95,
  ethernet: 97,
  linkOut: 100,
} as const;

/** One decision, or one thing that happened, as a learner reads it. */
export interface DecisionStep {
  /** When (ns). */
  t: number;
  layer: DecisionLayer;
  /** `in`: on its way up the node's stack (or through it); `out`: on its way down and out. */
  way: 'in' | 'out';
  /** What happened, in plain words in the language asked. */
  text: string;
  /**
   * The table entry that decided it, as the node's own tools print it (`ip route`, `iptables`,
   * `ss`, a switch's table): the same in every language. Absent when no entry decided.
   */
  entry?: string;
  /** `drop`: the packet ends here, thrown away; `end`: it ends here, consumed; else `go`. */
  outcome: 'go' | 'drop' | 'end';
  /** A packet the node sent because of this one (an ICMP error, a RST, an echo reply). */
  sent?: number;
  /** A packet this one answers (the echo request of a reply, the datagram an error is about). */
  about?: number;
  /** ARP frames the step names (the requests a packet waited on, the reply that ended the wait). */
  frames?: number[];
  stage: Stage;
}

/** A record of the trace with its position in it. */
export interface Indexed<R extends TraceRecord = TraceRecord> {
  index: number;
  record: R;
}

/** One passage of a packet through a node. */
export interface Visit {
  node: string;
  pkt: number;
  /** The node made the packet (no arrival starts this visit). */
  made: boolean;
  /** The IP packet as it arrived, or as it first left when the node made it; absent if it never did. */
  packet?: Packet;
  /** The frame as it arrived, or as it first left: the IP packet, or an ARP frame. */
  frame?: Frame;
  /** When the visit began: its first record's time. */
  t: number;
  /** The packet's records at this node in this visit, in trace order. */
  own: Indexed[];
}

/** What a decider may read besides the visit. */
export interface DecisionContext {
  records: TraceRecords;
  scenario: Scenario;
  /** The node's document, or undefined for a node the scenario no longer has. */
  spec: ScenarioNode | undefined;
  names: NetworkNames;
  language: Language;
  say: ReturnType<typeof decisionPhrases.in>['say'];
}

/** One kind of decision: reads a visit and says the steps it finds there (often none). */
export type Decider = (visit: Visit, context: DecisionContext) => DecisionStep[];
