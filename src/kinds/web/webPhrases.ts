// The web's words for people in each language: its apps' names in the canvas editor, the web
// client's summary card, and its sentences in the event log (requests, responses, pages, TLS
// handshakes and certificate checks); its checks' words are in webCheckPhrases.ts. English is
// the source; webPhrases.de.ts translates it.

import { Phrasebook } from '../../engine/language.ts';
import { WEB_DE } from './webPhrases.de.ts';

export const WEB_EN = {
  'newApp.server': 'Web server (HTTP, port 80)',
  'newApp.client': 'Web client (loads a page)',
  'card.kind': 'web client',
  'card.visits': 'Visits',
  'card.answered': 'Answered',
  'card.answeredValue': '{responses} of {requests}',
  'card.statuses': 'Statuses',
  'card.failed': 'Failed',
  'card.latency': 'Latency mean / p95',
  'card.pageLoads': 'Page loads, mean',
  'card.pageLoadsValue': '{count}, {time}',
  'card.stopped': 'Stopped',
  status: 'status {code}',
  request: 'request {req}',
  'http.request': '{node} sends HTTP request {what}.',
  'http.response': '{node} gets {status} for {what}: {bytes} bytes, {time} after asking.',
  'http.failure': '{node}: HTTP request for {target} fails ({error}).',
  'http.page': {
    one: '{node} has the whole page {path}: {count} object in {time}.',
    other: '{node} has the whole page {path}: {count} objects in {time}.',
  },
  'http.pageFailed': '{node} gives up on the page {path}: an object failed ({error}).',
  'tls.clientStart': '{node} starts a TLS handshake with {peer} (ClientHello).',
  'tls.clientStartFor': '{node} starts a TLS handshake with {peer} (ClientHello for “{name}”).',
  'tls.serverStart':
    '{node} answers {peer}’s ClientHello: ServerHello, then its certificate, encrypted.',
  'tls.done': '{node} finishes the TLS handshake with {peer}: from now on the data are encrypted.',
  'tls.failed': '{node}: the TLS handshake with {peer} fails ({detail}).',
  'tls.certificate':
    '{node} checks {peer}’s certificate (for “{subject}”, issued by {issuer}): {verdict}.',
  'tls.keys':
    '{node} logs its session keys for the connection with {remote}; the packet inspector can decrypt it as {node} sees it.',
  // What each certificate verdict means to the browser (RFC 5280 section 6, RFC 6125).
  'verdict.ok': 'valid — the handshake goes on',
  'verdict.expired': 'expired — the browser refuses the connection',
  'verdict.notYetValid': 'not valid yet — the browser refuses the connection',
  'verdict.wrongName': 'issued for another name — the browser refuses the connection',
  'verdict.untrustedIssuer':
    'signed by an authority it does not trust — the browser refuses the connection',
} as const;

export const webPhrases = new Phrasebook(WEB_EN, { de: WEB_DE });
