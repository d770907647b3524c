// A DHCP message (RFC 2131 figure 1) dissected from a UDP payload's exact bytes: the fixed BOOTP
// fields at their offsets, the magic cookie, each option of RFC 2132 with its code, length and
// data, and the zeros after End. Reads the bytes itself, not with the DHCP codec (src/net/app/dhcp),
// and shows whatever is there: a message the codec would refuse is still dissected field by field.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { DHCP_CLIENT_PORT, DHCP_SERVER_PORT, dhcpMessageTypeOf } from '../../net/app/dhcpPorts.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { formatMac, readMac } from '../../net/wire/mac.ts';
import { dhcpFieldPhrases } from './dhcpFieldPhrases.ts';
import {
  fieldMakers,
  hex16,
  hexBytes,
  readUint,
  type PacketField,
  type PacketLayer,
} from './packetFieldModel.ts';

/** Option codes with the help key and the name Wireshark gives them. */
const OPTIONS: Record<number, [key: string, name: string]> = {
  0: ['pad', 'Padding'],
  1: ['subnetMask', 'Subnet Mask'],
  3: ['router', 'Router'],
  6: ['dnsServer', 'Domain Name Server'],
  12: ['hostName', 'Host Name'],
  50: ['requestedIp', 'Requested IP Address'],
  51: ['leaseTime', 'IP Address Lease Time'],
  53: ['messageType', 'DHCP Message Type'],
  54: ['serverId', 'DHCP Server Identifier'],
  55: ['parameterRequestList', 'Parameter Request List'],
  56: ['message', 'Message'],
  58: ['renewalTime', 'Renewal Time Value'],
  59: ['rebindingTime', 'Rebinding Time Value'],
  61: ['clientId', 'Client identifier'],
  255: ['end', 'End'],
};

/** Option 53's values (RFC 2132 section 9.6). */
const MESSAGE_TYPES = [
  '',
  'DISCOVER',
  'OFFER',
  'REQUEST',
  'DECLINE',
  'ACK',
  'NAK',
  'RELEASE',
  'INFORM',
];

const isDhcpPort = (port: number) => port === DHCP_SERVER_PORT || port === DHCP_CLIENT_PORT;

/** Whether a UDP datagram between ports `src` and `dst` carries a DHCP message in `payload`. */
export function isDhcpDatagram(src: number, dst: number, payload: Uint8Array): boolean {
  return isDhcpPort(src) && isDhcpPort(dst) && dhcpMessageTypeOf(payload) !== undefined;
}

/** `Option: (3) Router`, as Wireshark names an option; `Option: (224) Unknown` for others. */
function optionName(code: number): string {
  return `Option: (${code}) ${OPTIONS[code]?.[1] ?? 'Unknown'}`;
}

