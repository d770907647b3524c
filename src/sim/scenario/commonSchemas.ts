// Schema pieces that many kinds share: a port number, who an app talks to (a node id or an IPv4
// address; or also a DNS name), and the name a server goes by in the trace.

import { number, string, type Schema } from '../schema/schema.ts';
import { phrase } from '../schema/phrase.ts';

/** A TCP or UDP port number, 1 to 65535. */
export const port = (description: string): Schema<number> =>
  number({ integer: true, min: 1, max: 65_535, description });

/** Where an application sends: a node id (its first address) or an IPv4 address. */
export const peer = string({
  pattern: /^(?:[A-Za-z][A-Za-z0-9_-]{0,63}|\d{1,3}(?:\.\d{1,3}){3})$/,
  patternText: phrase('pattern.peer'),
  description: 'The node to talk to, by id (its first interface address) or by IPv4 address.',
});

/** The server's address: a node id, an IPv4 address, or a host name resolved by DNS. */
export const serverName = string({
  pattern:
    /^(?:[A-Za-z][A-Za-z0-9_-]{0,63}|\d{1,3}(?:\.\d{1,3}){3}|(?=.{1,253}$)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+)$/,
  patternText: phrase('pattern.server'),
  description: 'Who to talk to: a node id, an IPv4 address, or a name the node resolves with DNS.',
});

/** The name a server app goes by in the trace (`web`, `db`). */
export const appName = (description: string): Schema<string> =>
  string({
    pattern: /^[A-Za-z][A-Za-z0-9_-]{0,31}$/,
    patternText: phrase('pattern.shortName'),
    description,
  });
