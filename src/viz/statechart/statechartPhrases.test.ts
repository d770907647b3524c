// The statecharts in German: both translations are whole; every word a chart shows is in the
// machines' glossary (but TCP's RFC 9293 words, which stay); charts, groups, counts and the
// screen-reader description come out in German when asked, English by default.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { validateScenario, type ScenarioNode } from '../../sim/index.ts';
import { chartGroups, stateCounts } from './chartGroups.ts';
import {
  cpuCoreStatechart,
  everyStatechart,
  serverConnectionStatechart,
  tcpStatechart,
} from './machineCharts.ts';
import { MACHINE_EN, machineWord } from './machinePhrases.ts';
import { MACHINE_DE } from './machinePhrases.de.ts';
import { chartDescription, STATECHART_EN } from './statechartPhrases.ts';
import { STATECHART_DE } from './statechartPhrases.de.ts';

/** TCP's words as RFC 9293 writes them (state names, figure 5's events and segments), on any chart. */
const RFC =
  /^(?:[A-Z]+(?:-[A-Z0-9]+)*|(?:passive |active )?OPEN|Timeout=2MSL|(?:rcv|snd) .*|.* \/ snd .*|[A-Z]+ \/ snd .*)$/;

function clientNode(): ScenarioNode {
  const result = validateScenario({
    format: 'handshake/scenario@1',
    name: 'Groups',
    nodes: [
      {
        id: 'c',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.1.11/24' }],
        apps: [
          { type: 'httpClient', server: 's', workload: { kind: 'closed', users: 3 } },
          { type: 'httpClient', server: 's' },
        ],
      },
      { id: 's', role: 'server', interfaces: [{ name: 'eth0', address: '10.0.1.20/24' }] },
    ],
    links: [{ id: 'l', a: 'c', b: 's', latency: '1ms', bandwidth: '1Gbps' }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario.nodes[0] as ScenarioNode;
}

describe('statechart phrases', () => {
  it('the German translations are whole', () => {
    expect(translationProblems(MACHINE_EN, MACHINE_DE)).toEqual([]);
    expect(translationProblems(STATECHART_EN, STATECHART_DE)).toEqual([]);
  });

  it('has a German word for everything a chart shows but TCP’s own words (RFC 9293)', () => {
    const untranslated = new Set<string>();
    for (const { key, chart } of everyStatechart()) {
      const g = chart.graph;
      const words = [
        ...Object.values(g.names),
        ...Object.values(g.descriptions),
        ...[...g.transitions, ...g.anyState].flatMap((t) => [t.label, t.description ?? '']),
      ].filter((w) => w !== '');
      for (const w of words)
        if (!Object.hasOwn(MACHINE_EN, w) && !RFC.test(w)) untranslated.add(`${key}: ${w}`);
    }
    expect([...untranslated]).toEqual([]);
  });

  it('draws the machines in German, TCP’s state names as the RFC writes them', () => {
    const tcp = tcpStatechart('de');
    expect(tcp.graph.names.ESTABLISHED).toBe('ESTABLISHED');
    const labels = [...tcp.graph.transitions, ...tcp.graph.anyState].map((t) => t.label);
    expect(labels).toContain('rcv SYN / snd SYN,ACK');
    expect(labels).toContain('Wiederholungen erschöpft');
    expect(labels).not.toContain('retries run out');
    const server = serverConnectionStatechart('de').graph;
    expect(server.names.waitingForIo).toBe('wartet auf E/A');
    expect(server.descriptions.accepted).toBe(
      'Aus der Accept-Warteschlange genommen; wartet auf einen Thread.',
    );
    expect(cpuCoreStatechart('de').graph.names).toEqual({
      idle: 'untätig',
      switching: 'wechselt',
      running: 'läuft',
    });
    expect(cpuCoreStatechart().graph.names.idle).toBe('idle');
    expect(serverConnectionStatechart('de')).toBe(serverConnectionStatechart('de'));
  });

  it('describes the DHCP client’s states in German, RFC 2131’s names and messages as they are', () => {
    const dhcp = everyStatechart('de').find((c) => c.key === 'dhcpClient')?.chart.graph;
    expect(dhcp?.names.bound).toBe('BOUND');
    expect(dhcp?.descriptions.bound).toBe(
      'Er hat eine Lease: Die Schnittstelle hat ihre Adresse bis T1.',
    );
    expect(Object.keys(dhcp?.descriptions ?? {}).sort()).toEqual(
      ['bound', 'init', 'rebinding', 'renewing', 'requesting', 'selecting'].sort(),
    );
    const labels = dhcp?.transitions.map((t) => t.label) ?? [];
    expect(labels).toContain('rcv DHCPOFFER / snd DHCPREQUEST');
    expect(labels).toContain('Lease abgelaufen');
  });

  it('keeps a word it has no translation for as it is', () => {
    expect(machineWord('rcv FIN', 'de')).toBe('rcv FIN');
    expect(machineWord('thinking', 'de')).toBe('denkt nach');
    expect(machineWord('thinking')).toBe('thinking');
  });

  it('names groups and counts instances in German', () => {
    const node = clientNode();
    const apps = [
      { app: 'http/u1', state: 'thinking' },
      { app: 'http/u2', state: 'visiting' },
      { app: 'http/u3', state: 'thinking' },
      { app: 'http2', state: null },
    ];
    const [users] = chartGroups(node, apps, 'de');
    expect(users!.title).toMatch(/ http und http2$/);
    expect(users!.instances.map((i) => i.label)).toEqual([
      'http Nutzer u1',
      'http Nutzer u2',
      'http Nutzer u3',
      'http2',
    ]);
    expect(users!.chart.graph.names.thinking).toBe('denkt nach');
    expect(stateCounts(users!, 'de')).toBe('2 denkt nach, 1 besucht, 1 nicht gestartet');
    const [english] = chartGroups(node, apps);
    expect(stateCounts(english!)).toBe('2 thinking, 1 visiting, 1 not started');
  });

  it('describes a chart to screen readers in German', () => {
    expect(chartDescription('Kern 0 von r1', ['untätig', 'wechselt', 'läuft'], 'läuft', 'de')).toBe(
      'Kern 0 von r1: ein Zustandsautomat mit 3 Zuständen (untätig, wechselt, läuft). ' +
        'Sein Zustand jetzt: läuft.',
    );
    expect(chartDescription('X', ['a'], null, 'de')).toBe(
      'X: ein Zustandsautomat mit 1 Zustand (a). Er hat noch nicht begonnen.',
    );
    expect(chartDescription('X', ['a', 'b'], null)).toBe(
      'X: a state machine with 2 states (a, b). It has not started yet.',
    );
  });
});
