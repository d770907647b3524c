// What people call an application: its program and its role, "Web client", "Web server",
// "DNS resolver", "FTP client", "Database server", never the kind's code name (`httpClient`) and
// never "Server" for a client program. Used by the node inspector's headings and statecharts.
// The names, in each language, are in namesPhrases.ts (`app.` and the kind).

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { ScenarioNode } from '../../sim/documents.ts';
import { appLabels } from '../../sim/documents.ts';
import { namesPhrases } from './namesPhrases.ts';

/** Which end of its program each app kind is, by `type` (a test checks it covers them all). */
const APP_NAMES: Readonly<Record<string, 'client' | 'server' | 'resolver'>> = {
  pinger: 'client',
  echo: 'server',
  bulkSend: 'client',
  sink: 'server',
  httpServer: 'server',
  httpClient: 'client',
  service: 'server',
  serviceClient: 'client',
  dnsServer: 'server',
  ftpServer: 'server',
  ftpClient: 'client',
  /** A client's server, and its backends' client: named for what it is. */
  loadBalancer: 'server',
  /** A server that is also a client when it relays: named for what it is. */
  smtpServer: 'server',
  pop3Server: 'server',
  mailClient: 'client',
  dhcpServer: 'server',
  /** The stub resolver of a node with a `dns` setting (not an app entry, but named alike). */
  resolver: 'resolver',
};

/** The app kinds that have a name (the schema's, and the node resolver). */
export const NAMED_APP_TYPES: readonly string[] = Object.keys(APP_NAMES);

/**
 * `Web client`, `Database server`, `DNS resolver` (`Web-Client` in German); an unknown type in
 * words (`Fancy app`).
 */
export function appKindName(type: string | undefined, language: Language = ENGLISH): string {
  const { say } = namesPhrases.in(language);
  if (type !== undefined && Object.hasOwn(APP_NAMES, type)) return say(`app.${type}` as 'app.echo');
  if (type === undefined) return say('app.unknown');
  const words = humanWords(type);
  return say('app.other', { words: `${words[0]?.toUpperCase() ?? ''}${words.slice(1)}` });
}

/** Whether a kind is the client end of its program (the resolver is a client of DNS). */
export function isClientKind(type: string | undefined): boolean {
  const role = type === undefined ? undefined : APP_NAMES[type];
  return role === 'client' || role === 'resolver';
}

/**
 * The kind (`httpClient`) of the app of `node` that a trace name (`http`, `http2/u3`, `web/w1`)
 * belongs to, or undefined.
 */
export function appTypeOf(node: ScenarioNode, app: string): string | undefined {
  const slash = app.indexOf('/');
  const index = appLabels(node).indexOf(slash < 0 ? app : app.slice(0, slash));
  return index < 0 ? undefined : node.apps?.[index]?.type;
}

/** `Web client http`: the kind's name and the app's own name in the trace (its first part). */
export function appTitle(node: ScenarioNode, app: string, language: Language = ENGLISH): string {
  const slash = app.indexOf('/');
  return `${appKindName(appTypeOf(node, app), language)} ${slash < 0 ? app : app.slice(0, slash)}`;
}

/** A code name in words: `waitingForIo` → `waiting for I/O`, `dns.resolved` → `DNS resolved`. */
export function humanWords(code: string): string {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._\-/]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
  return words.length > 0 ? words.join(' ') : code;
}

const ACRONYMS: Readonly<Record<string, string>> = {
  io: 'I/O',
  dns: 'DNS',
  tcp: 'TCP',
  udp: 'UDP',
  ftp: 'FTP',
  smtp: 'SMTP',
  pop3: 'POP3',
  http: 'HTTP',
  https: 'HTTPS',
  cpu: 'CPU',
  tls: 'TLS',
  ip: 'IP',
  fin: 'FIN',
  syn: 'SYN',
  ack: 'ACK',
  rst: 'RST',
};
