// A packet in the trace: the version each hop carried (routers re-create packets, so TTLs
// differ), its journey, its TCP connection's initial sequence numbers and its application message.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { TraceRecord, TraceRecords, TraceType } from '../../engine/trace.ts';
import { recordsOfTypes } from '../../engine/traceRecords.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import type { Packet } from '../../net/wire/packet.ts';
import type { Frame } from '../../net/wire/frame.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';
import type { AppMessage, TcpIsns } from '../dissect/packetFields.ts';
import { packetPhrases } from './packetPhrases.ts';

/** One hop of a packet: the `link.txBegin` that put it on a link, with the bytes of that hop. */
export interface PacketHop {
  link: string;
  /** The sending node and interface of this hop. */
  node: string;
  iface: string;
  t: number;
  /** What this hop carried: an IP packet with its frame's addresses, or an ARP frame. */
  packet: Frame;
}

/** The hops a packet took, in order (one per `link.txBegin`). */
export function packetHops(records: TraceRecords, pkt: number): PacketHop[] {
  const hops: PacketHop[] = [];
  for (const r of recordsOfTypes(records, ['link.txBegin'])) {
    if (r.pkt === pkt) {
      hops.push({ link: r.link, node: r.node, iface: r.iface, t: r.t, packet: r.packet });
    }
  }
  return hops;
}

/**
 * The version of a packet to show: the hop on `link` (any link when null) that began at or
 * before `time`, the latest such; else the first hop at all. Undefined if it was never sent.
 */
export function packetVersion(
  hops: readonly PacketHop[],
  link: string | null,
  time: number,
): PacketHop | undefined {
  const onLink = link === null ? hops : hops.filter((h) => h.link === link);
  const candidates = onLink.length > 0 ? onLink : hops;
  let chosen: PacketHop | undefined;
  for (const h of candidates) if (h.t <= time) chosen = h;
  return chosen ?? candidates[0];
}

/** What happened to a packet, one step of its journey. */
export interface JourneyStep {
  t: number;
  kind: 'sent' | 'arrived' | 'delivered' | 'lost' | 'dropped' | 'fragmented' | 'reassembled';
  node: string;
  link?: string;
  reason?: string;
  /**
   * `fragmented`: the fragments' ids it was cut into. `reassembled`: the datagram's id, the
   * packet it became (for one of its fragments) or is (for the datagram itself).
   */
  packets?: number[];
}

/** The phrase of each drop reason of the trace. */
const DROP_KEYS = {
  queueFull: 'drop.queueFull',
  loss: 'drop.loss',
  linkDown: 'drop.linkDown',
  ttl: 'drop.ttl',
  noRoute: 'drop.noRoute',
  notForMe: 'drop.notForMe',
  noProtocol: 'drop.noProtocol',
  notConnected: 'drop.notConnected',
  filtered: 'drop.filtered',
  nodeDown: 'drop.nodeDown',
  interfaceDown: 'drop.interfaceDown',
  badChecksum: 'drop.badChecksum',
  otherHost: 'drop.otherHost',
  arpFailed: 'drop.arpFailed',
  arpQueueFull: 'drop.arpQueueFull',
  fragmentationNeeded: 'drop.fragmentationNeeded',
  badFragment: 'drop.badFragment',
  // A transport's drop of a damaged segment (`transport.drop`): `${protocol}Checksum`.
  tcpChecksum: 'drop.tcpChecksum',
  udpChecksum: 'drop.udpChecksum',
  icmpChecksum: 'drop.icmpChecksum',
} as const;

/** Why a firewall refused a packet, from its verdict: the rule, or the chain's policy. */
export function firewallDropReason(
  verdict: TraceRecord<'fw.verdict'>,
  language: Language = ENGLISH,
): string {
  const { say } = packetPhrases.in(language);
  const params = { chain: verdict.chain, action: verdict.verdict };
  return verdict.rule === 0
    ? say('drop.filteredPolicy', params)
    : say('drop.filteredRule', { ...params, n: String(verdict.rule) });
}

/** Why a packet was dropped, in words: `queue full`, `TTL ran out` (an unknown reason as it is). */
export function dropReason(reason: string, language: Language = ENGLISH): string {
  return Object.hasOwn(DROP_KEYS, reason)
    ? packetPhrases.in(language).say(DROP_KEYS[reason as keyof typeof DROP_KEYS])
    : reason;
}

