// The topology picture's words in German: the translation is whole, and the screen-reader
// description, a card's lines, the badges, a queue bar's text and a link's captions come out in
// German when asked, English by default.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { validateScenario } from '../../sim/index.ts';
import scenarioJson from '../../../simulations/ping-over-a-link.json';
import { cardLines } from './nodeCard.ts';
import { TOPOLOGY_EN } from './topologyPhrases.ts';
import { TOPOLOGY_DE } from './topologyPhrases.de.ts';
import { nodeTitle, topologyDescription } from './topologyText.ts';
import { backlogBadge, cpuBadge, linkCountLines, linkTitle, queueText } from './topologyWords.ts';

const checked = validateScenario(scenarioJson);
if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
const scenario = checked.scenario;

describe('topology phrases', () => {
  it('the German translation is whole', () => {
    expect(translationProblems(TOPOLOGY_EN, TOPOLOGY_DE)).toEqual([]);
  });

  it('describes the picture in German, role names and link settings included', () => {
    // ping-over-a-link.json: a laptop and an echo server on a 54 Mbit/s, 20 ms Wi-Fi link that
    // loses 20% of its packets.
    expect(topologyDescription(scenario, 'de')).toBe(
      '2 Knoten: Laptop (Client, ID laptop; wlan0 192.168.1.10/24), ' +
        'Echo server (Server, ID server; eth0 192.168.1.20/24). ' +
        'Leitung wifi verbindet Laptop wlan0 (192.168.1.10/24) und Echo server eth0 ' +
        '(192.168.1.20/24): 54 Mbit/s, 20 ms, 20 % Verlust.',
    );
    expect(topologyDescription({ nodes: [scenario.nodes[0]!], links: [] }, 'de')).toBe(
      '1 Knoten: Laptop (Client, ID laptop; wlan0 192.168.1.10/24).',
    );
  });

  it('writes a card, its tooltip and its badges in German', () => {
    expect(cardLines({ interfaces: [] }, 'de')).toEqual(['keine Schnittstellen']);
    const many = { interfaces: ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ name })) };
    expect(cardLines(many, 'de')).toEqual(['a', 'b', 'c', '+3 weitere']);
    expect(cardLines(many)).toEqual(['a', 'b', 'c', '+3 more']);
    expect(nodeTitle({ id: 'pc', role: 'client' }, 'de')).toBe('pc (Client, ID pc)');
    expect(nodeTitle({ id: 'pc', role: 'client' })).toBe('pc (client, id pc)');
    expect(backlogBadge('de')).toBe('Backlog voll');
    expect(cpuBadge({ busy: 1, cores: 2 }, 'de')).toBe('CPU 1/2 belegt');
    expect(cpuBadge({ busy: 1, cores: 2 })).toBe('CPU 1/2 busy');
  });

  it('writes a queue bar and a link’s captions in German', () => {
    const fill = {
      packets: 12,
      bytes: 18000,
      capacity: 20,
      unit: 'packets',
      fraction: 0.6,
    } as const;
    expect(queueText(fill, 'Router eth1', 'de')).toBe(
      'Warteschlange bei Router eth1: 12 von 20 Paketen',
    );
    const byBytes = { ...fill, capacity: 64000, unit: 'bytes' } as const;
    expect(queueText(byBytes, 'Router eth1', 'de')).toBe(
      'Warteschlange bei Router eth1: 18.000 von 64.000 Bytes',
    );
    expect(linkTitle('wan', ['2 Mbit/s', '10 ms'], 0.456, 'de')).toBe(
      'Leitung wan: 2 Mbit/s, 10 ms; zuletzt zu 46 % belegt',
    );
    expect(linkTitle('wan', ['2 Mbit/s'], null, 'de')).toBe('Leitung wan: 2 Mbit/s');
    const counts = { sent: 1200, delivered: 1150, lost: 10, queueDrops: 40 };
    expect(linkCountLines(counts, 'de')).toEqual([
      '1.200 gesendet · 1.150 zugestellt · 10 verloren',
      '40 in Warteschlangen verworfen',
    ]);
    expect(linkCountLines({ ...counts, queueDrops: 0 })).toEqual([
      '1,200 sent · 1,150 delivered · 10 lost',
    ]);
    expect(linkCountLines({ ...counts, queueDrops: 0, damaged: 12 }, 'de')).toEqual([
      '1.200 gesendet · 1.150 zugestellt · 10 verloren',
      '12 unterwegs beschädigt',
    ]);
    expect(linkCountLines({ ...counts, damaged: 0 })).toHaveLength(2);
    expect(linkTitle('wan', ['2 Mbit/s'], 0.5)).toBe(
      'Link wan: 2 Mbit/s; 50% busy in the last moments',
    );
  });
});
