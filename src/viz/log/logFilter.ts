// Filters for the event log: which node a trace record is about, its protocol (TCP, UDP, ICMP,
// app, link), its type group (packets, drops, states, errors) and its conversation (one TCP
// connection, UDP flow or ICMP echo exchange, logConnections.ts), and the entries up to a time.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import '../../net/link/linkTrace.ts';
import '../../net/ip/ipTrace.ts';
import '../../net/transport/socketTrace.ts';
import '../../machines/tcp/tcpTrace.ts';
import '../../sim/appTrace.ts';
import '../../machines/retry/retryTrace.ts';
import '../../machines/server/serverTrace.ts';
import '../../kinds/firewall/firewallTrace.ts';
import '../../kinds/nat/natTrace.ts';
import { isLinkFrame, type Frame } from '../../net/wire/frame.ts';
import { ACTION_VIEWS, APP_VIEWS } from '../kinds/viewRegistry.ts';
import { isIcmpError } from '../packet/index.ts';
import { ConnectionTracker, type LogConnection } from './logConnections.ts';
import { narratePhrases } from './narratePhrases.ts';
import { formatCount } from '../../engine/language.ts';

export const LOG_PROTOCOLS = ['tcp', 'udp', 'icmp', 'app', 'link'] as const;
export type LogProtocol = (typeof LOG_PROTOCOLS)[number];
/** The protocol filter's choice for people, in `language`: `TCP`, `Links and queues`. */
export function protocolLabel(protocol: LogProtocol, language: Language = ENGLISH): string {
  return narratePhrases.in(language).say(`filter.${protocol}`);
}
/** The protocol filter's choices in English. */
export const PROTOCOL_LABELS: Record<LogProtocol, string> = Object.fromEntries(
  LOG_PROTOCOLS.map((p) => [p, protocolLabel(p)]),
) as Record<LogProtocol, string>;

export const LOG_GROUPS = ['packets', 'drops', 'states', 'errors'] as const;
export type LogGroup = (typeof LOG_GROUPS)[number];
/** The type filter's choice for people, in `language`: `Packets`, `State changes`. */
export function groupLabel(group: LogGroup, language: Language = ENGLISH): string {
  return narratePhrases.in(language).say(`group.${group}`);
}
/** The type filter's choices in English. */
export const GROUP_LABELS: Record<LogGroup, string> = Object.fromEntries(
  LOG_GROUPS.map((g) => [g, groupLabel(g)]),
) as Record<LogGroup, string>;

/** What a record is about. `protocols` and `groups` are bit sets over the lists above. */
export interface RecordTags {
  nodes: readonly string[];
  /** The link a record without a node is about (`link.state`, `link.change`), else null. */
  link: string | null;
  protocols: number;
  groups: number;
  /** The key of the conversation the record belongs to (logConnections.ts), or null. */
  conn: string | null;
}

/** The log shows entries matching every dimension that is set (null: any). */
export interface LogFilter {
  node: string | null;
  protocol: LogProtocol | null;
  group: LogGroup | null;
  /** A conversation's key (LogConnection.key): only the records tied to it. */
  connection?: string | null;
}

export const NO_FILTER: LogFilter = { node: null, protocol: null, group: null, connection: null };

const P = Object.fromEntries(LOG_PROTOCOLS.map((p, i) => [p, 1 << i])) as Record<
  LogProtocol,
  number
>;
const G = Object.fromEntries(LOG_GROUPS.map((g, i) => [g, 1 << i])) as Record<LogGroup, number>;
const IP_PROTOCOLS: Record<number, number> = { 1: P.icmp, 6: P.tcp, 17: P.udp };
const ALL_PROTOCOLS = LOG_PROTOCOLS.reduce((bits, p) => bits | P[p], 0);

/** A frame's protocol bit; a fragment (raw) is its datagram's protocol's. */
function packetProtocol(frame: Frame): number {
  if (isLinkFrame(frame)) return 0; // ARP and BPDUs are the link layer's: tagged `link` with every frame
  const t = frame.transport;
  return t.kind === 'raw' ? (IP_PROTOCOLS[t.protocol] ?? 0) : P[t.kind];
}

/** Record types of the network and transport layers (the rest is the application layer). */
const NETWORK_RECORDS = /^(?:link|queue|ip|arp|switch|socket|tcp|sim|fw|nat)\./;

/** The log group of each kind's records, as its view says. */
const KIND_GROUPS = new Map<string, (record: TraceRecord) => LogGroup>();
for (const view of [...APP_VIEWS, ...ACTION_VIEWS].reverse())
  for (const [type, group] of Object.entries(view.logGroups ?? {})) KIND_GROUPS.set(type, group);

