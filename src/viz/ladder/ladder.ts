// The ladder diagram of a conversation: each packet an arrow from its first hop's link.txBegin
// to its link.rx at the destination node, with losses, retransmissions and app messages. Why a
// packet was lost or refused, and the notes when there is no ladder, are in the language asked
// for; the packet's own words (labels, titles, app messages) come from src/viz/packet in English.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { TraceRecord, TraceRecords, TraceType } from '../../engine/trace.ts';
import { recordsOfTypes } from '../../engine/traceRecords.ts';
import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { carriesIp, type IpRecord } from '../../net/link/linkRecords.ts';
import type { ScenarioNode } from '../../sim/index.ts';
import {
  appMessageName,
  relativeSeq,
  packetLabel,
  tcpFlagsLabel,
  directionKey,
  dropReason,
  isnIndex,
  messageText,
  retransmitReason,
  segmentIsns,
} from '../packet/index.ts';
import { ladderPhrases } from './ladderPhrases.ts';
import { dropWords } from './ladderWords.ts';

/** One packet (one arrival of it, when a link duplicated it) on the ladder. */
export interface LadderArrow {
  /** Unique on the ladder: the packet id, with `#2` for a second arrival. */
  key: string;
  pkt: number;
  /** The link of the packet's first hop: selecting the arrow selects the packet as sent. */
  link: string;
  /** Which endpoint sent it (0 or 1). */
  from: 0 | 1;
  /** First bit on the first link. */
  sent: number;
  /** Arrival at the destination node, or null (lost, or not arrived in the trace yet). */
  arrived: number | null;
  /** Where and why it was lost: on a link (`link` set) or at a node (queue full, TTL ran out). */
  lost: { t: number; reason: string; node: string; link?: string } | null;
  /** `SYN seq=0 len=0`, `ACK seq=1 ack=1 len=1460`, `UDP 49466 → 7 len=56`. */
  label: string;
  /** The full label with addresses, for a tooltip and screen readers. */
  title: string;
  /** The application message: `request 2 (retry 1)`, `reply 2`, `GET /index.html`, `HTTP 200`. */
  message: string | null;
  /** Why this is a retransmission (`timeout`, `fast retransmit`, `retry 1`), or null. */
  retransmit: string | null;
  duplicate: boolean;
  /** Bytes of payload the packet carries (TCP or UDP data, not headers). */
  payload: number;
  /** A TCP data segment: payload, and no SYN, FIN or RST (what a run of data segments is made of). */
  data: boolean;
  /** A pure TCP ACK: the ACK flag, no payload, no SYN, FIN or RST (a run may take it in). */
  pureAck: boolean;
  /** The TCP connection, the same both ways (`10.0.0.1:80|10.0.0.2:49152`), or null for others. */
  conn: string | null;
  /** The acknowledgment number as sent (absolute) when the ACK flag is set, else null. */
  ack: number | null;
  /** The destination dropped it on arrival (`backlog full`, `bad TCP checksum`), or null. */
  refused: string | null;
}

export interface Ladder {
  /** The two endpoints' node ids, left then right. */
  endpoints: [string, string];
  arrows: LadderArrow[];
}

/** What the ladder shows: one TCP connection of a node, or everything between two nodes. */
export type LadderScope =
  { kind: 'connection'; node: string; conn: string } | { kind: 'nodes'; a: string; b: string };

interface PacketInfo {
  first: IpRecord<'link.txBegin'>;
  rx: { t: number; node: string }[];
  losses: NonNullable<LadderArrow['lost']>[];
  refused: string | null;
}

/** The node that owns each address of a scenario. */
function addressOwners(nodes: readonly ScenarioNode[]): Map<number, string> {
  const owners = new Map<number, string>();
  for (const n of nodes) {
    for (const i of n.interfaces ?? []) {
      if (i.address && !owners.has(i.address.address)) owners.set(i.address.address, n.id);
    }
  }
  return owners;
}

/** Reads `10.0.0.1:80` into an address and port. */
function parseEnd(text: string): { address: number; port: number } | undefined {
  const [host = '', port = ''] = text.split(':');
  const parsed = parseIpv4(host);
  return parsed.ok && /^\d+$/.test(port)
    ? { address: parsed.address, port: Number(port) }
    : undefined;
}

