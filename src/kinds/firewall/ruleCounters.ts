// Per-rule hit counters, as `iptables -L -v` shows them: packets and bytes each rule matched, and
// per chain the packets its policy decided. A rule counts only when the walk reached it and it
// matched: a LOG rule that matched counts, a rule after the deciding one does not.

import type { ChainName, Verdict } from './firewallRules.ts';

/** One counter: packets and bytes. */
export interface HitCount {
  packets: number;
  bytes: number;
}

/**
 * Hit counters of one filter table. Counters belong to rule positions: a caller that edits a
 * chain starts a new RuleCounters (or keeps this one if it only appended rules).
 */
export class RuleCounters {
  private readonly rules: Record<ChainName, HitCount[]> = { INPUT: [], FORWARD: [], OUTPUT: [] };
  private readonly policies: Record<ChainName, HitCount> = {
    INPUT: { packets: 0, bytes: 0 },
    FORWARD: { packets: 0, bytes: 0 },
    OUTPUT: { packets: 0, bytes: 0 },
  };

  /** Counts a verdict of `chain` for a packet of `bytes` bytes: its LOG rules and its decider. */
  record(chain: ChainName, verdict: Verdict, bytes: number): void {
    for (const index of verdict.logged) this.add(this.rule(chain, index), bytes);
    const decider =
      verdict.decidedBy === 'policy' ? this.policies[chain] : this.rule(chain, verdict.decidedBy);
    this.add(decider, bytes);
  }

  /** The count of rule `index` of `chain`, or of its policy; zero when nothing matched it. */
  hits(chain: ChainName, index: number | 'policy'): HitCount {
    const count = index === 'policy' ? this.policies[chain] : this.rules[chain][index];
    return count ? { ...count } : { packets: 0, bytes: 0 };
  }

  /** Packets matched by each of the first `ruleCount` rules of `chain`, in order. */
  packets(chain: ChainName, ruleCount: number): number[] {
    return Array.from({ length: ruleCount }, (_, i) => this.rules[chain][i]?.packets ?? 0);
  }

  private rule(chain: ChainName, index: number): HitCount {
    const list = this.rules[chain];
    while (list.length <= index) list.push({ packets: 0, bytes: 0 });
    return list[index] as HitCount;
  }

  private add(count: HitCount, bytes: number): void {
    count.packets += 1;
    count.bytes += bytes;
  }
}
