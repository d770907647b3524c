// The scenario's timed events as the timeline marks them and the editor lists them: in time order,
// ties in document order, each in words with its time, and whether it is a node's action.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../sim/index.ts';
import { networkNames } from '../names/index.ts';
import { timedEvents } from './index.ts';
import { timedEventsDocument as doc } from '../../../tests/support/timedEventsDocument.ts';

function scenario(value: unknown) {
  const result = validateScenario(value);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

describe('timedEvents', () => {
  it('lists the events in time order, ties in document order, in words', () => {
    const s = scenario(doc);
    const items = timedEvents(s.events, networkNames(s.nodes));
    expect(items.map((i) => [i.index, i.time, i.text, i.action])).toEqual([
      [1, '1.5 s', 'Laptop fetches /a.html from Web server', true],
      [2, '1.5 s', 'Laptop pings Web server (3 echo requests, one a second)', true],
      [3, '2 s', 'Laptop sends 20,000 bytes to Web server (10.0.0.2)', true],
      [0, '3 s', 'Link lan goes down', false],
    ]);
  });
});

describe('timedEvents of failures', () => {
  it('says what each does to the network, in English and German, none of them an action', () => {
    const s = scenario({
      ...doc,
      events: [
        { at: '1s', type: 'nodeCrash', node: 'web' },
        { at: '2s', type: 'nodeRestart', node: 'web' },
        { at: '3s', type: 'interfaceDown', node: 'pc', interface: 'e' },
        { at: '4s', type: 'interfaceUp', node: 'pc', interface: 'e' },
        { at: '5s', type: 'linkChange', link: 'lan', bandwidth: '2Mbps', loss: 0.05 },
      ],
    });
    const names = networkNames(s.nodes);
    expect(timedEvents(s.events, names).map((i) => [i.text, i.action])).toEqual([
      ['Web server crashes', false],
      ['Web server restarts', false],
      ['Interface e of Laptop goes down', false],
      ['Interface e of Laptop comes back up', false],
      ['Link lan changes to 2 Mbit/s, 5% loss', false],
    ]);
    expect(timedEvents(s.events, names, 'de').map((i) => i.text)).toEqual([
      'Web server stürzt ab',
      'Web server startet neu',
      'Schnittstelle e von Laptop fällt aus',
      'Schnittstelle e von Laptop ist wieder da',
      'Leitung lan ändert sich auf 2 Mbit/s, 5 % Verlust',
    ]);
  });
});
