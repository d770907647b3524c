// A BPDU frame dissected as Wireshark's detail pane shows it: the IEEE 802.3 header (a length
// where Ethernet II has its type), the LLC header (DSAP and SSAP 0x42, the spanning tree) and the
// Rapid Spanning Tree BPDU of IEEE 802.1D-2004 clause 9.3.3 (src/net/wire/bpdu.ts), then padding.

import { readU16 } from '../../net/wire/bytes.ts';
import { BPDU_LLC, RST_BPDU_LENGTH } from '../../net/wire/bpdu.ts';
import { ETHERNET_HEADER_LENGTH } from '../../net/wire/ethernet.ts';
import { formatMac, readMac } from '../../net/wire/mac.ts';
import { bpduPhrases } from './bpduPhrases.ts';
import { hex16, type FieldMakers, type PacketField, type PacketLayer } from './packetFieldModel.ts';

const ROLES = ['Unknown', 'Alternate or Backup', 'Root', 'Designated'];

/** The 802.3 header, the LLC header and the BPDU of a frame's bytes (no FCS). */
export function bpduLayers(b: Uint8Array, m: FieldMakers): PacketLayer[] {
  const words = bpduPhrases.in(m.language);
  const llcAt = ETHERNET_HEADER_LENGTH;
  const at = llcAt + BPDU_LLC.length;
  const end = at + RST_BPDU_LENGTH;
  const eth: PacketField[] = [
    m.field('eth.dst', 'Destination', 0, 6, formatMac(readMac(b, 0)), {
      note: words.say('stpGroup'),
    }),
    m.field('eth.src', 'Source', 6, 6, formatMac(readMac(b, 6))),
    m.numberField(b, 'eth.len', 'Length', 12, 2),
  ];
  if (b.length > end) {
    const count = b.length - end;
    eth.push(m.field('eth.padding', 'Padding', end, count, m.byteCount(count), { derived: true }));
  }
  const sap = (r: number): string => `Spanning Tree BPDU (0x${r.toString(16)})`;
  const llc: PacketField[] = [
    m.numberField(b, 'llc.dsap', 'DSAP', llcAt, 1, sap),
    m.numberField(b, 'llc.ssap', 'SSAP', llcAt + 1, 1, sap),
    m.numberField(b, 'llc.control', 'Control field', llcAt + 2, 1, (r) => `U, func=UI (0x0${r})`),
  ];
  const flag = (id: string, name: string, bit: number): PacketField =>
    m.bitField(b, `stp.flags.${id}`, name, at + 4, 1, { first: 7 - bit, count: 1 }, m.bitText);
  const flags = m.numberField(
    b,
    'stp.flags',
    'BPDU flags',
    at + 4,
    1,
    (r) => `0x${r.toString(16).padStart(2, '0')}`,
    {
      children: [
        flag('agreement', 'Agreement', 6),
        flag('forwarding', 'Forwarding', 5),
        flag('learning', 'Learning', 4),
        m.bitField(
          b,
          'stp.flags.role',
          'Port Role',
          at + 4,
          1,
          { first: 4, count: 2 },
          (r) => `${ROLES[r] ?? r} (${r})`,
        ),
        flag('proposal', 'Proposal', 1),
        flag('tc', 'Topology Change', 0),
      ],
    },
  );
  const bridge = (o: number): string => {
    const priority = readU16(b, o);
    return `${priority & 0xf000} / ${priority & 0x0fff} / ${formatMac(readMac(b, o + 2))}`;
  };
  const seconds = (r: number): string => `${r / 256}`;
  const stp: PacketField[] = [
    m.numberField(
      b,
      'stp.protocol',
      'Protocol Identifier',
      at,
      2,
      (r) => `Spanning Tree Protocol (${hex16(r)})`,
    ),
    m.numberField(
      b,
      'stp.version',
      'Protocol Version Identifier',
      at + 2,
      1,
      (r) => `Rapid Spanning Tree (${r})`,
    ),
    m.numberField(
      b,
      'stp.type',
      'BPDU Type',
      at + 3,
      1,
      (r) => `Rapid/Multiple Spanning Tree (0x${r.toString(16).padStart(2, '0')})`,
    ),
    flags,
    m.field('stp.root', 'Root Identifier', at + 5, 8, bridge(at + 5)),
    m.numberField(b, 'stp.rootCost', 'Root Path Cost', at + 13, 4),
    m.field('stp.bridge', 'Bridge Identifier', at + 17, 8, bridge(at + 17)),
    m.numberField(b, 'stp.port', 'Port identifier', at + 25, 2, hex16),
    m.numberField(b, 'stp.messageAge', 'Message Age', at + 27, 2, seconds),
    m.numberField(b, 'stp.maxAge', 'Max Age', at + 29, 2, seconds),
    m.numberField(b, 'stp.helloTime', 'Hello Time', at + 31, 2, seconds),
    m.numberField(b, 'stp.forwardDelay', 'Forward Delay', at + 33, 2, seconds),
    m.numberField(b, 'stp.version1Length', 'Version 1 Length', at + 35, 1),
  ];
  return [
    {
      id: 'eth',
      name: 'IEEE 802.3 Ethernet',
      summary: words.say('summaryEth', {
        src: formatMac(readMac(b, 6)),
        dst: formatMac(readMac(b, 0)),
        bytes: m.byteCount(b.length),
      }),
      offset: 0,
      length: ETHERNET_HEADER_LENGTH,
      fields: eth,
    },
    {
      id: 'llc',
      name: 'Logical-Link Control',
      summary: 'DSAP 0x42, SSAP 0x42, UI',
      offset: llcAt,
      length: BPDU_LLC.length,
      fields: llc,
    },
    {
      id: 'stp',
      name: 'Spanning Tree Protocol',
      summary: words.say('summaryStp', {
        root: bridge(at + 5),
        cost: String(readU16(b, at + 13) * 65536 + readU16(b, at + 15)),
      }),
      offset: at,
      length: RST_BPDU_LENGTH,
      fields: stp,
    },
  ];
}
