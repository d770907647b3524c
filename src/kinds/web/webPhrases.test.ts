// The web's words in German: the phrasebook is whole, the client's card, the editor's names for
// its apps and its sentences (expected German written by hand), and English stays the default.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { spoken, validateScenario } from '../../sim/index.ts';
import { record, tell, testNames } from '../../viz/kinds/kindSpeechTestHelpers.ts';
import type { HttpClientFigures } from './httpClientKind.ts';
import { WEB_CHECK_DE } from './webCheckPhrases.de.ts';
import { WEB_CHECK_EN } from './webCheckPhrases.ts';
import { WEB_DE } from './webPhrases.de.ts';
import { WEB_EN } from './webPhrases.ts';
import { httpClientView, httpServerView } from './webView.ts';

const CLIENT: HttpClientFigures = {
  node: 'laptop',
  server: 'web',
  visits: 2,
  requests: 1234,
  responses: 1233,
  failures: 1,
  error: 'ECONNRESET',
  statuses: { '200': 1232, '-': 1 },
  latency: { count: 1233, meanNs: 1_500_000, p95Ns: 12_250_000, maxNs: 20_000_000 },
  pages: { count: 2, meanNs: 2_500_000_000, p95Ns: null, maxNs: null },
};

const RECORDS = [
  record('http.request', {
    node: 'laptop',
    app: 'http',
    conn: '49152>192.168.1.80:80',
    req: 1,
    method: 'GET',
    target: '/index.html',
  }),
  record('http.response', {
    node: 'laptop',
    app: 'http',
    conn: '49152>192.168.1.80:80',
    req: 1,
    status: 200,
    bytes: 12345,
    latency: 41_500_000,
  }),
  record('http.response', {
    node: 'laptop',
    app: 'http',
    conn: '49152>192.168.1.80:80',
    req: 7,
    status: 599,
    bytes: 0,
    latency: 0,
  }),
  record('http.page', {
    node: 'laptop',
    app: 'http',
    path: '/',
    objects: 1,
    elapsed: 1_000_000_000,
    error: null,
  }),
  record('http.page', {
    node: 'laptop',
    app: 'http',
    path: '/',
    objects: 3,
    elapsed: 1_000_000_000,
    error: null,
  }),
  record('tls.handshake', {
    node: 'laptop',
    conn: '49152>192.168.1.80:443',
    role: 'client',
    phase: 'start',
    detail: 'www.example.com',
  }),
  record('tls.certificate', {
    node: 'laptop',
    conn: '49152>192.168.1.80:443',
    subject: 'www.example.com',
    issuer: 'Example CA',
    verdict: 'expired',
  }),
];

