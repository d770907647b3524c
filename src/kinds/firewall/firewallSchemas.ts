// The `firewall` setting of a node, as a scenario writes it: iptables' filter table with chains
// `input`, `forward` and `output`, each a default policy and ordered rules. Parsing gives the rule
// tables the verdict runs on (firewallRules.ts); a rule whose fields cannot work together is an
// error naming the rule, in the firewall's phrasebook (firewallChecks.ts, firewallCheckPhrases.ts).

import { ENGLISH } from '../../engine/language.ts';
import type { Message } from '../../engine/language.ts';
import {
  array,
  boolean,
  expectedIssue,
  object,
  oneOf,
  string,
  type Schema,
  type ValidationIssue,
} from '../../sim/schema/schema.ts';
import { phrased, withPhrase, type Phrase } from '../../sim/schema/phrase.ts';
import { ipv4ErrorPhrase, prefixErrorPhrase } from '../../sim/schema/textPhrases.ts';
import { fromText, IPV4 } from '../../sim/schema/networkSchemas.ts';
import type { Ipv4Prefix } from '../../net/wire/ipv4Address.ts';
import { parseCidr, parsePortRange, ruleProblemsOf } from './firewallChecks.ts';
import type { FirewallProblem } from './firewallChecks.ts';
import type {
  Chain,
  ChainName,
  FirewallRules,
  PortRange,
  Rule,
  RuleMatch,
  TcpFlagName,
} from './firewallRules.ts';
import { SYN_ONLY } from './firewallRules.ts';
import { firewallCheckPhrases } from './firewallCheckPhrases.ts';

/** A sentence of the firewall's check phrasebook as a phrase in every language it has. */
export function firewallPhrase(
  problem: FirewallProblem,
  nested: Record<string, Phrase> = {},
): Phrase {
  const texts: Record<string, Message> = {
    [ENGLISH]: firewallCheckPhrases.english[problem.key] as Message,
  };
  for (const [language, book] of Object.entries(firewallCheckPhrases.translations))
    texts[language] = book[problem.key] as Message;
  return { texts, params: { ...(problem.params ?? {}), ...nested } };
}

/** What an address or network looks like, for editors (host bits are the validator's to check). */
const ADDRESS_OR_NETWORK = `^\\s*${IPV4}\\s*(/\\s*(3[0-2]|[0-2]?\\d)\\s*)?$`;

/** `10.0.0.1` (one address) or `10.0.0.0/8` (a network). */
const addressOrNetwork = (description: string): Schema<Ipv4Prefix> =>
  fromText(
    firewallPhrase({ key: 'expected.addressOrNetwork' }),
    (text) => {
      const parsed = parseCidr(text);
      if (parsed.ok) return parsed;
      const phrase = text.includes('/')
        ? prefixErrorPhrase(text, parsed.error)
        : ipv4ErrorPhrase(text, parsed.error);
      return { ...parsed, phrase };
    },
    { type: 'string', pattern: ADDRESS_OR_NETWORK, description },
  );

/** A port as a number (`80`) or a port or range as text (`"1024-65535"`). */
const portOrRange = (description: string): Schema<PortRange> => ({
  parse(value, path, issues) {
    if (typeof value === 'number') {
      if (Number.isInteger(value) && value >= 0 && value <= 65535)
        return { low: value, high: value };
      issues.push(expectedIssue(path, firewallPhrase({ key: 'expected.port' }), value));
      return undefined;
    }
    if (typeof value !== 'string') {
      issues.push(expectedIssue(path, firewallPhrase({ key: 'expected.port' }), value));
      return undefined;
    }
    const parsed = parsePortRange(value);
    if (parsed.ok) return parsed.value;
    const said = parsed.problem && firewallPhrase(parsed.problem);
    issues.push(withPhrase({ path, message: parsed.error }, said));
    return undefined;
  },
  jsonSchema: () => ({
    oneOf: [
      { type: 'integer', minimum: 0, maximum: 65535 },
      { type: 'string', pattern: '^\\s*\\d+\\s*([-:]\\s*\\d+\\s*)?$' },
    ],
    description,
  }),
});

const TCP_FLAG_NAMES: readonly TcpFlagName[] = [
  'syn',
  'ack',
  'fin',
  'rst',
  'psh',
  'urg',
  'ece',
  'cwr',
];
const flagList = array(oneOf(TCP_FLAG_NAMES), { maxItems: 8 });

