// A packet dissected like Wireshark's detail pane, from its exact bytes on the wire (encodePacket's,
// with any bit a link flipped flipped): the IPv4 header (RFC 791), TCP/UDP/ICMP, the payload; each
// field with its byte range and meaning.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { isFragment } from '../../net/wire/ipFragments.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { decodePacket } from '../../net/wire/packetCodec.ts';
import { wireBytes } from '../../net/wire/corruption.ts';
import {
  fieldMakers,
  hex16,
  type PacketDissection,
  type PacketField,
  type PacketLayer,
} from './packetFieldModel.ts';
import { dataLayer, ipFields, quoteLayer, type AppMessage } from './packetFieldsIp.ts';
import { icmpLayer, udpLayer } from './packetFieldsDatagram.ts';
import { dhcpLayer, isDhcpDatagram } from './packetFieldsDhcp.ts';
import { tcpLayer, type TcpIsns } from './packetFieldsTransport.ts';

export * from './packetFieldModel.ts';
export { relativeSeq, type TcpIsns } from './packetFieldsTransport.ts';
export type { AppMessage } from './packetFieldsIp.ts';

/** What the trace knows about a packet beyond its bytes. */
export interface DissectOptions {
  /** Initial sequence numbers of the connection, for relative TCP numbers. */
  isns?: TcpIsns;
  /** The application message the payload carries. */
  message?: AppMessage;
  /** The language of the explanations, notes and summaries (field names stay as Wireshark's). */
  language?: Language;
}

/** Dissects a packet as it is on the wire (`wireBytes`: damage shows as a bad checksum). */
export function dissectPacket(packet: Packet, options: DissectOptions = {}): PacketDissection {
  return dissectBytes(wireBytes(packet), options);
}

/** Dissects the bytes of an IPv4 datagram. */
export function dissectBytes(bytes: Uint8Array, options: DissectOptions = {}): PacketDissection {
  const decoded = decodePacket(bytes, 0);
  if (!decoded.ok) return { bytes, layers: [], error: decoded.error };
  const { packet, wire } = decoded;
  const language = options.language ?? ENGLISH;
  const { words, byteCount } = fieldMakers(language);
  const start = wire.ipHeaderLength;
  const end = wire.totalLength;
  const fragment = isFragment(packet.ip);
  const first = packet.ip.fragmentOffset * 8;
  const summary = {
    src: formatIpv4(packet.ip.src),
    dst: formatIpv4(packet.ip.dst),
    ttl: String(packet.ip.ttl),
    bytes: byteCount(end),
  };
  const ip: PacketLayer = {
    id: 'ip',
    name: 'IPv4',
    summary: fragment
      ? words.say('summary.ipFragment', {
          ...summary,
          id: hex16(packet.ip.identification),
          first: String(first),
          last: String(first + end - start - 1),
          more: packet.ip.moreFragments ? words.say('summary.fragmentMore') : '',
        })
      : words.say('summary.ip', summary),
    offset: 0,
    length: start,
    fields: ipFields(bytes, 0, 'ip', wire.ipChecksumValid, language),
  };
  const layers: PacketLayer[] = [ip];
  const t = packet.transport;
  const dataStart = start + wire.transportHeaderLength;
  if (t.kind === 'tcp') {
    layers.push(
      tcpLayer(
        bytes,
        start,
        wire.transportHeaderLength,
        end - dataStart,
        wire.transportChecksumValid,
        options.isns,
        language,
      ),
    );
  } else if (t.kind === 'udp') {
    layers.push(udpLayer(bytes, start, wire.transportChecksumValid, language));
  } else if (t.kind === 'icmp') {
    layers.push(icmpLayer(bytes, start, t, wire.transportChecksumValid, language));
  }
  if (end > dataStart) {
    const isError =
      t.kind === 'icmp' && (t.message === 'destinationUnreachable' || t.message === 'timeExceeded');
    const dhcp =
      t.kind === 'udp' &&
      !fragment &&
      isDhcpDatagram(t.srcPort, t.dstPort, bytes.subarray(dataStart, end));
    layers.push(
      dhcp
        ? dhcpLayer(bytes, dataStart, end, language)
        : isError
          ? quoteLayer(bytes, dataStart, end, language)
          : dataLayer(
              bytes,
              dataStart,
              end,
              fragment ? 'fragment' : t.kind === 'icmp' ? 'icmpEcho' : 'app',
              t.kind === 'udp' ? options.message : undefined,
              language,
            ),
    );
  }
  return { bytes, layers };
}

/** A field with its depth in the tree and its layer, in display order. */
export interface FieldRow {
  field: PacketField;
  depth: number;
  layer: PacketLayer;
}

/** Every field of the dissection, parents before their children. */
export function flattenFields(layers: readonly PacketLayer[]): FieldRow[] {
  const rows: FieldRow[] = [];
  const walk = (fields: readonly PacketField[], depth: number, layer: PacketLayer) => {
    for (const f of fields) {
      rows.push({ field: f, depth, layer });
      if (f.children) walk(f.children, depth + 1, layer);
    }
  };
  for (const layer of layers) walk(layer.fields, 0, layer);
  return rows;
}

/**
 * The field to point at for byte `index`: the first top-level field covering it, then down its
 * children while exactly one child covers the byte (the TCP flags byte stays on "Flags").
 */
export function fieldAtByte(
  layers: readonly PacketLayer[],
  index: number,
): PacketField | undefined {
  const covers = (f: PacketField) => index >= f.offset && index < f.offset + f.length;
  const layer = layers.find((l) => index >= l.offset && index < l.offset + l.length);
  let found = layer?.fields.find(covers);
  for (;;) {
    const inner = found?.children?.filter(covers) ?? [];
    if (inner.length !== 1) return found;
    found = inner[0];
  }
}

/** One line of a hex dump: its offset and the indexes of its bytes. */
export interface HexRow {
  offset: number;
  /** `0010`: the offset in hex, as tcpdump -X and Wireshark print it. */
  label: string;
  indexes: number[];
}

/** The bytes in lines of `width`, with their offsets. */
export function hexRows(length: number, width = 16): HexRow[] {
  const rows: HexRow[] = [];
  for (let offset = 0; offset < length; offset += width) {
    const indexes: number[] = [];
    for (let i = offset; i < Math.min(length, offset + width); i++) indexes.push(i);
    rows.push({ offset, label: offset.toString(16).padStart(4, '0'), indexes });
  }
  return rows;
}

/** A byte as two hex digits, and as the character the ASCII column shows (`.` if unprintable). */
export function byteHex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

export function byteAscii(byte: number): string {
  return byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '.';
}