/** Packets seen so far, by id, as protocol bits and whether they are ICMP errors. */
type PacketInfo = Map<number, { protocol: number; error: boolean }>;

function tags(nodes: readonly string[], protocols: number, groups: number): RecordTags {
  return { nodes, link: null, protocols, groups, conn: null };
}

/** The tags of one record; `packets` remembers packets by id for later records that name one. */
export function tagRecord(record: TraceRecord, packets: PacketInfo): RecordTags {
  const of = (pkt: number) => packets.get(pkt) ?? { protocol: 0, error: false };
  switch (record.type) {
    case 'link.txBegin':
    case 'link.rx': {
      const frame = record.packet;
      const info = {
        protocol: packetProtocol(frame),
        error: !isLinkFrame(frame) && isIcmpError(frame),
      };
      packets.set(record.pkt, info);
      const groups = G.packets | (info.error ? G.errors : 0);
      return tags([record.node], P.link | info.protocol, groups);
    }
    case 'link.txEnd':
    case 'link.impair':
    case 'link.corrupt':
      return tags([record.node], P.link | of(record.pkt).protocol, G.packets);
    case 'queue.drop':
    case 'link.lost':
      return tags([record.node], P.link | of(record.pkt).protocol, G.drops);
    case 'queue.length':
      return tags([record.node], P.link, G.states);
    case 'link.state':
    case 'link.change':
      return { nodes: [], link: record.link, protocols: P.link, groups: G.states, conn: null };
    case 'iface.state':
      return tags([record.node], P.link, G.states);
    // A crash ends everything on the node, whatever the protocol; a restart starts it again.
    case 'node.crash':
      return tags([record.node], ALL_PROTOCOLS, G.states | G.errors);
    case 'node.restart':
      return tags([record.node], ALL_PROTOCOLS, G.states);
    case 'switch.learn':
      return tags([record.node], P.link, G.states);
    // ARP belongs to the link layer: its questions and answers are packets, its cache states.
    case 'arp.request':
    case 'arp.reply':
    case 'arp.announce':
      return tags([record.node], P.link, G.packets);
    case 'arp.learn':
    case 'arp.expire':
    case 'arp.forget':
      return tags([record.node], P.link, G.states);
    case 'arp.fail':
      return tags([record.node], P.link, G.drops | G.errors);
    case 'switch.forward':
      return tags([record.node], P.link | of(record.pkt).protocol, G.packets);
    case 'switch.filter':
      return tags([record.node], P.link | of(record.pkt).protocol, G.drops);
    case 'ip.forward': {
      const info = of(record.pkt);
      return tags([record.node], info.protocol, G.packets | (info.error ? G.errors : 0));
    }
    case 'ip.deliver':
      return tags([record.node], IP_PROTOCOLS[record.protocol] ?? 0, G.packets);
    case 'ip.drop':
      return tags([record.node], of(record.pkt).protocol, G.drops);
    case 'transport.drop':
      return tags([record.node], P[record.protocol], G.drops);
    case 'ip.fragment': {
      const info = { protocol: packetProtocol(record.packet), error: isIcmpError(record.packet) };
      packets.set(record.pkt, info);
      return tags([record.node], info.protocol, G.packets);
    }
    case 'ip.reassemble': {
      const info = { protocol: packetProtocol(record.packet), error: isIcmpError(record.packet) };
      packets.set(record.pkt, info);
      return tags([record.node], info.protocol, G.packets);
    }
    case 'ip.reassemblyTimeout':
      return tags([record.node], IP_PROTOCOLS[record.protocol] ?? 0, G.drops | G.errors);
    // Learned from ICMP, about every protocol's packets to the destination.
    case 'ip.pmtu':
      return tags([record.node], P.icmp, G.states);
    case 'tcp.pathMtu':
      return tags([record.node], P.tcp, G.states);
    case 'fw.verdict':
      return tags(
        [record.node],
        of(record.pkt).protocol,
        record.verdict === 'ACCEPT' ? G.packets : G.drops,
      );
    case 'fw.log':
      return tags([record.node], of(record.pkt).protocol, G.packets);
    case 'fw.conntrack':
      return tags([record.node], IP_PROTOCOLS[record.protocol] ?? 0, G.states);
    // NAT works on the network layer: its records are its packets' protocol's.
    case 'nat.translate':
      return tags([record.node], of(record.pkt).protocol, G.packets);
    case 'nat.unmatched':
    case 'nat.drop':
      return tags([record.node], of(record.pkt).protocol, G.drops);
    case 'nat.map':
    case 'nat.expire':
      return tags([record.node], P[record.protocol], G.states);
    case 'socket.state':
    case 'tcp.cwnd':
    case 'tcp.rto':
      return tags([record.node], P.tcp, G.states);
    case 'tcp.retransmit':
      return tags([record.node], P.tcp, G.packets);
    case 'tcp.refused':
      return tags([record.node], P.tcp, G.errors);
    case 'tcp.synDropped':
    case 'tcp.synQueueFull':
    case 'tcp.cookieDropped':
      return tags([record.node], P.tcp, G.drops);
    case 'tcp.synCookie':
      return tags([record.node], P.tcp, G.packets);
    case 'tcp.cookieAck':
      return tags([record.node], P.tcp, G.states);
    case 'socket.bind':
    case 'socket.release':
      return tags([record.node], P[record.protocol], G.states);
    case 'socket.error':
      return tags([record.node], P[record.protocol], G.errors);
    case 'app.state':
      return tags([record.node], P.app, G.states);
    case 'app.error':
    case 'server.refuse':
    case 'client.retry':
    case 'client.giveUp':
      return tags([record.node], P.app, G.errors);
    case 'server.limit':
      return tags([record.node], P.app, G.drops);
    case 'sim.start':
    case 'sim.end':
      return tags([], 0, 0);
    default: {
      // The CPU scheduler, server processes and every kind's records are the application
      // layer's; a kind's view says which group each of its records is in.
      const { node } = record as { node?: unknown };
      if (typeof node === 'string' && !NETWORK_RECORDS.test(record.type)) {
        const group = KIND_GROUPS.get(record.type)?.(record) ?? 'states';
        return tags([node], P.app, G[group]);
      }
      return unknownTags(record as { type: string } & Record<string, unknown>);
    }
  }
}