/** The record types `indexPackets` reads. */
const PACKET_TYPES: ReadonlySet<TraceType> = new Set<TraceType>([
  'link.txBegin',
  'link.rx',
  'link.lost',
  'queue.drop',
  'ip.drop',
  'transport.drop',
  'fw.verdict',
  'tcp.synDropped',
  'tcp.synQueueFull',
  'tcp.cookieDropped',
]);

function indexPackets(records: TraceRecords, language: Language): Map<number, PacketInfo> {
  const because = (reason: string) =>
    language === ENGLISH ? dropReason(reason) : dropWords(reason, language);
  const packets = new Map<number, PacketInfo>();
  // The last firewall verdict of each packet: a drop it caused is marked with its rule.
  const verdicts = new Map<number, TraceRecord<'fw.verdict'>>();
  const filtered = (pkt: number): string => {
    const v = verdicts.get(pkt);
    const { say } = ladderPhrases.in(language);
    if (!v) return say('drop.filtered');
    return v.rule === 0
      ? say('firewall.policy', { chain: v.chain })
      : say('firewall.rule', { chain: v.chain, n: String(v.rule) });
  };
  for (const r of recordsOfTypes(records, PACKET_TYPES)) {
    if (r.type === 'fw.verdict') {
      verdicts.set(r.pkt, r);
      continue;
    }
    if (r.type === 'link.txBegin') {
      // ARP frames are not drawn: the ladder shows what the two ends' IP layers exchange.
      if (!packets.has(r.pkt) && carriesIp(r))
        packets.set(r.pkt, { first: r, rx: [], losses: [], refused: null });
      continue;
    }
    if (!('pkt' in r)) continue;
    const info = packets.get(r.pkt);
    if (!info) continue;
    if (r.type === 'link.rx') info.rx.push({ t: r.t, node: r.node });
    else if (r.type === 'link.lost') {
      info.losses.push({ t: r.t, reason: because(r.reason), node: r.node, link: r.link });
    } else if (r.type === 'queue.drop') {
      info.losses.push({ t: r.t, reason: because(r.reason), node: r.node });
    } else if (r.type === 'ip.drop' && r.reason !== 'notForMe' && r.reason !== 'otherHost') {
      const reason = r.reason === 'filtered' ? filtered(r.pkt) : because(r.reason);
      info.losses.push({ t: r.t, reason, node: r.node });
      // Damaged: dropped by the node it reached, which may be its destination.
      if (r.reason === 'badChecksum') info.refused = reason;
    } else if (r.type === 'transport.drop') {
      // Its destination's TCP, UDP or ICMP found the damage: it arrived, and was dropped there.
      info.refused = because(`${r.protocol}Checksum`);
    } else if (r.type === 'tcp.synDropped')
      info.refused = ladderPhrases.in(language).say('refused.backlogFull');
    else if (r.type === 'tcp.synQueueFull')
      info.refused = ladderPhrases.in(language).say('refused.synQueueFull');
    else if (r.type === 'tcp.cookieDropped')
      info.refused = ladderPhrases.in(language).say('refused.acceptQueueFull');
  }
  return packets;
}

/** A short label: flags and relative numbers for TCP, packetLabel for the rest. */
function shortLabel(packet: Packet, isns: { sender?: number; receiver?: number }): string {
  const t = packet.transport;
  if (t.kind !== 'tcp') return packetLabel(packet);
  const seq = isns.sender === undefined ? t.seq : relativeSeq(t.seq, isns.sender);
  const ack = isns.receiver === undefined ? t.ack : relativeSeq(t.ack, isns.receiver);
  return `${tcpFlagsLabel(t.flags)} seq=${seq}${t.flags.ack ? ` ack=${ack}` : ''} len=${packet.payload.length}`;
}

/**
 * The ladder of a scope from the whole trace (compute it once per trace; `ladderView` then cuts
 * it at the time shown). A listener (`*:port`) has no single peer: the result is an error text.
 */
