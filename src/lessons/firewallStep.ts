// "Be the machine" on a firewall (`"machine": "firewall"`): for each packet the learner picks the
// verdict of one chain, ACCEPT, DROP or REJECT; the answer is the firewall's own pure verdict
// (src/kinds/firewall/firewallRules.ts `verdict`) on a real packet built from the step, with the
// connection-tracking state the step tells. The rules are the scenario's firewall node's (as a run
// reads its `firewall` setting) or written in the step in the same format. This file reads the
// step's fields (each problem at its line), builds the packets, says why each verdict is what it
// is, and is the machine's descriptor for the registry (machineRegistry.ts).

import type { ConnState } from '../kinds/firewall/connectionTracking.ts';
import {
  verdict,
  type Chain,
  type ChainName,
  type Verdict,
} from '../kinds/firewall/firewallRules.ts';
import type { FirewallRules, RejectWith } from '../kinds/firewall/firewallRules.ts';
import { firewallSettings } from '../kinds/firewall/firewallSchemas.ts';
import { ruleText } from '../kinds/firewall/firewallTables.ts';
import { parseIpv4 } from '../net/wire/ipv4Address.ts';
import { ipv4Header, tcpFlags, type Packet, type TcpFlags } from '../net/wire/packet.ts';
import type { ValidationIssue } from '../sim/schema/schema.ts';
import { validateScenario } from '../sim/index.ts';
import { ENGLISH, type Language } from '../engine/language.ts';
import { lessonPhrases } from './lessonPhrases.ts';
import { ENGLISH_MACHINE_WORDS, type MachineWords } from './machineWords.ts';
import { sayUnknownKeys, type MachineKind, type SayAt } from './machineKind.ts';

/** A packet as a step writes it: `{"protocol": "tcp", "from": "…:50123", "to": "…:80", "flags": "S", "state": "NEW"}`. */
export interface FirewallPacket {
  protocol: 'tcp' | 'udp' | 'icmp';
  /** `a.b.c.d:port` (an ICMP echo request: `a.b.c.d`). */
  from: string;
  to: string;
  /** TCP only: the flags set, as letters (S, A, F, R, P, U, E, C); `SA` is SYN+ACK. */
  flags?: string;
  /** The packet's connection-tracking state, as the learner is told it. */
  state: ConnState;
}

/** A firewall step's own fields. */
export interface FirewallStepSpec {
  machine: 'firewall';
  /** The scenario's node whose firewall is used, or undefined when `rules` gives one. */
  firewall?: string;
  /** The rules written in the step, read as a scenario's `firewall` setting. */
  rules?: FirewallRules;
  chain: ChainName;
  packets: FirewallPacket[];
}

/** The three verdicts a learner picks from, in the order shown. */
export const VERDICTS = ['ACCEPT', 'DROP', 'REJECT'] as const;

const KEYS = ['machine', 'firewall', 'chain', 'packets'];
const PACKET_KEYS = ['protocol', 'from', 'to', 'flags', 'state'];
const CHAINS: readonly ChainName[] = ['INPUT', 'FORWARD', 'OUTPUT'];
const STATES: readonly ConnState[] = ['NEW', 'ESTABLISHED', 'RELATED', 'INVALID'];
const FLAG_LETTERS: Record<string, keyof TcpFlags> = {
  S: 'syn',
  A: 'ack',
  F: 'fin',
  R: 'rst',
  P: 'psh',
  U: 'urg',
  E: 'ece',
  C: 'cwr',
};

