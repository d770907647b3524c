// The packet an encapsulation step is about: the record its `packet` condition selects (the
// `atLeast`-th record of that type whose fields match), which must name a packet (`pkt`) that went
// onto a link, so the packet inspector has its bytes to quiz on. Used by the headless check and
// by the player, which runs to that moment and opens the quiz on that packet.

import { isArpFrame, type Frame } from '../net/wire/frame.ts';
import { ENGLISH, type Language } from '../engine/language.ts';
import type { TraceRecords } from '../engine/trace.ts';
import { lessonPhrases } from './lessonPhrases.ts';
import { packetHops } from '../viz/packet/index.ts';
import type { Condition } from './conditions.ts';

type RecordCondition = Extract<Condition, { record: string }>;

/** The packet of the step: when its record happened, the packet id and the link to show it on. */
export interface StepPacket {
  t: number;
  pkt: number;
  link: string;
}

/** The packet `condition` selects in `records`, or why there is none (in `language`). */
export function stepPacket(
  condition: RecordCondition,
  records: TraceRecords,
  language: Language = ENGLISH,
): { ok: true; packet: StepPacket } | { ok: false; reason: string } {
  const say = lessonPhrases.in(language).say;
  const fields = Object.entries(condition.where);
  let seen = 0;
  for (let i = 0; i < records.length; i++) {
    if (records.typeAt(i) !== condition.record) continue;
    const r = records.get(i) as unknown as Record<string, unknown>;
    // An ARP frame has no IP headers to predict: the step is about the IP packets alone.
    if (isArpFrameRecord(r)) continue;
    if (!fields.every(([k, v]) => r[k] === v) || ++seen < condition.atLeast) continue;
    const pkt = r.pkt;
    if (typeof pkt !== 'number' || pkt < 0) {
      return { ok: false, reason: say('packet.noPacket', { record: condition.record }) };
    }
    const hops = packetHops(records, pkt);
    const hop = hops.find((h) => h.link === r.link) ?? hops[0];
    if (!hop) return { ok: false, reason: say('packet.neverSent', { pkt: `${pkt}` }) };
    return { ok: true, packet: { t: records.timeAt(i), pkt, link: hop.link } };
  }
  return { ok: false, reason: say('packet.noRecord') };
}

/** Whether a record carries an ARP frame (a link record of one). */
function isArpFrameRecord(r: Record<string, unknown>): boolean {
  const frame = r.packet as Frame | undefined;
  return typeof frame === 'object' && frame !== null && isArpFrame(frame);
}
