// Sentences for the packet network's trace records: links and their queues, IP forwarding and
// drops (a damaged packet's bad checksum among them), fragments, reassembly and path MTUs,
// switches, and the ICMP errors a node answers with ("Nobody listens on UDP port 9 ..."); links,
// interfaces and nodes failing, coming back or changing.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { formatDuration } from '../../engine/time.ts';
import { REASSEMBLY_TIMEOUT } from '../../net/ip/reassembly.ts';
import { isFragment } from '../../net/wire/ipFragments.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import {
  ipHeaderLength,
  transportHeaderLength,
  wireSize,
  type Packet,
} from '../../net/wire/packet.ts';
import { isArpFrame, isBpduFrame } from '../../net/wire/frame.ts';
import { bpduSentence } from './narrateStp.ts';
import {
  arpInfo,
  isIcmpError,
  packetDestination,
  packetKind,
  quotedDatagram,
  tcpSegmentKind,
  tcpSegmentNumbers,
} from '../packet/index.ts';
import { linkChangeSettings, type NetworkNames } from '../names/index.ts';
import { packetPhrases } from './packetPhrases.ts';
import { formatCount } from '../../engine/language.ts';

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
  /** The language of the sentences (English if absent). */
  language?: Language;
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

/** The sentence for a record of the packet network, or undefined for other records. */
export function packetSentence(
  record: TraceRecord,
  index: number,
  ctx: PacketContext,
): Said | undefined {
  const { names } = ctx;
  const language = ctx.language ?? ENGLISH;
  const { say } = packetPhrases.in(language);
  const pkt = 'pkt' in record ? String(record.pkt) : '';
  switch (record.type) {
    case 'link.txBegin': {
      const made = ctx.packet(record.pkt) === undefined;
      ctx.seen(record.pkt, index);
      return txBegin(record, names, language, made);
    }
    case 'link.txEnd':
      return {
        kind: 'detail',
        text: say('txEnd', { pkt, node: names.name(record.node), link: record.link }),
      };
    case 'link.rx': {
      ctx.seen(record.pkt, index);
      const where = names.hasSeveralInterfaces(record.node)
        ? say('rx.on', { iface: record.iface })
        : '';
      return { kind: 'deliver', text: say('rx', { pkt, node: names.name(record.node), where }) };
    }
    case 'link.lost':
      return {
        kind: 'loss',
        text: say(record.reason === 'linkDown' ? 'lost.linkDown' : 'lost', {
          pkt,
          link: record.link,
        }),
      };
    case 'queue.drop': {
      const at = `${names.name(record.node)} ${record.iface}`;
      return {
        kind: 'loss',
        text:
          record.reason === 'queueFull'
            ? say('drop.queueFull', { pkt, at })
            : record.reason === 'linkDown'
              ? say('drop.linkDown', { pkt, at, link: record.link })
              : say('drop', { pkt, at }),
      };
    }
    case 'link.impair':
      return {
        kind: 'link',
        text: say(record.effect === 'duplicate' ? 'impair.duplicate' : 'impair.reorder', {
          pkt,
          link: record.link,
        }),
      };
    case 'link.corrupt':
      return {
        kind: 'link',
        text: say('impair.corrupt', {
          pkt,
          link: record.link,
          bit: formatCount(record.bit, language),
          part: damagedPart(ctx.packet(record.pkt), record.bit, language),
        }),
      };
    case 'queue.length': {
      const at = `${names.name(record.node)} ${record.iface}`;
      return {
        kind: 'detail',
        text:
          record.packets === 0
            ? say('queue.empty', { at })
            : say('queue.holds', {
                at,
                packets: say('count.packets', { count: formatCount(record.packets, language) }),
                bytes: say('count.bytes', { count: formatCount(record.bytes, language) }),
              }),
      };
    }
    case 'link.state':
      return {
        kind: 'link',
        text: say(record.up ? 'link.up' : 'link.down', { link: record.link }),
      };
    case 'link.change':
      return {
        kind: 'link',
        text: say('link.change', {
          link: record.link,
          settings: linkChangeSettings(record, language).join(', '),
        }),
      };
    case 'iface.state':
      return {
        kind: 'link',
        text: say(record.up ? 'iface.up' : 'iface.down', {
          iface: record.iface,
          node: names.name(record.node),
        }),
      };
    case 'node.crash':
      return { kind: 'error', text: say('node.crash', { node: names.title(record.node) }) };
    case 'node.restart':
      return { kind: 'run', text: say('node.restart', { node: names.title(record.node) }) };
    case 'ip.forward':
      return {
        kind: 'forward',
        text: say(record.fromIface === record.toIface ? 'forward.back' : 'forward', {
          node: names.title(record.node),
          pkt,
          from: record.fromIface,
          to: record.toIface,
        }),
      };
    case 'ip.deliver': {
      const protocol =
        PROTOCOLS[record.protocol] ?? say('deliver.protocol', { number: String(record.protocol) });
      return {
        kind: 'detail',
        text: say('deliver', { node: names.name(record.node), pkt, protocol }),
      };
    }
    case 'ip.drop':
      return {
        // The firewall's verdict, just before, told why: this only says it happened.
        kind: record.reason === 'filtered' ? 'detail' : 'loss',
        text: ipDrop(record, ctx, language),
      };
    case 'ip.fragment':
      ctx.seen(record.pkt, index);
      return {
        kind: 'forward',
        text: say('ip.fragment', {
          node: names.title(record.node),
          pkt,
          fragments: say('count.fragments', {
            count: formatCount(record.fragments.length, language),
          }),
          mtu: formatCount(record.mtu, language),
          iface: record.iface,
          ids: packetList(record.fragments),
        }),
      };
    case 'ip.reassemble':
      ctx.seen(record.pkt, index);
      return {
        kind: 'deliver',
        text: say('ip.reassemble', {
          node: names.title(record.node),
          identification: identification(record.identification),
          ids: packetList(record.fragments),
          pkt,
          bytes: say('count.bytes', { count: formatCount(record.bytes, language) }),
        }),
      };
    case 'ip.reassemblyTimeout':
      return {
        kind: 'loss',
        text: say(record.firstArrived ? 'ip.reassemblyTimeout' : 'ip.reassemblyTimeout.noFirst', {
          node: names.title(record.node),
          identification: identification(record.identification),
          src: names.endpoint(record.src),
          fragments: say('count.fragments', {
            count: formatCount(record.fragments.length, language),
          }),
          timeout: formatDuration(REASSEMBLY_TIMEOUT, language),
        }),
      };
    case 'ip.pmtu':
      return {
        kind: 'error',
        text: say('ip.pmtu', {
          node: names.title(record.node),
          from: names.endpoint(record.from),
          dst: names.endpoint(record.dst),
          mtu: formatCount(record.mtu, language),
        }),
      };
    case 'transport.drop':
      return {
        kind: 'loss',
        text: say('transport.badChecksum', {
          node: names.title(record.node),
          pkt,
          protocol: record.protocol.toUpperCase(),
        }),
      };
    case 'switch.learn':
      return {
        kind: 'detail',
        text: say('switch.learn', {
          node: names.title(record.node),
          address: record.address,
          port: String(record.port),
        }),
      };
    case 'switch.forward':
      return {
        kind: 'forward',
        text: record.flood
          ? say('switch.flood', {
              node: names.title(record.node),
              pkt,
              port: String(record.toPort),
            })
          : say('switch.forward', {
              node: names.title(record.node),
              pkt,
              from: String(record.fromPort),
              to: String(record.toPort),
            }),
      };
    case 'switch.filter':
      return {
        kind: 'loss',
        text: say('switch.filter', {
          node: names.title(record.node),
          pkt,
          port: String(record.port),
        }),
      };
    default:
      return undefined;
  }
}

