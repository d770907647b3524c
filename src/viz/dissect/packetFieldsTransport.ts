// The TCP header (RFC 9293 section 3.1) dissected from a packet's exact bytes: each field with its
// byte range, value and explanation, sequence numbers relative to the ISNs, the options.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { TCP_OPTION_KIND } from '../../net/wire/tcpOptions.ts';
import { tcpFlagsFromByte } from '../../net/wire/tcp.ts';
import { relativeSeq, tcpFlagsLabel } from '../packet/packetLabel.ts';

export { relativeSeq };
import {
  checksumText,
  fieldMakers,
  hexBytes,
  readUint,
  type FieldMakers,
  type PacketField,
  type PacketLayer,
} from './packetFieldModel.ts';

/** The initial sequence numbers of both sides, for sequence numbers relative to them. */
export interface TcpIsns {
  /** ISN of the side that sent this segment (its SYN's sequence number). */
  sender?: number;
  /** ISN of the side that receives it (for the acknowledgment number and SACK blocks). */
  receiver?: number;
  /**
   * The sender's window scale shift, when both SYNs carried the option (RFC 7323 2.3): the
   * window field of its later segments counts units of 2^shift bytes.
   */
  windowShift?: number;
}

const FLAG_BITS = [
  ['cwr', 'CWR (congestion window reduced)'],
  ['ece', 'ECE (ECN echo)'],
  ['urg', 'URG (urgent)'],
  ['ack', 'ACK (acknowledgment)'],
  ['psh', 'PSH (push)'],
  ['rst', 'RST (reset)'],
  ['syn', 'SYN (synchronize)'],
  ['fin', 'FIN (finish)'],
] as const;

function seqField(
  m: FieldMakers,
  b: Uint8Array,
  id: string,
  name: string,
  at: number,
  isn?: number,
): PacketField {
  const { say } = m.words;
  return m.numberField(
    b,
    id,
    name,
    at,
    4,
    (raw) =>
      isn === undefined
        ? say('seq.raw', { n: String(raw) })
        : say('seq.relative', { n: String(relativeSeq(raw, isn)) }),
    {
      note:
        isn === undefined
          ? say('seq.noSyn')
          : say('seq.note', { raw: String(readUint(b, at, 4)), isn: String(isn) }),
    },
  );
}

/** The TCP header at `o`, `length` bytes of header, with the checksum's validity. */
export function tcpLayer(
  b: Uint8Array,
  o: number,
  headerLength: number,
  payloadLength: number,
  checksumValid: boolean | null,
  isns: TcpIsns = {},
  language: Language = ENGLISH,
): PacketLayer {
  const m = fieldMakers(language);
  const { numberField, bitField, byteCount, bitText, words } = m;
  const flags = tcpFlagsFromByte(b[o + 13] ?? 0);
  const ack = seqField(m, b, 'tcp.ack', 'Acknowledgment number', o + 8, isns.receiver);
  if (!flags.ack) {
    ack.value = String(ack.raw);
    ack.note = words.say('ack.unused');
  }
  const fields: PacketField[] = [
    numberField(b, 'tcp.srcPort', 'Source port', o, 2),
    numberField(b, 'tcp.dstPort', 'Destination port', o + 2, 2),
    seqField(m, b, 'tcp.seq', 'Sequence number', o + 4, isns.sender),
    ack,
    bitField(
      b,
      'tcp.dataOffset',
      'Data offset',
      o + 12,
      1,
      { first: 0, count: 4 },
      (r) => `${r} (${byteCount(r * 4)})`,
      { derived: true },
    ),
    bitField(b, 'tcp.reserved', 'Reserved', o + 12, 1, { first: 4, count: 4 }, String),
    numberField(
      b,
      'tcp.flags',
      'Flags',
      o + 13,
      1,
      (r) => `0x${r.toString(16).padStart(2, '0')} (${tcpFlagsLabel(flags)})`,
      {
        children: FLAG_BITS.map(([key, name], i) =>
          bitField(b, `tcp.flags.${key}`, name, o + 13, 1, { first: i, count: 1 }, bitText),
        ),
      },
    ),
    windowField(m, b, o + 14, flags.syn ? undefined : isns.windowShift),
    numberField(
      b,
      'tcp.checksum',
      'Checksum',
      o + 16,
      2,
      (r) => checksumText(m, r, checksumValid),
      {
        derived: true,
      },
    ),
    numberField(b, 'tcp.urgentPointer', 'Urgent pointer', o + 18, 2),
  ];
  if (headerLength > 20)
    fields.push(tcpOptionsField(m, b, o + 20, o + headerLength, isns.receiver));
  const bare = (f: PacketField | undefined) => f?.value.replace(/ \(.*\)$/, '') ?? '';
  const numbers = `seq ${bare(fields[2])}${flags.ack ? `, ack ${bare(ack)}` : ''}`;
  return {
    id: 'tcp',
    name: 'TCP',
    summary: words.say('summary.tcp', {
      src: String(fields[0]?.raw),
      dst: String(fields[1]?.raw),
      flags: tcpFlagsLabel(flags),
      numbers,
      bytes: byteCount(payloadLength),
    }),
    offset: o,
    length: headerLength,
    fields,
  };
}

/**
 * The window field; with a window scale agreed in the SYNs, also the window it means, as
 * Wireshark's "Calculated window size" and "Window size scaling factor".
 */
