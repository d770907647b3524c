// A request/response service's words in German: the phrasebook is whole, the client's card, the
// service's card (a server process) and the client's sentences (expected German written by hand);
// English by default.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { record, tell, testNames } from '../../viz/kinds/kindSpeechTestHelpers.ts';
import { SERVICE_DE } from './servicePhrases.de.ts';
import { SERVICE_EN } from './servicePhrases.ts';
import { serviceClientView, serviceView } from './serviceView.ts';

const CONN = '49152>192.168.1.80:5432';
const RECORDS = [
  record('service.request', {
    node: 'laptop',
    app: 'db',
    conn: CONN,
    req: 4,
    query: 'SELECT name FROM users',
  }),
  record('service.response', {
    node: 'laptop',
    app: 'db',
    conn: CONN,
    req: 4,
    ok: true,
    bytes: 2048,
    latency: 3_250_000,
  }),
  record('service.response', {
    node: 'laptop',
    app: 'db',
    conn: CONN,
    req: 5,
    ok: false,
    bytes: 0,
    latency: 1_000_000,
  }),
  record('service.failure', { node: 'laptop', app: 'db', req: 6, error: 'ETIMEDOUT' }),
];

describe('a service in German', () => {
  it('has a whole German phrasebook', () => {
    expect(translationProblems(SERVICE_EN, SERVICE_DE)).toEqual([]);
  });

  it("writes the client's card", () => {
    const client = {
      node: 'laptop',
      server: 'web',
      visits: 1,
      requests: 3,
      replies: 2,
      errors: 1,
      failures: 1,
      error: null,
      latency: { count: 2, meanNs: 2_125_000, p95Ns: 3_250_000, maxNs: 3_250_000 },
    };
    expect(serviceClientView.card(client, testNames('de'), 'de')).toEqual({
      id: 'service-client-laptop',
      title: 'Laptop → web',
      kind: 'Dienst-Client',
      figures: [
        ['Besuche', '1', 'visits'],
        ['Beantwortet', '2 von 3', 'replies'],
        ['Fehler', '1', 'errors'],
        ['Gescheitert', '1', 'failures'],
        ['Latenz Mittel / p95', '2,125 ms / 3,25 ms'],
      ],
    });
  });

  it("writes the service's card as a server process's", () => {
    const card = serviceView.card(
      {
        node: 'web',
        app: 'db',
        port: 5432,
        model: 'threadPerConnection',
        accepted: 2,
        refused: 0,
        requests: 3,
        replies: 3,
        maxWaiting: 0,
        statuses: { '-': 3 },
        latency: { count: 3, meanNs: 1_500_000, p95Ns: 2_000_000, maxNs: 2_000_000 },
      },
      testNames('de'),
      'de',
    );
    expect(card.kind).toBe('Server (threadPerConnection) an Port 5432');
    expect(card.figures[2]).toEqual(['Beantwortet', '3 von 3', 'replies']);
    expect(card.figures[3]).toEqual(['Statuscodes', '3 × andere']);
  });

  it('tells queries and their answers in German', () => {
    expect(tell(serviceClientView.narration!, RECORDS, 'de')).toEqual([
      'Laptop sendet Abfrage 4: SELECT name FROM users.',
      'Laptop erhält die Antwort auf Abfrage 4: 2.048 Byte, 3,25 ms nach der Anfrage.',
      'Laptop erhält einen Fehler auf Abfrage 5, 1 ms nach der Anfrage.',
      'Laptop: Abfrage 6 scheitert ohne Antwort (ETIMEDOUT).',
    ]);
  });

  it('tells them in English by default', () => {
    expect(tell(serviceClientView.narration!, RECORDS)).toEqual([
      'Laptop sends query 4: SELECT name FROM users.',
      'Laptop gets the answer to query 4: 2048 bytes, 3.25 ms after asking.',
      'Laptop gets an error for query 5, 1 ms after asking.',
      'Laptop: query 6 fails without an answer (ETIMEDOUT).',
    ]);
  });
});
