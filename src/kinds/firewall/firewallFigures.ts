// A firewall's figures, folded from its node's fw.* records (never from counters beside the
// trace): packets accepted, dropped and rejected, connections tracked, and per rule the packets
// and bytes it matched, as `iptables -L -v` shows them (a LOG rule counts what it saw).

import type { TraceFold } from '../../engine/traceFold.ts';
import { CHAIN_NAMES } from './firewallRules.ts';
import type { ChainName, FirewallRules, Policy, RuleAction } from './firewallRules.ts';
import type { HitCount } from './ruleCounters.ts';
import './firewallTrace.ts';

/** One chain's counters: each rule's, in order, and its policy's. */
export interface ChainFigures {
  chain: ChainName;
  policy: Policy;
  policyHits: HitCount;
  rules: { action: RuleAction; hits: HitCount }[];
}

/** What a node's firewall did. */
export interface FirewallFigures {
  node: string;
  accepted: number;
  dropped: number;
  rejected: number;
  /** Flows entered in the connection table. */
  connections: number;
  chains: ChainFigures[];
}

/** Folds the fw.* records of `node` (the caller routes the node's records here). */
export function firewallFigures(node: string, rules: FirewallRules): TraceFold<FirewallFigures> {
  const totals = { accepted: 0, dropped: 0, rejected: 0, connections: 0 };
  const chains = new Map<string, ChainFigures>(
    CHAIN_NAMES.map((chain) => [
      chain,
      {
        chain,
        policy: rules[chain].policy,
        policyHits: { packets: 0, bytes: 0 },
        rules: rules[chain].rules.map((rule) => ({
          action: rule.action,
          hits: { packets: 0, bytes: 0 },
        })),
      },
    ]),
  );
  const count = (chain: string, rule: number, bytes: number): void => {
    const figures = chains.get(chain);
    if (!figures) return;
    const hits = rule === 0 ? figures.policyHits : figures.rules[rule - 1]?.hits;
    if (!hits) return;
    hits.packets += 1;
    hits.bytes += bytes;
  };
  // A LOG rule's match comes just before its packet's verdict, which has the size: count it then.
  const pendingLogs: [chain: string, rule: number, pkt: number][] = [];
  return {
    types: ['fw.verdict', 'fw.log', 'fw.conntrack'],
    add(record) {
      if (record.type === 'fw.log') {
        pendingLogs.push([record.chain, record.rule, record.pkt]);
      } else if (record.type === 'fw.verdict') {
        for (const [chain, rule, pkt] of pendingLogs)
          if (pkt === record.pkt && chain === record.chain) count(chain, rule, record.bytes);
        pendingLogs.length = 0;
        if (record.state !== 'STOPPED') count(record.chain, record.rule, record.bytes);
        if (record.verdict === 'ACCEPT') totals.accepted++;
        else if (record.verdict === 'REJECT') totals.rejected++;
        else totals.dropped++;
      } else if (record.type === 'fw.conntrack' && record.event === 'new') {
        totals.connections++;
      }
    },
    result: () => ({
      node,
      ...totals,
      chains: [...chains.values()].map((c) => ({
        ...c,
        policyHits: { ...c.policyHits },
        rules: c.rules.map((r) => ({ action: r.action, hits: { ...r.hits } })),
      })),
    }),
  };
}

/** `firewall  fw: 120 accepted, 14 dropped, 3 rejected; 7 connections tracked`, then each chain with rules. */
export function firewallLines(f: FirewallFigures): string[] {
  const lines = [
    `firewall   ${f.node}: ${f.accepted} accepted, ${f.dropped} dropped, ${f.rejected} rejected; ` +
      `${f.connections} connections tracked`,
  ];
  for (const c of f.chains) {
    if (c.rules.length === 0 && c.policyHits.packets === 0) continue;
    const rules = c.rules.map((r, i) => `${i + 1}:${r.action} ${r.hits.packets}`).join(', ');
    lines.push(
      `  ${c.chain.padEnd(7)} ${rules}${rules ? ', ' : ''}policy ${c.policy} ${c.policyHits.packets}`,
    );
  }
  return lines;
}