function windowField(
  m: FieldMakers,
  b: Uint8Array,
  at: number,
  shift: number | undefined,
): PacketField {
  const { numberField, byteCount, words } = m;
  if (shift === undefined) return numberField(b, 'tcp.window', 'Window', at, 2, byteCount);
  const factor = 2 ** shift;
  return numberField(
    b,
    'tcp.window',
    'Window',
    at,
    2,
    (r) => `${r} × ${factor} = ${byteCount(r * factor)}`,
    {
      note: words.say('window.note', {
        size: String(readUint(b, at, 2) * factor),
        factor: String(factor),
      }),
    },
  );
}

/** Option names as Wireshark shows them ("TCP Option - Window scale: 7 (multiply by 128)"). */
const OPTION_NAMES: Record<number, [string, string]> = {
  [TCP_OPTION_KIND.mss]: ['mss', 'Maximum segment size'],
  [TCP_OPTION_KIND.windowScale]: ['windowScale', 'Window scale'],
  [TCP_OPTION_KIND.sackPermitted]: ['sackPermitted', 'SACK permitted'],
  [TCP_OPTION_KIND.sack]: ['sack', 'SACK'],
  [TCP_OPTION_KIND.timestamps]: ['timestamps', 'Timestamps'],
};

/** Option kinds as Wireshark names them in the Kind field ("Kind: Window Scale (3)"). */
const KIND_NAMES: Record<number, string> = {
  [TCP_OPTION_KIND.mss]: 'Maximum Segment Size',
  [TCP_OPTION_KIND.windowScale]: 'Window Scale',
  [TCP_OPTION_KIND.sackPermitted]: 'SACK Permitted',
  [TCP_OPTION_KIND.sack]: 'SACK',
  [TCP_OPTION_KIND.timestamps]: 'Time Stamp Option',
};

function kindName(kind: number): string {
  const name = KIND_NAMES[kind];
  return name === undefined ? String(kind) : `${name} (${kind})`;
}

/**
 * The option area [start, end) of a TCP header: one field per option, then the padding. SACK
 * edges are relative to `peerIsn` (the ISN of the side whose data they acknowledge) when known.
 */
function tcpOptionsField(
  m: FieldMakers,
  b: Uint8Array,
  start: number,
  end: number,
  peerIsn: number | undefined,
): PacketField {
  const { field, numberField, byteCount, words } = m;
  const fieldHelpOf = (key: string) => m.help(`tcp.option.${key}`);
  const children: PacketField[] = [];
  let at = start;
  while (at < end) {
    const kind = b[at] ?? 0;
    const n = children.length;
    if (kind === TCP_OPTION_KIND.eol) {
      children.push(
        field(`tcp.option.${n}`, 'End of Option List (EOL)', at, end - at, byteCount(end - at), {
          about: fieldHelpOf('eol'),
        }),
      );
      break;
    }
    if (kind === TCP_OPTION_KIND.nop) {
      children.push(
        field(`tcp.option.${n}`, 'No-Operation (NOP)', at, 1, 'NOP', {
          raw: kind,
          about: fieldHelpOf('nop'),
        }),
      );
      at++;
      continue;
    }
    const length = Math.max(2, Math.min(b[at + 1] ?? 2, end - at));
    const [key, name] = OPTION_NAMES[kind] ?? ['unknown', `Option ${kind}`];
    const id = `tcp.option.${n}`;
    const parts: PacketField[] = [
      numberField(b, `${id}.kind`, 'Kind', at, 1, kindName, { about: fieldHelpOf('kind') }),
      numberField(b, `${id}.length`, 'Length', at + 1, 1, (r) => byteCount(r), {
        about: fieldHelpOf('length'),
      }),
    ];
    let value = hexBytes(b.subarray(at + 2, at + length));
    const part = (label: string, off: number, len: number, fmt: (r: number) => string = String) => {
      parts.push(
        numberField(b, `${id}.${parts.length}`, label, off, len, fmt, {
          about: fieldHelpOf('value'),
        }),
      );
    };
    const edge = (r: number) =>
      peerIsn === undefined
        ? String(r)
        : words.say('seq.relative', { n: String(relativeSeq(r, peerIsn)) });
    if (key === 'mss' && length === 4) {
      part('MSS Value', at + 2, 2, byteCount);
      value = byteCount(readUint(b, at + 2, 2));
    } else if (key === 'windowScale' && length === 3) {
      const shift = b[at + 2] ?? 0;
      const multiply = (r: number) =>
        words.say('option.multiply', { shift: String(r), factor: String(2 ** r) });
      part('Shift count', at + 2, 1, multiply);
      value = multiply(shift);
    } else if (key === 'timestamps' && length === 10) {
      part('Timestamp value', at + 2, 4);
      part('Timestamp echo reply', at + 6, 4);
      value = `TSval ${readUint(b, at + 2, 4)}, TSecr ${readUint(b, at + 6, 4)}`;
    } else if (key === 'sack') {
      const ranges: string[] = [];
      for (let s = at + 2; s + 8 <= at + length; s += 8) {
        part('left edge', s, 4, edge);
        part('right edge', s + 4, 4, edge);
        const [left, right] = [readUint(b, s, 4), readUint(b, s + 4, 4)].map((r) =>
          peerIsn === undefined ? r : relativeSeq(r, peerIsn),
        );
        ranges.push(`${left}-${right}`);
      }
      value = ranges.join(' ');
    } else if (key === 'sackPermitted') {
      value = words.say('option.yes');
    }
    children.push(field(id, name, at, length, value, { about: fieldHelpOf(key), children: parts }));
    at += length;
  }
  return field('tcp.options', 'Options', start, end - start, `${byteCount(end - start)}`, {
    children,
  });
}
