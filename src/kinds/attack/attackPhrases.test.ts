// The attacks' words: the phrasebook is whole in German, the flood's and the scan's cards and
// sentences come out in German (expected sentences written by hand) and in English by default,
// and their checks speak German too.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { spoken, validateScenario } from '../../sim/index.ts';
import { record, tell, testNames } from '../../viz/kinds/kindSpeechTestHelpers.ts';
import { ATTACK_CHECK_DE } from './attackCheckPhrases.de.ts';
import { ATTACK_CHECK_EN } from './attackCheckPhrases.ts';
import { ATTACK_DE } from './attackPhrases.de.ts';
import { ATTACK_EN } from './attackPhrases.ts';
import { portScanView, synFloodView } from './attackView.ts';
import type { PortScanFigures } from './portScanBehaviour.ts';
import type { SynFloodFigures } from './synFloodBehaviour.ts';

const FLOOD: SynFloodFigures = {
  node: 'laptop',
  target: '192.168.1.80:80',
  targetNode: 'web',
  rate: 1000,
  count: 10000,
  sent: 10000,
  spoofFrom: '203.0.113.0/24',
  dropped: 9870,
  cookies: 0,
  cookieConnections: 0,
};
const SCAN: PortScanFigures = {
  node: 'laptop',
  target: '192.168.1.80',
  ports: '1-1024',
  total: 1024,
  open: 2,
  closed: 1000,
  filtered: 12,
  openPorts: '22,80',
  finished: false,
};

describe('the attacks in German', () => {
  it('have whole German phrasebooks', () => {
    expect(translationProblems(ATTACK_EN, ATTACK_DE)).toEqual([]);
    expect(translationProblems(ATTACK_CHECK_EN, ATTACK_CHECK_DE)).toEqual([]);
  });

  it("write the flood's and the scan's cards", () => {
    const names = testNames('de');
    expect(synFloodView.card?.(FLOOD, names, 'de')).toEqual({
      id: 'synFlood-laptop',
      title: 'Laptop → Web server (192.168.1.80:80)',
      kind: 'SYN-Flut von laptop',
      figures: [
        ['Gesendete SYNs', '10.000 von 10.000 (1.000 pro Sekunde)', 'sent'],
        ['Gesendet von', 'gefälschten Adressen in 203.0.113.0/24', 'from'],
        ['Vom Ziel verworfene SYNs', '9.870', 'dropped'],
        ['Vom Ziel gesendete SYN-Cookies', '0', 'cookies'],
        ['Aus Cookies aufgebaute Verbindungen', '0', 'cookieConnections'],
      ],
    });
    expect(portScanView.card?.(SCAN, testNames(), 'en')).toEqual({
      id: 'portScan-laptop',
      title: 'Laptop → Web server (192.168.1.80)',
      kind: 'SYN port scan from laptop',
      figures: [
        ['Ports', '1-1024 (1024)', 'ports'],
        ['Open', '2', 'open'],
        ['Closed', '1000', 'closed'],
        ['Filtered', '12', 'filtered'],
        ['Open ports', '22,80', 'openPorts'],
        ['not yet decided', '10', 'pending'],
      ],
    });
  });

  it('tell a flood and a scan in German, and in English by default', () => {
    const flood = [
      record('flood.start', {
        node: 'laptop',
        app: 'action1',
        target: '192.168.1.80:80',
        rate: 1000,
        count: 10000,
        spoofFrom: '',
      }),
      record('flood.end', {
        node: 'laptop',
        app: 'action1',
        target: '192.168.1.80:80',
        sent: 10000,
      }),
    ];
    expect(tell(synFloodView.narration!, flood, 'de')).toEqual([
      'Laptop beginnt eine SYN-Flut gegen Web server (192.168.1.80:80): 10.000 SYNs, 1.000 pro Sekunde, von der eigenen Adresse (ihr TCP beantwortet jedes SYN-ACK mit RST); jedes bittet das Ziel, eine halboffene Verbindung zu halten.',
      'Die SYN-Flut von Laptop gegen Web server (192.168.1.80:80) ist vorbei: 10.000 SYNs gesendet.',
    ]);
    const scan = [
      record('scan.port', {
        node: 'laptop',
        app: 'action2',
        target: '192.168.1.80',
        port: 22,
        state: 'open',
        probes: 1,
      }),
      record('scan.port', {
        node: 'laptop',
        app: 'action2',
        target: '192.168.1.80',
        port: 23,
        state: 'filtered',
        probes: 2,
      }),
      record('scan.end', {
        node: 'laptop',
        app: 'action2',
        target: '192.168.1.80',
        open: 1,
        closed: 0,
        filtered: 1,
        openPorts: '22',
      }),
    ];
    expect(tell(portScanView.narration!, scan, 'de')).toEqual([
      'Der Scan von Laptop findet TCP-Port 22 von Web server (192.168.1.80) offen: Ein SYN-ACK kam (sein TCP beantwortet es mit RST, es entsteht keine Verbindung).',
      'Der Scan von Laptop findet TCP-Port 23 von Web server (192.168.1.80) gefiltert: keine Antwort auf 2 SYNs.',
      'Der Scan von Laptop gegen Web server (192.168.1.80) ist fertig: 1 offen, 0 geschlossen, 1 gefiltert (offen: 22).',
    ]);
    expect(tell(portScanView.narration!, scan)).toEqual([
      'Laptop’s scan finds TCP port 22 of Web server (192.168.1.80) open: a SYN-ACK came (its TCP answers it with RST, so no connection is made).',
      'Laptop’s scan finds TCP port 23 of Web server (192.168.1.80) filtered: no answer to 2 SYNs.',
      'Laptop’s scan of Web server (192.168.1.80) is done: 1 open, 0 closed, 1 filtered (open: 22).',
    ]);
  });

  it('say what is wrong with an action in German, English for the CLI', () => {
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'checks',
      nodes: [{ id: 'a', role: 'client', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }] }],
      links: [],
      events: [
        { at: '1s', type: 'synFlood', node: 'a', target: 'a', rate: 100000, duration: '20s' },
        { at: '1s', type: 'portScan', node: 'a', target: 'a', ports: '70000' },
      ],
    });
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((i) => spoken(i, 'de'))).toEqual([
      'diese Flut würde 2000000 SYNs senden, mehr als 1000000: Senke ihre Rate oder ihre Dauer',
      '„70000“ in „70000“ ist kein Port und kein Portbereich von 1 bis 65535 (wie 80 oder 1-1024)',
    ]);
  });
});