export function buildLadder(
  records: TraceRecords,
  nodes: readonly ScenarioNode[],
  scope: LadderScope,
  language: Language = ENGLISH,
): Ladder | { error: string } {
  const { say } = ladderPhrases.in(language);
  const owners = addressOwners(nodes);
  let endpoints: [string, string];
  let keep: (packet: Packet, sender: string) => boolean;
  if (scope.kind === 'connection') {
    const [localText = '', remoteText] = scope.conn.split('>');
    const local = parseEnd(localText);
    const remote = remoteText === undefined ? undefined : parseEnd(remoteText);
    if (!local || !remote) {
      return { error: say('error.listener') };
    }
    const peer = owners.get(remote.address);
    if (peer === undefined) return { error: say('error.noOwner', { end: remoteText ?? '' }) };
    endpoints = [scope.node, peer];
    const forward = `${localText}>${remoteText}`;
    const backward = `${remoteText}>${localText}`;
    keep = (packet) => {
      const key = directionKey(packet);
      return key === forward || key === backward;
    };
  } else {
    endpoints = [scope.a, scope.b];
    keep = (packet, sender) => {
      const to = owners.get(packet.ip.dst);
      return (sender === scope.a && to === scope.b) || (sender === scope.b && to === scope.a);
    };
  }

  const isns = isnIndex(records);
  const retransmits = new Map<string, { t: number; reason: string }[]>();
  const messages = new Map<number, string>();
  for (const r of recordsOfTypes(records, ['tcp.retransmit', 'app.request', 'app.serve'])) {
    if (r.type === 'tcp.retransmit') {
      const key = `${r.node}|${r.conn}|${r.seq}`;
      const reason = retransmitReason(r.reason);
      retransmits.set(key, [...(retransmits.get(key) ?? []), { t: r.t, reason }]);
    } else if (r.type === 'app.request' || r.type === 'app.serve') {
      const kind = r.type === 'app.request' ? 'request' : 'reply';
      messages.set(r.pkt, messageText({ kind, seq: r.seq, attempt: r.attempt }));
    }
  }

  const arrows: LadderArrow[] = [];
  const seen = new Set<string>();
  for (const [pkt, info] of indexPackets(records, language)) {
    const { packet, node: sender, t: sent, link } = info.first;
    if (!keep(packet, sender)) continue;
    const from = sender === endpoints[0] ? 0 : 1;
    const t = packet.transport;
    let retransmit: string | null = null;
    if (t.kind === 'tcp') {
      const key = directionKey(packet) as string;
      const length = packet.payload.length + (t.flags.syn ? 1 : 0) + (t.flags.fin ? 1 : 0);
      const segment = `${key}|${t.seq}|${length}`;
      const record = retransmits
        .get(`${sender}|${key}|${t.seq}`)
        ?.filter((x) => x.t <= sent)
        .at(-1);
      if (length > 0 && (seen.has(segment) || record))
        retransmit = record?.reason ?? 'retransmission';
      if (length > 0) seen.add(segment);
    }
    // The trace's own message label (pinger requests), else the application message it starts.
    const message = messages.get(pkt) ?? appMessageName(packet);
    const attempt = /\(retry (\d+)\)$/.exec(message ?? '');
    if (attempt && message?.startsWith('request')) retransmit = `retry ${attempt[1]}`;
    const destination = owners.get(packet.ip.dst);
    const arrivals = info.rx.filter((x) => x.node === destination && x.t >= sent);
    const ends = t.kind === 'tcp' ? (directionKey(packet) ?? '').split('>').sort() : null;
    const base = {
      pkt,
      link,
      from: from as 0 | 1,
      sent,
      label: shortLabel(packet, segmentIsns(isns, packet, sent)),
      title: `${packetLabel(packet, { addresses: true })}${message ? ` (${message})` : ''}`,
      message,
      retransmit,
      payload: packet.payload.length,
      data:
        t.kind === 'tcp' &&
        packet.payload.length > 0 &&
        !t.flags.syn &&
        !t.flags.fin &&
        !t.flags.rst,
      pureAck:
        t.kind === 'tcp' &&
        t.flags.ack &&
        packet.payload.length === 0 &&
        !t.flags.syn &&
        !t.flags.fin &&
        !t.flags.rst,
      conn: ends ? ends.join('|') : null,
      ack: t.kind === 'tcp' && t.flags.ack ? t.ack : null,
    };
    if (arrivals.length === 0) {
      const lost = info.losses.find((x) => x.t >= sent) ?? null;
      arrows.push({
        ...base,
        key: String(pkt),
        arrived: null,
        lost,
        duplicate: false,
        refused: null,
      });
      continue;
    }
    arrivals.forEach((arrival, i) => {
      arrows.push({
        ...base,
        key: i === 0 ? String(pkt) : `${pkt}#${i + 1}`,
        arrived: arrival.t,
        lost: null,
        duplicate: i > 0,
        refused: info.refused,
      });
    });
  }
  arrows.sort((a, b) => a.sent - b.sent);
  return { endpoints, arrows };
}
