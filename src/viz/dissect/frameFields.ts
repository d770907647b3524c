// A frame dissected as Wireshark's detail pane shows it from the top: the Ethernet II header
// (IEEE 802.3 with an EtherType) and then either ARP (RFC 826) or the IPv4 packet with its layers
// (packetFields.ts, moved along by the 14 bytes of the header), or a BPDU (bpduFields.ts), and the padding that fills a
// short frame to 60 bytes. The bytes are the frame as a capture holds it (no FCS: frame.ts).

import { ENGLISH } from '../../engine/language.ts';
import { ARP_LENGTH } from '../../net/wire/arp.ts';
import { ETHERNET_HEADER_LENGTH, etherTypeName } from '../../net/wire/ethernet.ts';
import { isArpFrame, isBpduFrame, type Frame } from '../../net/wire/frame.ts';
import { frameBytes } from '../../net/wire/frameBytes.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { formatMac, MAC_BROADCAST, type MacAddress, readMac } from '../../net/wire/mac.ts';
import { readU32 } from '../../net/wire/bytes.ts';
import { wireBytes } from '../../net/wire/corruption.ts';
import {
  fieldMakers,
  hex16,
  type FieldMakers,
  type PacketDissection,
  type PacketField,
  type PacketLayer,
} from './packetFieldModel.ts';
import { bpduLayers } from './bpduFields.ts';
import { dissectBytes, type DissectOptions } from './packetFields.ts';

/** The frame's layers, outermost first: Ethernet II, then ARP or IPv4 and what it carries. */
export function dissectFrame(frame: Frame, options: DissectOptions = {}): PacketDissection {
  const bytes = frameBytes(frame);
  const m = fieldMakers(options.language ?? ENGLISH);
  if (isBpduFrame(frame)) return { bytes, layers: bpduLayers(bytes, m) };
  const inner = isArpFrame(frame) ? ARP_LENGTH : wireBytes(frame).length;
  const payloadEnd = ETHERNET_HEADER_LENGTH + inner;
  const layers: PacketLayer[] = [ethernetLayer(bytes, payloadEnd, m)];
  if (isArpFrame(frame)) {
    layers.push(arpLayer(bytes, ETHERNET_HEADER_LENGTH, m));
    return { bytes, layers };
  }
  const ip = dissectBytes(bytes.subarray(ETHERNET_HEADER_LENGTH, payloadEnd), options);
  layers.push(...ip.layers.map((layer) => shiftLayer(layer, ETHERNET_HEADER_LENGTH)));
  return ip.error === undefined ? { bytes, layers } : { bytes, layers, error: ip.error };
}

/** The 14-byte header, with the padding after the payload as Wireshark lists it (eth.padding). */
function ethernetLayer(b: Uint8Array, payloadEnd: number, m: FieldMakers): PacketLayer {
  const dst = formatMac(readMac(b, 0));
  const src = formatMac(readMac(b, 6));
  const fields: PacketField[] = [
    m.field('eth.dst', 'Destination', 0, 6, dst, macNote(readMac(b, 0), m)),
    m.field('eth.src', 'Source', 6, 6, src),
    m.numberField(b, 'eth.type', 'Type', 12, 2, (r) => `${etherTypeName(r)} (${hex16(r)})`),
  ];
  if (b.length > payloadEnd) {
    const count = b.length - payloadEnd;
    fields.push(
      m.field('eth.padding', 'Padding', payloadEnd, count, m.byteCount(count), { derived: true }),
    );
  }
  return {
    id: 'eth',
    name: 'Ethernet II',
    summary: m.words.say('summary.eth', { src, dst, bytes: m.byteCount(b.length) }),
    offset: 0,
    length: ETHERNET_HEADER_LENGTH,
    fields,
  };
}

/** "(broadcast)" after ff:ff:ff:ff:ff:ff, as Wireshark names it. */
function macNote(mac: MacAddress, m: FieldMakers): Partial<PacketField> {
  return mac === MAC_BROADCAST ? { note: m.words.say('eth.broadcast') } : {};
}

/** The 28 bytes of an Ethernet/IPv4 ARP packet at `o`. */
function arpLayer(b: Uint8Array, o: number, m: FieldMakers): PacketLayer {
  const ip = (at: number) => formatIpv4(readU32(b, at));
  const opcode = ((b[o + 6] ?? 0) << 8) | (b[o + 7] ?? 0);
  const operation = opcode === 1 ? 'request' : opcode === 2 ? 'reply' : String(opcode);
  const fields: PacketField[] = [
    m.numberField(b, 'arp.hwType', 'Hardware type', o, 2, (r) =>
      r === 1 ? 'Ethernet (1)' : String(r),
    ),
    m.numberField(
      b,
      'arp.protoType',
      'Protocol type',
      o + 2,
      2,
      (r) => `${etherTypeName(r)} (${hex16(r)})`,
    ),
    m.numberField(b, 'arp.hwSize', 'Hardware size', o + 4, 1),
    m.numberField(b, 'arp.protoSize', 'Protocol size', o + 5, 1),
    m.numberField(b, 'arp.opcode', 'Opcode', o + 6, 2, (r) => `${operation} (${r})`),
    m.field('arp.senderMac', 'Sender MAC address', o + 8, 6, formatMac(readMac(b, o + 8))),
    m.field('arp.senderIp', 'Sender IP address', o + 14, 4, ip(o + 14)),
    m.field('arp.targetMac', 'Target MAC address', o + 18, 6, formatMac(readMac(b, o + 18))),
    m.field('arp.targetIp', 'Target IP address', o + 24, 4, ip(o + 24)),
  ];
  return {
    id: 'arp',
    name: 'ARP',
    summary: m.words.say('summary.arp', { operation }),
    offset: o,
    length: ARP_LENGTH,
    fields,
  };
}

/** The layer with every field's byte range moved `by` bytes on (the IP packet inside a frame). */
function shiftLayer(layer: PacketLayer, by: number): PacketLayer {
  const shift = (f: PacketField): PacketField => ({
    ...f,
    offset: f.offset + by,
    ...(f.children ? { children: f.children.map(shift) } : {}),
  });
  return { ...layer, offset: layer.offset + by, fields: layer.fields.map(shift) };
}
