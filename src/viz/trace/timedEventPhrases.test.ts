// A scenario's timed events in German: the translation is whole, and the timeline's list says
// what each event does in German, its time with a decimal comma; English stays the default.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { validateScenario } from '../../sim/index.ts';
import { networkNames } from '../names/index.ts';
import { TIMED_EVENT_EN } from './timedEventPhrases.ts';
import { TIMED_EVENT_DE } from './timedEventPhrases.de.ts';
import { timedEvents } from './timedEvents.ts';

const checked = validateScenario({
  format: 'handshake/scenario@1',
  name: 'two',
  nodes: [
    {
      id: 'pc',
      role: 'client',
      label: 'Laptop',
      interfaces: [{ name: 'e', address: '10.0.0.1/24' }],
    },
    {
      id: 'web',
      role: 'server',
      label: 'Webserver',
      interfaces: [{ name: 'e', address: '10.0.0.2/24' }],
      apps: [{ type: 'httpServer' }, { type: 'sink' }],
    },
  ],
  links: [{ id: 'lan', a: 'pc', b: 'web', latency: '1ms' }],
  events: [
    { at: '3s', type: 'linkDown', link: 'lan' },
    { at: '3500ms', type: 'linkUp', link: 'lan' },
    { at: '1500ms', type: 'fetch', node: 'pc', server: 'web', path: '/a.html', port: 80 },
    { at: '1500ms', type: 'ping', node: 'pc', target: 'web', count: 3 },
    { at: '1700ms', type: 'ping', node: 'pc', target: 'web' },
    { at: '2s', type: 'transfer', node: 'pc', target: '10.0.0.2', bytes: 20000 },
    { at: '4s', type: 'synFlood', node: 'pc', target: 'web', rate: 1500, duration: '2500ms' },
    {
      at: '5s',
      type: 'synFlood',
      node: 'pc',
      target: 'web',
      port: 8080,
      spoofFrom: '203.0.113.0/24',
    },
    { at: '6s', type: 'portScan', node: 'pc', target: 'web', ports: '1-1024' },
  ],
});
if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
const s = checked.scenario;

describe('timed event phrases', () => {
  it('the German translation is whole', () => {
    expect(translationProblems(TIMED_EVENT_EN, TIMED_EVENT_DE)).toEqual([]);
  });

  it('lists the events in German', () => {
    const items = timedEvents(s.events, networkNames(s.nodes), 'de');
    expect(items.map((i) => [i.time, i.text])).toEqual([
      ['1,5 s', 'Laptop ruft /a.html von Webserver ab (Port 80)'],
      ['1,5 s', 'Laptop pingt Webserver (3 Echo-Anfragen, eine pro Sekunde)'],
      ['1,7 s', 'Laptop pingt Webserver'],
      ['2 s', 'Laptop sendet 20.000 Bytes an Webserver (10.0.0.2)'],
      ['3 s', 'Leitung lan fällt aus'],
      ['3,5 s', 'Leitung lan ist wieder da'],
      [
        '4 s',
        'Laptop überflutet TCP-Port 80 von Webserver mit SYNs (1.500 pro Sekunde, 2,5 s lang)',
      ],
      [
        '5 s',
        'Laptop überflutet TCP-Port 8080 von Webserver mit SYNs (100 pro Sekunde, 10 s lang, von gefälschten Adressen in 203.0.113.0/24)',
      ],
      ['6 s', 'Laptop scannt die TCP-Ports 1-1024 von Webserver (SYN-Scan)'],
    ]);
  });

  it('lists them in English by default', () => {
    const items = timedEvents(s.events, networkNames(s.nodes));
    expect(items.map((i) => i.text)).toEqual([
      'Laptop fetches /a.html from Webserver (port 80)',
      'Laptop pings Webserver (3 echo requests, one a second)',
      'Laptop pings Webserver',
      'Laptop sends 20,000 bytes to Webserver (10.0.0.2)',
      'Link lan goes down',
      'Link lan comes back up',
      'Laptop floods TCP port 80 of Webserver with SYNs (1500 a second for 2.5 s)',
      'Laptop floods TCP port 8080 of Webserver with SYNs (100 a second for 10 s, from forged addresses in 203.0.113.0/24)',
      'Laptop scans TCP ports 1-1024 of Webserver (SYN scan)',
    ]);
  });
});
