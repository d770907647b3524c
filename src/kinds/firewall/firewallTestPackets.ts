// Test support for the firewall's tests: packets written the way a ladder diagram reads
// (`tcp('10.0.0.2:49152', '10.0.0.1:80', 'S', { seq })`), and addresses and prefixes from text.

import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import type { Ipv4Prefix } from '../../net/wire/ipv4Address.ts';
import { ipv4Header, tcpFlags } from '../../net/wire/packet.ts';
import type { Packet, TcpFlags } from '../../net/wire/packet.ts';
import { parseCidr } from './firewallChecks.ts';

let nextId = 1;

/** An address from text; throws on a typo (tests only). */
export function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

/** A prefix or address (as /32) from text; throws on a typo (tests only). */
export function cidr(text: string): Ipv4Prefix {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function endpoint(text: string): { address: number; port: number } {
  const [address = '', port = '0'] = text.split(':');
  return { address: ip(address), port: Number(port) };
}

const LETTERS: Record<string, keyof TcpFlags> = {
  S: 'syn',
  A: 'ack',
  F: 'fin',
  R: 'rst',
  P: 'psh',
  U: 'urg',
};

/** A TCP segment from `a.b.c.d:port` to `e.f.g.h:port` with flags as letters (`SA` = SYN+ACK). */
export function tcp(
  from: string,
  to: string,
  flags: string,
  fields: { seq?: number; ack?: number; data?: Uint8Array } = {},
): Packet {
  const src = endpoint(from);
  const dst = endpoint(to);
  return {
    id: nextId++,
    ip: ipv4Header({ src: src.address, dst: dst.address }),
    transport: {
      kind: 'tcp',
      srcPort: src.port,
      dstPort: dst.port,
      seq: fields.seq ?? 1000,
      ack: fields.ack ?? 0,
      flags: tcpFlags(Object.fromEntries([...flags].map((l) => [LETTERS[l], true]))),
      window: 64240,
      urgentPointer: 0,
      options: [],
    },
    payload: fields.data ?? new Uint8Array(0),
  };
}

/** A UDP datagram from `a.b.c.d:port` to `e.f.g.h:port`. */
export function udp(from: string, to: string, data = new Uint8Array(12)): Packet {
  const src = endpoint(from);
  const dst = endpoint(to);
  return {
    id: nextId++,
    ip: ipv4Header({ src: src.address, dst: dst.address, dontFragment: false }),
    transport: { kind: 'udp', srcPort: src.port, dstPort: dst.port },
    payload: data,
  };
}

/** An ICMP echo request or reply. */
export function echo(
  from: string,
  to: string,
  message: 'echoRequest' | 'echoReply',
  identifier = 7,
): Packet {
  return {
    id: nextId++,
    ip: ipv4Header({ src: ip(from), dst: ip(to) }),
    transport: { kind: 'icmp', message, identifier, sequence: 1 },
    payload: new Uint8Array(8),
  };
}
