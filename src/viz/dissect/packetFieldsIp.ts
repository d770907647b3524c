// The IPv4 header (RFC 791) and what follows the transport header, dissected from a packet's
// bytes: application data (with the pinger's request number), echo data, an ICMP error's quote.

import { internetChecksum } from '../../net/wire/checksum.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { IP_PROTOCOL } from '../../net/wire/packet.ts';
import { ENGLISH, type Language } from '../../engine/language.ts';
import { messageText } from '../packet/packetTrace.ts';
import {
  fieldMakers,
  hex16,
  hexBytes,
  type PacketField,
  type PacketLayer,
} from './packetFieldModel.ts';

/** The application message a payload carries: a pinger's request or the echo server's reply. */
export interface AppMessage {
  kind: 'request' | 'reply';
  seq: number;
  attempt: number;
}

const PROTOCOL_NAMES: Record<number, string> = { 1: 'ICMP', 6: 'TCP', 17: 'UDP' };

/** The IPv4 header at `o` as fields with ids `${prefix}.ttl` and so on. */
export function ipFields(
  b: Uint8Array,
  o: number,
  prefix: string,
  checksumValid: boolean,
  language: Language = ENGLISH,
): PacketField[] {
  const { field, bitField, numberField, words, byteCount, bitText } = fieldMakers(language);
  const id = (name: string) => `${prefix}.${name}`;
  const headerLength = ((b[o] ?? 0) & 0x0f) * 4;
  const fields: PacketField[] = [
    bitField(b, id('version'), 'Version', o, 1, { first: 0, count: 4 }, String),
    bitField(
      b,
      id('ihl'),
      'Header length (IHL)',
      o,
      1,
      { first: 4, count: 4 },
      (r) => `${r} (${byteCount(r * 4)})`,
      {
        derived: true,
      },
    ),
    bitField(b, id('dscp'), 'DSCP', o + 1, 1, { first: 0, count: 6 }, (r) =>
      r === 0 ? words.say('ip.dscp.bestEffort') : String(r),
    ),
    bitField(b, id('ecn'), 'ECN', o + 1, 1, { first: 6, count: 2 }, (r) =>
      r === 0 ? words.say('ip.ecn.notUsed') : String(r),
    ),
    numberField(b, id('totalLength'), 'Total length', o + 2, 2, byteCount, { derived: true }),
    numberField(b, id('identification'), 'Identification', o + 4, 2, (r) => `${r} (${hex16(r)})`),
    bitField(
      b,
      id('flags'),
      'Flags',
      o + 6,
      2,
      { first: 0, count: 3 },
      (r) => ipFlagsText(r, language),
      {
        children: [
          bitField(
            b,
            id('flags.reserved'),
            'Reserved bit',
            o + 6,
            2,
            { first: 0, count: 1 },
            bitText,
          ),
          bitField(
            b,
            id('flags.df'),
            'Don’t fragment (DF)',
            o + 6,
            2,
            { first: 1, count: 1 },
            bitText,
          ),
          bitField(
            b,
            id('flags.mf'),
            'More fragments (MF)',
            o + 6,
            2,
            { first: 2, count: 1 },
            bitText,
          ),
        ],
      },
    ),
    bitField(b, id('fragmentOffset'), 'Fragment offset', o + 6, 2, { first: 3, count: 13 }, (r) =>
      r === 0
        ? '0'
        : words.say('ip.fragmentOffset.bytes', { units: String(r), bytes: String(r * 8) }),
    ),
    numberField(b, id('ttl'), 'Time to live (TTL)', o + 8, 1),
    numberField(
      b,
      id('protocol'),
      'Protocol',
      o + 9,
      1,
      (r) => (PROTOCOL_NAMES[r] ? `${r} (${PROTOCOL_NAMES[r]})` : String(r)),
      {
        derived: true,
      },
    ),
    numberField(
      b,
      id('checksum'),
      'Header checksum',
      o + 10,
      2,
      (r) => words.say(checksumValid ? 'checksum.correct' : 'checksum.wrong', { value: hex16(r) }),
      {
        derived: true,
      },
    ),
    numberField(b, id('src'), 'Source address', o + 12, 4, formatIpv4),
    numberField(b, id('dst'), 'Destination address', o + 16, 4, formatIpv4),
  ];
  if (headerLength > 20) {
    fields.push(
      field(
        id('options'),
        'Options',
        o + 20,
        headerLength - 20,
        hexBytes(b.subarray(o + 20, o + headerLength)),
      ),
    );
  }
  return fields;
}

