// Decisions on netfilter's hooks: the firewall's walk down a chain (LOG rules that matched, then
// the verdict: the first rule that matched, or the chain's policy) with the rule as iptables
// writes it, and NAT's rewriting at PREROUTING and POSTROUTING with the entry of its table.

import type { TraceRecord } from '../../engine/trace.ts';
import { ruleText } from '../../kinds/firewall/firewallTables.ts';
import type { ChainName, FirewallRules } from '../../kinds/firewall/firewallRules.ts';
import '../../kinds/nat/natTrace.ts';
import { STAGE, type DecisionStep, type Decider } from './decisionTypes.ts';
import { natMapping } from './nodeTables.ts';

/** `FORWARD rule 2: -p tcp --dport 80 --syn -j ACCEPT /* the web *\/`, or the chain's policy. */
function ruleEntry(rules: FirewallRules | undefined, chain: string, n: number): string {
  const table = rules?.[chain as ChainName];
  if (n === 0) return `Chain ${chain} (policy ${table?.policy ?? '?'})`;
  const rule = table?.rules[n - 1];
  if (!rule) return `${chain} rule ${n}`;
  const comment = rule.comment === undefined ? '' : ` /* ${rule.comment} */`;
  return `${chain} rule ${n}: ${ruleText(rule)}${comment}`;
}

/** Where a chain sits: INPUT on the way in, FORWARD and OUTPUT on the way out. */
function chainWay(chain: string): 'in' | 'out' {
  return chain === 'INPUT' ? 'in' : 'out';
}

/** The firewall: each LOG rule that matched, then its verdict and the rule (or policy) behind it. */
export const firewall: Decider = (visit, context) => {
  const rules = context.spec?.firewall;
  const steps: DecisionStep[] = [];
  for (const { record: r } of visit.own) {
    if (r.type === 'fw.log') {
      steps.push({
        t: r.t,
        layer: 'network',
        way: chainWay(r.chain),
        text: context.say('fw.log', { chain: r.chain, n: String(r.rule), prefix: r.prefix.trim() }),
        entry: ruleEntry(rules, r.chain, r.rule),
        outcome: 'go',
        stage: STAGE.filter,
      });
    } else if (r.type === 'fw.verdict') {
      steps.push(verdictStep(r, rules, context.say));
    }
  }
  return steps;
};

function verdictStep(
  r: TraceRecord<'fw.verdict'>,
  rules: FirewallRules | undefined,
  say: Parameters<Decider>[1]['say'],
): DecisionStep {
  const accepted = r.verdict === 'ACCEPT';
  const base = {
    t: r.t,
    layer: 'network' as const,
    way: chainWay(r.chain),
    outcome: accepted ? ('go' as const) : ('drop' as const),
    stage: STAGE.filter,
  };
  if (r.state === 'STOPPED') return { ...base, text: say('fw.stopped') };
  const params = { chain: r.chain, state: r.state, n: String(r.rule) };
  const text =
    r.rule === 0
      ? say('fw.policy', { ...params, policy: r.verdict })
      : say(
          r.verdict === 'DROP' ? 'fw.DROP' : r.verdict === 'REJECT' ? 'fw.REJECT' : 'fw.ACCEPT',
          params,
        );
  return { ...base, text, entry: ruleEntry(rules, r.chain, r.rule) };
}

/** NAT: a packet rewritten by a mapping (made now or before), one no mapping claims, or no port. */
export const translation: Decider = (visit, context) => {
  const { say } = context;
  const steps: DecisionStep[] = [];
  for (const { record: r, index } of visit.own) {
    if (r.type === 'nat.translate') {
      const map = natMapping(context.records, visit.node, r.entry, index);
      const kind = map?.record.kind ?? 'snat';
      const key =
        kind === 'snat'
          ? r.way === 'out'
            ? 'nat.masquerade'
            : 'nat.unmasquerade'
          : r.way === 'in'
            ? 'nat.portForward'
            : 'nat.portForwardReply';
      const fresh = map !== undefined && map.record.t === r.t;
      const text = say(key, { from: r.from, to: r.to });
      const m = map?.record;
      steps.push({
        t: r.t,
        layer: 'network',
        way: r.way === 'in' ? 'in' : 'out',
        text: fresh ? `${text} ${say('nat.new')}` : text,
        ...(m
          ? { entry: `NAT #${m.entry} ${m.protocol} ${m.inside} ⇄ ${m.outside} ⇄ ${m.remote}` }
          : {}),
        outcome: 'go',
        stage: r.way === 'in' ? STAGE.prerouting : STAGE.postrouting,
      });
    } else if (r.type === 'nat.unmatched') {
      steps.push({
        t: r.t,
        layer: 'network',
        way: 'in',
        text: say('nat.unmatched', { to: r.to }),
        outcome: 'go',
        stage: STAGE.prerouting,
      });
    } else if (r.type === 'nat.drop') {
      steps.push({
        t: r.t,
        layer: 'network',
        way: 'out',
        text: say('nat.noFreePort'),
        outcome: 'drop',
        stage: STAGE.postrouting,
      });
    }
  }
  return steps;
};