/** What a TCP segment is (`TCP SYN`, `TCP data`), with the language's word for data. */
function segmentKind(packet: Packet, language: Language): string {
  const kind = tcpSegmentKind(packet) ?? packetKind(packet);
  const { say } = packetPhrases.in(language);
  if (kind === 'TCP data') return say('kind.tcpData');
  if (kind === 'TCP data+FIN') return say('kind.tcpDataFin');
  return kind;
}

/**
 * A packet's first bit leaves a node. `made`: the trace shows it for the first time (its sender
 * made it here, rather than forwarding it).
 */
function txBegin(
  record: TraceRecord<'link.txBegin'>,
  names: NetworkNames,
  language: Language,
  made: boolean,
): Said {
  const { say } = packetPhrases.in(language);
  const { packet, link, node } = record;
  const pkt = String(record.pkt);
  if (isArpFrame(packet)) {
    const info = arpInfo(packet.arp);
    // `arp.request` and `arp.reply` say why it goes; this is the frame itself.
    return { kind: 'detail', text: say('tx.arp', { node: names.title(node), pkt, link, info }) };
  }
  if (isBpduFrame(packet)) return bpduSentence(record, packet, names, language);
  // The IP packet's own size: the frame around it (`record.bytes`) is the link's business.
  const bytes = wireSize(packet);
  const to = names.endpoint(packetDestination(packet));
  const originates = names.nodeOf(packet.ip.src) === node;
  // A fragment is told where it was cut (its first hop), forwarded ones as any packet.
  if (made && isFragment(packet.ip)) {
    const by = originates
      ? `${names.title(node)} (${formatIpv4(packet.ip.src)})`
      : names.title(node);
    return txFragment(record, packet, by, to, language);
  }
  if (!originates) {
    return {
      kind: 'send',
      text: say('tx.forward', {
        node: names.title(node),
        pkt,
        link,
        to,
        ttl: formatCount(packet.ip.ttl, language),
      }),
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
        text: say('tx.portUnreachable', {
          protocol: quoted.protocol,
          port: String(quoted.dstPort),
          node: names.name(node),
          pkt,
          to,
          link,
        }),
      };
    }
    return {
      kind: 'error',
      text: say('tx.icmpError', { from, what: packetKind(packet), pkt, to, link }),
    };
  }
  // TCP: what the segment is (SYN, ACK, data, ...) and its numbers as the packet label has them.
  const numbers = tcpSegmentNumbers(packet);
  return {
    kind: 'send',
    text: say(article(bytes) === 'an' ? 'tx.an' : 'tx.a', {
      from,
      bytes: formatCount(bytes, language),
      what: segmentKind(packet, language),
      pkt,
      to,
      link,
      numbers: numbers ? say('tx.numbers', { numbers }) : '',
    }),
  };
}

