// The load balancer's words: the German phrasebooks are whole; the role's name, the editor's new
// balancer, the summary card and every sentence of the event log in English and German (the
// German written by hand).
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { record, tell, testNames } from '../../viz/kinds/kindSpeechTestHelpers.ts';
import type { LoadBalancerFigures } from './loadBalancerKind.ts';
import { LB_CHECK_DE } from './lbCheckPhrases.de.ts';
import { LB_CHECK_EN } from './lbCheckPhrases.ts';
import { LB_DE } from './lbPhrases.de.ts';
import { LB_EN } from './lbPhrases.ts';
import { LB_ROLE_DE } from './lbRolePhrases.de.ts';
import { LB_ROLE_EN } from './lbRolePhrases.ts';
import { loadBalancerRoleView } from './loadBalancerRoleView.ts';
import { loadBalancerView } from './loadBalancerView.ts';
import type { JsonFields } from '../../viz/kinds/kindView.ts';

const FIGURES: LoadBalancerFigures = {
  node: 'lb1',
  app: 'lb',
  port: 80,
  mode: 'l7',
  policy: 'weightedRoundRobin',
  picks: 3000,
  unserved: 2,
  backends: [
    {
      backend: '192.168.1.80:80',
      weight: 2,
      requests: 2000,
      share: 2 / 3,
      failures: 0,
      failedChecks: 0,
      healthy: true,
      downs: 0,
    },
    {
      backend: '192.168.1.81:80',
      weight: 1,
      requests: 1000,
      share: 1 / 3,
      failures: 4,
      failedChecks: 3,
      healthy: false,
      downs: 1,
    },
  ],
};

const at = { node: 'lb1', app: 'lb' };
const client = '192.168.1.10:49152';
const backend = '192.168.1.80:80';
const RECORDS = [
  record('lb.pick', { ...at, client, backend, sticky: false }),
  record('lb.pick', { ...at, client, backend, sticky: true }),
  record('lb.noBackend', { ...at, client }),
  record('lb.limit', { ...at, client, key: '192.168.1.10', status: 429 }),
  record('lb.limit', { ...at, client, key: 'all', status: null }),
  record('lb.done', { ...at, client, backend, status: null }),
  record('lb.done', { ...at, client, backend, status: 200 }),
  record('lb.failure', { ...at, client, backend, error: 'ETIMEDOUT', status: 504 }),
  record('lb.failure', { ...at, client, backend, error: 'ECONNREFUSED', status: null }),
  record('lb.check', { ...at, backend, ok: true, error: '' }),
  record('lb.check', { ...at, backend, ok: false, error: 'ETIMEDOUT' }),
  record('lb.health', { ...at, backend, healthy: false, cause: 'check' }),
  record('lb.health', { ...at, backend, healthy: false, cause: 'request' }),
  record('lb.health', { ...at, backend, healthy: true, cause: 'check' }),
];

