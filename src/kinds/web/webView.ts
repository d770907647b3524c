// How the web looks: the web server's and the web client's summary cards, the client's sentences
// in the event log (its users, its requests and responses, pages, TLS handshakes and certificate
// checks) and the machines behind their states (users; the server's threads). Its words, in each
// language, are in webPhrases.ts.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { STATUS_REASON } from '../../net/app/http/httpMessage.ts';
import type { ServerFigures } from '../../sim/index.ts';
import { defineAppView, type JsonFields, type NewAppContext } from '../../viz/kinds/kindView.ts';
import { userSentence } from '../../viz/log/narrateUsers.ts';
import { formatCount } from '../../engine/language.ts';
import { formatMoment } from '../../engine/time.ts';
import { serverThreadMachine, userMachineOf } from '../../viz/statechart/sharedMachines.ts';
import {
  cardCounts,
  cardTime,
  retryCardFigures,
  serverCard,
  type SummaryFigure,
} from '../../viz/summary/cardParts.ts';
import type { HttpClientFigures } from './httpClientKind.ts';
import type { HttpClientApp, HttpServerApp } from './webSchemas.ts';
import { webPhrases } from './webPhrases.ts';
import './httpTrace.ts';
import './tlsTrace.ts';

/** The certificate verdicts that have words (RFC 5280 section 6, RFC 6125); others as they are. */
const VERDICTS = new Set(['ok', 'expired', 'notYetValid', 'wrongName', 'untrustedIssuer']);

/** `200 OK` (the reason phrase as HTTP writes it), or `status 599` for a code without one. */
function status(code: number, language: Language): string {
  const reason = STATUS_REASON[code];
  return reason
    ? `${code} ${reason}`
    : webPhrases.in(language).say('status', { code: String(code) });
}

export const httpServerView = defineAppView<HttpServerApp, ServerFigures>({
  type: 'httpServer',
  card: (w, names, language) => serverCard(w, names.name, language),
  machine: serverThreadMachine,
  newApp: {
    name: (language) => webPhrases.in(language).say('newApp.server'),
    make: () => ({ type: 'httpServer', port: 80 }),
  },
});

/**
 * The server a new web client fetches from: the first other node serving the web, else the first
 * other node with an address, else the first other node (the editor then says what is missing).
 */
function webServerFor({ node, nodes }: NewAppContext): string {
  const others = nodes.filter((n) => n.id !== node);
  const apps = (n: JsonFields) => (Array.isArray(n.apps) ? n.apps : []);
  const serving = others.find((n) =>
    apps(n).some(
      (a) => a !== null && typeof a === 'object' && 'type' in a && a.type === 'httpServer',
    ),
  );
  const addressed = (n: JsonFields) =>
    Array.isArray(n.interfaces) &&
    n.interfaces.some((x) => x !== null && typeof x === 'object' && 'address' in x);
  const chosen = serving ?? others.find(addressed) ?? others[0];
  return typeof chosen?.id === 'string' ? chosen.id : 'server';
}

