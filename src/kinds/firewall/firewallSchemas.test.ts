// The `firewall` setting as a scenario writes it: read into rule tables; every bad address,
// port or combination of fields named by its rule and chain, in English and German; rules that
// can never match and firewalls that pass everything warned of, with the scenario still valid.

import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../sim/scenario/scenarioWarnings.ts';
import { validateScenario } from '../../sim/scenario/validateScenario.ts';
import { spoken } from '../../sim/schema/phrase.ts';

type Json = Record<string, unknown>;

function documentWith(firewall: Json | undefined, role = 'firewall'): Json {
  return {
    format: 'handshake/scenario@1',
    name: 'firewall checks',
    nodes: [
      {
        id: 'fw',
        role,
        interfaces: [
          { name: 'eth0', address: '10.0.0.1/24' },
          { name: 'eth1', address: '10.0.1.1/24' },
        ],
        ...(firewall ? { firewall } : {}),
      },
    ],
    links: [],
  };
}

function issuesOf(firewall: Json, language = 'en'): string[] {
  const result = validateScenario(documentWith(firewall));
  return result.ok ? [] : result.issues.map((i) => `${i.path} ${spoken(i, language)}`);
}

function warningsOf(firewall: Json | undefined, role = 'firewall', language = 'en'): string[] {
  const result = validateScenario(documentWith(firewall, role));
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return scenarioWarnings(result.scenario)
    .filter((w) => w.path.startsWith('$.nodes[0]'))
    .map((w) => `${w.path} ${spoken(w, language)}`);
}

const AT = '$.nodes[0].firewall';

describe('the firewall setting', () => {
  it('reads chains into rule tables, a chain left out accepting everything', () => {
    const result = validateScenario(
      documentWith({
        input: {
          policy: 'DROP',
          rules: [
            { action: 'ACCEPT', src: '10.0.0.0/24', protocol: 'tcp', dstPort: '1024-65535' },
            { action: 'REJECT', protocol: 'tcp', dstPort: 23, rejectWith: 'tcp-reset', syn: true },
          ],
        },
      }),
    );
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    const rules = result.scenario.nodes[0]?.firewall;
    expect(rules?.INPUT.policy).toBe('DROP');
    expect(rules?.INPUT.rules[0]?.match).toEqual({
      src: { network: 0x0a000000, length: 24 },
      protocol: 'tcp',
      dstPort: { low: 1024, high: 65535 },
    });
    expect(rules?.INPUT.rules[1]).toMatchObject({
      action: 'REJECT',
      rejectWith: 'tcp-reset',
      match: { tcpFlags: { mask: ['syn', 'rst', 'ack', 'fin'], set: ['syn'] } },
    });
    expect(rules?.FORWARD).toEqual({ policy: 'ACCEPT', rules: [] });
    expect(rules?.OUTPUT).toEqual({ policy: 'ACCEPT', rules: [] });
  });

  it('names a bad address or network by its path', () => {
    expect(
      issuesOf({
        forward: {
          rules: [
            { action: 'DROP', src: '10.0.0.1/8' },
            { action: 'DROP', dst: '300.1.1.1' },
            { action: 'DROP', dst: 17 },
          ],
        },
      }),
    ).toEqual([
      `${AT}.forward.rules[0].src "10.0.0.1/8" has host bits set: the network is 10.0.0.0/8`,
      `${AT}.forward.rules[1].dst "300.1.1.1" is not an IPv4 address: 300 is more than 255; each part must be 0 to 255`,
      `${AT}.forward.rules[2].dst expected an address ("10.0.0.1") or a network ("10.0.0.0/8"), got a number (17)`,
    ]);
  });

  it('names a bad port or range, in English and German', () => {
    const firewall = {
      input: {
        rules: [
          { action: 'ACCEPT', protocol: 'tcp', dstPort: '9000-80' },
          { action: 'ACCEPT', protocol: 'udp', srcPort: 70000 },
          { action: 'ACCEPT', protocol: 'udp', srcPort: 'dns' },
        ],
      },
    };
    expect(issuesOf(firewall)).toEqual([
      `${AT}.input.rules[0].dstPort "9000-80" is not a port or port range: the range starts at 9000, after its end 80; write 80-9000`,
      `${AT}.input.rules[1].srcPort expected a port (80) or a port range ("1024-65535"), got a number (70000)`,
      `${AT}.input.rules[2].srcPort "dns" is not a port or port range: "dns" is not a whole number`,
    ]);
    expect(issuesOf(firewall, 'de')).toEqual([
      `${AT}.input.rules[0].dstPort "9000-80" ist kein Port und kein Portbereich: Der Bereich beginnt bei 9000, nach seinem Ende 80; schreibe 80-9000`,
      `${AT}.input.rules[1].srcPort erwartet: ein Port (80) oder ein Portbereich ("1024-65535"), gefunden: eine Zahl (70000)`,
      `${AT}.input.rules[2].srcPort "dns" ist kein Port und kein Portbereich: "dns" ist keine ganze Zahl`,
    ]);
  });

  it('names a rule whose fields cannot go together by its number and chain, in English and German', () => {
    const firewall = {
      output: {
        rules: [
          { action: 'ACCEPT', dstPort: 53 },
          { action: 'REJECT', protocol: 'udp', rejectWith: 'tcp-reset' },
          { action: 'DROP', rejectWith: 'icmp-admin-prohibited' },
          {
            action: 'ACCEPT',
            protocol: 'tcp',
            syn: true,
            tcpFlags: { mask: ['syn'], set: ['syn'] },
          },
          { action: 'ACCEPT', protocol: 'tcp', tcpFlags: { mask: ['ack'], set: ['syn'] } },
          { action: 'ACCEPT', logPrefix: 'x' },
        ],
      },
    };
    expect(issuesOf(firewall)).toEqual([
      `${AT}.output.rules[0] rule 1 of OUTPUT: a destination port needs the protocol tcp or udp, not any`,
      `${AT}.output.rules[1] rule 2 of OUTPUT: REJECT with tcp-reset needs the protocol tcp, not udp`,
      `${AT}.output.rules[2] rule 3 of OUTPUT: "rejectWith" goes only with REJECT, not DROP`,
      `${AT}.output.rules[3] rule 4 of OUTPUT: "syn" and "tcpFlags" say the same thing twice: keep one`,
      `${AT}.output.rules[4] rule 5 of OUTPUT: the flags syn must be set but are not examined (add them to the mask)`,
      `${AT}.output.rules[5] rule 6 of OUTPUT: "logPrefix" goes only with LOG, not ACCEPT`,
    ]);
    expect(issuesOf(firewall, 'de')[0]).toBe(
      `${AT}.output.rules[0] Regel 1 von OUTPUT: ein Zielport braucht das Protokoll tcp oder udp, nicht any`,
    );
  });

  it('refuses an unknown action, policy, state or field', () => {
    expect(
      issuesOf({
        input: {
          policy: 'REJECT',
          rules: [
            { action: 'ALLOW' },
            { action: 'ACCEPT', state: ['OPEN'] },
            { action: 'DROP', port: 80 },
          ],
        },
      }),
    ).toEqual([
      `${AT}.input.policy expected one of "ACCEPT", "DROP", got a string ("REJECT")`,
      `${AT}.input.rules[0].action expected one of "ACCEPT", "DROP", "REJECT", "LOG", got a string ("ALLOW")`,
      `${AT}.input.rules[1].state[0] expected one of "NEW", "ESTABLISHED", "RELATED", "INVALID", got a string ("OPEN")`,
      `${AT}.input.rules[2].port is not a known field (expected one of: action, src, dst, protocol, srcPort, dstPort, syn, tcpFlags, state, rejectWith, logPrefix, comment)`,
    ]);
  });
});

