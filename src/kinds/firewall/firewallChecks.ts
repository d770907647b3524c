// Small pure checkers for firewall rules as a person writes them, for the schema's validation:
// an address or CIDR, a port or port range, and a rule's fields that only make sense together.
// Each returns a message naming what is wrong, never throws.

import { formatIpv4, parseIpv4, parsePrefix } from '../../net/wire/ipv4Address.ts';
import type { Ipv4Prefix } from '../../net/wire/ipv4Address.ts';
import type { PortRange, Rule } from './firewallRules.ts';

/** A parsed value, or the reason the text is not one. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

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
  const fail = (why: string): Checked<PortRange> => ({
    ok: false,
    error: `"${text}" is not a port or port range: ${why}`,
  });
  if (trimmed === '')
    return fail('it is empty; expected a port like 80 or a range like 1024-65535');
  const parts = trimmed.split(/[-:]/);
  if (parts.length > 2) return fail('expected one port or two joined by "-", like 1024-65535');
  const ports: number[] = [];
  for (const part of parts) {
    const p = part.trim();
    if (p === '') return fail('a range needs a port on each side of "-", like 1024-65535');
    if (!/^\d+$/.test(p)) return fail(`"${p}" is not a whole number`);
    const port = Number(p);
    if (port > 65535) return fail(`${p} is more than 65535, the highest port`);
    ports.push(port);
  }
  const low = ports[0] as number;
  const high = ports[ports.length - 1] as number;
  if (low > high)
    return fail(`the range starts at ${low}, after its end ${high}; write ${high}-${low}`);
  return { ok: true, value: { low, high } };
}

/**
 * What is wrong with a rule's combination of fields, in iptables' terms (it refuses each of
 * these when the rule is added); empty when nothing is. Ranges and prefixes are checked too, for
 * rules built without the parsers above.
 */
export function ruleProblems(rule: Rule): string[] {
  const problems: string[] = [];
  const { match } = rule;
  const protocol = match.protocol ?? 'any';
  const ported = protocol === 'tcp' || protocol === 'udp';
  for (const [name, range] of [
    ['source port', match.srcPort],
    ['destination port', match.dstPort],
  ] as const) {
    if (!range) continue;
    if (!ported) problems.push(`a ${name} needs the protocol tcp or udp, not ${protocol}`);
    if (!validPort(range.low) || !validPort(range.high) || range.low > range.high) {
      problems.push(`the ${name} range ${range.low}-${range.high} is not 0-65535 with low <= high`);
    }
  }
  for (const [name, prefix] of [
    ['source', match.src],
    ['destination', match.dst],
  ] as const) {
    if (prefix && !validPrefix(prefix)) {
      problems.push(`the ${name} ${formatIpv4(prefix.network)}/${prefix.length} is not a network`);
    }
  }
  if (match.tcpFlags) {
    if (protocol !== 'tcp') problems.push(`TCP flags need the protocol tcp, not ${protocol}`);
    const outside = match.tcpFlags.set.filter((f) => !match.tcpFlags?.mask.includes(f));
    if (outside.length > 0) {
      problems.push(
        `the flags ${outside.join(', ')} must be set but are not examined (add them to the mask)`,
      );
    }
  }
  if (match.states?.length === 0) problems.push('a state match needs at least one state');
  if (rule.rejectWith && rule.action !== 'REJECT') {
    problems.push(`"reject with" goes only with REJECT, not ${rule.action}`);
  }
  if (rule.action === 'REJECT' && rule.rejectWith === 'tcp-reset' && protocol !== 'tcp') {
    problems.push(`REJECT with tcp-reset needs the protocol tcp, not ${protocol}`);
  }
  return problems;
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
