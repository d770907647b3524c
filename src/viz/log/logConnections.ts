// The conversations of a run, for the event log's connection filter: each TCP connection, UDP
// flow and ICMP echo exchange, found as the records arrive, and which records belong to which.
// A record is tied to a conversation only when the trace says so: a packet's own addresses and
// ports (for every record that names the packet by id), a TCP socket's `conn`, an application's
// `conn` or `client`, or a message number the application used on a tied packet.

import type { TraceRecord } from '../../engine/trace.ts';
import '../../net/link/linkTrace.ts';
import '../../machines/tcp/tcpTrace.ts';
import '../../net/transport/socketTrace.ts';
import '../../sim/appTrace.ts';
import '../../machines/server/serverTrace.ts';
import { readQuote } from '../../net/wire/icmpErrors.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

/** One end of a conversation: an address and, for TCP and UDP, a port. */
export interface ConnectionEnd {
  address: string;
  port: number | null;
}

/** One conversation of the run. */
export interface LogConnection {
  /** `tcp 10.0.0.1:49152|10.0.0.2:80` (ends sorted), `icmp 10.0.0.1|10.0.0.2 #7` (echo id). */
  key: string;
  protocol: 'tcp' | 'udp' | 'icmp';
  /** The end that opened it (sent its first packet, or its SYN), then the other. */
  ends: readonly [ConnectionEnd, ConnectionEnd];
  /** When it was first seen (ns). */
  first: number;
}

const IP_NAMES: Record<number, 'tcp' | 'udp' | 'icmp'> = { 1: 'icmp', 6: 'tcp', 17: 'udp' };

/** `10.0.0.1:80` (or a bare address) read into an end; undefined when it is not one. */
function parseEnd(text: string): ConnectionEnd | undefined {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d+))?$/.exec(text);
  if (!m) return undefined;
  return { address: m[1] as string, port: m[2] === undefined ? null : Number(m[2]) };
}

const endText = (e: ConnectionEnd): string =>
  e.port === null ? e.address : `${e.address}:${e.port}`;

/** A conversation's key from its protocol, ends and (ICMP echo) identifier; ends in any order. */
export function connectionKey(
  protocol: LogConnection['protocol'],
  a: ConnectionEnd,
  b: ConnectionEnd,
  echoId?: number,
): string {
  const [x, y] = [endText(a), endText(b)];
  const ends = x <= y ? `${x}|${y}` : `${y}|${x}`;
  return echoId === undefined ? `${protocol} ${ends}` : `${protocol} ${ends} #${echoId}`;
}

/** A packet's conversation: its protocol, ends (sender first) and key, or undefined. */
function packetConversation(
  packet: Packet,
):
  | { protocol: LogConnection['protocol']; ends: [ConnectionEnd, ConnectionEnd]; key: string }
  | undefined {
  const t = packet.transport;
  const src = formatIpv4(packet.ip.src);
  const dst = formatIpv4(packet.ip.dst);
  if (t.kind === 'tcp' || t.kind === 'udp') {
    const ends: [ConnectionEnd, ConnectionEnd] = [
      { address: src, port: t.srcPort },
      { address: dst, port: t.dstPort },
    ];
    return { protocol: t.kind, ends, key: connectionKey(t.kind, ...ends) };
  }
  if (t.kind !== 'icmp') return undefined;
  if (t.message === 'echoRequest' || t.message === 'echoReply') {
    const ends: [ConnectionEnd, ConnectionEnd] = [
      { address: src, port: null },
      { address: dst, port: null },
    ];
    return { protocol: 'icmp', ends, key: connectionKey('icmp', ...ends, t.identifier) };
  }
  if (t.message === 'other') return undefined;
  // An ICMP error belongs to the conversation of the datagram it quotes.
  return quotedConversation(packet.payload);
}

