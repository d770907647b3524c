// A firewall as its node's shell would show it at a moment of the run: each chain's rules in
// iptables' own syntax with the packets and bytes each has decided so far (`iptables -L -v`),
// and the connections tracked then (`conntrack -L`). Pure functions of the trace and the rules.

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import { asRecords, recordsOfTypes } from '../../engine/traceRecords.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { firewallFigures, type ChainFigures } from './firewallFigures.ts';
import type { FirewallRules, PortRange, Rule } from './firewallRules.ts';
import './firewallTrace.ts';

/** A rule as `iptables -A CHAIN` would take it: `-p tcp --dport 22 -j REJECT --reject-with tcp-reset`. */
export function ruleText(rule: Rule): string {
  const { match } = rule;
  const parts: string[] = [];
  const prefix = (p: { network: number; length: number }) =>
    p.length === 32 ? formatIpv4(p.network) : `${formatIpv4(p.network)}/${p.length}`;
  const ports = (r: PortRange) => (r.low === r.high ? `${r.low}` : `${r.low}:${r.high}`);
  if (match.protocol && match.protocol !== 'any') parts.push(`-p ${match.protocol}`);
  if (match.src) parts.push(`-s ${prefix(match.src)}`);
  if (match.dst) parts.push(`-d ${prefix(match.dst)}`);
  if (match.srcPort) parts.push(`--sport ${ports(match.srcPort)}`);
  if (match.dstPort) parts.push(`--dport ${ports(match.dstPort)}`);
  if (match.tcpFlags) {
    const { mask, set } = match.tcpFlags;
    const syn = mask.length === 4 && set.length === 1 && set[0] === 'syn';
    const upper = (flags: readonly string[]) => flags.map((f) => f.toUpperCase()).join(',');
    parts.push(syn ? '--syn' : `--tcp-flags ${upper(mask)} ${set.length ? upper(set) : 'NONE'}`);
  }
  if (match.states) parts.push(`-m conntrack --ctstate ${match.states.join(',')}`);
  parts.push(`-j ${rule.action}`);
  if (rule.rejectWith) parts.push(`--reject-with ${rule.rejectWith}`);
  if (rule.logPrefix !== undefined) parts.push(`--log-prefix ${JSON.stringify(rule.logPrefix)}`);
  return parts.join(' ');
}

/** One row of a chain's table: a rule (1, 2, ...) or its policy (`n` 0). */
export interface RuleRow {
  n: number;
  text: string;
  comment?: string;
  action: string;
  packets: number;
  bytes: number;
}

/** A chain at a moment: its rows, rules first, then the policy. */
export interface ChainTable {
  chain: ChainFigures['chain'];
  policy: ChainFigures['policy'];
  rows: RuleRow[];
}

/** The records of `node`'s firewall, in order (find them once; read them at any moment). */
export function firewallRecords(records: TraceRecords | readonly TraceRecord[], node: string) {
  const own: TraceRecord[] = [];
  for (const r of recordsOfTypes(asRecords(records), ['fw.verdict', 'fw.log', 'fw.conntrack'])) {
    if (r.node === node) own.push(r);
  }
  return own;
}

/** Each chain's rules with what they had decided by `time` (ns); chains with no rule and no hit left out. */
export function chainTablesAt(
  node: string,
  rules: FirewallRules,
  own: readonly TraceRecord[],
  time: number,
): ChainTable[] {
  const fold = firewallFigures(node, rules);
  for (const r of own) {
    if (r.t > time) break;
    if (r.type !== 'fw.conntrack') fold.add(r);
  }
  return fold
    .result()
    .chains.filter((c) => c.rules.length > 0 || c.policyHits.packets > 0 || c.policy !== 'ACCEPT')
    .map((c) => ({
      chain: c.chain,
      policy: c.policy,
      rows: [
        ...c.rules.map((r, i) => {
          const rule = rules[c.chain].rules[i] as Rule;
          return {
            n: i + 1,
            text: ruleText(rule),
            ...(rule.comment ? { comment: rule.comment } : {}),
            action: r.action,
            ...r.hits,
          };
        }),
        { n: 0, text: '', action: c.policy, ...c.policyHits },
      ],
    }));
}

/** A connection in the table at a moment. */
export interface TrackedRow {
  entry: number;
  protocol: number;
  flow: string;
  state: 'unreplied' | 'established' | 'closing';
  since: number;
}

/** The connections `node`'s firewall tracked at `time` (ns), oldest first. */
export function connectionsAt(own: readonly TraceRecord[], time: number): TrackedRow[] {
  const live = new Map<number, TrackedRow>();
  for (const r of own) {
    if (r.t > time) break;
    if (r.type !== 'fw.conntrack') continue;
    if (r.event === 'new') {
      live.set(r.entry, {
        entry: r.entry,
        protocol: r.protocol,
        flow: flowText(r),
        state: 'unreplied',
        since: r.t,
      });
    } else if (r.event === 'reply' || r.event === 'fin') {
      const row = live.get(r.entry);
      if (row) row.state = r.event === 'reply' ? 'established' : 'closing';
    } else live.delete(r.entry);
  }
  return [...live.values()];
}

const PROTOCOL_NAMES: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp' };

/** `tcp 192.168.1.10:50114 -> 10.0.0.20:80` (ICMP echo without ports). */
export function flowText(r: TraceRecord<'fw.conntrack'>): string {
  const name = PROTOCOL_NAMES[r.protocol] ?? `proto ${r.protocol}`;
  if (r.protocol === 1) return `${name} ${r.src} -> ${r.dst}`;
  return `${name} ${r.src}:${r.srcPort} -> ${r.dst}:${r.dstPort}`;
}