describe('warnings about firewalls', () => {
  it('warns of a rule an earlier rule shadows, naming both, in English and German', () => {
    const firewall = {
      forward: {
        rules: [
          { action: 'ACCEPT', protocol: 'tcp' },
          { action: 'LOG', protocol: 'udp' },
          { action: 'DROP', protocol: 'tcp', dstPort: 22 },
          { action: 'DROP', protocol: 'udp', dstPort: 53 },
        ],
      },
    };
    // Rule 3 is shadowed by rule 1; rule 4 is not: LOG (rule 2) lets the walk go on.
    expect(warningsOf(firewall)).toEqual([
      `${AT}.forward.rules[2] rule 3 of FORWARD on fw can never match: rule 1 before it takes all its packets`,
    ]);
    expect(warningsOf(firewall, 'firewall', 'de')).toEqual([
      `${AT}.forward.rules[2] Regel 3 von FORWARD auf fw kann nie greifen: Regel 1 davor nimmt alle ihre Pakete`,
    ]);
  });

  it('warns of a firewall node that lets everything through, not of a router or host without one', () => {
    expect(warningsOf(undefined)).toEqual([
      '$.nodes[0] the firewall fw has no rules and every policy ACCEPT: it lets everything through',
    ]);
    expect(warningsOf({ input: { policy: 'ACCEPT' } })).toEqual([
      `${AT} the firewall fw has no rules and every policy ACCEPT: it lets everything through`,
    ]);
    expect(warningsOf({ forward: { policy: 'DROP' } })).toEqual([]);
    expect(warningsOf(undefined, 'router')).toEqual([]);
  });
});
