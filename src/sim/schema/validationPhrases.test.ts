// The validator's messages and the scenario warnings in German: the translation is whole, each
// kind of problem is said in German (expected sentences written by hand), English stays the
// default and the CLI's words, and a phrase survives the trip from the worker to the page.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { parseScenarioText, validateScenario } from '../scenario/validateScenario.ts';
import { readFileSync } from 'node:fs';
import { eventLimitCause, scenarioWarnings, warningText } from '../scenario/scenarioWarnings.ts';
import type { Scenario } from '../scenario/scenarioSchema.ts';
import { plainForPage, spoken } from './phrase.ts';
import { VALIDATION_EN } from './validationPhrases.ts';
import { VALIDATION_DE } from './validationPhrases.de.ts';
import { withUpcomingRole } from '../../../tests/support/upcomingRole.ts';

const doc = (change: (d: ReturnType<typeof base>) => void = () => {}) => {
  const d = base();
  change(d);
  return d;
};
const base = () => ({
  format: 'handshake/scenario@1',
  name: 'two nodes',
  nodes: [
    {
      id: 'c',
      role: 'client',
      interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
      apps: [{ type: 'pinger', peer: 's' }],
    } as Record<string, unknown>,
    {
      id: 's',
      role: 'server',
      interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
      apps: [{ type: 'echo' }],
    } as Record<string, unknown>,
  ] as Record<string, unknown>[],
  links: [{ id: 'l', a: 'c', b: 's:eth0', latency: '10ms' }] as Record<string, unknown>[],
});

function issuesOf(value: unknown) {
  const result = validateScenario(value);
  return result.ok ? [] : result.issues;
}

/** Each issue as "path: words" in `language`. */
function said(value: unknown, language?: string): string[] {
  return issuesOf(value).map((i) => `${i.path}: ${spoken(i, language)}`);
}

describe('the validation phrasebook', () => {
  it('has a whole German translation', () => {
    expect(translationProblems(VALIDATION_EN, VALIDATION_DE)).toEqual([]);
  });
});

describe('validator messages in German', () => {
  it('an unknown node at a link end', () => {
    const d = doc((d) => (d.links[0] = { id: 'l', a: 'x', b: 's', latency: '1ms' }));
    expect(said(d, 'de')).toEqual([
      '$.links[0].a: erwartet: die ID eines Knotens ("c", "s"), gefunden: „x“',
    ]);
  });

  it('a bad interface address, with the reason of the address parser', () => {
    const d = doc(
      (d) =>
        ((d.nodes[0] as { interfaces: unknown }).interfaces = [
          { name: 'eth0', address: '10.0.0/24' },
        ]),
    );
    expect(said(d, 'de')).toEqual([
      '$.nodes[0].interfaces[0].address: „10.0.0/24“ ist kein Präfix: „10.0.0“ ist keine IPv4-Adresse: sie hat 3 Teile; erwartet: vier Zahlen von 0 bis 255, durch Punkte getrennt, etwa 10.0.0.2',
    ]);
  });

  it('a network address given to an interface', () => {
    const d = doc(
      (d) =>
        ((d.nodes[0] as { interfaces: unknown }).interfaces = [
          { name: 'eth0', address: '10.0.0.0/24' },
        ]),
    );
    expect(said(d, 'de')).toEqual([
      '$.nodes[0].interfaces[0].address: „10.0.0.0/24“ ist die Netzadresse seines Präfixes, keine Adresse für einen Host',
    ]);
  });

  it('a duplicate id', () => {
    const d = doc((d) => (d.nodes[1] = { ...d.nodes[1], id: 'c' }));
    const lines = said(d, 'de');
    expect(lines[0]).toBe('$.nodes[1].id: wiederholt die ID „c“ von $.nodes[0]');
  });

  it('a value of the wrong type, a missing field and an unknown one', () => {
    const d = doc((d) => {
      d.links[0] = { id: 'l', a: 'c', latency: 10, colour: 'red' };
    });
    expect(said(d, 'de')).toEqual([
      '$.links[0].b: ist Pflicht, fehlt aber',
      '$.links[0].latency: erwartet: eine Dauer als String wie "20ms", "2s" oder "250us", gefunden: eine Zahl (10)',
      '$.links[0].colour: ist kein bekanntes Feld (erwartet wird eines von: id, a, b, latency, bandwidth, loss, burstLoss, jitter, corrupt, duplicate, reorder, queue)',
    ]);
  });

  it('a number out of range, nested in its bounds', () => {
    const d = doc(
      (d) => (d.nodes[0] = { ...d.nodes[0], apps: [{ type: 'pinger', peer: 's', count: 0 }] }),
    );
    expect(said(d, 'de')).toEqual([
      '$.nodes[0].apps[0].count: erwartet: eine ganze Zahl >= 1 <= 1000000, gefunden: eine Zahl (0)',
    ]);
  });

  it('a value its pattern refuses, said with what the pattern accepts', () => {
    const d = doc((d) => (d.nodes[0] = { ...d.nodes[0], id: '9lives' }));
    expect(said(d, 'de')[0]).toBe(
      '$.nodes[0].id: erwartet: eine Knoten-ID: ein Buchstabe, dann bis zu 63 Buchstaben, Ziffern, "_" oder "-", gefunden: ein String ("9lives")',
    );
  });

  it('a role that is not available yet, with what brings it (in English when it has no German)', () => {
    const d = doc((d) => (d.nodes[1] = { ...d.nodes[1], role: 'printer' }));
    expect(withUpcomingRole('printer', 'printers arrive later', () => said(d, 'de'))[0]).toBe(
      '$.nodes[1].role: Knoten „s“ hat die Rolle „printer“, die es noch nicht gibt (printers arrive later); nimm eine von "client", "server", "router", "switch", "dns", "firewall", "loadBalancer"',
    );
  });

  it('a JSON syntax error keeps its line and column', () => {
    const result = parseScenarioText('{\n  "a": 1,\n}');
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((i) => spoken(i, 'de'))).toEqual([
      "ungültiges JSON in Zeile 2, Spalte 9: unerwartetes ',' (Komma am Ende?)",
    ]);
  });

  it('speaks English by default, the same words as the message the CLI prints', () => {
    const d = doc((d) => (d.links[0] = { id: 'l', a: 'x', b: 's', latency: '1ms' }));
    const [issue] = issuesOf(d);
    expect(issue?.message).toBe('expected the id of a node ("c", "s"), got "x"');
    expect(spoken(issue!)).toBe(issue?.message);
    expect(spoken(issue!, 'fr')).toBe(issue?.message);
  });

  it('keeps the phrase out of JSON and the issue shape, and hands it plain to the page', () => {
    const [issue] = issuesOf(
      doc((d) => (d.links[0] = { id: 'l', a: 'x', b: 's', latency: '1ms' })),
    );
    expect(JSON.parse(JSON.stringify(issue))).toEqual({
      path: '$.links[0].a',
      message: 'expected the id of a node ("c", "s"), got "x"',
    });
    const [plain] = structuredClone(plainForPage([issue!]));
    expect(spoken(plain!, 'de')).toBe('erwartet: die ID eines Knotens ("c", "s"), gefunden: „x“');
  });
});