/** A record type added after this file: its node and link fields, its packet's protocol. */
function unknownTags(record: Record<string, unknown>): RecordTags {
  const node = typeof record.node === 'string' ? [record.node] : [];
  const link = typeof record.link === 'string' ? record.link : null;
  const packet = record.packet as Frame | undefined;
  const protocol =
    packet && ('transport' in packet || 'arp' in packet || 'bpdu' in packet)
      ? packetProtocol(packet)
      : 0;
  return {
    nodes: node,
    link: node.length ? null : link,
    protocols: (link ? P.link : 0) | protocol,
    groups: 0,
    conn: null,
  };
}

interface TagState {
  tags: RecordTags[];
  packets: PacketInfo;
  connections: ConnectionTracker;
  /** The conversation of each record read by `connections` (kept apart from the tags, so the
   * connection list can grow without making a tag object per record). */
  conns: (string | null)[];
}
const memo = new WeakMap<TraceRecords, TagState>();

/** The state of one records array, its conversations read up to `count`. */
function connectionState(records: TraceRecords, count: number): TagState {
  let state = memo.get(records);
  if (!state) {
    state = { tags: [], packets: new Map(), connections: new ConnectionTracker(), conns: [] };
    memo.set(records, state);
  }
  const end = Math.min(count, records.length);
  for (let i = state.conns.length; i < end; i++) {
    state.conns.push(state.connections.connectionOf(records.get(i)));
  }
  return state;
}

/**
 * Tags of `records[0..count-1]`, computed once per records array and extended as it grows (a
 * drop names its packet by id, so tagging a record needs the records before it).
 */
export function recordTags(records: TraceRecords, count = records.length): RecordTags[] {
  const state = connectionState(records, count);
  const end = Math.min(count, records.length);
  for (let i = state.tags.length; i < end; i++) {
    const t = tagRecord(records.get(i), state.packets);
    t.conn = state.conns[i] ?? null;
    state.tags.push(t);
  }
  return state.tags;
}

/**
 * The conversations in `records[0..count-1]`, in the order they began: one array that grows as
 * more records are read (each record is read once, whichever of these functions reads it).
 */
export function logConnections(
  records: TraceRecords,
  count = records.length,
): readonly LogConnection[] {
  return connectionState(records, count).connections.list;
}

/** The conversation of packet `pkt`, or null (after reading `records` up to `count`). */
export function packetConnection(
  records: TraceRecords,
  pkt: number,
  count = records.length,
): string | null {
  return connectionState(records, count).connections.packet(pkt);
}

