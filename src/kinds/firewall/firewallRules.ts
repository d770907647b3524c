// A firewall's rule tables as iptables' filter table has them (chains INPUT, OUTPUT, FORWARD, each
// an ordered rule list and a default policy) and the per-packet verdict: a pure function over a
// chain, the packet and its connection-tracking state (no actor send per packet, DESIGN.md §4).

import type { Ipv4Prefix } from '../../net/wire/ipv4Address.ts';
import { contains } from '../../net/wire/ipv4Address.ts';
import type { Packet, TcpFlags } from '../../net/wire/packet.ts';
import type { ConnState } from './connectionTracking.ts';

/** The filter table's built-in chains: packets for this node, from it, and through it. */
export type ChainName = 'INPUT' | 'OUTPUT' | 'FORWARD';

/** The chains in the order iptables -L lists them. */
export const CHAIN_NAMES: readonly ChainName[] = ['INPUT', 'FORWARD', 'OUTPUT'];

/** A built-in chain's default policy (iptables allows only these two for built-in chains). */
export type Policy = 'ACCEPT' | 'DROP';

/** What a rule does when it matches. LOG records the packet and lets the walk go on. */
export type RuleAction = 'ACCEPT' | 'DROP' | 'REJECT' | 'LOG';

/** The answer REJECT sends (iptables' --reject-with); iptables' default is icmp-port-unreachable. */
export type RejectWith = 'tcp-reset' | 'icmp-port-unreachable' | 'icmp-admin-prohibited';

/** The protocols a rule can name (iptables -p); `any` (or no protocol) matches every packet. */
export type RuleProtocol = 'tcp' | 'udp' | 'icmp' | 'any';

/** An inclusive port range; a single port is `{ low: 80, high: 80 }`. */
export interface PortRange {
  low: number;
  high: number;
}

/** A TCP flag by its name in the packet model (syn, ack, fin, rst, psh, urg, ece, cwr). */
export type TcpFlagName = keyof TcpFlags;

/**
 * iptables' `--tcp-flags mask set`: of the flags in `mask`, those in `set` must be set and the
 * others clear; flags outside `mask` are not looked at. `set` should lie inside `mask`.
 */
export interface TcpFlagsMatch {
  mask: readonly TcpFlagName[];
  set: readonly TcpFlagName[];
}

/** iptables' `--syn`: SYN set and ACK, RST, FIN clear, the first segment of a connection. */
export const SYN_ONLY: TcpFlagsMatch = { mask: ['syn', 'rst', 'ack', 'fin'], set: ['syn'] };

/**
 * What a rule matches; every field given must match, an absent field matches anything. An
 * address is a prefix of length 32. Ports and TCP flags need the protocol that has them
 * (firewallChecks.ts refuses a rule without it, as iptables does); a packet without ports (ICMP,
 * a non-first fragment) never matches a port.
 */
export interface RuleMatch {
  src?: Ipv4Prefix;
  dst?: Ipv4Prefix;
  protocol?: RuleProtocol;
  srcPort?: PortRange;
  dstPort?: PortRange;
  tcpFlags?: TcpFlagsMatch;
  /** Connection-tracking states (iptables `-m conntrack --ctstate`); one of them must hold. */
  states?: readonly ConnState[];
}

/** One rule: what it matches and what it does. */
export interface Rule {
  match: RuleMatch;
  action: RuleAction;
  /** With REJECT only; absent means iptables' default, icmp-port-unreachable. */
  rejectWith?: RejectWith;
  /** With LOG: the text put before the log line (iptables --log-prefix). */
  logPrefix?: string;
  /** A note for people (iptables -m comment). */
  comment?: string;
}

/** A chain: rules tried in order, and the policy when none ends the walk. */
export interface Chain {
  policy: Policy;
  rules: readonly Rule[];
}

/** A node's filter table: its three chains. */
export type FirewallRules = Record<ChainName, Chain>;

/** What happens to a packet: let through, dropped silently, or dropped with an answer. */
export type VerdictAction = 'ACCEPT' | 'DROP' | 'REJECT';

/** The verdict of a chain for a packet, and which rules saw it. */
export interface Verdict {
  action: VerdictAction;
  /** With REJECT: the answer to send. */
  rejectWith?: RejectWith;
  /** The index of the rule that decided, or 'policy' when no rule ended the walk. */
  decidedBy: number | 'policy';
  /** Indices of the LOG rules that matched before the decision, in order. */
  logged: readonly number[];
}

/** A filter table with every policy ACCEPT and no rules, as a fresh Linux box has. */
export function openFirewall(): FirewallRules {
  return {
    INPUT: { policy: 'ACCEPT', rules: [] },
    FORWARD: { policy: 'ACCEPT', rules: [] },
    OUTPUT: { policy: 'ACCEPT', rules: [] },
  };
}

/** A prefix holding one address (a rule's `-s 10.0.0.1`). */
export function hostPrefix(address: number): Ipv4Prefix {
  return { network: address >>> 0, length: 32 };
}

/** A port range of one port. */
export function singlePort(port: number): PortRange {
  return { low: port, high: port };
}

const NO_LOGS: readonly number[] = Object.freeze([]);

/**
 * The verdict of `chain` for `packet` in connection state `state`: the first rule that matches and
 * ends the walk (ACCEPT, DROP, REJECT) decides; a matching LOG rule is noted and the walk goes on;
 * the chain's policy decides when nothing else does.
 */
export function verdict(chain: Chain, packet: Packet, state: ConnState): Verdict {
  let logged: number[] | undefined;
  const rules = chain.rules;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as Rule;
    if (!ruleMatches(rule.match, packet, state)) continue;
    if (rule.action === 'LOG') {
      (logged ??= []).push(i);
      continue;
    }
    const decided: Verdict = { action: rule.action, decidedBy: i, logged: logged ?? NO_LOGS };
    if (rule.action === 'REJECT') decided.rejectWith = rule.rejectWith ?? 'icmp-port-unreachable';
    return decided;
  }
  return { action: chain.policy, decidedBy: 'policy', logged: logged ?? NO_LOGS };
}

/** Whether a packet in connection state `state` matches every field of `match`. */
export function ruleMatches(match: RuleMatch, packet: Packet, state: ConnState): boolean {
  const { ip, transport } = packet;
  if (match.src && !contains(match.src, ip.src)) return false;
  if (match.dst && !contains(match.dst, ip.dst)) return false;
  const protocol = match.protocol ?? 'any';
  if (protocol !== 'any' && protocol !== transport.kind) return false;
  if (match.srcPort || match.dstPort) {
    if (transport.kind !== 'tcp' && transport.kind !== 'udp') return false;
    if (match.srcPort && !inRange(match.srcPort, transport.srcPort)) return false;
    if (match.dstPort && !inRange(match.dstPort, transport.dstPort)) return false;
  }
  if (match.tcpFlags) {
    if (transport.kind !== 'tcp') return false;
    // As xt_tcpudp: (flags & mask) == set, so a flag in `set` outside `mask` never matches.
    const { mask, set } = match.tcpFlags;
    for (const flag of mask) if (transport.flags[flag] !== set.includes(flag)) return false;
    for (const flag of set) if (!mask.includes(flag)) return false;
  }
  if (match.states && !match.states.includes(state)) return false;
  return true;
}

function inRange(range: PortRange, port: number): boolean {
  return port >= range.low && port <= range.high;
}
