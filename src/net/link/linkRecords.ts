// Link records narrowed by what their frame carries: views and tests that follow IP traffic keep
// the records whose frame is an IPv4 packet (`carriesIp`), and ARP frames go their own way.

import type { TraceRecord } from '../../engine/trace.ts';
import { isIpPacket } from '../wire/frame.ts';
import type { Packet } from '../wire/packet.ts';
import './linkTrace.ts';

/** The link record types that carry a frame. */
export type FrameRecordType = 'link.txBegin' | 'link.rx';

/** A `link.txBegin` or `link.rx` whose frame is an IPv4 packet. */
export type IpRecord<K extends FrameRecordType = FrameRecordType> = TraceRecord<K> & {
  packet: Packet;
};

/** Whether the link record's frame is an IPv4 packet (not ARP); narrows its `packet`. */
export function carriesIp<K extends FrameRecordType>(
  record: TraceRecord<K>,
): record is IpRecord<K> {
  return isIpPacket(record.packet);
}