describe('the web in German', () => {
  it('has whole German phrasebooks', () => {
    expect(translationProblems(WEB_EN, WEB_DE)).toEqual([]);
    expect(translationProblems(WEB_CHECK_EN, WEB_CHECK_DE)).toEqual([]);
  });

  it("names the editor's web apps", () => {
    expect(httpServerView.newApp?.name('de')).toBe('Webserver (HTTP, Port 80)');
    expect(httpClientView.newApp?.name('de')).toBe('Web-Client (lädt eine Seite)');
    expect(httpClientView.newApp?.name()).toBe('Web client (loads a page)');
  });

  it("writes the client's card, numbers and durations the German way", () => {
    expect(httpClientView.card(CLIENT, testNames('de'), 'de')).toEqual({
      id: 'web-client-laptop',
      title: 'Laptop → web',
      kind: 'Web-Client',
      figures: [
        ['Besuche', '2', 'visits'],
        ['Beantwortet', '1.233 von 1.234', 'responses'],
        ['Statuscodes', '1.232 × 200, 1 × andere'],
        ['Gescheitert', '1', 'failures'],
        ['Latenz Mittel / p95', '1,5 ms / 12,25 ms'],
        ['Seitenaufrufe, Mittel', '2, 2,5 s'],
        ['Abgebrochen', 'ECONNRESET'],
      ],
    });
  });

  it('writes the card in English by default', () => {
    expect(httpClientView.card(CLIENT, testNames()).figures).toEqual([
      ['Visits', '2', 'visits'],
      ['Answered', '1233 of 1234', 'responses'],
      ['Statuses', '1232 × 200, 1 × other'],
      ['Failed', '1', 'failures'],
      ['Latency mean / p95', '1.5 ms / 12.25 ms'],
      ['Page loads, mean', '2, 2.5 s'],
      ['Stopped', 'ECONNRESET'],
    ]);
  });

  it('tells requests, responses, pages and TLS in German', () => {
    const narration = httpClientView.narration;
    if (!narration) throw new Error('the web client tells no sentences');
    expect(tell(narration, RECORDS, 'de')).toEqual([
      'Laptop sendet die HTTP-Anfrage GET /index.html.',
      'Laptop erhält 200 OK für GET /index.html: 12.345 Bytes, 41,5 ms nach der Anfrage.',
      'Laptop erhält Status 599 für Anfrage 7: 0 Bytes, 0 s nach der Anfrage.',
      'Laptop hat die ganze Seite /: 1 Objekt in 1 s.',
      'Laptop hat die ganze Seite /: 3 Objekte in 1 s.',
      'Laptop beginnt einen TLS-Handshake mit Web server (ClientHello für „www.example.com“).',
      'Laptop prüft das Zertifikat von Web server (für „www.example.com“, ausgestellt von Example CA): abgelaufen – der Browser lehnt die Verbindung ab.',
    ]);
  });

  it("tells its users' phases in the narration's language", () => {
    const narration = httpClientView.narration;
    if (!narration) throw new Error('the web client tells no sentences');
    const visit = record('app.visit', { node: 'laptop', app: 'http/u3', visit: 2 });
    expect(tell(narration, [visit], 'de')).toEqual([
      'Laptop: Nutzer u3 von http beginnt Besuch 2.',
    ]);
    expect(tell(narration, [visit])).toEqual(['Laptop’s http user u3 starts visit 2.']);
  });

  it('tells them in English by default', () => {
    const narration = httpClientView.narration;
    if (!narration) throw new Error('the web client tells no sentences');
    expect(tell(narration, RECORDS)).toEqual([
      'Laptop sends HTTP request GET /index.html.',
      'Laptop gets 200 OK for GET /index.html: 12345 bytes, 41.5 ms after asking.',
      'Laptop gets status 599 for request 7: 0 bytes, 0 s after asking.',
      'Laptop has the whole page /: 1 object in 1 s.',
      'Laptop has the whole page /: 3 objects in 1 s.',
      'Laptop starts a TLS handshake with Web server (ClientHello for “www.example.com”).',
      'Laptop checks Web server’s certificate (for “www.example.com”, issued by Example CA): expired — the browser refuses the connection.',
    ]);
  });
});

describe('the web kinds’ own checks in German', () => {
  function issues(apps: unknown[], events: unknown[] = []) {
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'checks',
      nodes: [
        { id: 'a', role: 'server', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }], apps },
      ],
      links: [],
      events,
    });
    return result.ok ? [] : result.issues;
  }

  it('says each problem in the page language and keeps the English message for the CLI', () => {
    const found = [
      ...issues([{ type: 'httpClient', server: 'a', page: '/', requests: [{ path: '/' }] }]),
      ...issues([
        {
          type: 'httpServer',
          site: [{ path: '/a.html' }, { path: '/a.html' }],
          tls: { certificate: { subject: 'a', notBefore: '10s', notAfter: '5s' } },
        },
      ]),
      ...issues([], [{ at: '1s', type: 'fetch', node: 'a', server: 'a', path: '/' }]),
    ];
    expect(found.map((i) => spoken(i, 'de'))).toEqual([
      'gib entweder „page“ oder „requests“ an, nicht beides',
      'wiederholt den Pfad „/a.html“ von site[0]',
      'das Zertifikat läuft ab, bevor es gültig wird (notAfter < notBefore)',
      'auf a hört nichts auf TCP-Port 80: Füge dort einen Webserver hinzu oder hole die Seite von einem, der einen hat',
    ]);
    expect(found.map((i) => i.message)).toEqual([
      'give either "page" or "requests", not both',
      'duplicates the path "/a.html" of site[0]',
      'the certificate expires before it becomes valid (notAfter < notBefore)',
      'nothing on a listens on TCP port 80: add a web server there, or fetch from one that has it',
    ]);
  });
});
