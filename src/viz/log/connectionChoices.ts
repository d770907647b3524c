// The event log's connection filter as the learner reads it: each conversation named by its
// ends' nodes and ports ("Laptop :49152 ⇄ Web server :80 (TCP)"), the choices that match a typed
// text (a long run has thousands: only the first few hundred are offered at once), and the
// conversation of what the learner selected elsewhere on the page (a socket or a packet).

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { TraceRecords } from '../../engine/trace.ts';
import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import type { NetworkNames } from '../names/index.ts';
import type { Selection } from '../view/index.ts';
import { connectionKey, type ConnectionEnd, type LogConnection } from './logConnections.ts';
import { packetConnection } from './logFilter.ts';
import { narratePhrases } from './narratePhrases.ts';

/** `Laptop :49152`, or the address (`10.0.0.9:49152`) when no node of the scenario owns it. */
function endLabel(end: ConnectionEnd, names: NetworkNames): string {
  const parsed = parseIpv4(end.address);
  const node = parsed.ok ? names.nodeOf(parsed.address) : undefined;
  if (node === undefined) return end.port === null ? end.address : `${end.address}:${end.port}`;
  return end.port === null ? names.name(node) : `${names.name(node)} :${end.port}`;
}

/**
 * `Laptop :49152 ⇄ Web server :80 (TCP)`, `Laptop ⇄ Server (ICMP echo, id 7)`: opener first
 * (German `ICMP-Echo, ID 7`).
 */
export function connectionLabel(
  connection: LogConnection,
  names: NetworkNames,
  language: Language = ENGLISH,
): string {
  const { say } = narratePhrases.in(language);
  const [a, b] = connection.ends;
  const id = / #(\d+)$/.exec(connection.key);
  const protocol = say(`conversation.${connection.protocol}`);
  const what = id ? say('conversation.id', { protocol, id: id[1] as string }) : protocol;
  return `${endLabel(a, names)} ⇄ ${endLabel(b, names)} (${what})`;
}

/** One choice of the connection filter. */
export interface ConnectionChoice {
  key: string;
  label: string;
}

/** The choices offered for a typed text, and how many conversations there are and match. */
export interface ConnectionChoices {
  choices: ConnectionChoice[];
  total: number;
  matched: number;
}

/** Labels by language and key, per NetworkNames (a scenario's names): each made once. */
const labelCache = new WeakMap<NetworkNames, Map<string, string>>();

function labelOf(connection: LogConnection, names: NetworkNames, language: Language): string {
  let labels = labelCache.get(names);
  if (!labels) labelCache.set(names, (labels = new Map()));
  const key = `${language} ${connection.key}`;
  let label = labels.get(key);
  if (label === undefined) labels.set(key, (label = connectionLabel(connection, names, language)));
  return label;
}

/**
 * The conversations whose label or addresses contain every word of `query` (case-insensitive),
 * in the order they began, at most `limit` of them; `selected` is always among the choices.
 * Labels are in `language`.
 */
export function connectionChoices(
  connections: readonly LogConnection[],
  names: NetworkNames,
  query: string,
  limit: number,
  selected: string | null = null,
  language: Language = ENGLISH,
): ConnectionChoices {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const choices: ConnectionChoice[] = [];
  let matched = 0;
  let selectedIn = selected === null;
  for (const c of connections) {
    const label = labelOf(c, names, language);
    if (words.length > 0) {
      const text = `${label} ${c.key}`.toLowerCase();
      if (!words.every((w) => text.includes(w))) continue;
    }
    matched++;
    if (choices.length < limit) {
      choices.push({ key: c.key, label });
      if (c.key === selected) selectedIn = true;
    }
  }
  if (!selectedIn) {
    const chosen = connections.find((c) => c.key === selected);
    if (chosen) choices.unshift({ key: chosen.key, label: labelOf(chosen, names, language) });
  }
  return { choices, total: connections.length, matched };
}

/**
 * The conversation of what is selected on the page: a TCP socket's connection (not a listener),
 * or a packet's conversation as the first `count` records say; else null.
 */
export function selectedConnection(
  selection: Selection | undefined,
  records: TraceRecords,
  count = records.length,
): string | null {
  if (!selection) return null;
  if (selection.kind === 'packet') return packetConnection(records, selection.pkt, count);
  if (selection.kind !== 'connection') return null;
  const [local = '', remote = ''] = selection.conn.split('>');
  const end = (text: string): ConnectionEnd | undefined => {
    const m = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d+)$/.exec(text);
    return m ? { address: m[1] as string, port: Number(m[2]) } : undefined;
  };
  const a = end(local);
  const b = end(remote);
  return a && b ? connectionKey('tcp', a, b) : null;
}
