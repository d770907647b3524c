// Sentences for the packet network's trace records: links and their queues, IP forwarding and
// drops, switches, and the ICMP errors a node answers with ("Nobody listens on UDP port 9 ...").

import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import type { Packet } from '../../net/wire/packet.ts';
import {
  isIcmpError,
  packetDestination,
  packetKind,
  quotedDatagram,
  tcpSegmentKind,
  tcpSegmentNumbers,
} from '../packet/index.ts';
import type { NetworkNames } from '../names/index.ts';

/** What a log entry is about; the view uses it for a marker and to hide chatty entries. */
export type EntryKind =
  | 'run'
  | 'send'
  | 'deliver'
  | 'forward'
  | 'loss'
  | 'timeout'
  | 'reply'
  | 'error'
  | 'socket'
  | 'link'
  | 'congestion'
  | 'state'
  | 'detail';

export type Said = { kind: EntryKind; text: string };

/**
 * What the packet sentences need besides the record: names, and the packets seen so far by id
 * (`seen` is told of each record that carries one; `packet` gives the latest seen with an id).
 */
export interface PacketContext {
  names: NetworkNames;
  seen(pkt: number, index: number): void;
  packet(pkt: number): Packet | undefined;
}

const PROTOCOLS: Record<number, string> = { 1: 'ICMP', 6: 'TCP', 17: 'UDP' };

