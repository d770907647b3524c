// A packet's passages through nodes, read from the trace: every record that names the packet
// (`pkt`) and a node, split per node into visits. A visit begins where the packet arrives
// (`link.rx`); what a node recorded of a packet before any arrival there is the node making it.
// A packet seen twice by one node (a duplicate, a loop) makes two visits. An ARP frame has visits
// too: its asker or answerer making it (`arp.request`, `arp.reply`), each switch and station it
// reached.

import type { TraceRecord, TraceRecords, TraceType } from '../../engine/trace.ts';
import type { Indexed, Visit } from './decisionTypes.ts';
import { isIpPacket } from '../../net/wire/frame.ts';

/**
 * The record types that name a packet at a node, which the deciders read. A new kind of decision
 * that reads a new record type with a `pkt` adds it here.
 */
export const PACKET_AT_NODE_TYPES: ReadonlySet<TraceType> = new Set<TraceType>([
  'link.rx',
  'link.txBegin',
  'link.lost',
  'queue.drop',
  'switch.forward',
  'switch.filter',
  'ip.forward',
  'ip.deliver',
  'ip.drop',
  'transport.drop',
  'fw.verdict',
  'fw.log',
  'nat.translate',
  'nat.unmatched',
  'nat.drop',
  'tcp.refused',
  'tcp.synDropped',
  'tcp.synQueueFull',
  'tcp.synCookie',
  'tcp.cookieAck',
  'tcp.cookieDropped',
  'app.request',
  'app.serve',
  'arp.request',
  'arp.reply',
  'arp.announce',
]);

/** Every record of the trace naming packet `pkt` at a node, in trace order, with its index. */
export function packetRecords(records: TraceRecords, pkt: number): Indexed[] {
  const out: Indexed[] = [];
  for (let i = 0; i < records.length; i++) {
    if (!PACKET_AT_NODE_TYPES.has(records.typeAt(i))) continue;
    const record = records.get(i);
    if ('pkt' in record && record.pkt === pkt && 'node' in record) out.push({ index: i, record });
  }
  return out;
}

/** The nodes a packet passed through, in the order it first reached each. */
export function visitedNodes(own: readonly Indexed[]): string[] {
  const nodes: string[] = [];
  for (const { record } of own) {
    const node = (record as TraceRecord & { node: string }).node;
    if (!nodes.includes(node)) nodes.push(node);
  }
  return nodes;
}

/** The packet's visits to `node`, in order: its making there (if it was made there), then each arrival. */
export function visitsAt(own: readonly Indexed[], pkt: number, node: string): Visit[] {
  const visits: Visit[] = [];
  let current: Visit | undefined;
  for (const item of own) {
    const r = item.record;
    if (!('node' in r) || r.node !== node) continue;
    if (r.type === 'link.rx') {
      current = { node, pkt, made: false, frame: r.packet, t: r.t, own: [item] };
      if (isIpPacket(r.packet)) current.packet = r.packet;
      visits.push(current);
      continue;
    }
    if (!current) {
      current = { node, pkt, made: true, t: r.t, own: [] };
      visits.push(current);
    }
    current.own.push(item);
    if (current.made && !current.frame && r.type === 'link.txBegin') {
      current.frame = r.packet;
      if (isIpPacket(r.packet)) current.packet = r.packet;
    }
  }
  return visits;
}

/** The visit's first record of `type`, if any. */
export function first<K extends TraceType>(
  visit: Visit,
  type: K,
): Indexed<TraceRecord<K>> | undefined {
  return visit.own.find((i) => i.record.type === type) as Indexed<TraceRecord<K>> | undefined;
}

/** Every record of `type` in the visit. */
export function all<K extends TraceType>(visit: Visit, type: K): Indexed<TraceRecord<K>>[] {
  return visit.own.filter((i) => i.record.type === type) as Indexed<TraceRecord<K>>[];
}
