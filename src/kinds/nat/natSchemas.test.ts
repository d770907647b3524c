// The `nat` setting's checks: problems named by their rule (an interface the node lacks or that
// has no address, ports backwards, two ranges for one interface, overlapping forwards, a target
// that is not an address), in English and German; the warnings (a forward off the node's
// subnets, a NAT on a node that forwards nothing); and the reachability warnings that follow the
// packets through the NAT.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { scenarioWarnings, spoken, validateScenario } from '../../sim/index.ts';
import { HOME, HOME_NAT, homeDocument, homeScenario } from '../../../tests/support/natScenario.ts';
import { NAT_CHECK_DE } from './natCheckPhrases.de.ts';
import { NAT_CHECK_EN } from './natCheckPhrases.ts';
import { NAT_DE } from './natPhrases.de.ts';
import { NAT_EN } from './natPhrases.ts';

/** The problems of the home network with `nat` on its router, as `path: message`. */
function problems(nat: unknown, language?: string): string[] {
  const result = validateScenario(homeDocument({ nat: nat as Record<string, unknown> }));
  if (result.ok) return [];
  return result.issues.map((i) => `${i.path}: ${language ? spoken(i, language) : i.message}`);
}

const ROUTER = '$.nodes[3].nat';

describe('the nat setting', () => {
  it('has whole German phrasebooks', () => {
    expect(translationProblems(NAT_EN, NAT_DE)).toEqual([]);
    expect(translationProblems(NAT_CHECK_EN, NAT_CHECK_DE)).toEqual([]);
  });

  it('accepts masquerade, port forwards (a port or a range, with or without a port), timeouts', () => {
    expect(
      problems({
        masquerade: [{ out: 'wan' }, { out: 'wan', source: '10.9.0.0/16' }],
        portForwards: [
          { in: 'wan', protocol: 'tcp', port: 8080, to: '192.168.1.20:80' },
          { in: 'wan', protocol: 'udp', port: '27015-27020', to: '192.168.1.20' },
          { in: 'wan', protocol: 'udp', port: 8080, to: '192.168.1.20:8080' },
        ],
        timeouts: { udp: '10s', tcpEstablished: '1h' },
      }),
    ).toEqual([]);
  });

  it('names the rule whose interface the node lacks, or that has no address', () => {
    const document = homeDocument({
      nat: {
        masquerade: [{ out: 'wan0' }],
        portForwards: [{ in: 'dmz', protocol: 'tcp', port: 80, to: '192.168.1.20' }],
      },
    });
    const router = (document.nodes as Record<string, unknown>[])[3] as Record<string, unknown>;
    (router.interfaces as Record<string, unknown>[]).push({ name: 'dmz' });
    const result = validateScenario(document);
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      `${ROUTER}.masquerade[0].out: masquerade rule 1 of router names the interface "wan0", which router does not have (its interfaces: lan, wan, dmz)`,
      `${ROUTER}.portForwards[0].in: port forward 1 of router listens on "dmz", which has no address for the outside to reach`,
    ]);
    expect(issues.map((i) => spoken(i, 'de'))).toEqual([
      'Masquerade-Regel 1 von router nennt die Schnittstelle "wan0", die router nicht hat (seine Schnittstellen: lan, wan, dmz)',
      'Portweiterleitung 1 von router lauscht auf "dmz", und diese Schnittstelle hat keine Adresse, die von außen erreichbar wäre',
    ]);
  });

  it('refuses ports backwards, two port ranges for one interface and overlapping forwards', () => {
    expect(
      problems({
        masquerade: [
          { out: 'wan', toPorts: '60000-60999' },
          { out: 'wan', source: '10.0.0.0/8' },
        ],
        portForwards: [
          { in: 'wan', protocol: 'tcp', port: '9000-8000', to: '192.168.1.20' },
          { in: 'wan', protocol: 'tcp', port: '8000-8100', to: '192.168.1.20' },
          { in: 'wan', protocol: 'tcp', port: 8080, to: '192.168.1.10:80' },
        ],
      }),
    ).toEqual([
      `${ROUTER}.masquerade[1].toPorts: masquerade rule 2 of router gives "wan" other ports than masquerade rule 1: an interface has one range of public ports`,
      `${ROUTER}.portForwards[0].port: port forward 1 of router: the ports 9000-8000 run backwards; write the lower port first`,
      `${ROUTER}.portForwards[2].port: port forward 3 of router takes TCP port 8080 on "wan", which port forward 2 already takes`,
    ]);
  });

  it('says what a port and a forward target look like, in German too', () => {
    const nat = {
      portForwards: [
        { in: 'wan', protocol: 'tcp', port: 0, to: '192.168.1.20' },
        { in: 'wan', protocol: 'tcp', port: '80', to: '192.168.1.300:80' },
        { in: 'wan', protocol: 'sctp', port: 80, to: '192.168.1.20:http' },
      ],
    };
    expect(problems(nat)).toEqual([
      `${ROUTER}.portForwards[0].port: expected an integer >= 1 <= 65535, got a number (0)`,
      `${ROUTER}.portForwards[1].port: expected a port (1 to 65535) or a range of ports such as "6000-6010", got a string ("80")`,
      `${ROUTER}.portForwards[1].to: expected an address such as "192.168.1.10", or an address and port such as "192.168.1.10:80", got a string ("192.168.1.300:80")`,
      `${ROUTER}.portForwards[2].protocol: expected one of "tcp", "udp", got a string ("sctp")`,
      `${ROUTER}.portForwards[2].to: expected an address such as "192.168.1.10", or an address and port such as "192.168.1.10:80", got a string ("192.168.1.20:http")`,
    ]);
    expect(problems(nat, 'de')[1]).toMatch(
      /^\$\.nodes\[3\]\.nat\.portForwards\[1\]\.port: .*ein Port \(1 bis 65535\) oder ein Portbereich wie "6000-6010"/,
    );
  });
});

