// A node's `nat` setting, as close to iptables' nat table as JSON allows: masquerade rules
// (`-t nat -A POSTROUTING -o eth1 [-s 192.168.1.0/24] -j MASQUERADE [--to-ports 50000-50999]`),
// port forwards (`-t nat -A PREROUTING -i eth1 -p tcp --dport 8080 -j DNAT --to 192.168.1.10:80`)
// and conntrack's timeouts; and the checks a schema cannot make (interfaces the node has, ports in
// order, one port range per interface, forwards that do not overlap), naming the rule.

import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import type { ValidationIssue } from '../../sim/schema/schema.ts';
import {
  array,
  duration,
  expectedIssue,
  number,
  object,
  oneOf,
  string,
  type Infer,
  type Schema,
} from '../../sim/schema/schema.ts';
import { prefix } from '../../sim/schema/networkSchemas.ts';
import { bookPhrase, phrase, phrased } from '../../sim/schema/phrase.ts';
import type { ScenarioNode } from '../../sim/scenario/scenarioSchema.ts';
import type { PortRange } from '../firewall/firewallRules.ts';
import { natCheckPhrases } from './natCheckPhrases.ts';

/** A port 1 to 65535, as a pattern (no leading zeros). */
const PORT = '(6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})';
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)';
const RANGE = new RegExp(`^${PORT}-${PORT}$`);
const TARGET = new RegExp(`^${OCTET}(\\.${OCTET}){3}(:${PORT})?$`);

/** A port (`8080`) or an inclusive range (`"6000-6010"`); order is checked with the node. */
function portOrRange(description: string): Schema<PortRange> {
  const single = number({ integer: true, min: 1, max: 65_535 });
  return {
    parse(value, path, issues) {
      if (typeof value === 'number') {
        const port = single.parse(value, path, issues);
        return port === undefined ? undefined : { low: port, high: port };
      }
      if (typeof value !== 'string' || !RANGE.test(value)) {
        issues.push(expectedIssue(path, bookPhrase(natCheckPhrases, 'expected.ports'), value));
        return undefined;
      }
      const [low, high] = value.split('-').map(Number) as [number, number];
      return { low, high };
    },
    jsonSchema: () => ({
      oneOf: [
        { type: 'integer', minimum: 1, maximum: 65_535 },
        { type: 'string', pattern: RANGE.source },
      ],
      description,
    }),
  };
}

/** Where a port forward sends: an address, and the port unless it keeps the one asked for. */
export interface ForwardTarget {
  address: Ipv4Address;
  port?: number;
}

const forwardTarget: Schema<ForwardTarget> = {
  parse(value, path, issues) {
    if (typeof value !== 'string' || !TARGET.test(value)) {
      issues.push(expectedIssue(path, bookPhrase(natCheckPhrases, 'expected.target'), value));
      return undefined;
    }
    const [host = '', port] = value.split(':');
    const parsed = parseIpv4(host);
    if (!parsed.ok) return undefined; // the pattern admits only addresses
    return port === undefined
      ? { address: parsed.address }
      : { address: parsed.address, port: Number(port) };
  },
  jsonSchema: () => ({
    type: 'string',
    pattern: TARGET.source,
    description:
      'The inside server: "192.168.1.10:80", or "192.168.1.10" to keep the port the packet was sent to.',
  }),
};

const interfaceName = (description: string) =>
  string({
    pattern: /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
    patternText: phrase('pattern.id', { what: phrase('pattern.interfaceName') }),
    description,
  });

const masqueradeRule = object(
  { out: interfaceName('The public interface: packets leaving by it get its address (-o).') },
  {
    source: prefix(),
    toPorts: portOrRange(
      'Public ports to use (--to-ports); without it the source port is kept when free, as Linux does.',
    ),
  },
  'Masquerade (source NAT): packets from `source` (default: any) leaving by `out` get the address of `out` and a free port.',
);

const portForward = object(
  {
    in: interfaceName('The public interface the packets arrive on (-i).'),
    protocol: oneOf(['tcp', 'udp'] as const, 'The transport protocol (-p).'),
    port: portOrRange('The public port or ports (--dport), on the address of `in`.'),
    to: forwardTarget,
  },
  {},
  'A port forward (destination NAT): packets to the public address and port go on to the inside server.',
);

const SECONDS = 1_000_000_000;
const nonzero = (description: string) => duration({ min: 1, max: 432_000 * SECONDS, description });

