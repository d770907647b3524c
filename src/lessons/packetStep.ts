// The packet an encapsulation step is about: the record its `packet` condition selects (the
// `atLeast`-th record of that type whose fields match), which must name a packet (`pkt`) that went
// onto a link, so the packet inspector has its bytes to quiz on. Used by the headless check and
// by the player, which runs to that moment and opens the quiz on that packet.

import type { TraceRecords } from '../engine/trace.ts';
import { packetHops } from '../viz/packet/index.ts';
import type { Condition } from './conditions.ts';

type RecordCondition = Extract<Condition, { record: string }>;

/** The packet of the step: when its record happened, the packet id and the link to show it on. */
export interface StepPacket {
  t: number;
  pkt: number;
  link: string;
}

/** The packet `condition` selects in `records`, or why there is none. */
export function stepPacket(
  condition: RecordCondition,
  records: TraceRecords,
): { ok: true; packet: StepPacket } | { ok: false; reason: string } {
  const fields = Object.entries(condition.where);
  let seen = 0;
  for (let i = 0; i < records.length; i++) {
    if (records.typeAt(i) !== condition.record) continue;
    const r = records.get(i) as unknown as Record<string, unknown>;
    if (!fields.every(([k, v]) => r[k] === v) || ++seen < condition.atLeast) continue;
    const pkt = r.pkt;
    if (typeof pkt !== 'number' || pkt < 0) {
      return { ok: false, reason: `the ${condition.record} record it selects names no packet` };
    }
    const hops = packetHops(records, pkt);
    const hop = hops.find((h) => h.link === r.link) ?? hops[0];
    if (!hop) return { ok: false, reason: `packet #${pkt} never went onto a link` };
    return { ok: true, packet: { t: records.timeAt(i), pkt, link: hop.link } };
  }
  return { ok: false, reason: 'no record of the run matches its "packet" condition' };
}