describe('scenario warnings in German', () => {
  it('a node linked to nothing, and a client whose packets find no route', () => {
    const result = validateScenario(
      doc((d) => {
        d.nodes.push({
          id: 'lonely',
          role: 'client',
          interfaces: [{ name: 'eth0', address: '10.0.9.1/24' }],
          apps: [{ type: 'pinger', peer: '10.0.5.5' }],
        });
        d.nodes.push({
          id: 'far',
          role: 'server',
          interfaces: [{ name: 'eth0', address: '10.0.5.5/24' }],
        });
        d.nodes.push({
          id: 'p',
          role: 'client',
          interfaces: [{ name: 'eth0', address: '10.0.5.6/24' }],
        });
        d.links.push({ id: 'l2', a: 'far', b: 'p', latency: '1ms' });
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const warnings = scenarioWarnings(result.scenario as Scenario);
    expect(warnings.map((w) => warningText(w, 'de'))).toContain(
      'lonely ist mit keinem anderen Knoten verbunden, also erreicht ihn nichts',
    );
    expect(warnings.map((w) => warningText(w))).toContain(
      'lonely is not linked to any other node, so nothing reaches it',
    );
  });

  it('switches cabled in a loop, and why a run then stops at its event limit', () => {
    const result = validateScenario(
      JSON.parse(readFileSync('tests/fixtures/switch-ring.json', 'utf8')),
    );
    if (!result.ok) throw new Error('the ring fixture is valid');
    const warnings = scenarioWarnings(result.scenario);
    expect(warnings.map((w) => warningText(w, 'de'))).toEqual([
      'die Switches s1, s2, s3 sind im Kreis verkabelt (Leitungen s1-s2, s2-s3, s3-s1), und die Switches von Handshake betreiben keinen Spanning Tree: Ein Frame, den sie fluten (ein Broadcast wie eine ARP-Anfrage oder einer an eine Adresse, die sie noch nicht gelernt haben), kommt über die Schleife zurück und kreist darin für immer, ein Sturm, der dauert, bis der Lauf endet oder an seiner Ereignisgrenze anhält. Ein Spanning Tree würde eine Leitung der Schleife sperren; entferne die Leitung s2-s3, um dasselbe zu erreichen',
    ]);
    expect(eventLimitCause(warnings, 'de')).toBe(
      'die Switches s1, s2, s3 sind im Kreis verkabelt (Leitungen s1-s2, s2-s3, s3-s1), und geflutete Frames kreisen darin für immer (die Switches von Handshake betreiben keinen Spanning Tree): Eine höhere Grenze hilft nicht; entferne die Leitung s2-s3',
    );
    expect(eventLimitCause(warnings)).toBe(warnings[0]?.eventLimitCause);
  });

  it('a name the DNS server does not know', () => {
    const result = parseScenarioText(readFileSync('simulations/dns-lookup.json', 'utf8'));
    if (!result.ok) throw new Error('the example is valid');
    const [warning] = scenarioWarnings(result.scenario);
    expect(warningText(warning!, 'de')).toBe(
      'http3 auf laptop fragt nach „missing.example.com“, aber der DNS-Server auf ns (10.0.0.53) kennt „missing.example.com“ nicht: seine Antwort wird NXDOMAIN sein',
    );
  });
});