/** `a` or `an` before a number written in digits, as it is read aloud (an 84-byte, a 60-byte). */
export function article(n: number): 'a' | 'an' {
  const digits = String(Math.trunc(Math.abs(n)));
  if (digits.startsWith('8')) return 'an';
  // 11 and 18 (eleven, eighteen), also as thousands or millions: 11000, 18000000.
  if (digits.length % 3 === 2 && (digits.startsWith('11') || digits.startsWith('18'))) return 'an';
  return 'a';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The sentence for a record of the packet network, or undefined for other records. */
export function packetSentence(
  record: TraceRecord,
  index: number,
  ctx: PacketContext,
): Said | undefined {
  const { names } = ctx;
  switch (record.type) {
    case 'link.txBegin':
      ctx.seen(record.pkt, index);
      return txBegin(record, names);
    case 'link.txEnd':
      return {
        kind: 'detail',
        text: `The last bit of packet #${record.pkt} leaves ${names.name(record.node)} on link ${record.link}.`,
      };
    case 'link.rx': {
      ctx.seen(record.pkt, index);
      const where = names.hasSeveralInterfaces(record.node) ? ` on ${record.iface}` : '';
      return {
        kind: 'deliver',
        text: `Packet #${record.pkt} arrives at ${names.name(record.node)}${where}.`,
      };
    }
    case 'link.lost':
      return {
        kind: 'loss',
        text:
          record.reason === 'linkDown'
            ? `Packet #${record.pkt} is cut off on link ${record.link}: the link went down.`
            : `Packet #${record.pkt} is lost on link ${record.link}.`,
      };
    case 'queue.drop': {
      const at = `${names.name(record.node)} ${record.iface}`;
      return {
        kind: 'loss',
        text:
          record.reason === 'queueFull'
            ? `Packet #${record.pkt} is dropped: the queue at ${at} is full.`
            : record.reason === 'linkDown'
              ? `Packet #${record.pkt} is dropped at ${at}: link ${record.link} is down.`
              : `Packet #${record.pkt} is dropped at ${at}.`,
      };
    }
    case 'link.impair':
      return {
        kind: 'link',
        text:
          record.effect === 'duplicate'
            ? `Link ${record.link} duplicates packet #${record.pkt}: it will arrive twice.`
            : `Link ${record.link} holds packet #${record.pkt} back, so packets sent after it can overtake it.`,
      };
    case 'queue.length': {
      const at = `${names.name(record.node)} ${record.iface}`;
      return {
        kind: 'detail',
        text:
          record.packets === 0
            ? `The queue at ${at} is empty.`
            : `The queue at ${at} holds ${plural(record.packets, 'packet')} (${plural(record.bytes, 'byte')}).`,
      };
    }
    case 'link.state':
      return {
        kind: 'link',
        text: record.up ? `Link ${record.link} comes back up.` : `Link ${record.link} goes down.`,
      };
    case 'ip.forward':
      return {
        kind: 'forward',
        text:
          record.fromIface === record.toIface
            ? `${names.title(record.node)} forwards packet #${record.pkt} from ${record.fromIface} back out of ${record.toIface}.`
            : `${names.title(record.node)} forwards packet #${record.pkt} from ${record.fromIface} to ${record.toIface}.`,
      };
    case 'ip.deliver': {
      const protocol = PROTOCOLS[record.protocol] ?? `IP protocol ${record.protocol}`;
      return {
        kind: 'detail',
        text: `${names.name(record.node)} accepts packet #${record.pkt} and hands it to ${protocol}.`,
      };
    }
    case 'ip.drop':
      return { kind: 'loss', text: ipDrop(record, ctx) };
    case 'switch.learn':
      return {
        kind: 'detail',
        text: `${names.title(record.node)} learns that ${record.address} is behind port ${record.port}.`,
      };
    case 'switch.forward':
      return {
        kind: 'forward',
        text: record.flood
          ? `${names.title(record.node)} floods packet #${record.pkt} out of port ${record.toPort}: it does not know where the destination is yet.`
          : `${names.title(record.node)} sends packet #${record.pkt} from port ${record.fromPort} out of port ${record.toPort}.`,
      };
    case 'switch.filter':
      return {
        kind: 'loss',
        text: `${names.title(record.node)} discards packet #${record.pkt}: its destination is behind port ${record.port}, where it came from.`,
      };
    default:
      return undefined;
  }
}

function txBegin(record: TraceRecord<'link.txBegin'>, names: NetworkNames): Said {
  const { packet, pkt, link, bytes, node } = record;
  const to = names.endpoint(packetDestination(packet));
  const originates = names.nodeOf(packet.ip.src) === node;
  if (!originates) {
    return {
      kind: 'send',
      text: `${names.title(node)} starts sending packet #${pkt} over link ${link} towards ${to}, TTL now ${packet.ip.ttl}.`,
    };
  }
  const from = `${names.title(node)} (${formatIpv4(packet.ip.src)})`;
  if (isIcmpError(packet)) {
    const quoted = quotedDatagram(packet);
    const t = packet.transport;
    if (
      quoted?.dstPort !== undefined &&
      t.kind === 'icmp' &&
      t.message === 'destinationUnreachable' &&
      t.code === 3
    ) {
      return {
        kind: 'error',
        text: `Nobody listens on ${quoted.protocol} port ${quoted.dstPort} at ${names.name(node)}: it answers with ICMP port unreachable, packet #${pkt} to ${to} on link ${link}.`,
      };
    }
    return {
      kind: 'error',
      text: `${from} answers with ${packetKind(packet)}, packet #${pkt} to ${to} on link ${link}.`,
    };
  }
  // TCP: what the segment is (SYN, ACK, data, ...) and its numbers as the packet label has them.
  const numbers = tcpSegmentNumbers(packet);
  const what = tcpSegmentKind(packet) ?? packetKind(packet);
  return {
    kind: 'send',
    text: `${from} starts sending ${article(bytes)} ${bytes}-byte ${what} packet #${pkt} to ${to} on link ${link}${numbers ? ` (${numbers})` : ''}.`,
  };
}

function ipDrop(record: TraceRecord<'ip.drop'>, ctx: PacketContext): string {
  const who = ctx.names.title(record.node);
  const packet = ctx.packet(record.pkt);
  const dst = packet ? formatIpv4(packet.ip.dst) : undefined;
  switch (record.reason) {
    case 'ttl':
      return `${who} drops packet #${record.pkt}: TTL expired.`;
    case 'noRoute':
      return `${who} drops packet #${record.pkt}: no route to ${dst ?? 'its destination'}.`;
    case 'notForMe':
      return `${who} ignores packet #${record.pkt}: it is addressed to ${dst ?? 'another node'}.`;
    case 'noProtocol': {
      const protocol = packet ? packetKind(packet) : 'its protocol';
      return `${who} drops packet #${record.pkt}: nothing on it handles ${protocol}.`;
    }
    case 'notConnected':
      return `${who} drops packet #${record.pkt}: the interface it should leave by has no link.`;
    default:
      return `${who} drops packet #${record.pkt} (${String(record.reason)}).`;
  }
}
