import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import { networkNames } from '../names/index.ts';
import { summaryCards } from './summaryCards.ts';

function cardsOf(file: string) {
  const parsed = parseScenarioText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(file);
  const names = networkNames(parsed.scenario.nodes);
  return summaryCards(runScenario(parsed.scenario).summary, {
    ...names,
    name: (node) => node.toUpperCase(),
  });
}

describe('summaryCards', () => {
  it('shows the web server, the client and the CPU of a page load, with the run summary figures', () => {
    const cards = cardsOf('simulations/web-page-load.json');
    expect(cards.map((c) => c.id)).toEqual(['server-web-web', 'web-client-laptop', 'cpu-web']);
    const server = Object.fromEntries(cards[0]!.figures);
    // Three visits of a page with three objects: 12 requests, all 200.
    expect(server['Replied']).toBe('12 of 12');
    expect(server['Statuses']).toBe('12 × 200');
    expect(cards[1]!.title).toBe('LAPTOP → web');
    expect(Object.fromEntries(cards[1]!.figures)['Page loads, mean']).toMatch(/^3, /);
    expect(cards[2]!.kind).toBe('CPU, 1 core, rr');
  });

  it('shows DNS servers and resolvers, FTP and database services when a scenario has them', () => {
    const dns = cardsOf('simulations/dns-lookup.json').map((c) => c.id);
    expect(dns).toEqual(expect.arrayContaining(['dns-ns', 'resolver-laptop']));
    // Three web clients on the laptop: ids stay unique.
    expect(dns.filter((id) => id.startsWith('web-client-laptop'))).toEqual([
      'web-client-laptop',
      'web-client-laptop-2',
      'web-client-laptop-3',
    ]);
    expect(cardsOf('simulations/ftp-session.json').map((c) => c.id)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ftp-server-/),
        expect.stringMatching(/^ftp-client-/),
      ]),
    );
    const db = cardsOf('simulations/database-service.json');
    expect(db.map((c) => c.id)).toEqual([
      'server-db-db',
      'service-client-app1',
      'service-client-app2',
      'cpu-db',
    ]);
  });

  it('shows how often a node crashed and how long it was down', () => {
    const cards = cardsOf('simulations/server-crash.json');
    const card = cards.find((c) => c.id === 'failures-web');
    expect(card?.title).toBe('WEB');
    expect(card?.kind).toBe('Crashes');
    expect(Object.fromEntries(card?.figures ?? [])).toEqual({
      Crashed: '1',
      Restarted: '1',
      'Time down': '2.5 s',
      'Packets dropped while down': '2',
    });
  });
});
