// How a tracked TCP flow ends, as netfilter's conntrack follows it (shared by the firewall's
// connection table and the NAT table): a RST ends it at once; a FIN in each direction, once the
// other side has acknowledged it (its sequence number plus one, past any data with it), ends it.

import { segmentLength } from '../../net/tcp/segment.ts';
import { seqAdd, seqGe } from '../../net/tcp/seq.ts';
import type { Packet } from '../../net/wire/packet.ts';

export type FlowDirection = 'original' | 'reply';

/** Per direction: the acknowledgment number covering its FIN once one was sent, and whether it came. */
export interface TcpCloseState {
  finAckAt: { original?: number; reply?: number };
  finAcked: { original: boolean; reply: boolean };
}

/** A flow's close state before any FIN. */
export function openTcpClose(): TcpCloseState {
  return { finAckAt: {}, finAcked: { original: false, reply: false } };
}

/**
 * What a TCP packet going `direction` does to its flow's close: `reset` (a RST), `closed` (both
 * FINs now acknowledged), `fin` (this direction's first FIN), or nothing. Updates `state`.
 */
export function tcpCloseStep(
  state: TcpCloseState,
  direction: FlowDirection,
  packet: Packet,
): 'reset' | 'closed' | 'fin' | undefined {
  const t = packet.transport;
  if (t.kind !== 'tcp') return undefined;
  if (t.flags.rst) return 'reset';
  const other: FlowDirection = direction === 'original' ? 'reply' : 'original';
  const finAt = state.finAckAt[other];
  if (t.flags.ack && finAt !== undefined && seqGe(t.ack, finAt)) state.finAcked[other] = true;
  let step: 'fin' | undefined;
  if (t.flags.fin && state.finAckAt[direction] === undefined) {
    const length = segmentLength({ seq: t.seq, data: packet.payload, syn: t.flags.syn, fin: true });
    state.finAckAt[direction] = seqAdd(t.seq, length);
    step = 'fin';
  }
  return state.finAcked.original && state.finAcked.reply ? 'closed' : step;
}