/** A fragment leaving the node that cut it: which datagram, which of its bytes. */
function txFragment(
  record: TraceRecord<'link.txBegin'>,
  packet: Packet,
  from: string,
  to: string,
  language: Language,
): Said {
  const { say } = packetPhrases.in(language);
  const { ip, payload } = packet;
  const first = ip.fragmentOffset * 8;
  return {
    kind: 'send',
    text: say('tx.fragment', {
      from,
      pkt: String(record.pkt),
      // The fragment's own IP size (its total length), as for any packet sent.
      bytes: say('count.bytes', { count: formatCount(wireSize(packet), language) }),
      to,
      link: record.link,
      identification: identification(ip.identification),
      first: formatCount(first, language),
      last: formatCount(first + payload.length - 1, language),
      more: ip.moreFragments ? say('tx.fragment.more') : '',
    }),
  };
}

/** An IPv4 Identification as Wireshark writes it: `0x1a2b`. */
function identification(value: number): string {
  return `0x${value.toString(16).padStart(4, '0')}`;
}

/** Packet ids as a list: `#5, #6, #7`. */
function packetList(ids: readonly number[]): string {
  return ids.map((id) => `#${id}`).join(', ');
}

function ipDrop(record: TraceRecord<'ip.drop'>, ctx: PacketContext, language: Language): string {
  const { say } = packetPhrases.in(language);
  const node = ctx.names.title(record.node);
  const pkt = String(record.pkt);
  const packet = ctx.packet(record.pkt);
  const dst = packet ? formatIpv4(packet.ip.dst) : undefined;
  switch (record.reason) {
    case 'ttl':
      return say('ip.ttl', { node, pkt });
    case 'noRoute':
      return dst === undefined
        ? say('ip.noRouteUnknown', { node, pkt })
        : say('ip.noRoute', { node, pkt, dst });
    case 'notForMe':
      return dst === undefined
        ? say('ip.notForMeUnknown', { node, pkt })
        : say('ip.notForMe', { node, pkt, dst });
    case 'noProtocol':
      return packet
        ? say('ip.noProtocol', { node, pkt, protocol: packetKind(packet) })
        : say('ip.noProtocolUnknown', { node, pkt });
    case 'notConnected':
      return say('ip.notConnected', { node, pkt });
    case 'filtered':
      return say('ip.filtered', { node, pkt });
    case 'nodeDown':
      return say('ip.nodeDown', { node, pkt });
    case 'interfaceDown':
      return say('ip.interfaceDown', { node, pkt });
    case 'badChecksum':
      return say('ip.badChecksum', { node, pkt });
    case 'otherHost':
      return say('ip.otherHost', { node, pkt });
    case 'arpFailed':
      return say('ip.arpFailed', { node, pkt });
    case 'arpQueueFull':
      return say('ip.arpQueueFull', { node, pkt });
    case 'fragmentationNeeded':
      // A packet that never came in here is the node's own: it knew the path was too narrow.
      return packet === undefined || ctx.names.nodeOf(packet.ip.src) === record.node
        ? say('ip.fragmentationNeeded.own', { node, pkt })
        : say('ip.fragmentationNeeded', { node, pkt });
    case 'badFragment':
      return say('ip.badFragment', { node, pkt });
    default:
      return say('ip.other', { node, pkt, reason: String(record.reason) });
  }
}

/** Where bit `bit` of a packet's bytes lies: `in its IP header`, `in its TCP data`. */
function damagedPart(packet: Packet | undefined, bit: number, language: Language): string {
  const { say } = packetPhrases.in(language);
  if (!packet) return say('part.packet');
  const byte = bit >>> 3;
  const ip = ipHeaderLength(packet.ip);
  if (byte < ip) return say('part.ipHeader');
  const kind = packet.transport.kind;
  const protocol = kind === 'raw' ? 'IP' : kind.toUpperCase();
  return byte < ip + transportHeaderLength(packet.transport)
    ? say('part.header', { protocol })
    : say('part.data', { protocol });
}
