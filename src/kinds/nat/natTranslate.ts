// A NAT's per-packet work, pure functions over its table (DESIGN.md §4): a packet leaving by the
// public side (outbound) or arriving on it (inbound) comes back rewritten as a new Packet, the
// original untouched, or with the reason it was not translated. Only fields change: the encoder
// (packetCodec.ts) computes the IP, TCP, UDP and ICMP checksums from the fields when the packet is
// written, so no checksum is patched here, except inside an ICMP error's quote, which is bytes.

import { checkDamage } from '../../net/wire/corruption.ts';
import { icmpTypeCode } from '../../net/wire/packet.ts';
import type { Packet, Transport } from '../../net/wire/packet.ts';
import { invert, tupleOf } from '../firewall/flowTuple.ts';
import type { FlowTuple } from '../firewall/flowTuple.ts';
import { ICMP_ERROR_TYPES, quotedTuple, rewriteQuote } from './natQuote.ts';
import { NO_FREE_PORT } from './natTable.ts';
import type { NatDirection, NatEntry, NatEvent, NatTable } from './natTable.ts';

/**
 * Why a packet was not translated: `no-match` (no flow and no rule: it passes as it is, or is
 * the router's own), `cannot-start-flow` (a rule applies but a TCP RST, FIN or SYN+ACK, or an
 * ICMP echo reply, cannot open a flow), `no-free-port` (Linux drops it), `unsupported` (a
 * fragment after the first, an ICMP message that is neither echo nor an error, an error whose
 * quote is too short).
 */
/** `invalid`: a link damaged it after its IP header, which conntrack's checksum check refuses. */
export type NatRefusal =
  'no-match' | 'cannot-start-flow' | 'no-free-port' | 'unsupported' | 'invalid';

/** A translated packet with its entry, or why there is none. */
export type NatResult =
  | {
      translated: true;
      packet: Packet;
      entry: NatEntry;
      /** The packet's direction in its flow (an ICMP error: against the datagram it quotes). */
      direction: NatDirection;
      /** Whether this packet made the entry. */
      created: boolean;
      event?: NatEvent;
    }
  | { translated: false; reason: NatRefusal };

/** A packet leaving by the public side: masqueraded, or the answer of a forwarded flow. */
export function translateOutbound(table: NatTable, packet: Packet, now: number): NatResult {
  return translate(table, packet, now, 'outbound');
}

/** A packet arriving on the public side: the answer of a masqueraded flow, or a forwarded one. */
export function translateInbound(table: NatTable, packet: Packet, now: number): NatResult {
  return translate(table, packet, now, 'inbound');
}

type Way = 'outbound' | 'inbound';

function translate(table: NatTable, packet: Packet, now: number, way: Way): NatResult {
  // conntrack marks a packet whose transport checksum fails INVALID, and NAT leaves it untouched.
  if (packet.corruptBits !== undefined && checkDamage(packet).caught === 'transport')
    return refuse('invalid');
  const t = packet.transport;
  if (t.kind === 'raw') return refuse('unsupported');
  if (t.kind === 'icmp') {
    if (ICMP_ERROR_TYPES.has(icmpTypeCode(t).type)) return translateError(table, packet, now, way);
    if (t.message !== 'echoRequest' && t.message !== 'echoReply') return refuse('unsupported');
  }
  const tuple = tupleOf(packet);
  const found = table.lookup(tuple, now);
  if (found) {
    const { entry, direction } = found;
    const to = direction === 'original' ? invert(entry.reply) : invert(entry.original);
    const event = table.touch(entry, direction, packet, now);
    const result: NatResult = {
      translated: true,
      packet: rewrite(packet, to),
      entry,
      direction,
      created: false,
    };
    if (event) result.event = event;
    return result;
  }
  const forward = way === 'inbound' ? table.forwardFor(tuple) : undefined;
  if (way === 'outbound' ? !table.masquerades(tuple) : !forward) return refuse('no-match');
  if (!canStartFlow(packet)) return refuse('cannot-start-flow');
  const entry = forward ? table.addDnat(tuple, forward, now) : table.addSnat(tuple, now);
  if (entry === NO_FREE_PORT) return refuse('no-free-port');
  const translated = rewrite(packet, invert(entry.reply));
  return { translated: true, packet: translated, entry, direction: 'original', created: true };
}

/**
 * An ICMP error about a translated datagram: the quote is turned back to the datagram as it was
 * on the error's far side, and the outer header follows, as Linux does: outbound, the source
 * becomes the address the quoted datagram was sent to (the public one); inbound, the destination
 * becomes the address it came from (the private one).
 */
function translateError(table: NatTable, packet: Packet, now: number, way: Way): NatResult {
  const quoted = quotedTuple(packet.payload);
  if (!quoted) return refuse('unsupported');
  const found = table.lookup(invert(quoted), now);
  if (!found) return refuse('no-match');
  const { entry, direction } = found;
  const inner: FlowTuple = direction === 'reply' ? entry.original : entry.reply;
  const ip =
    way === 'outbound' ? { ...packet.ip, src: inner.dst } : { ...packet.ip, dst: inner.src };
  const payload = rewriteQuote(packet.payload, quoted, inner);
  const translated: Packet = { id: packet.id, ip, transport: packet.transport, payload };
  return { translated: true, packet: translated, entry, direction, created: false };
}

/** conntrack's tcp_new and ICMP rules: what may open a flow (a bare ACK may: tcp_loose). */
function canStartFlow(packet: Packet): boolean {
  const t = packet.transport;
  if (t.kind === 'tcp') return !(t.flags.rst || t.flags.fin || (t.flags.syn && t.flags.ack));
  if (t.kind === 'icmp') return t.message === 'echoRequest';
  return true;
}

/** The packet with its addresses and ports (ICMP echo: identifier) those of `to`; same id and payload. */
function rewrite(packet: Packet, to: FlowTuple): Packet {
  const ip = { ...packet.ip, src: to.src, dst: to.dst };
  const t = packet.transport;
  let transport: Transport = t;
  if (t.kind === 'tcp' || t.kind === 'udp') {
    transport = { ...t, srcPort: to.srcPort, dstPort: to.dstPort };
  } else if (t.kind === 'icmp' && (t.message === 'echoRequest' || t.message === 'echoReply')) {
    transport = { ...t, identifier: to.srcPort };
  }
  return { id: packet.id, ip, transport, payload: packet.payload };
}

function refuse(reason: NatRefusal): NatResult {
  return { translated: false, reason };
}