/** The DHCP message in bytes [start, end) (the UDP payload), as the inspector's last layer. */
export function dhcpLayer(
  b: Uint8Array,
  start: number,
  end: number,
  language: Language = ENGLISH,
): PacketLayer {
  const m = fieldMakers(language);
  const { field, numberField, bitField, byteCount, words } = m;
  const say = dhcpFieldPhrases.in(language);
  const o = start;
  const ip = (at: number) => formatIpv4(readUint(b, at, 4));
  const text = (at: number, size: number) => {
    const bytes = b.subarray(at, at + size);
    const nul = bytes.indexOf(0);
    const shown = bytes.subarray(0, nul < 0 ? size : nul);
    return shown.length === 0 ? say.say('empty') : new TextDecoder().decode(shown);
  };
  const mac = formatMac(readMac(b, o + 28));
  const fields: PacketField[] = [
    numberField(b, 'dhcp.op', 'Message type', o, 1, (r) =>
      r === 1 ? 'Boot Request (1)' : r === 2 ? 'Boot Reply (2)' : String(r),
    ),
    numberField(b, 'dhcp.htype', 'Hardware type', o + 1, 1, (r) =>
      r === 1 ? 'Ethernet (1)' : String(r),
    ),
    numberField(b, 'dhcp.hlen', 'Hardware address length', o + 2, 1),
    numberField(b, 'dhcp.hops', 'Hops', o + 3, 1),
    numberField(b, 'dhcp.xid', 'Transaction ID', o + 4, 4, hex32),
    numberField(b, 'dhcp.secs', 'Seconds elapsed', o + 8, 2, (r) =>
      say.say('seconds', { count: String(r) }),
    ),
    numberField(
      b,
      'dhcp.flags',
      'Bootp flags',
      o + 10,
      2,
      (r) => say.say(r & 0x8000 ? 'flags.broadcast' : 'flags.unicast', { value: hex16(r) }),
      {
        children: [
          bitField(b, 'dhcp.flags.broadcast', 'Broadcast flag', o + 10, 2, bit(0, 1), (r) =>
            m.bitText(r),
          ),
          bitField(b, 'dhcp.flags.reserved', 'Reserved flags', o + 10, 2, bit(1, 15), hex16),
        ],
      },
    ),
    field('dhcp.ciaddr', 'Client IP address', o + 12, 4, ip(o + 12)),
    field('dhcp.yiaddr', 'Your (client) IP address', o + 16, 4, ip(o + 16)),
    field('dhcp.siaddr', 'Next server IP address', o + 20, 4, ip(o + 20)),
    field('dhcp.giaddr', 'Relay agent IP address', o + 24, 4, ip(o + 24)),
    field('dhcp.chaddr', 'Client hardware address', o + 28, 16, mac, {
      children: [
        field('dhcp.chaddr.mac', 'Client MAC address', o + 28, 6, mac),
        field(
          'dhcp.chaddr.padding',
          'Client hardware address padding',
          o + 34,
          10,
          hexBytes(b.subarray(o + 34, o + 44)),
        ),
      ],
    }),
    field('dhcp.sname', 'Server host name', o + 44, 64, text(o + 44, 64)),
    field('dhcp.file', 'Boot file name', o + 108, 128, text(o + 108, 128)),
    numberField(b, 'dhcp.cookie', 'Magic cookie', o + 236, 4, (r) =>
      r === 0x63825363 ? 'DHCP (99.130.83.99)' : hex32(r),
    ),
  ];
  const options: PacketField[] = [];
  let at = o + 240;
  while (at < end) {
    const code = b[at] ?? 0;
    const id = `dhcp.option.${options.length}`;
    const [key] = OPTIONS[code] ?? ['unknown'];
    const about = m.help(`dhcp.option.${key}`);
    if (code === 0 || code === 255) {
      options.push(field(id, optionName(code), at, 1, String(code), { raw: code, about }));
      at++;
      if (code === 255) break;
      continue;
    }
    const length = Math.min(b[at + 1] ?? 0, Math.max(0, end - at - 2));
    const data = b.subarray(at + 2, at + 2 + length);
    const value = optionValue(code, data, say);
    const parts = [
      numberField(b, `${id}.code`, 'Option', at, 1, String, { about: m.help('dhcp.option.code') }),
      numberField(b, `${id}.length`, 'Length', at + 1, 1, String, {
        about: m.help('dhcp.option.length'),
      }),
    ];
    if (length > 0) {
      parts.push(
        field(`${id}.value`, OPTIONS[code]?.[1] ?? 'Value', at + 2, length, value, {
          about: m.help('dhcp.option.value'),
        }),
      );
    }
    options.push(field(id, optionName(code), at, 2 + length, value, { about, children: parts }));
    at += 2 + length;
  }
  const optionsEnd = at;
  fields.push(
    field(
      'dhcp.options',
      'Options',
      o + 240,
      optionsEnd - o - 240,
      byteCount(optionsEnd - o - 240),
      {
        children: options,
      },
    ),
  );
  if (optionsEnd < end) {
    const rest = b.subarray(optionsEnd, end);
    fields.push(
      field(
        'dhcp.padding',
        'Padding',
        optionsEnd,
        end - optionsEnd,
        rest.every((x) => x === 0)
          ? words.say('data.zeros', { bytes: byteCount(rest.length) })
          : hexBytes(rest),
      ),
    );
  }
  return {
    id: 'data',
    name: 'DHCP',
    summary: say.say('summary', {
      type: dhcpMessageTypeOf(b.subarray(start, end)) ?? '?',
      xid: hex32(readUint(b, o + 4, 4)),
    }),
    offset: start,
    length: end - start,
    fields,
  };
}

function bit(first: number, count: number) {
  return { first, count };
}

function hex32(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

/** An option's data as people read it, by the option's layout in RFC 2132. */
function optionValue(
  code: number,
  data: Uint8Array,
  say: ReturnType<typeof dhcpFieldPhrases.in>,
): string {
  const u32s = (): number[] =>
    data.length > 0 && data.length % 4 === 0
      ? Array.from({ length: data.length / 4 }, (_, i) => readUint(data, 4 * i, 4))
      : [];
  switch (code) {
    case 53: {
      const t = data[0] ?? 0;
      return data.length === 1 && MESSAGE_TYPES[t] ? `${MESSAGE_TYPES[t]} (${t})` : hexBytes(data);
    }
    case 1:
    case 3:
    case 6:
    case 50:
    case 54: {
      const list = u32s();
      return list.length > 0 ? list.map(formatIpv4).join(', ') : hexBytes(data);
    }
    case 51:
    case 58:
    case 59: {
      if (data.length !== 4) return hexBytes(data);
      const seconds = readUint(data, 0, 4);
      return seconds === 0xffffffff
        ? say.say('infinite')
        : say.say('seconds', { count: String(seconds) }) + durationText(seconds);
    }
    case 55:
      return [...data].map((c) => `${c}${OPTIONS[c] ? ` (${OPTIONS[c][1]})` : ''}`).join(', ');
    case 61:
      return data.length === 7 && data[0] === 1
        ? `Ethernet (1), ${formatMac(readMac(data, 1))}`
        : hexBytes(data);
    case 12:
    case 56:
      return new TextDecoder().decode(data);
    default:
      return hexBytes(data);
  }
}

/** ` (1 h 30 min)` after a count of seconds of a minute or more; '' for less. */
function durationText(seconds: number): string {
  if (seconds < 60) return '';
  const parts: string[] = [];
  const units: [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  let left = seconds;
  for (const [size, unit] of units) {
    const n = Math.floor(left / size);
    left -= n * size;
    if (n > 0) parts.push(`${n} ${unit}`);
  }
  return ` (${parts.join(' ')})`;
}