/** Reads a firewall step; `most` is the most packets a step may have. */
export function readFirewallStep(
  step: Record<string, unknown>,
  say: SayAt,
  most: number,
): FirewallStepSpec | null {
  let ok = true;
  const fail: SayAt = (...args) => {
    ok = false;
    return say(...args);
  };
  if (sayUnknownKeys(step, 'firewall', KEYS, say)) ok = false;
  const { firewall, packets } = step;
  const chain = step.chain ?? 'FORWARD';
  if (!CHAINS.includes(chain as ChainName))
    fail(`"chain" must be one of ${CHAINS.join(', ')}; found ${JSON.stringify(chain)}`, '"chain"');
  let rules: FirewallRules | undefined;
  if (typeof firewall === 'object' && firewall !== null && !Array.isArray(firewall)) {
    const issues: ValidationIssue[] = [];
    rules = firewallSettings.parse(firewall, '$', issues);
    for (const issue of issues) {
      const [needle, after, nth] = whereInRules(issue.path, firewall as Record<string, unknown>);
      fail(`"firewall" ${issue.path.slice(2)}: ${issue.message}`, needle, after, nth);
    }
  } else if (typeof firewall !== 'string' || firewall.trim() === '')
    fail(
      '"firewall" must be the id of a node of the scenario with a firewall, or rules as a scenario\'s "firewall" setting: {"forward": {"policy": "DROP", "rules": […]}}',
      firewall === undefined ? '"machine"' : '"firewall"',
    );
  if (!Array.isArray(packets) || packets.length === 0 || packets.length > most) {
    fail(
      `"packets" must be a list of 1 to ${most} packets`,
      packets === undefined ? '"machine"' : '"packets"',
    );
    return null;
  }
  const read = packets.map((p: unknown, i) => readPacket(p, i, packets, fail));
  if (!ok || read.some((p) => p === null)) return null;
  return {
    machine: 'firewall',
    ...(typeof firewall === 'string' ? { firewall } : {}),
    ...(rules ? { rules } : {}),
    chain: chain as ChainName,
    packets: read as FirewallPacket[],
  };
}

/**
 * Where a problem of the step's rules is written: the key of the field (its occurrence among the
 * rules of its chain), else the rule's `"action"`, after the chain's key.
 */
function whereInRules(
  path: string,
  setting: Record<string, unknown>,
): [needle: string, after: string | undefined, nth: number] {
  const m = /^\$\.(\w+)(?:\.rules\[(\d+)\](?:\.(\w+))?|\.(\w+))?/.exec(path);
  if (!m) return ['"firewall"', undefined, 0];
  const [, chain = '', index, field, chainField] = m;
  if (index === undefined)
    return chainField ? [`"${chainField}"`, `"${chain}"`, 0] : [`"${chain}"`, '"firewall"', 0];
  const rules = (setting[chain] as { rules?: unknown } | undefined)?.rules;
  const before = Array.isArray(rules) ? rules.slice(0, Number(index)) : [];
  const key = field ?? 'action';
  const nth = before.filter((r) => typeof r === 'object' && r !== null && key in r).length;
  return [`"${key}"`, `"${chain}"`, nth];
}

/** One packet of the step, or null after saying what is wrong with it (at its line). */
function readPacket(
  value: unknown,
  i: number,
  all: readonly unknown[],
  fail: SayAt,
): FirewallPacket | null {
  const label = `packets[${i}]`;
  // The nth occurrence of a key among the packets is this packet's when the earlier ones have it too.
  const at = (key: string): [string, string, number] => [
    `"${key}"`,
    '"packets"',
    all.slice(0, i).filter((p) => typeof p === 'object' && p !== null && key in p).length,
  ];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail(
      `${label} must be {"protocol": "tcp", "from": "a.b.c.d:port", "to": "a.b.c.d:port", "flags": "S", "state": "NEW"}`,
      '"packets"',
    );
  const p = value as Record<string, unknown>;
  let ok = true;
  const bad = (message: string, key: string): void => {
    ok = false;
    fail(`${label}: ${message}`, ...(key in p ? at(key) : at('protocol')));
  };
  for (const k of Object.keys(p))
    if (!PACKET_KEYS.includes(k))
      bad(`unknown field "${k}" (expected ${PACKET_KEYS.join(', ')})`, k);
  const protocol = p.protocol;
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'icmp') {
    bad(`"protocol" must be tcp, udp or icmp; found ${JSON.stringify(protocol)}`, 'protocol');
    return null;
  }
  for (const end of ['from', 'to'] as const) {
    const problem = endpointProblem(p[end], protocol);
    if (problem) bad(`"${end}": ${problem}`, end);
  }
  if (protocol === 'tcp') {
    const flags = p.flags;
    if (typeof flags !== 'string' || ![...flags].every((l) => l in FLAG_LETTERS))
      bad(
        `"flags" must be the TCP flags set, as letters of S, A, F, R, P, U, E, C ("S" a SYN, "SA" a SYN+ACK); found ${JSON.stringify(flags)}`,
        'flags',
      );
  } else if ('flags' in p) bad(`only a tcp packet has "flags"`, 'flags');
  if (!STATES.includes(p.state as ConnState))
    bad(`"state" must be one of ${STATES.join(', ')}; found ${JSON.stringify(p.state)}`, 'state');
  if (!ok) return null;
  return {
    protocol,
    from: (p.from as string).trim(),
    to: (p.to as string).trim(),
    ...(protocol === 'tcp' ? { flags: (p.flags as string).toUpperCase() } : {}),
    state: p.state as ConnState,
  };
}