const ruleFields = object(
  {
    action: oneOf(
      ['ACCEPT', 'DROP', 'REJECT', 'LOG'],
      'What a matching packet gets: ACCEPT, DROP (silently), REJECT (with an answer) or LOG (noted; the next rules still look at it).',
    ),
  },
  {
    src: addressOrNetwork('Source address or network (iptables -s).'),
    dst: addressOrNetwork('Destination address or network (iptables -d).'),
    protocol: oneOf(['tcp', 'udp', 'icmp', 'any'], 'Protocol (iptables -p); default any.'),
    srcPort: portOrRange('Source port or range (--sport); needs tcp or udp.'),
    dstPort: portOrRange('Destination port or range (--dport); needs tcp or udp.'),
    syn: boolean(
      'Only the first segment of a connection: SYN set, ACK, RST and FIN clear (--syn).',
    ),
    tcpFlags: object(
      { mask: flagList, set: flagList },
      {},
      'TCP flags (--tcp-flags): of the flags in mask, those in set must be set and the others clear.',
    ),
    state: array(oneOf(['NEW', 'ESTABLISHED', 'RELATED', 'INVALID']), { maxItems: 4 }),
    rejectWith: oneOf(
      ['tcp-reset', 'icmp-port-unreachable', 'icmp-admin-prohibited'],
      "REJECT's answer (--reject-with); default icmp-port-unreachable.",
    ),
    logPrefix: string({ maxLength: 29, description: "LOG's prefix (--log-prefix)." }),
    comment: string({ maxLength: 256, description: 'A note for people (-m comment).' }),
  },
  'One rule: the packets it matches (every field given must match) and what they get.',
);

/** A rule of `chain` as a scenario writes it, read into a Rule; problems name the rule. */
function ruleSchema(chain: ChainName): Schema<Rule> {
  return {
    parse(value, path, issues) {
      const fields = ruleFields.parse(value, path, issues);
      if (!fields) return undefined;
      const match: RuleMatch = {};
      if (fields.src) match.src = fields.src;
      if (fields.dst) match.dst = fields.dst;
      if (fields.protocol) match.protocol = fields.protocol;
      if (fields.srcPort) match.srcPort = fields.srcPort;
      if (fields.dstPort) match.dstPort = fields.dstPort;
      if (fields.syn) match.tcpFlags = SYN_ONLY;
      if (fields.tcpFlags) match.tcpFlags = fields.tcpFlags;
      if (fields.state) match.states = fields.state;
      const rule: Rule = { match, action: fields.action };
      if (fields.rejectWith) rule.rejectWith = fields.rejectWith;
      if (fields.logPrefix !== undefined) rule.logPrefix = fields.logPrefix;
      if (fields.comment !== undefined) rule.comment = fields.comment;
      const problems = ruleProblemsOf(rule);
      if (fields.syn && fields.tcpFlags) problems.push({ key: 'check.synAndFlags' });
      const n = `${Number(/\[(\d+)\]$/.exec(path)?.[1] ?? 0) + 1}`;
      for (const problem of problems) issues.push(ruleIssue(path, chain, n, problem));
      return problems.length > 0 ? undefined : rule;
    },
    jsonSchema: () => ruleFields.jsonSchema(),
  };
}

/** "rule 2 of INPUT: …" at the rule's path. */
function ruleIssue(
  path: string,
  chain: ChainName,
  n: string,
  problem: FirewallProblem,
): ValidationIssue {
  const said = firewallPhrase(
    { key: 'check.rule', params: { n, chain } },
    { problem: firewallPhrase(problem) },
  );
  return phrased(path, said);
}

const chainFields = (chain: ChainName, what: string) =>
  object(
    {},
    {
      policy: oneOf(
        ['ACCEPT', 'DROP'],
        'What a packet no rule decided gets (default ACCEPT, as a fresh Linux box).',
      ),
      rules: array(ruleSchema(chain), { maxItems: 1000 }),
    },
    what,
  );

const firewallFields = object(
  {},
  {
    input: chainFields('INPUT', 'Packets for this node (iptables INPUT).'),
    forward: chainFields('FORWARD', 'Packets this node routes on (iptables FORWARD).'),
    output: chainFields('OUTPUT', 'Packets this node sends (iptables OUTPUT).'),
  },
  "A packet filter as iptables' filter table: each chain's rules are tried in order, the first that ends the walk decides, else the chain's policy.",
);

/** A node's `firewall` setting, read into its filter table (a chain left out accepts all). */
export const firewallSettings: Schema<FirewallRules> = {
  parse(value, path, issues) {
    const fields = firewallFields.parse(value, path, issues);
    if (!fields) return undefined;
    const chain = (c?: { policy?: 'ACCEPT' | 'DROP'; rules?: Rule[] }): Chain => ({
      policy: c?.policy ?? 'ACCEPT',
      rules: c?.rules ?? [],
    });
    return {
      INPUT: chain(fields.input),
      FORWARD: chain(fields.forward),
      OUTPUT: chain(fields.output),
    };
  },
  jsonSchema: () => firewallFields.jsonSchema(),
};
