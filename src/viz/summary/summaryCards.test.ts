import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import { networkNames } from '../names/index.ts';
import { summaryCards } from './summaryCards.ts';
import { retryCardFigures, serverCard } from './cardParts.ts';

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

  it('shows DNS servers and resolvers, NAT, FTP and database services when a scenario has them', () => {
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
    const nat = cardsOf('simulations/home-nat.json').find((c) => c.id === 'nat-router');
    expect(nat?.kind).toBe('NAT on wan');
    expect(Object.fromEntries(nat?.figures ?? [])['Mappings made']).toBe('4');
    const db = cardsOf('simulations/database-service.json');
    expect(db.map((c) => c.id)).toEqual([
      'server-db-db',
      'service-client-app1',
      'service-client-app2',
      'cpu-db',
    ]);
  });

  it('shows a client’s retries and a server’s refusals over its rate limit, only when set', () => {
    const cards = cardsOf('simulations/retries-and-rate-limits.json');
    const figures = (id: string) =>
      Object.fromEntries(cards.find((c) => c.id === id)!.figures.map(([l, v]) => [l, v]));
    expect(figures('server-api-web')['Over the rate limit']).toBe('48');
    const roomA = figures('web-client-roomA');
    expect([roomA['Retries'], roomA['Answered after retrying'], roomA['Given up']]).toEqual([
      '34',
      '10',
      '0',
    ]);
    expect(figures('web-client-roomB')['Retries']).toBeUndefined();
    const plain = cardsOf('simulations/web-page-load.json')[0]!;
    expect(plain.figures.map(([label]) => label)).not.toContain('Over the rate limit');
  });

  it('says the retry and rate-limit figures in German', () => {
    const retry = { retries: 1234, recovered: 5, gaveUp: 0 };
    expect(retryCardFigures(retry, 'de')).toEqual([
      ['Wiederholungen', '1.234', 'retries'],
      ['Nach Wiederholung beantwortet', '5', 'recovered'],
      ['Aufgegeben', '0', 'gaveUp'],
    ]);
    expect(retryCardFigures(undefined, 'de')).toEqual([]);
    const latency = { count: 0, meanNs: null, p95Ns: null, maxNs: null };
    const server = { node: 'n', app: 'web', port: 80, model: 'single', accepted: 0, refused: 0 };
    const card = serverCard(
      { ...server, requests: 0, replies: 0, maxWaiting: 0, statuses: {}, latency, limited: 7 },
      (node) => node,
      'de',
    );
    expect(card.figures.at(-1)).toEqual(['Über dem Ratenlimit', '7', 'limited']);
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
