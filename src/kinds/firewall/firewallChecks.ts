// Small pure checkers for firewall rules as a person writes them, for the schema's validation:
// an address or CIDR, a port or port range, and a rule's fields that only make sense together.
// Each says what is wrong by a key of the firewall's check phrasebook (firewallCheckPhrases.ts)
// and, for the command line and the tests, in English; none throws.

import { formatIpv4, parseIpv4, parsePrefix } from '../../net/wire/ipv4Address.ts';
import type { Ipv4Prefix } from '../../net/wire/ipv4Address.ts';
import type { PortRange, Rule } from './firewallRules.ts';
import { firewallCheckPhrases, type FIREWALL_CHECK_EN } from './firewallCheckPhrases.ts';

/** A sentence of the firewall's check phrasebook with its parameters. */
export interface FirewallProblem {
  key: keyof typeof FIREWALL_CHECK_EN;
  params?: Record<string, string>;
}

/** A parsed value, or the reason the text is not one (in English, and as a phrasebook key when it has one). */
export type Checked<T> =
  { ok: true; value: T } | { ok: false; error: string; problem?: FirewallProblem };

/** A problem in English words. */
export function problemText(problem: FirewallProblem): string {
  const say = firewallCheckPhrases.in().say as (
    key: string,
    params?: Record<string, string>,
  ) => string;
  return say(problem.key, problem.params);
}

/**
 * Parses a rule's address: a CIDR prefix (`10.0.0.0/8`) or one address (`10.0.0.1`, meaning
 * /32). A prefix with host bits set (`10.0.0.1/8`) is an error naming the network it probably
 * meant, as `ip route` refuses it. iptables itself would silently clear the host bits, but then
 * a rule meant for one machine quietly covers sixteen million: the learner should see that.
 */
export function parseCidr(text: string): Checked<Ipv4Prefix> {
  if (!text.includes('/')) {
    const address = parseIpv4(text);
    if (!address.ok) return address;
    return { ok: true, value: { network: address.address, length: 32 } };
  }
  const parsed = parsePrefix(text);
  if (!parsed.ok) return parsed;
  return { ok: true, value: parsed.prefix };
}

/**
 * Parses a port (`80`) or an inclusive range (`1024-65535`; iptables' `1024:65535` too). Ports
 * are whole numbers from 0 to 65535 and the first must not exceed the second.
 */
export function parsePortRange(text: string): Checked<PortRange> {
  const trimmed = text.trim();
  const fail = (key: FirewallProblem['key'], params: Record<string, string> = {}) => {
    const problem = { key, params: { text, ...params } };
    return { ok: false as const, error: problemText(problem), problem };
  };
  if (trimmed === '') return fail('port.empty');
  const parts = trimmed.split(/[-:]/);
  if (parts.length > 2) return fail('port.tooManyParts');
  const ports: number[] = [];
  for (const part of parts) {
    const p = part.trim();
    if (p === '') return fail('port.missingSide');
    if (!/^\d+$/.test(p)) return fail('port.notWhole', { part: p });
    const port = Number(p);
    if (port > 65535) return fail('port.tooHigh', { part: p });
    ports.push(port);
  }
  const low = ports[0] as number;
  const high = ports[ports.length - 1] as number;
  if (low > high) return fail('port.backwards', { low: `${low}`, high: `${high}` });
  return { ok: true, value: { low, high } };
}

/**
 * What is wrong with a rule's combination of fields, in iptables' terms (it refuses each of
 * these when the rule is added); empty when nothing is. Ranges and prefixes are checked too, for
 * rules built without the parsers above.
 */
export function ruleProblemsOf(rule: Rule): FirewallProblem[] {
  const problems: FirewallProblem[] = [];
  const { match } = rule;
  const protocol = match.protocol ?? 'any';
  const ported = protocol === 'tcp' || protocol === 'udp';
  for (const [side, range] of [
    ['src', match.srcPort],
    ['dst', match.dstPort],
  ] as const) {
    if (!range) continue;
    if (!ported) problems.push({ key: `check.${side}PortNeedsProtocol`, params: { protocol } });
    if (!validPort(range.low) || !validPort(range.high) || range.low > range.high) {
      const params = { low: `${range.low}`, high: `${range.high}` };
      problems.push({ key: `check.${side}PortRange`, params });
    }
  }
  for (const [side, prefix] of [
    ['src', match.src],
    ['dst', match.dst],
  ] as const) {
    if (prefix && !validPrefix(prefix)) {
      const network = `${formatIpv4(prefix.network)}/${prefix.length}`;
      problems.push({ key: `check.${side}NotNetwork`, params: { network } });
    }
  }
  if (match.tcpFlags) {
    if (protocol !== 'tcp') problems.push({ key: 'check.flagsNeedTcp', params: { protocol } });
    const outside = match.tcpFlags.set.filter((f) => !match.tcpFlags?.mask.includes(f));
    if (outside.length > 0) {
      problems.push({ key: 'check.flagsOutsideMask', params: { flags: outside.join(', ') } });
    }
  }
  if (match.states?.length === 0) problems.push({ key: 'check.noStates' });
  if (rule.rejectWith && rule.action !== 'REJECT') {
    problems.push({ key: 'check.rejectWithAlone', params: { action: rule.action } });
  }
  if (rule.action === 'REJECT' && rule.rejectWith === 'tcp-reset' && protocol !== 'tcp') {
    problems.push({ key: 'check.resetNeedsTcp', params: { protocol } });
  }
  if (rule.logPrefix !== undefined && rule.action !== 'LOG') {
    problems.push({ key: 'check.logPrefixAlone', params: { action: rule.action } });
  }
  return problems;
}

/** What is wrong with a rule, in English (ruleProblemsOf's problems in words). */
export function ruleProblems(rule: Rule): string[] {
  return ruleProblemsOf(rule).map(problemText);
}

function validPort(port: number): boolean {
  return Number.isInteger(port) && port >= 0 && port <= 65535;
}

function validPrefix(prefix: Ipv4Prefix): boolean {
  const { network, length } = prefix;
  if (!Number.isInteger(length) || length < 0 || length > 32) return false;
  if (!Number.isInteger(network) || network < 0 || network > 0xffffffff) return false;
  const hostBits = length === 32 ? 0 : 0xffffffff >>> length;
  return (network & hostBits) === 0;
}