export const httpClientView = defineAppView<HttpClientApp, HttpClientFigures>({
  type: 'httpClient',
  newApp: {
    name: (language) => webPhrases.in(language).say('newApp.client'),
    make: (context) => ({ type: 'httpClient', server: webServerFor(context) }),
  },
  talksTo: 'httpServer',
  card(c, names, language = ENGLISH) {
    const { say } = webPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    const time = (ns: number | null) => cardTime(ns, language);
    const figures: SummaryFigure[] = [
      [say('card.visits'), n(c.visits), 'visits'],
      [
        say('card.answered'),
        say('card.answeredValue', { responses: n(c.responses), requests: n(c.requests) }),
        'responses',
      ],
      [say('card.statuses'), cardCounts(c.statuses, language)],
      [say('card.failed'), n(c.failures), 'failures'],
      [say('card.latency'), `${time(c.latency.meanNs)} / ${time(c.latency.p95Ns)}`],
    ];
    if (c.pages.count > 0)
      figures.push([
        say('card.pageLoads'),
        say('card.pageLoadsValue', { count: n(c.pages.count), time: time(c.pages.meanNs) }),
      ]);
    figures.push(...retryCardFigures(c.retry, language));
    if (c.error) figures.push([say('card.stopped'), c.error]);
    return {
      id: `web-client-${c.node}`,
      title: `${names.name(c.node)} → ${c.server}`,
      kind: say('card.kind'),
      figures,
    };
  },
  narration: {
    types: [
      'app.state',
      'app.visit',
      'http.request',
      'http.response',
      'http.failure',
      'http.page',
      'tls.handshake',
      'tls.certificate',
      'tls.keys',
    ],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = webPhrases.in(language);
      const name = names.name;
      const time = (ns: number) => formatMoment(ns, language);
      /** `node req` → the request (`GET /a.css`), to name it in its response. */
      const asked = new Map<string, string>();
      return (record) => {
        switch (record.type) {
          case 'app.state':
          case 'app.visit':
            return userSentence(record, names, language);
          case 'http.request': {
            const what = `${record.method} ${record.target}`;
            asked.set(`${record.node} ${record.app} ${record.req}`, what);
            return { kind: 'send', text: say('http.request', { node: name(record.node), what }) };
          }
          case 'http.response': {
            const what =
              asked.get(`${record.node} ${record.app} ${record.req}`) ??
              say('request', { req: String(record.req) });
            return {
              kind: 'reply',
              text: say('http.response', {
                node: name(record.node),
                status: status(record.status, language),
                what,
                bytes: formatCount(record.bytes, language),
                time: time(record.latency),
              }),
            };
          }
          case 'http.failure':
            return {
              kind: 'error',
              text: say('http.failure', {
                node: name(record.node),
                target: record.target,
                error: record.error,
              }),
            };
          case 'http.page':
            return {
              kind: record.error === null ? 'reply' : 'error',
              text:
                record.error === null
                  ? say('http.page', {
                      node: name(record.node),
                      path: record.path,
                      count: formatCount(record.objects, language),
                      time: time(record.elapsed),
                    })
                  : say('http.pageFailed', {
                      node: name(record.node),
                      path: record.path,
                      error: record.error,
                    }),
            };
          case 'tls.handshake': {
            const node = name(record.node);
            const peer = names.peerOf(record.conn);
            if (record.phase === 'start')
              return {
                kind: 'send',
                text:
                  record.role !== 'client'
                    ? say('tls.serverStart', { node, peer })
                    : record.detail
                      ? say('tls.clientStartFor', { node, peer, name: record.detail })
                      : say('tls.clientStart', { node, peer }),
              };
            if (record.phase === 'done')
              return { kind: 'state', text: say('tls.done', { node, peer }) };
            return {
              kind: 'error',
              text: say('tls.failed', { node, peer, detail: record.detail }),
            };
          }
          case 'tls.certificate': {
            const verdict = VERDICTS.has(record.verdict)
              ? say(`verdict.${record.verdict}` as 'verdict.ok')
              : record.verdict;
            return {
              kind: record.verdict === 'ok' ? 'detail' : 'error',
              text: say('tls.certificate', {
                node: name(record.node),
                peer: names.peerOf(record.conn),
                subject: record.subject,
                issuer: record.issuer,
                verdict,
              }),
            };
          }
          case 'tls.keys':
            return {
              kind: 'detail',
              text: say('tls.keys', {
                node: name(record.node),
                remote: names.endpoint(record.remote),
              }),
            };
          default:
            return null;
        }
      };
    },
  },
  logGroups: {
    'http.request': () => 'packets',
    'http.response': () => 'packets',
    'http.failure': () => 'errors',
    'tls.handshake': (r) =>
      r.type === 'tls.handshake' && r.phase === 'failed' ? 'errors' : 'states',
    'tls.certificate': (r) =>
      r.type === 'tls.certificate' && r.verdict !== 'ok' ? 'errors' : 'states',
  },
  machine: userMachineOf,
  listedBeforeStart: (app) => app.workload === undefined,
});