const RETRANSMIT_KEYS = {
  timeout: 'retransmit.timeout',
  fastRetransmit: 'retransmit.fastRetransmit',
  partialAck: 'retransmit.partialAck',
  sackRecovery: 'retransmit.sackRecovery',
  pathMtu: 'retransmit.pathMtu',
} as const satisfies Record<TraceRecord<'tcp.retransmit'>['reason'], string>;

/** Why a segment was sent again, in words: `timeout`, `fast retransmit`, `partial ACK`. */
export function retransmitReason(
  reason: TraceRecord<'tcp.retransmit'>['reason'],
  language: Language = ENGLISH,
): string {
  return packetPhrases.in(language).say(RETRANSMIT_KEYS[reason]);
}

/** The record types of a packet's journey (packetJourney). */
const JOURNEY_TYPES: ReadonlySet<TraceType> = new Set<TraceType>([
  'link.txBegin',
  'link.rx',
  'ip.deliver',
  'link.lost',
  'queue.drop',
  'ip.drop',
  'transport.drop',
  'fw.verdict',
  'tcp.synDropped',
  'tcp.synQueueFull',
  'tcp.cookieDropped',
  'ip.fragment',
  'ip.reassemble',
  'ip.reassemblyTimeout',
]);

/** Every step of a packet's journey in the trace, in time order (reasons in `language`). */
export function packetJourney(
  records: TraceRecords,
  pkt: number,
  language: Language = ENGLISH,
): JourneyStep[] {
  const steps: JourneyStep[] = [];
  let verdict: TraceRecord<'fw.verdict'> | undefined;
  for (const r of recordsOfTypes(records, JOURNEY_TYPES)) {
    // A fragment's journey goes on in its datagram's reassembly, or ends when that timed out.
    if (r.type === 'ip.reassemble' && (r.pkt === pkt || r.fragments.includes(pkt))) {
      steps.push({ t: r.t, kind: 'reassembled', node: r.node, packets: [r.pkt] });
      continue;
    }
    if (r.type === 'ip.reassemblyTimeout') {
      if (r.fragments.includes(pkt)) {
        const reason = packetPhrases.in(language).say('drop.reassemblyTimeout');
        steps.push({ t: r.t, kind: 'dropped', node: r.node, reason });
      }
      continue;
    }
    if (!('pkt' in r) || r.pkt !== pkt) continue;
    switch (r.type) {
      case 'ip.fragment':
        steps.push({ t: r.t, kind: 'fragmented', node: r.node, packets: r.fragments });
        break;
      case 'fw.verdict':
        verdict = r;
        break;
      case 'link.txBegin':
        steps.push({ t: r.t, kind: 'sent', node: r.node, link: r.link });
        break;
      case 'link.rx':
        steps.push({ t: r.t, kind: 'arrived', node: r.node, link: r.link });
        break;
      case 'ip.deliver':
        steps.push({ t: r.t, kind: 'delivered', node: r.node });
        break;
      case 'link.lost':
        steps.push({
          t: r.t,
          kind: 'lost',
          node: r.node,
          link: r.link,
          reason: dropReason(r.reason, language),
        });
        break;
      case 'queue.drop':
        steps.push({
          t: r.t,
          kind: 'dropped',
          node: r.node,
          link: r.link,
          reason: dropReason(r.reason, language),
        });
        break;
      case 'ip.drop':
        steps.push({
          t: r.t,
          kind: 'dropped',
          node: r.node,
          reason:
            r.reason === 'filtered' && verdict?.node === r.node
              ? firewallDropReason(verdict, language)
              : dropReason(r.reason, language),
        });
        break;
      case 'transport.drop':
        steps.push({
          t: r.t,
          kind: 'dropped',
          node: r.node,
          reason: dropReason(`${r.protocol}Checksum`, language),
        });
        break;
      case 'tcp.synDropped':
        steps.push({
          t: r.t,
          kind: 'dropped',
          node: r.node,
          reason: packetPhrases.in(language).say('drop.backlogFull'),
        });
        break;
      case 'tcp.synQueueFull':
      case 'tcp.cookieDropped':
        steps.push({
          t: r.t,
          kind: 'dropped',
          node: r.node,
          reason: packetPhrases
            .in(language)
            .say(r.type === 'tcp.synQueueFull' ? 'drop.synQueueFull' : 'drop.acceptQueueFull'),
        });
        break;
    }
  }
  return steps;
}

