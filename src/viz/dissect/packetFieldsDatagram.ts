// The UDP (RFC 768) and ICMP (RFC 792) headers dissected from a packet's exact bytes: each field
// with its byte range, value and explanation.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { IcmpHeader } from '../../net/wire/packet.ts';
import { icmpMessageName } from '../packet/packetLabel.ts';
import { checksumText, fieldMakers, type PacketLayer } from './packetFieldModel.ts';

/** The UDP header at `o`. */
export function udpLayer(
  b: Uint8Array,
  o: number,
  checksumValid: boolean | null,
  language: Language = ENGLISH,
): PacketLayer {
  const m = fieldMakers(language);
  const { numberField, byteCount, words } = m;
  const fields = [
    numberField(b, 'udp.srcPort', 'Source port', o, 2),
    numberField(b, 'udp.dstPort', 'Destination port', o + 2, 2),
    numberField(
      b,
      'udp.length',
      'Length',
      o + 4,
      2,
      (r) => words.say('udp.length', { bytes: byteCount(r), data: String(r - 8) }),
      { derived: true },
    ),
    numberField(b, 'udp.checksum', 'Checksum', o + 6, 2, (r) => checksumText(m, r, checksumValid), {
      derived: true,
    }),
  ];
  return {
    id: 'udp',
    name: 'UDP',
    summary: words.say('summary.udp', {
      src: String(fields[0]?.raw),
      dst: String(fields[1]?.raw),
      bytes: byteCount((fields[2]?.raw ?? 8) - 8),
    }),
    offset: o,
    length: 8,
    fields,
  };
}

const ICMP_TYPE_NAMES: Record<number, string> = {
  0: 'echo reply',
  3: 'destination unreachable',
  8: 'echo request',
  11: 'time exceeded',
};

/** The 8-byte ICMP header at `o`, for the decoded header `icmp`. */
export function icmpLayer(
  b: Uint8Array,
  o: number,
  icmp: IcmpHeader,
  checksumValid: boolean | null,
  language: Language = ENGLISH,
): PacketLayer {
  const m = fieldMakers(language);
  const { numberField, words } = m;
  const name = icmpMessageName(icmp);
  const fields = [
    numberField(b, 'icmp.type', 'Type', o, 1, (r) =>
      ICMP_TYPE_NAMES[r] ? `${r} (${ICMP_TYPE_NAMES[r]})` : String(r),
    ),
    numberField(b, 'icmp.code', 'Code', o + 1, 1, (r) =>
      icmp.message === 'destinationUnreachable' || icmp.message === 'timeExceeded'
        ? `${r} (${name})`
        : String(r),
    ),
    numberField(
      b,
      'icmp.checksum',
      'Checksum',
      o + 2,
      2,
      (r) => checksumText(m, r, checksumValid),
      {
        derived: true,
      },
    ),
  ];
  switch (icmp.message) {
    case 'echoRequest':
    case 'echoReply':
      fields.push(
        numberField(b, 'icmp.identifier', 'Identifier', o + 4, 2),
        numberField(b, 'icmp.sequence', 'Sequence number', o + 6, 2),
      );
      break;
    case 'destinationUnreachable':
      fields.push(
        numberField(b, 'icmp.unused', 'Unused', o + 4, 2),
        numberField(b, 'icmp.nextHopMtu', 'Next-hop MTU', o + 6, 2),
      );
      break;
    case 'timeExceeded':
      fields.push(numberField(b, 'icmp.unused', 'Unused', o + 4, 4));
      break;
    case 'other':
      fields.push(
        numberField(
          b,
          'icmp.rest',
          'Rest of header',
          o + 4,
          4,
          (r) => `0x${r.toString(16).padStart(8, '0')}`,
        ),
      );
      break;
  }
  return {
    id: 'icmp',
    name: 'ICMP',
    summary: words.say('summary.icmp', { name }),
    offset: o,
    length: 8,
    fields,
  };
}