describe('the load balancer’s words', () => {
  it('has whole German phrasebooks', () => {
    expect(translationProblems(LB_EN, LB_DE)).toEqual([]);
    expect(translationProblems(LB_CHECK_EN, LB_CHECK_DE)).toEqual([]);
    expect(translationProblems(LB_ROLE_EN, LB_ROLE_DE)).toEqual([]);
  });

  it('names the role and the editor’s new balancer', () => {
    expect(loadBalancerRoleView.name()).toBe('load balancer');
    expect(loadBalancerRoleView.name('de')).toBe('Load Balancer');
    expect(loadBalancerView.newApp?.name('de')).toBe('Load Balancer (HTTP)');
  });

  it('makes a new balancer in front of the web servers of the document', () => {
    const nodes: JsonFields[] = [
      { id: 'lb1' },
      { id: 'w1', apps: [{ type: 'httpServer' }] },
      { id: 'w2', apps: [{ type: 'httpServer', port: 8080 }, { type: 'echo' }] },
      { id: 'pc', apps: [{ type: 'httpClient', server: 'lb1' }] },
    ];
    expect(loadBalancerView.newApp?.make({ node: 'lb1', nodes })).toEqual({
      type: 'loadBalancer',
      mode: 'l7',
      policy: 'roundRobin',
      backends: [
        { address: 'w1', port: 80 },
        { address: 'w2', port: 8080 },
      ],
    });
  });

  it('writes the card with each backend’s health and share, in English', () => {
    expect(loadBalancerView.card(FIGURES, testNames())).toEqual({
      id: 'lb-lb1-lb',
      title: 'lb1 · lb',
      kind: 'load balancer on port 80, layer 7 (HTTP), smooth weighted round robin',
      figures: [
        ['Picks', '3000', 'picks'],
        ['No backend healthy', '2', 'unserved'],
        [
          'Backend Web server (192.168.1.80:80)',
          'up, 2000 picks (66.7%), 0 failed',
          'backend-192.168.1.80:80',
        ],
        [
          'Backend 192.168.1.81:80',
          'down, 1000 picks (33.3%), 4 failed',
          'backend-192.168.1.81:80',
        ],
      ],
    });
  });

  it('counts what a rate limit turned away on the card, only when there is one', () => {
    const limited = loadBalancerView.card({ ...FIGURES, limited: 7 }, testNames());
    expect(limited.figures.slice(0, 3)).toEqual([
      ['Picks', '3000', 'picks'],
      ['No backend healthy', '2', 'unserved'],
      ['Over the rate limit', '7', 'limited'],
    ]);
    const german = loadBalancerView.card({ ...FIGURES, limited: 7 }, testNames('de'), 'de');
    expect(german.figures[2]).toEqual(['Über dem Ratenlimit', '7', 'limited']);
  });

  it('writes the card in German', () => {
    expect(loadBalancerView.card(FIGURES, testNames('de'), 'de')).toMatchObject({
      kind: 'Load Balancer auf Port 80, Schicht 7 (HTTP), gleichmäßig gewichtetes Round Robin',
      figures: [
        ['Zuteilungen', '3.000', 'picks'],
        ['Kein Backend gesund', '2', 'unserved'],
        [
          'Backend Web server (192.168.1.80:80)',
          'gesund, 2.000 Zuteilungen (66,7\u00a0%), 0 fehlgeschlagen',
          'backend-192.168.1.80:80',
        ],
        [
          'Backend 192.168.1.81:80',
          'ausgefallen, 1.000 Zuteilungen (33,3\u00a0%), 4 fehlgeschlagen',
          'backend-192.168.1.81:80',
        ],
      ],
    });
  });

  const narration = loadBalancerView.narration;
  if (!narration) throw new Error('the load balancer tells its records');

  it('tells picks, outcomes, checks and health changes in English', () => {
    expect(tell(narration, RECORDS)).toEqual([
      'lb1’s load balancer picks Web server (192.168.1.80:80) for Laptop (192.168.1.10:49152).',
      'lb1’s load balancer sends Laptop (192.168.1.10:49152) to Web server (192.168.1.80:80), the backend its cookie names.',
      'lb1’s load balancer has no healthy backend for Laptop (192.168.1.10:49152).',
      'lb1’s load balancer answers Laptop (192.168.1.10:49152) 429 at once: over the rate limit, no backend asked.',
      'lb1’s load balancer resets Laptop (192.168.1.10:49152)’s new connection: over the rate limit.',
      'lb1’s load balancer: Laptop (192.168.1.10:49152)’s connection through Web server (192.168.1.80:80) is over.',
      'lb1’s load balancer passes Web server (192.168.1.80:80)’s 200 on to Laptop (192.168.1.10:49152).',
      'lb1’s load balancer gets no answer from Web server (192.168.1.80:80) for Laptop (192.168.1.10:49152) (ETIMEDOUT) and answers 504.',
      'lb1’s load balancer gets no answer from Web server (192.168.1.80:80) for Laptop (192.168.1.10:49152) (ECONNREFUSED) and resets the client’s connection.',
      'lb1’s load balancer checks Web server (192.168.1.80:80): the health check passes.',
      'lb1’s load balancer checks Web server (192.168.1.80:80): the health check fails (ETIMEDOUT).',
      'lb1’s load balancer takes Web server (192.168.1.80:80) out after health checks failed in a row: no more requests go there.',
      'lb1’s load balancer takes Web server (192.168.1.80:80) out after requests to it failed in a row: no more requests go there.',
      'lb1’s load balancer takes Web server (192.168.1.80:80) back: its health checks pass again.',
    ]);
  });

  it('tells them in German', () => {
    expect(tell(narration, RECORDS, 'de')).toEqual([
      'Der Load Balancer von lb1 wählt Web server (192.168.1.80:80) für Laptop (192.168.1.10:49152).',
      'Der Load Balancer von lb1 schickt Laptop (192.168.1.10:49152) zu Web server (192.168.1.80:80), dem Backend, das sein Cookie nennt.',
      'Der Load Balancer von lb1 hat kein gesundes Backend für Laptop (192.168.1.10:49152).',
      'Der Load Balancer von lb1 antwortet Laptop (192.168.1.10:49152) sofort 429: über dem Ratenlimit, kein Backend wird gefragt.',
      'Der Load Balancer von lb1 setzt die neue Verbindung von Laptop (192.168.1.10:49152) zurück: über dem Ratenlimit.',
      'Der Load Balancer von lb1: Die Verbindung von Laptop (192.168.1.10:49152) über Web server (192.168.1.80:80) ist zu Ende.',
      'Der Load Balancer von lb1 gibt die Antwort 200 von Web server (192.168.1.80:80) an Laptop (192.168.1.10:49152) weiter.',
      'Der Load Balancer von lb1 bekommt von Web server (192.168.1.80:80) keine Antwort für Laptop (192.168.1.10:49152) (ETIMEDOUT) und antwortet 504.',
      'Der Load Balancer von lb1 bekommt von Web server (192.168.1.80:80) keine Antwort für Laptop (192.168.1.10:49152) (ECONNREFUSED) und setzt die Verbindung des Clients zurück.',
      'Der Load Balancer von lb1 prüft Web server (192.168.1.80:80): Die Zustandsprüfung ist bestanden.',
      'Der Load Balancer von lb1 prüft Web server (192.168.1.80:80): Die Zustandsprüfung schlägt fehl (ETIMEDOUT).',
      'Der Load Balancer von lb1 nimmt Web server (192.168.1.80:80) heraus, nachdem Zustandsprüfungen hintereinander fehlschlugen: Dorthin gehen keine Anfragen mehr.',
      'Der Load Balancer von lb1 nimmt Web server (192.168.1.80:80) heraus, nachdem Anfragen dorthin hintereinander fehlschlugen: Dorthin gehen keine Anfragen mehr.',
      'Der Load Balancer von lb1 nimmt Web server (192.168.1.80:80) wieder auf: Seine Zustandsprüfungen gelingen wieder.',
    ]);
  });
});