function ipFlagsText(raw: number, language: Language): string {
  const words = fieldMakers(language).words;
  const set = [
    raw & 4 ? words.say('ip.flags.reserved') : '',
    raw & 2 ? 'DF' : '',
    raw & 1 ? 'MF' : '',
  ].filter(Boolean);
  return set.length > 0 ? set.join(', ') : words.say('ip.flags.none');
}

export function dataLayer(
  b: Uint8Array,
  start: number,
  end: number,
  kind: 'icmpEcho' | 'app' | 'fragment',
  message: AppMessage | undefined,
  language: Language = ENGLISH,
): PacketLayer {
  const { field, numberField, words, byteCount, payloadText } = fieldMakers(language);
  const data = b.subarray(start, end);
  const children: PacketField[] = [];
  if (message && data.length >= 8) {
    const what = words.say(
      message.kind === 'request' ? 'data.requestNumber' : 'data.requestAnswered',
    );
    children.push(
      numberField(b, 'data.requestNumber', what, start, 4),
      numberField(b, 'data.attempt', words.say('data.attempt'), start + 4, 4, (r) =>
        r === 0 ? words.say('data.firstSend') : words.say('data.retry', { n: String(r) }),
      ),
    );
    if (data.length > 8) {
      const rest = b.subarray(start + 8, end);
      const zeros = rest.every((x) => x === 0);
      children.push(
        field(
          'data.padding',
          'Padding',
          start + 8,
          rest.length,
          zeros ? words.say('data.zeros', { bytes: byteCount(rest.length) }) : hexBytes(rest),
        ),
      );
    }
  }
  const id =
    kind === 'icmpEcho' ? 'data.echo' : kind === 'fragment' ? 'data.fragment' : 'data.payload';
  const payload = field(id, 'Data', start, end - start, payloadText(data), {
    note: byteCount(end - start),
    ...(children.length > 0 ? { children } : {}),
  });
  const name = words.say(
    kind === 'icmpEcho'
      ? 'layer.echoData'
      : kind === 'fragment'
        ? 'layer.fragmentData'
        : 'layer.appData',
  );
  const bytes = byteCount(end - start);
  return {
    id: 'data',
    name,
    summary: message
      ? words.say('summary.dataMessage', { name, bytes, message: messageText(message, language) })
      : words.say('summary.data', { name, bytes }),
    offset: start,
    length: end - start,
    fields: [payload],
  };
}

/** An ICMP error's quote: the offending datagram's IP header and its first 8 data bytes. */
export function quoteLayer(
  b: Uint8Array,
  start: number,
  end: number,
  language: Language = ENGLISH,
): PacketLayer {
  const { field, numberField, words, byteCount } = fieldMakers(language);
  const headerLength = ((b[start] ?? 0) & 0x0f) * 4;
  const layer: PacketLayer = {
    id: 'quote',
    name: words.say('layer.quote'),
    summary: words.say('summary.quote', { bytes: byteCount(end - start) }),
    offset: start,
    length: end - start,
    fields: [],
  };
  if (
    b[start] === undefined ||
    b[start] >> 4 !== 4 ||
    headerLength < 20 ||
    start + headerLength > end
  ) {
    layer.fields.push(
      field('quote.payload', 'Quote', start, end - start, hexBytes(b.subarray(start, end))),
    );
    return layer;
  }
  const valid = internetChecksum(b, start, start + headerLength) === 0;
  layer.fields.push(...ipFields(b, start, 'quote.ip', valid, language));
  const d = start + headerLength;
  const n = Math.min(8, end - d);
  const protocol = b[start + 9];
  if (n >= 4 && (protocol === IP_PROTOCOL.tcp || protocol === IP_PROTOCOL.udp)) {
    const p = protocol === IP_PROTOCOL.tcp ? 'quote.tcp' : 'quote.udp';
    layer.fields.push(
      numberField(b, `${p}.srcPort`, 'Source port', d, 2),
      numberField(b, `${p}.dstPort`, 'Destination port', d + 2, 2),
    );
    if (n >= 8 && protocol === IP_PROTOCOL.tcp)
      layer.fields.push(
        numberField(b, 'quote.tcp.seq', 'Sequence number', d + 4, 4, (r) =>
          words.say('seq.raw', { n: String(r) }),
        ),
      );
    if (n >= 8 && protocol === IP_PROTOCOL.udp) {
      layer.fields.push(
        numberField(b, 'quote.udp.length', 'Length', d + 4, 2, byteCount),
        numberField(b, 'quote.udp.checksum', 'Checksum', d + 6, 2, hex16),
      );
    }
  } else if (n > 0) {
    layer.fields.push(
      field('quote.data', 'First data bytes', d, n, hexBytes(b.subarray(d, d + n))),
    );
  }
  return layer;
}
