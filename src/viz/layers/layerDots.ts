// What a packet on the picture says at one layer, read from its own fields: the application's
// message (`HTTP GET /`, `DNS query example.com`), the transport header (`TCP SYN 49152→80
// seq=0`, `UDP 49466→53`), the IP header (`IPv4 10.0.0.2 → 10.0.1.2 TTL 64`) or the frame on
// its Ethernet frame (`02:00:0a:00:00:02 → ff:ff:ff:ff:ff:ff`, `ARP Who has 10.0.0.1? Tell
// 10.0.0.2`). A packet that carries nothing at the layer (a bare ACK at the application layer, an
// ICMP message at the transport layer, an ARP frame above the link layer) is dimmed, never hidden, so its timing stays visible.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { isFragment } from '../../net/wire/ipFragments.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { isArpFrame, isBpduFrame, isIpPacket, type Frame } from '../../net/wire/frame.ts';
import { formatMac } from '../../net/wire/macText.ts';
import type { Packet } from '../../net/wire/packet.ts';
import {
  appMessageName,
  arpInfo,
  bpduLabel,
  icmpMessageName,
  relativeSeq,
  tcpFlagsLabel,
} from '../packet/index.ts';
import type { NetLayer } from './layerChoice.ts';
import { layerPhrases } from './layerPhrases.ts';

/** A dot at one layer: its label (null when it carries nothing there) and whether to dim it. */
export interface LayerDot {
  text: string | null;
  /** Whether the packet has a header or message at this layer; a dot that has not is dimmed. */
  carries: boolean;
  /** Worth a label among many dots (a handshake's SYN, an HTTP request, an ICMP error). */
  important: boolean;
}

/** The hop of a packet as the picture has it (a `Hop` of the trace index will do). */
export interface LayerHop {
  /** The frame: an IPv4 packet with its Ethernet addresses, or ARP; null when never seen. */
  readonly packet: Frame | null;
  /** Bytes on the wire. */
  bytes: number;
  link: string;
}

export interface LayerDotOptions {
  language?: Language;
  /** The initial sequence number of the segment's sender, for relative numbers as Wireshark's. */
  isn?: (packet: Packet) => number | undefined;
}

const NOTHING: LayerDot = { text: null, carries: false, important: false };

/** The dot of `hop` at `layer`. */
export function layerDot(hop: LayerHop, layer: NetLayer, options: LayerDotOptions = {}): LayerDot {
  const frame = hop.packet;
  if (layer === 'link') return linkDot(hop, options.language ?? ENGLISH);
  // ARP and the spanning tree live in the link layer: nothing of them is seen above.
  const packet = frame && isIpPacket(frame) ? frame : null;
  const language = options.language ?? ENGLISH;
  switch (layer) {
    case 'application':
      return packet ? applicationDot(packet, language) : NOTHING;
    case 'transport':
      return packet ? transportDot(packet, options.isn) : NOTHING;
    case 'network':
      return packet ? networkDot(packet) : NOTHING;
  }
}

/** The application's message, else its bytes; nothing for a segment without data. */
function applicationDot(packet: Packet, language: Language): LayerDot {
  const t = packet.transport;
  if ((t.kind !== 'tcp' && t.kind !== 'udp') || packet.payload.length === 0) return NOTHING;
  const name = appMessageName(packet, language);
  if (name) return { text: name, carries: true, important: true };
  const bytes = String(packet.payload.length);
  return {
    text: layerPhrases.in(language).say('dot.appData', { bytes }),
    carries: true,
    important: false,
  };
}

/** TCP's flags, ports and sequence number, or UDP's ports; nothing for ICMP or a fragment. */
function transportDot(packet: Packet, isn: LayerDotOptions['isn']): LayerDot {
  const t = packet.transport;
  if (t.kind === 'udp') {
    return { text: `UDP ${t.srcPort}→${t.dstPort}`, carries: true, important: true };
  }
  if (t.kind !== 'tcp') return NOTHING;
  const first = isn?.(packet);
  const seq = first === undefined ? t.seq : relativeSeq(t.seq, first);
  const length = packet.payload.length;
  const text = `TCP ${tcpFlagsLabel(t.flags)} ${t.srcPort}→${t.dstPort} seq=${seq}${length > 0 ? ` len=${length}` : ''}`;
  return { text, carries: true, important: t.flags.syn || t.flags.fin || t.flags.rst };
}

/** The IP header's addresses and TTL; an ICMP message (the network layer's own) is named too. */
function networkDot(packet: Packet): LayerDot {
  const ip = packet.ip;
  const t = packet.transport;
  const base = `IPv4 ${formatIpv4(ip.src)} → ${formatIpv4(ip.dst)} TTL ${ip.ttl}`;
  if (t.kind === 'icmp')
    return { text: `${base} ICMP ${icmpMessageName(t)}`, carries: true, important: true };
  if (isFragment(ip)) {
    return { text: `${base} off=${ip.fragmentOffset * 8}`, carries: true, important: true };
  }
  return { text: base, carries: true, important: false };
}

/**
 * The Ethernet frame: its source and destination MACs, or what an ARP frame asks or answers; a
 * packet not framed (a test's) by its link and the bytes it puts on the wire.
 */
function linkDot(hop: LayerHop, language: Language): LayerDot {
  const frame = hop.packet;
  if (frame && isArpFrame(frame))
    return { text: `ARP ${arpInfo(frame.arp)}`, carries: true, important: true };
  if (frame && isBpduFrame(frame))
    return { text: `STP ${bpduLabel(frame.bpdu)}`, carries: true, important: true };
  if (frame?.eth) {
    const text = `${formatMac(frame.eth.src)} → ${formatMac(frame.eth.dst)}`;
    return { text, carries: true, important: false };
  }
  const words = layerPhrases.in(language);
  return {
    text: words.say('dot.frame', { link: hop.link, bytes: String(hop.bytes) }),
    carries: true,
    important: false,
  };
}
