// How the web looks: the web server's and the web client's summary cards, the client's sentences
// in the event log (its users, its requests and responses, pages, TLS handshakes and certificate
// checks) and the machines behind their states (users; the server's threads).

import { STATUS_REASON } from '../../net/app/http/httpMessage.ts';
import type { ServerFigures } from '../../sim/index.ts';
import { defineAppView, type JsonFields, type NewAppContext } from '../../viz/kinds/kindView.ts';
import { userSentence } from '../../viz/log/narrateUsers.ts';
import { duration } from '../../viz/log/sentenceParts.ts';
import { serverThreadMachine, userMachineOf } from '../../viz/statechart/sharedMachines.ts';
import {
  cardCounts,
  cardTime,
  serverCard,
  type SummaryFigure,
} from '../../viz/summary/cardParts.ts';
import type { HttpClientFigures } from './httpClientKind.ts';
import type { HttpClientApp, HttpServerApp } from './webSchemas.ts';
import './httpTrace.ts';
import './tlsTrace.ts';

/** What each certificate verdict means to the browser (RFC 5280 section 6, RFC 6125). */
const VERDICTS: Record<string, string> = {
  ok: 'valid — the handshake goes on',
  expired: 'expired — the browser refuses the connection',
  notYetValid: 'not valid yet — the browser refuses the connection',
  wrongName: 'issued for another name — the browser refuses the connection',
  untrustedIssuer: 'signed by an authority it does not trust — the browser refuses the connection',
};

function status(code: number): string {
  const reason = STATUS_REASON[code];
  return reason ? `${code} ${reason}` : `status ${code}`;
}

export const httpServerView = defineAppView<HttpServerApp, ServerFigures>({
  type: 'httpServer',
  card: (w, names) => serverCard(w, names.name),
  machine: serverThreadMachine,
  newApp: { name: 'Web server (HTTP, port 80)', make: () => ({ type: 'httpServer', port: 80 }) },
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
    name: 'Web client (loads a page)',
    make: (context) => ({ type: 'httpClient', server: webServerFor(context) }),
  },
  talksTo: 'httpServer',
  card(c, names) {
    const figures: SummaryFigure[] = [
      ['Visits', String(c.visits), 'visits'],
      ['Answered', `${c.responses} of ${c.requests}`, 'responses'],
      ['Statuses', cardCounts(c.statuses)],
      ['Failed', String(c.failures), 'failures'],
      ['Latency mean / p95', `${cardTime(c.latency.meanNs)} / ${cardTime(c.latency.p95Ns)}`],
    ];
    if (c.pages.count > 0)
      figures.push(['Page loads, mean', `${c.pages.count}, ${cardTime(c.pages.meanNs)}`]);
    if (c.error) figures.push(['Stopped', c.error]);
    return {
      id: `web-client-${c.node}`,
      title: `${names.name(c.node)} → ${c.server}`,
      kind: 'web client',
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
    narrator: ({ names }) => {
      const name = names.name;
      /** `node req` → the request (`GET /a.css`), to name it in its response. */
      const asked = new Map<string, string>();
      return (record) => {
        switch (record.type) {
          case 'app.state':
          case 'app.visit':
            return userSentence(record, names);
          case 'http.request': {
            const what = `${record.method} ${record.target}`;
            asked.set(`${record.node} ${record.app} ${record.req}`, what);
            return { kind: 'send', text: `${name(record.node)} sends HTTP request ${what}.` };
          }
          case 'http.response': {
            const what =
              asked.get(`${record.node} ${record.app} ${record.req}`) ?? `request ${record.req}`;
            return {
              kind: 'reply',
              text: `${name(record.node)} gets ${status(record.status)} for ${what}: ${record.bytes} bytes, ${duration(record.latency)} after asking.`,
            };
          }
          case 'http.failure':
            return {
              kind: 'error',
              text: `${name(record.node)}: HTTP request for ${record.target} fails (${record.error}).`,
            };
          case 'http.page':
            return {
              kind: record.error === null ? 'reply' : 'error',
              text:
                record.error === null
                  ? `${name(record.node)} has the whole page ${record.path}: ${record.objects} ${record.objects === 1 ? 'object' : 'objects'} in ${duration(record.elapsed)}.`
                  : `${name(record.node)} gives up on the page ${record.path}: an object failed (${record.error}).`,
            };
          case 'tls.handshake': {
            const peer = names.peerOf(record.conn);
            if (record.phase === 'start')
              return {
                kind: 'send',
                text:
                  record.role === 'client'
                    ? `${name(record.node)} starts a TLS handshake with ${peer} (ClientHello${record.detail ? ` for “${record.detail}”` : ''}).`
                    : `${name(record.node)} answers ${peer}’s ClientHello: ServerHello, then its certificate, encrypted.`,
              };
            if (record.phase === 'done')
              return {
                kind: 'state',
                text: `${name(record.node)} finishes the TLS handshake with ${peer}: from now on the data are encrypted.`,
              };
            return {
              kind: 'error',
              text: `${name(record.node)}: the TLS handshake with ${peer} fails (${record.detail}).`,
            };
          }
          case 'tls.certificate': {
            const verdict = VERDICTS[record.verdict] ?? record.verdict;
            return {
              kind: record.verdict === 'ok' ? 'detail' : 'error',
              text: `${name(record.node)} checks ${names.peerOf(record.conn)}’s certificate (for “${record.subject}”, issued by ${record.issuer}): ${verdict}.`,
            };
          }
          case 'tls.keys':
            return {
              kind: 'detail',
              text: `${name(record.node)} logs its session keys for the connection with ${names.endpoint(record.remote)}; the packet inspector can decrypt it as ${name(record.node)} sees it.`,
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
