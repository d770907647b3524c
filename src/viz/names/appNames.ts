// What people call an application: its program and its role, "Web client", "Web server",
// "DNS resolver", "FTP client", "Database server", never the kind's code name (`httpClient`) and
// never "Server" for a client program. Used by the node inspector's headings and statecharts.

import type { ScenarioNode } from '../../sim/index.ts';
import { appLabels } from '../../sim/index.ts';

/** A program and which end of it an app kind is. */
interface AppName {
  program: string;
  role: 'client' | 'server' | 'resolver';
}

/** Every app kind of the scenario schema, by `type` (a test checks it covers them all). */
const APP_NAMES: Readonly<Record<string, AppName>> = {
  pinger: { program: 'Ping', role: 'client' },
  echo: { program: 'Echo', role: 'server' },
  bulkSend: { program: 'Bulk-transfer', role: 'client' },
  sink: { program: 'Bulk-transfer', role: 'server' },
  httpServer: { program: 'Web', role: 'server' },
  httpClient: { program: 'Web', role: 'client' },
  service: { program: 'Database', role: 'server' },
  serviceClient: { program: 'Database', role: 'client' },
  dnsServer: { program: 'DNS', role: 'server' },
  ftpServer: { program: 'FTP', role: 'server' },
  ftpClient: { program: 'FTP', role: 'client' },
  /** The stub resolver of a node with a `dns` setting (not an app entry, but named alike). */
  resolver: { program: 'DNS', role: 'resolver' },
};

/** The app kinds that have a name (the schema's, and the node resolver). */
export const NAMED_APP_TYPES: readonly string[] = Object.keys(APP_NAMES);

/** `Web client`, `Database server`, `DNS resolver`; an unknown type in words (`Fancy app`). */
export function appKindName(type: string | undefined): string {
  const name = type === undefined ? undefined : APP_NAMES[type];
  if (name) return `${name.program} ${name.role}`;
  if (type === undefined) return 'Application';
  const words = humanWords(type);
  return `${words[0]?.toUpperCase() ?? ''}${words.slice(1)} app`;
}

/** Whether a kind is the client end of its program (the resolver is a client of DNS). */
export function isClientKind(type: string | undefined): boolean {
  const role = type === undefined ? undefined : APP_NAMES[type]?.role;
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
export function appTitle(node: ScenarioNode, app: string): string {
  const slash = app.indexOf('/');
  return `${appKindName(appTypeOf(node, app))} ${slash < 0 ? app : app.slice(0, slash)}`;
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
