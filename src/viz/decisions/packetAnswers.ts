// Packets that answer packets, found in the trace by their contents: the ICMP error a node sent
// about a datagram (its quote holds the datagram's addresses, protocol and ports), the RST that
// answers a segment nobody takes, the echo reply to an echo request; and, the other way, the
// packet an answer is about. An answer leaves after its cause, maybe behind a queue, so the search
// looks a bounded number of the node's packets ahead (or back) and takes the nearest that fits.

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import { carriesIp, type IpRecord } from '../../net/link/linkRecords.ts';
import { readQuote } from '../../net/wire/icmpErrors.ts';
import type { Packet } from '../../net/wire/packet.ts';

/** How many of the node's own link records a search reads before it gives up. */
const REACH = 5_000;

type PacketRecord = IpRecord;

/** The first `type` record of `node` after `index` whose packet passes `test`. */
export function findAhead(
  records: TraceRecords,
  node: string,
  index: number,
  type: 'link.txBegin' | 'link.rx',
  test: (packet: Packet) => boolean,
): PacketRecord | undefined {
  let seen = 0;
  for (let i = index + 1; i < records.length && seen < REACH; i++) {
    if (records.typeAt(i) !== type) continue;
    const r = records.get(i) as TraceRecord<'link.txBegin' | 'link.rx'>;
    if (r.node !== node || !carriesIp(r)) continue;
    seen++;
    if (test(r.packet)) return r;
  }
  return undefined;
}

/** The last `type` record of `node` before `index` whose packet passes `test`. */
export function findBehind(
  records: TraceRecords,
  node: string,
  index: number,
  type: 'link.txBegin' | 'link.rx',
  test: (packet: Packet) => boolean,
): PacketRecord | undefined {
  let seen = 0;
  for (let i = Math.min(index, records.length) - 1; i >= 0 && seen < REACH; i--) {
    if (records.typeAt(i) !== type) continue;
    const r = records.get(i) as TraceRecord<'link.txBegin' | 'link.rx'>;
    if (r.node !== node || !carriesIp(r)) continue;
    seen++;
    if (test(r.packet)) return r;
  }
  return undefined;
}

/** Whether `error` is an ICMP error whose quote is `about` (addresses, protocol, ports, TCP seq). */
export function quotes(error: Packet, about: Packet): boolean {
  const t = error.transport;
  if (t.kind !== 'icmp') return false;
  if (t.message !== 'destinationUnreachable' && t.message !== 'timeExceeded') return false;
  const quote = readQuote(error.payload);
  if (!quote.ok) return false;
  const q = quote.quoted;
  if (q.ip.src !== about.ip.src || q.ip.dst !== about.ip.dst) return false;
  const a = about.transport;
  if (a.kind === 'tcp' || a.kind === 'udp') {
    if (q.protocol !== (a.kind === 'tcp' ? 6 : 17)) return false;
    if (q.srcPort !== a.srcPort || q.dstPort !== a.dstPort) return false;
    return a.kind !== 'tcp' || q.seq === undefined || q.seq === a.seq;
  }
  return q.protocol === 1 && a.kind === 'icmp';
}

/** Whether `rst` is a TCP reset answering segment `about` (the same connection, turned round). */
export function resets(rst: Packet, about: Packet): boolean {
  const r = rst.transport;
  const a = about.transport;
  if (r.kind !== 'tcp' || a.kind !== 'tcp' || !r.flags.rst) return false;
  return (
    rst.ip.src === about.ip.dst &&
    rst.ip.dst === about.ip.src &&
    r.srcPort === a.dstPort &&
    r.dstPort === a.srcPort
  );
}

/** Whether `reply` is the echo reply to echo request `request`. */
export function echoes(reply: Packet, request: Packet): boolean {
  const r = reply.transport;
  const q = request.transport;
  return (
    r.kind === 'icmp' &&
    q.kind === 'icmp' &&
    r.message === 'echoReply' &&
    q.message === 'echoRequest' &&
    r.identifier === q.identifier &&
    r.sequence === q.sequence &&
    reply.ip.dst === request.ip.src
  );
}

/** What a node sent back about a packet, by how it is recognised. */
export type AnswerKind = 'icmpError' | 'rst' | 'echoReply';

/** The packet `node` sent after record `index` answering `about` as `kind` says, if any. */
export function answerTo(
  records: TraceRecords,
  node: string,
  index: number,
  about: Packet,
  kind: AnswerKind,
): Packet | undefined {
  const test =
    kind === 'icmpError'
      ? (p: Packet) => quotes(p, about)
      : kind === 'rst'
        ? (p: Packet) => resets(p, about)
        : (p: Packet) => echoes(p, about);
  return findAhead(records, node, index, 'link.txBegin', test)?.packet;
}
