// A packet hop as TraceIndex keeps it: every field but the packet, which is read from the trace
// by the position of its link.txBegin when first asked (one packet object per hop was most of the
// index's memory on a long run), then kept.

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import type { Frame } from '../../net/wire/frame.ts';
import type { Hop, HopProtocol } from './traceIndex.ts';

/**
 * A hop as the index keeps it: its packet is not held but read from the trace when first asked
 * (a packet object per hop was most of the index's memory), then kept.
 */
export class IndexedHop implements Hop {
  id = 0;
  pkt = 0;
  link = '';
  fromNode = '';
  fromIface = '';
  toNode: string | null = null;
  toIface: string | null = null;
  txBegin = 0;
  txEnd: number | null = null;
  rx: number | null = null;
  drop: Hop['drop'] = null;
  bytes = 0;
  protocol: HopProtocol = 'other';
  retransmit = false;
  duplicate = false;
  visibleUntil = 0;
  private read: Frame | null | undefined;

  /** `packetAt`: the position in `records` of the `link.txBegin` with the packet, or -1. */
  constructor(
    private readonly records: TraceRecords,
    private readonly packetAt: number,
  ) {}

  get packet(): Frame | null {
    if (this.read === undefined) {
      this.read =
        this.packetAt < 0
          ? null
          : (this.records.get(this.packetAt) as TraceRecord<'link.txBegin'>).packet;
    }
    return this.read;
  }

  /** The same hop under another id (a duplicated packet's second arrival). */
  copy(id: number): IndexedHop {
    const hop = new IndexedHop(this.records, this.packetAt);
    Object.assign(hop, this, { id });
    return hop;
  }
}