/** What is wrong with an endpoint's text, or null: `a.b.c.d:port`, or for ICMP `a.b.c.d`. */
function endpointProblem(value: unknown, protocol: FirewallPacket['protocol']): string | null {
  if (typeof value !== 'string')
    return protocol === 'icmp' ? 'expected an address "a.b.c.d"' : 'expected "a.b.c.d:port"';
  const [address = '', port, ...rest] = value.trim().split(':');
  const parsed = parseIpv4(address);
  if (!parsed.ok) return parsed.error;
  if (protocol === 'icmp')
    return port === undefined ? null : `an ICMP echo request has no ports: write "${address}"`;
  if (port === undefined || rest.length > 0) return `expected "${address}:port" with the port`;
  const n = Number(port);
  return /^\d+$/.test(port) && n <= 65535 ? null : `"${port}" is not a port (0 to 65535)`;
}

/** The chain a firewall step works on, and where its rules come from. */
export interface FirewallUnderTest {
  /** The scenario node (its label, else its id), when the rules are its firewall's. */
  node?: string;
  chainName: ChainName;
  chain: Chain;
}

/**
 * The chain of a firewall step: its step's rules, or its scenario's node's firewall (`scenario` the
 * lesson's scenario document), or why there is none (in `language`).
 */
export function firewallOf(
  spec: FirewallStepSpec,
  scenario: unknown,
  language: Language = ENGLISH,
): FirewallUnderTest | string {
  if (spec.rules) return { chainName: spec.chain, chain: spec.rules[spec.chain] };
  const say = lessonPhrases.in(language).say;
  const id = spec.firewall ?? '';
  const valid = validateScenario(scenario);
  if (!valid.ok) return say('router.invalidScenario');
  const node = valid.scenario.nodes.find((n) => n.id === id);
  if (!node) return say('router.noNode', { id });
  if (!node.firewall) return say('firewall.none', { id });
  return { node: node.label ?? id, chainName: spec.chain, chain: node.firewall[spec.chain] };
}

/** Splits `a.b.c.d:port` (checked). */
function endpoint(text: string): { address: number; port: number } {
  const [address = '', port = '0'] = text.split(':');
  const parsed = parseIpv4(address);
  if (!parsed.ok) throw new Error(parsed.error);
  return { address: parsed.address, port: Number(port) };
}

/** The real packet a step's packet stands for (headers as a host sends them). */
export function packetOf(p: FirewallPacket): Packet {
  const src = endpoint(p.from);
  const dst = endpoint(p.to);
  const ip = ipv4Header({ src: src.address, dst: dst.address });
  if (p.protocol === 'icmp')
    return {
      id: 0,
      ip,
      transport: { kind: 'icmp', message: 'echoRequest', identifier: 1, sequence: 1 },
      payload: new Uint8Array(56),
    };
  if (p.protocol === 'udp')
    return {
      id: 0,
      ip: { ...ip, dontFragment: false },
      transport: { kind: 'udp', srcPort: src.port, dstPort: dst.port },
      payload: new Uint8Array(12),
    };
  const flags = tcpFlags(
    Object.fromEntries([...(p.flags ?? '')].map((l) => [FLAG_LETTERS[l] as string, true])),
  );
  return {
    id: 0,
    ip,
    transport: {
      kind: 'tcp',
      srcPort: src.port,
      dstPort: dst.port,
      seq: 1000,
      ack: flags.ack ? 2000 : 0,
      flags,
      window: 64240,
      urgentPointer: 0,
      options: [],
    },
    payload: new Uint8Array(0),
  };
}