/** Whether a record's tags pass the filter; `nodeLinks` are the links that touch `filter.node`. */
export function matches(
  t: RecordTags,
  filter: LogFilter,
  nodeLinks: ReadonlySet<string> = new Set(),
): boolean {
  if (filter.protocol !== null && (t.protocols & P[filter.protocol]) === 0) return false;
  if (filter.group !== null && (t.groups & G[filter.group]) === 0) return false;
  if (filter.connection != null && t.conn !== filter.connection) return false;
  if (filter.node !== null && !t.nodes.includes(filter.node)) {
    if (t.link === null || !nodeLinks.has(t.link)) return false;
  }
  return true;
}

/** Whether any dimension of the filter is set. */
export function isFiltering(filter: LogFilter): boolean {
  return (
    filter.node !== null ||
    filter.protocol !== null ||
    filter.group !== null ||
    filter.connection != null
  );
}

/** The ids of the links with an end on `node` (ends are `node` or `node:iface`). */
export function linksOfNode(links: readonly { id: string; a: string; b: string }[], node: string) {
  const at = (end: string) => end === node || end.startsWith(`${node}:`);
  return new Set(links.filter((l) => at(l.a) || at(l.b)).map((l) => l.id));
}

/** The log entries (each naming its record by `index`) whose records pass the filter. */
export function filterEntries<E extends { index: number }>(
  entries: readonly E[],
  records: TraceRecords,
  filter: LogFilter,
  nodeLinks?: ReadonlySet<string>,
): E[] {
  if (!isFiltering(filter)) return entries.slice();
  let last = -1;
  for (const e of entries) if (e.index > last) last = e.index;
  const all = recordTags(records, last + 1);
  return entries.filter((e) => {
    const t = all[e.index];
    return t !== undefined && matches(t, filter, nodeLinks);
  });
}

/** A list of time-ordered entries read one at a time: a FilteredLog, or an array (entryList). */
export interface TimedEntries {
  readonly length: number;
  /** The time (ns) of the k-th entry. */
  timeAt(k: number): number;
  /** The sentence of the k-th entry. */
  textAt(k: number): string;
}

/** An array of entries as TimedEntries. */
export function entryList(entries: readonly { t: number; text: string }[]): TimedEntries {
  const at = (k: number) => {
    const entry = entries[k];
    if (entry === undefined) throw new RangeError(`no entry ${k}`);
    return entry;
  };
  return {
    length: entries.length,
    timeAt: (k) => at(k).t,
    textAt: (k) => at(k).text,
  };
}

/** How many of the time-ordered entries happened at or before `time` (binary search). */
export function countUntil(
  entries: readonly { t: number }[] | Pick<TimedEntries, 'length' | 'timeAt'>,
  time: number,
): number {
  const timeAt =
    'timeAt' in entries
      ? (k: number) => entries.timeAt(k)
      : (k: number) => (entries[k] as { t: number }).t;
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeAt(mid) <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Which entries happened after `from` and up to `to` (what happened as time moved forward to
 * `to`): positions `start` to `end` (exclusive).
 */
export function entriesBetween(
  entries: Pick<TimedEntries, 'length' | 'timeAt'>,
  from: number,
  to: number,
): { start: number; end: number } {
  return { start: countUntil(entries, from), end: countUntil(entries, to) };
}

/** Where the live narration stands: the run it follows and the time it has announced up to. */
export interface Narrated<R> {
  run: R | null | undefined;
  until: number;
}

/**
 * What the log's live region says when the view moves to `now`: the entries since the last
 * announcement, only when time moved forward in the same run (a new run is announced from its
 * start only if it is shown from time 0). `text` is null to leave the region as it is, '' to
 * clear it. Long stretches are summed up with the latest three entries, in `language`.
 */
export function narrationStep<R>(
  prev: Narrated<R>,
  run: R | null,
  now: number,
  entries: TimedEntries,
  formatTime: (ns: number) => string,
  language: Language = ENGLISH,
): { next: Narrated<R>; text: string | null } {
  let from = prev.until;
  let text: string | null = null;
  if (run !== prev.run) {
    from = now > 0 ? now : -1;
    text = '';
  }
  const next = { run, until: now };
  if (now < from) return { next, text: '' };
  if (now === from) return { next, text };
  const { start, end } = entriesBetween(entries, from, now);
  const fresh = end - start;
  if (fresh <= 0) return { next, text };
  const latest: string[] = [];
  for (let k = Math.max(start, end - 3); k < end; k++) latest.push(entries.textAt(k));
  return {
    next,
    text:
      fresh <= 3
        ? latest.join(' ')
        : narratePhrases.in(language).say('live.many', {
            count: formatCount(fresh, language),
            time: formatTime(now),
            latest: latest.join(' '),
          }),
  };
}
