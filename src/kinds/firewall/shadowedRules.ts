// Warnings for rules that can never match: an earlier rule of the same chain matches every packet
// they would (a superset) and ends the walk (ACCEPT, DROP or REJECT; LOG does not shadow).
// Only one earlier rule at a time is compared: a rule covered by two earlier rules together is
// not found (that needs set algebra over addresses and ports; iptables itself warns of nothing).

import type { Ipv4Prefix } from '../../net/wire/ipv4Address.ts';
import { CHAIN_NAMES } from './firewallRules.ts';
import type { ChainName, FirewallRules, PortRange, Rule, RuleMatch } from './firewallRules.ts';

/** Rule `index` of `chain` never matches: rule `shadowedBy`, earlier, takes all its packets. */
export interface ShadowedRule {
  chain: ChainName;
  index: number;
  shadowedBy: number;
}

/** The shadowed rules of every chain, in chain order (INPUT, FORWARD, OUTPUT) then rule order. */
export function shadowedRules(rules: FirewallRules): ShadowedRule[] {
  return CHAIN_NAMES.flatMap((chain) => shadowedInChain(chain, rules[chain].rules));
}

/** The shadowed rules of one chain, each with the first earlier rule that shadows it. */
export function shadowedInChain(chain: ChainName, rules: readonly Rule[]): ShadowedRule[] {
  const found: ShadowedRule[] = [];
  rules.forEach((rule, index) => {
    for (let earlier = 0; earlier < index; earlier++) {
      const before = rules[earlier] as Rule;
      if (before.action !== 'LOG' && covers(before.match, rule.match)) {
        found.push({ chain, index, shadowedBy: earlier });
        return;
      }
    }
  });
  return found;
}

/** Whether every packet (in any state) that `inner` matches is also matched by `outer`. */
export function covers(outer: RuleMatch, inner: RuleMatch): boolean {
  return (
    prefixCovers(outer.src, inner.src) &&
    prefixCovers(outer.dst, inner.dst) &&
    protocolCovers(outer, inner) &&
    rangeCovers(outer.srcPort, inner.srcPort) &&
    rangeCovers(outer.dstPort, inner.dstPort) &&
    flagsCover(outer, inner) &&
    statesCover(outer, inner)
  );
}

function prefixCovers(outer: Ipv4Prefix | undefined, inner: Ipv4Prefix | undefined): boolean {
  if (!outer || outer.length === 0) return true;
  if (!inner || inner.length < outer.length) return false;
  const shift = 32 - outer.length;
  return outer.network >>> shift === inner.network >>> shift;
}

function protocolCovers(outer: RuleMatch, inner: RuleMatch): boolean {
  const o = outer.protocol ?? 'any';
  return o === 'any' || o === (inner.protocol ?? 'any');
}

function rangeCovers(outer: PortRange | undefined, inner: PortRange | undefined): boolean {
  if (!outer) return true;
  return inner !== undefined && inner.low >= outer.low && inner.high <= outer.high;
}

/** Every flag `outer` examines is examined by `inner` with the same required value. */
function flagsCover(outer: RuleMatch, inner: RuleMatch): boolean {
  if (!outer.tcpFlags) return true;
  const i = inner.tcpFlags;
  if (!i) return false;
  return outer.tcpFlags.mask.every(
    (flag) => i.mask.includes(flag) && outer.tcpFlags?.set.includes(flag) === i.set.includes(flag),
  );
}

function statesCover(outer: RuleMatch, inner: RuleMatch): boolean {
  if (!outer.states) return true;
  const o = outer.states;
  return inner.states !== undefined && inner.states.every((s) => o.includes(s));
}