export const natSettings = object(
  {},
  {
    masquerade: array(masqueradeRule, { maxItems: 64 }),
    portForwards: array(portForward, { maxItems: 256 }),
    timeouts: object(
      {},
      {
        tcpEstablished: nonzero(
          'An idle TCP connection’s mapping lasts this long (default 5 days).',
        ),
        tcpUnreplied: nonzero('A TCP mapping with no answer yet lasts this long (default 2m).'),
        udp: nonzero('A UDP mapping with no answer yet, or after one answer (default 30s).'),
        udpStream: nonzero('A UDP mapping that saw traffic both ways (default 2m).'),
        icmp: nonzero('An ICMP echo mapping (default 30s).'),
      },
      'How long a mapping lasts without packets, as Linux conntrack’s timeouts.',
    ),
  },
  'Network address translation on this node (usually a router): masquerade and port forwards, as iptables’ nat table.',
);

export type NatSettings = Infer<typeof natSettings>;
export type MasqueradeRule = Infer<typeof masqueradeRule>;
export type PortForwardRule = Infer<typeof portForward>;

/** `8080`, or `6000-6010`. */
export function formatPorts(range: PortRange): string {
  return range.low === range.high ? `${range.low}` : `${range.low}-${range.high}`;
}

/** The problems of a node's `nat` setting a schema cannot see (`path` is `$.nodes[i].nat`). */
export function checkNat(node: ScenarioNode, path: string, issues: ValidationIssue[]): void {
  const nat = node.nat;
  if (!nat) return;
  const interfaces = node.interfaces ?? [];
  const names = interfaces.map((x) => x.name).join(', ') || '-';
  /** The interface's problem, if any, as the rule's own words. */
  const checkInterface = (
    rule: 'masquerade' | 'forward',
    n: number,
    name: string,
    at: string,
  ): boolean => {
    const iface = interfaces.find((x) => x.name === name);
    if (!iface) {
      const said = bookPhrase(natCheckPhrases, `check.${rule}.unknownInterface`, {
        n: `${n}`,
        node: node.id,
        name,
        interfaces: names,
      });
      issues.push(phrased(at, said));
      return false;
    }
    if (!iface.address) {
      const said = bookPhrase(natCheckPhrases, `check.${rule}.noAddress`, {
        n: `${n}`,
        node: node.id,
        name,
      });
      issues.push(phrased(at, said));
      return false;
    }
    return true;
  };
  const inOrder = (rule: 'masquerade' | 'forward', n: number, range: PortRange, at: string) => {
    if (range.low <= range.high) return true;
    const ports = `${range.low}-${range.high}`;
    issues.push(
      phrased(
        at,
        bookPhrase(natCheckPhrases, `check.${rule}.portOrder`, { n: `${n}`, node: node.id, ports }),
      ),
    );
    return false;
  };

  const toPortsOf = new Map<string, { n: number; ports: string }>();
  nat.masquerade?.forEach((rule, i) => {
    const at = `${path}.masquerade[${i}]`;
    checkInterface('masquerade', i + 1, rule.out, `${at}.out`);
    const ports =
      rule.toPorts && inOrder('masquerade', i + 1, rule.toPorts, `${at}.toPorts`)
        ? formatPorts(rule.toPorts)
        : '';
    const first = toPortsOf.get(rule.out);
    if (!first) toPortsOf.set(rule.out, { n: i + 1, ports });
    else if (first.ports !== ports)
      issues.push(
        phrased(
          `${at}.toPorts`,
          bookPhrase(natCheckPhrases, 'check.masquerade.toPortsDiffer', {
            n: `${i + 1}`,
            node: node.id,
            name: rule.out,
            first: `${first.n}`,
          }),
        ),
      );
  });

  const taken: { n: number; in: string; protocol: string; range: PortRange }[] = [];
  nat.portForwards?.forEach((rule, i) => {
    const at = `${path}.portForwards[${i}]`;
    checkInterface('forward', i + 1, rule.in, `${at}.in`);
    if (!inOrder('forward', i + 1, rule.port, `${at}.port`)) return;
    const clash = taken.find(
      (t) =>
        t.in === rule.in &&
        t.protocol === rule.protocol &&
        t.range.low <= rule.port.high &&
        rule.port.low <= t.range.high,
    );
    if (clash)
      issues.push(
        phrased(
          `${at}.port`,
          bookPhrase(natCheckPhrases, 'check.forward.overlap', {
            n: `${i + 1}`,
            node: node.id,
            protocol: rule.protocol.toUpperCase(),
            ports: formatPorts(rule.port),
            name: rule.in,
            first: `${clash.n}`,
          }),
        ),
      );
    else taken.push({ n: i + 1, in: rule.in, protocol: rule.protocol, range: rule.port });
  });
}