function quotedConversation(payload: Uint8Array): ReturnType<typeof packetConversation> {
  const quote = readQuote(payload);
  if (!quote.ok) return undefined;
  const q = quote.quoted;
  const protocol = IP_NAMES[q.protocol];
  if (protocol === undefined) return undefined;
  const src = formatIpv4(q.ip.src);
  const dst = formatIpv4(q.ip.dst);
  if (protocol === 'icmp') {
    // The quoted echo's identifier: bytes 4-5 after the quoted IP header, when quoted.
    const at = ((payload[0] ?? 0) & 0x0f) * 4 + 4;
    if (payload.length < at + 2) return undefined;
    const id = ((payload[at] as number) << 8) | (payload[at + 1] as number);
    const ends: [ConnectionEnd, ConnectionEnd] = [
      { address: src, port: null },
      { address: dst, port: null },
    ];
    return { protocol, ends, key: connectionKey(protocol, ...ends, id) };
  }
  if (q.srcPort === undefined || q.dstPort === undefined) return undefined;
  const ends: [ConnectionEnd, ConnectionEnd] = [
    { address: src, port: q.srcPort },
    { address: dst, port: q.dstPort },
  ];
  return { protocol, ends, key: connectionKey(protocol, ...ends) };
}

/** Records whose `pkt` names the packet they are about. */
const BY_PACKET = new Set([
  'link.txEnd',
  'link.impair',
  'link.corrupt',
  'queue.drop',
  'link.lost',
  'switch.forward',
  'switch.filter',
  'ip.forward',
  'ip.deliver',
  'ip.drop',
  'transport.drop',
  'tcp.refused',
  'tcp.synDropped',
  'tcp.synQueueFull',
  'tcp.synCookie',
  'tcp.cookieAck',
  'tcp.cookieDropped',
]);

/** Pinger records numbered like the request they follow. */
const BY_ECHO_SEQ = new Set(['app.reply', 'app.timeout', 'app.lateReply', 'app.giveUp']);

/**
 * Finds the run's conversations and ties records to them, one record at a time, in trace order
 * (a later record may name a packet, socket or request seen earlier).
 */
export class ConnectionTracker {
  /** The conversations, in the order they were first seen. */
  readonly list: LogConnection[] = [];
  private readonly byKey = new Map<string, LogConnection>();
  private readonly byPacket = new Map<number, string | null>();
  /** `node|49152>10.0.0.2:80`: a client's own form of its connection. */
  private readonly clientForm = new Map<string, string>();
  /** `node|10.0.0.1:49152`: a server's name of its peer's end (the latest conversation). */
  private readonly serverForm = new Map<string, string>();
  /** `node|app|seq` (pinger) or `node|app|#req` (server): a message's conversation. */
  private readonly messages = new Map<string, string>();

  /** The key of the conversation `record` belongs to, or null. */
  connectionOf(record: TraceRecord): string | null {
    switch (record.type) {
      case 'link.txBegin':
      case 'link.rx': {
        if (!carriesIp(record)) {
          this.byPacket.set(record.pkt, null); // ARP belongs to no conversation
          return null;
        }
        const found = packetConversation(record.packet);
        // A fragment has no ports: it is its datagram's (ip.fragment tied it before).
        const key = found
          ? this.add(found.key, found.protocol, found.ends, record.t)
          : (this.byPacket.get(record.pkt) ?? null);
        this.byPacket.set(record.pkt, key);
        const t = record.packet.transport;
        if (key !== null && record.type === 'link.rx' && (t.kind === 'tcp' || t.kind === 'udp')) {
          this.serverForm.set(
            `${record.node}|${formatIpv4(record.packet.ip.src)}:${t.srcPort}`,
            key,
          );
        }
        return key;
      }
      case 'ip.fragment': {
        const found = packetConversation(record.packet);
        const key = found
          ? this.add(found.key, found.protocol, found.ends, record.t)
          : (this.byPacket.get(record.pkt) ?? null);
        this.byPacket.set(record.pkt, key);
        for (const id of record.fragments) this.byPacket.set(id, key);
        return key;
      }
      case 'ip.reassemble': {
        const found = packetConversation(record.packet);
        const key = found
          ? this.add(found.key, found.protocol, found.ends, record.t)
          : (this.byPacket.get(record.fragments[0] ?? -1) ?? null);
        this.byPacket.set(record.pkt, key);
        return key;
      }
      case 'ip.reassemblyTimeout':
        return this.byPacket.get(record.fragments[0] ?? -1) ?? null;
      case 'socket.state':
      case 'tcp.cwnd':
      case 'tcp.rto':
      case 'tcp.pathMtu':
      case 'tcp.retransmit':
        return this.socketName(
          record.node,
          record.conn,
          record.t,
          record.type === 'socket.state' && record.state === 'SYN-RECEIVED',
        );
      case 'socket.error':
        return record.protocol === 'tcp'
          ? this.socketName(record.node, record.socket, record.t)
          : null;
      case 'app.request':
      case 'app.serve': {
        const key = this.byPacket.get(record.pkt) ?? null;
        if (key !== null && record.type === 'app.request') {
          this.messages.set(`${record.node}|${record.app}|${record.seq}`, key);
        }
        return key;
      }
      case 'app.receive':
        return this.serverForm.get(`${record.node}|${record.client}`) ?? null;
      case 'server.work':
      case 'server.reply':
        return this.messages.get(`${record.node}|${record.app}|#${record.req}`) ?? null;
      case 'server.request': {
        const key = this.appConn(record.node, record.conn, record.t);
        if (key !== null) this.messages.set(`${record.node}|${record.app}|#${record.req}`, key);
        return key;
      }
      default:
        break;
    }
    if (BY_PACKET.has(record.type)) {
      return this.byPacket.get((record as { pkt: number }).pkt) ?? null;
    }
    if (BY_ECHO_SEQ.has(record.type)) {
      const r = record as { node: string; app: string; seq: number };
      return this.messages.get(`${r.node}|${r.app}|${r.seq}`) ?? null;
    }
    return this.otherRecord(record as { t: number } & Record<string, unknown>);
  }