/** `10.0.0.1:49152>10.0.0.2:80`: one direction of a TCP connection, as the trace names it. */
export function directionKey(packet: Packet): string | undefined {
  const t = packet.transport;
  if (t.kind !== 'tcp') return undefined;
  return `${formatIpv4(packet.ip.src)}:${t.srcPort}>${formatIpv4(packet.ip.dst)}:${t.dstPort}`;
}

/** A packet's two ends as text: `10.0.0.1:49152` for TCP and UDP, the bare address otherwise. */
export function packetEnds(packet: Packet): { src: string; dst: string } {
  const t = packet.transport;
  const ports = t.kind === 'tcp' || t.kind === 'udp';
  return {
    src: `${formatIpv4(packet.ip.src)}${ports ? `:${t.srcPort}` : ''}`,
    dst: `${formatIpv4(packet.ip.dst)}${ports ? `:${t.dstPort}` : ''}`,
  };
}

/** The opposite direction of a key from directionKey. */
export function reverseKey(key: string): string {
  const [a = '', b = ''] = key.split('>');
  return `${b}>${a}`;
}

/** A SYN of one direction: when it was sent, its ISN and its window scale shift, if offered. */
export interface SynSeen {
  t: number;
  isn: number;
  windowShift?: number;
}

/** Initial sequence numbers seen per direction: the SYNs sent, with their times. */
export type IsnIndex = Map<string, SynSeen[]>;

/** Indexes the SYN of every TCP direction in the trace (first hops only, retransmissions once). */
export function isnIndex(records: TraceRecords): IsnIndex {
  const index: IsnIndex = new Map();
  for (const r of recordsOfTypes(records, ['link.txBegin'])) {
    if (!carriesIp(r)) continue;
    const t = r.packet.transport;
    if (t.kind !== 'tcp' || !t.flags.syn) continue;
    const key = directionKey(r.packet) as string;
    const list = index.get(key) ?? [];
    if (list.at(-1)?.isn !== t.seq) {
      const scale = t.options.find((o) => o.kind === 'windowScale');
      const seen: SynSeen = { t: r.t, isn: t.seq };
      if (scale?.kind === 'windowScale') seen.windowShift = Math.min(scale.shift, 14);
      list.push(seen);
    }
    index.set(key, list);
  }
  return index;
}

function synAt(index: IsnIndex, key: string, t: number): SynSeen | undefined {
  const list = index.get(key);
  if (!list || list.length === 0) return undefined;
  let chosen = list[0];
  for (const entry of list) if (entry.t <= t) chosen = entry;
  return chosen;
}

/**
 * The ISNs of both sides of a segment's connection, as of time `t`, and its sender's window
 * scale shift when both SYNs offered window scaling (RFC 7323: else neither side scales).
 */
export function segmentIsns(index: IsnIndex, packet: Packet, t: number): TcpIsns {
  const key = directionKey(packet);
  if (key === undefined) return {};
  const sender = synAt(index, key, t);
  const receiver = synAt(index, reverseKey(key), t);
  const shift = sender?.windowShift;
  return {
    ...(sender === undefined ? {} : { sender: sender.isn }),
    ...(receiver === undefined ? {} : { receiver: receiver.isn }),
    ...(shift !== undefined && receiver?.windowShift !== undefined ? { windowShift: shift } : {}),
  };
}

/** The application message a packet carries, when the trace names it (pinger and echo server). */
export function appMessage(records: TraceRecords, pkt: number): AppMessage | undefined {
  for (const r of recordsOfTypes(records, ['app.request', 'app.serve'])) {
    if (r.type === 'app.request' && r.pkt === pkt) {
      return { kind: 'request', seq: r.seq, attempt: r.attempt };
    }
    if (r.type === 'app.serve' && r.pkt === pkt) {
      return { kind: 'reply', seq: r.seq, attempt: r.attempt };
    }
  }
  return undefined;
}

/** `request 3`, `request 3 (retry 1)`, `reply 3`: a message as the ladder and inspector name it. */
export function messageText(message: AppMessage, language: Language = ENGLISH): string {
  const words = packetPhrases.in(language);
  const seq = String(message.seq);
  if (message.attempt <= 0) return words.say(`message.${message.kind}`, { seq });
  return words.say(`message.${message.kind}Retry`, { seq, attempt: String(message.attempt) });
}
