// One packet through one chain of a stateful firewall, in netfilter's order: connection tracking
// gives the packet its state, the chain's verdict decides, the counters count, and a NEW flow's
// entry is confirmed only if its packet was accepted (so a dropped SYN leaves nothing behind).

import type { Packet } from '../../net/wire/packet.ts';
import { wireSize } from '../../net/wire/packet.ts';
import type { ConnectionTable, ConntrackEvent, Tracked } from './connectionTracking.ts';
import { verdict } from './firewallRules.ts';
import type { ChainName, FirewallRules, Verdict } from './firewallRules.ts';
import type { RuleCounters } from './ruleCounters.ts';

/** A node's firewall state: its filter table, its connection table and (optionally) counters. */
export interface PacketFilter {
  rules: FirewallRules;
  conntrack: ConnectionTable;
  counters?: RuleCounters;
}

/** What became of a packet: its tracking, the verdict, and the event of its entry, if any. */
export interface FilterResult {
  tracked: Tracked;
  verdict: Verdict;
  /** `conntrack.new` when the packet's flow was confirmed, else what tracking reported. */
  event?: ConntrackEvent;
}

/** Runs `packet` through `chain` at simulated time `now` (ns). */
export function filterPacket(
  filter: PacketFilter,
  chain: ChainName,
  packet: Packet,
  now: number,
): FilterResult {
  const tracked = filter.conntrack.track(packet, now);
  const decided = verdict(filter.rules[chain], packet, tracked.state);
  filter.counters?.record(chain, decided, wireSize(packet));
  const confirmed = decided.action === 'ACCEPT' ? filter.conntrack.confirm(tracked) : undefined;
  return { tracked, verdict: decided, event: confirmed ?? tracked.event };
}