  /** An application's record: its `conn` in any of the three forms, or its `client` end. */
  private otherRecord(record: { t: number } & Record<string, unknown>): string | null {
    const { node, conn, client, local, remote } = record;
    if (typeof node !== 'string') return null;
    if (typeof conn === 'string') return this.appConn(node, conn, record.t);
    if (typeof client === 'string') return this.serverForm.get(`${node}|${client}`) ?? null;
    if (typeof local === 'string' && typeof remote === 'string') {
      return this.socketName(node, `${local}>${remote}`, record.t);
    }
    return null;
  }

  /** `10.0.0.1:49152>10.0.0.2:80`, `49152>10.0.0.2:80` or `10.0.0.1:49152` at `node`. */
  private appConn(node: string, conn: string, t: number): string | null {
    const arrow = conn.indexOf('>');
    if (arrow < 0) return this.serverForm.get(`${node}|${conn}`) ?? null;
    if (/^\d+$/.test(conn.slice(0, arrow))) return this.clientForm.get(`${node}|${conn}`) ?? null;
    return this.socketName(node, conn, t);
  }

  /** A TCP socket's name at `node` (`local>remote`); `accepted`: the remote end opened it. */
  private socketName(node: string, conn: string, t: number, accepted = false): string | null {
    const [localText = '', remoteText = ''] = conn.split('>');
    const local = parseEnd(localText);
    const remote = parseEnd(remoteText);
    if (!local || !remote || local.port === null || remote.port === null) return null;
    const ends: [ConnectionEnd, ConnectionEnd] = accepted ? [remote, local] : [local, remote];
    const key = this.add(connectionKey('tcp', local, remote), 'tcp', ends, t);
    this.clientForm.set(`${node}|${local.port}>${remoteText}`, key);
    this.serverForm.set(`${node}|${remoteText}`, key);
    return key;
  }

  private add(
    key: string,
    protocol: LogConnection['protocol'],
    ends: readonly [ConnectionEnd, ConnectionEnd],
    t: number,
  ): string {
    // The conversation's own key string is returned, so the many records of one conversation
    // share one string rather than each keeping a copy (the log keeps one per record).
    const known = this.byKey.get(key);
    if (known) return known.key;
    const connection = { key, protocol, ends, first: t };
    this.byKey.set(key, connection);
    this.list.push(connection);
    return key;
  }

  /** The conversation of a key, if seen. */
  get(key: string): LogConnection | undefined {
    return this.byKey.get(key);
  }

  /** The conversation of a packet seen so far, or null. */
  packet(pkt: number): string | null {
    return this.byPacket.get(pkt) ?? null;
  }
}