/** A packet as the learner reads it: `tcp 192.168.1.10:50123 → 10.0.0.20:80 [SYN, ACK]`. */
export function packetText(p: FirewallPacket): string {
  if (p.protocol === 'icmp') return `icmp ${p.from} → ${p.to} echo-request`;
  const flags =
    p.protocol === 'tcp'
      ? ` [${[...(p.flags ?? '')].map((l) => (FLAG_LETTERS[l] ?? l).toUpperCase()).join(', ')}]`
      : '';
  return `${p.protocol} ${p.from} → ${p.to}${flags === ' []' ? ' [no flags]' : flags}`;
}

/** One packet's decision: the packet and the chain's verdict on it. */
export interface FirewallDecision {
  packet: FirewallPacket;
  verdict: Verdict;
}

/** The real verdicts of `fw`'s chain on the step's packets. */
export function firewallDecisions(
  fw: FirewallUnderTest,
  packets: readonly FirewallPacket[],
): FirewallDecision[] {
  return packets.map((packet) => ({
    packet,
    verdict: verdict(fw.chain, packetOf(packet), packet.state),
  }));
}

/** A chain's rules as the learner reads them: number (from 1), iptables syntax, comment. */
export function chainRows(fw: FirewallUnderTest): { n: number; text: string; comment: string }[] {
  return fw.chain.rules.map((rule, i) => ({
    n: i + 1,
    text: ruleText(rule),
    comment: rule.comment ?? '',
  }));
}

/** The rule (or policy) that decided, naming the verdict, and the LOG rules met on the way. */
export function firewallWhy(
  fw: FirewallUnderTest,
  decision: FirewallDecision,
  words: MachineWords = ENGLISH_MACHINE_WORDS,
): string {
  const { verdict: v } = decision;
  const parts: string[] = [];
  if (v.decidedBy === 'policy') parts.push(words.firewallPolicy(fw.chainName, v.action));
  else {
    const rule = fw.chain.rules[v.decidedBy];
    parts.push(
      words.firewallRule(v.decidedBy + 1, rule ? ruleText(rule) : '', rule?.comment ?? null),
    );
  }
  if (v.action === 'REJECT') parts.push(words.firewallReject(v.rejectWith as RejectWith));
  if (v.logged.length > 0) parts.push(words.firewallLogged(v.logged.map((i) => i + 1)));
  return parts.join(' ');
}

/** The firewall of a "be the machine" step. */
export const firewallStep: MachineKind<FirewallStepSpec> = {
  name: 'firewall',
  real: 'firewall',
  read: readFirewallStep,
  node: (spec) => spec.firewall,
  decisions(spec, scenario, words, language) {
    const fw = firewallOf(spec, scenario, language);
    if (typeof fw === 'string') return fw;
    return firewallDecisions(fw, spec.packets).map((d) => ({
      machine: 'firewall',
      situation: words.firewallSituation(fw.chainName, packetText(d.packet), d.packet.state),
      choices: VERDICTS.map((v) => ({ id: v, label: words.firewallChoice(v) })),
      answer: d.verdict.action,
      why: firewallWhy(fw, d, words),
    }));
  },
  unplayable(spec, scenario) {
    const fw = firewallOf(spec, scenario);
    return typeof fw !== 'string' && fw.chain.rules.length === 0
      ? `the ${spec.chain} chain has no rule: its policy decides alone`
      : null;
  },
  finished: (words, pick, why) => words.firewallRight(pick, why),
};