describe('a fetch to a port forward', () => {
  it('is checked against the server behind it, not the router', () => {
    const fetch = (port: number, gameApps: Record<string, unknown>[]) => {
      const document = homeDocument({ gameApps });
      document.events = [
        { at: '1s', type: 'fetch', node: 'friend', server: HOME.routerPublic, port, path: '/' },
      ];
      const result = validateScenario(document);
      return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(fetch(8080, [{ type: 'httpServer' }])).toEqual([]);
    expect(fetch(8080, [{ type: 'httpServer', port: 81 }])).toEqual([
      expect.stringMatching(/^\$\.events\[0\]\.server: .*203\.0\.113\.1.*8080/),
    ]);
    expect(fetch(9999, [{ type: 'httpServer' }])).toEqual([
      expect.stringMatching(/^\$\.events\[0\]\.server: .*203\.0\.113\.1.*9999/),
    ]);
  });
});

describe('warnings about a nat setting', () => {
  const warningsOf = (scenario = homeScenario(), language?: string) =>
    scenarioWarnings(scenario).map((w) => `${w.path}: ${spoken(w, language)}`);

  it('has none for the home network: every path works through the NAT', () => {
    expect(
      warningsOf(
        homeScenario({
          friendApps: [{ type: 'httpClient', server: HOME.routerPublic, port: 8080 }],
        }),
      ),
    ).toEqual([]);
  });

  it('warns of a forward to an address on none of the node’s subnets', () => {
    const nat = {
      ...HOME_NAT,
      portForwards: [{ in: 'wan', protocol: 'udp', port: 53, to: '10.1.2.3' }],
    };
    expect(warningsOf(homeScenario({ nat }))).toEqual([
      `${ROUTER}.portForwards[0].to: port forward 1 of router sends to 10.1.2.3, which is on none of router’s subnets (192.168.1.0/24, 203.0.113.0/24): it travels on by a route, if one leads there`,
    ]);
  });

  it('warns of a NAT on a node that forwards nothing, in German too', () => {
    const document = homeDocument();
    const nodes = document.nodes as Record<string, unknown>[];
    (nodes[0] as Record<string, unknown>).nat = { masquerade: [{ out: 'eth0' }] };
    const result = validateScenario(document);
    if (!result.ok) throw new Error('invalid');
    expect(warningsOf(result.scenario, 'de')).toEqual([
      '$.nodes[0].nat: laptop hat eine NAT-Einstellung, leitet aber keine Pakete weiter (seine Rolle ist client): Nur ein Router gibt übersetzte Pakete weiter',
    ]);
  });

  it('follows the packets: without the NAT the answers find no way back', () => {
    expect(warningsOf(homeScenario({ nat: null }))).toEqual([
      `$.nodes[0].apps[0].server: laptop's http reaches web, but its replies cannot come back: router isp has no route to ${HOME.laptop}`,
    ]);
  });

  it('looks for the listener behind a port forward, not on the router', () => {
    const friend = (port: number) => ({
      friendApps: [{ type: 'httpClient', server: HOME.routerPublic, port }],
      gameApps: [{ type: 'httpServer', port: 81 }],
    });
    expect(warningsOf(homeScenario(friend(8080)))).toEqual([
      expect.stringMatching(/^\$\.nodes\[6\]\.apps\[0\]\.server: .*TCP port 80 .*game/),
    ]);
    expect(warningsOf(homeScenario(friend(9999)))).toEqual([
      expect.stringMatching(/^\$\.nodes\[6\]\.apps\[0\]\.server: .*TCP port 9999 .*router/),
    ]);
  });
});
