// Decisions about an ARP frame itself (RFC 826), when a learner selects one: who asked and for
// which address, who answered and with which MAC, and what each cache learned from it. Read from
// the asker's `arp.request` and the answerer's `arp.reply` (which name the frame they made), and
// from the `arp.learn` and `arp.reply` a node records at the moment a frame reached it.

import type { TraceRecord } from '../../engine/trace.ts';
import { isArpFrame, type ArpFrame } from '../../net/wire/frame.ts';
import { isGratuitous } from '../../net/wire/arpForms.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { formatMac, isBroadcast } from '../../net/wire/mac.ts';
import { STAGE, type DecisionContext, type DecisionStep, type Decider } from './decisionTypes.ts';
import { macText, neighLine, ownMac } from './linkTables.ts';
import { first } from './packetVisits.ts';

/** A step of ARP's, on the link layer. */
function step(t: number, way: DecisionStep['way'], text: string, more: Partial<DecisionStep> = {}) {
  const s: DecisionStep = { t, layer: 'link', way, text, outcome: 'go', stage: STAGE.arp };
  return Object.assign(s, more);
}

/** The node's records from record `index` on that share its time, of `type`. */
function sameMoment<K extends 'arp.learn' | 'arp.reply' | 'link.rx'>(
  context: DecisionContext,
  node: string,
  index: number,
  type: K,
  direction: 1 | -1,
): { index: number; record: TraceRecord<K> }[] {
  const { records } = context;
  const t = records.timeAt(index);
  const out: { index: number; record: TraceRecord<K> }[] = [];
  for (let i = index + direction; i >= 0 && i < records.length; i += direction) {
    if (records.timeAt(i) !== t) break;
    if (records.typeAt(i) !== type) continue;
    const record = records.get(i) as TraceRecord<K>;
    if ('node' in record && record.node === node) out.push({ index: i, record });
  }
  return out;
}

/** The node's last `arp.request` for `target` on `iface` before record `index`. */
function requestBefore(
  context: DecisionContext,
  node: string,
  iface: string,
  target: string,
  index: number,
): TraceRecord<'arp.request'> | undefined {
  const { records } = context;
  for (let i = index - 1; i >= 0; i--) {
    if (records.typeAt(i) !== 'arp.request') continue;
    const r = records.get(i) as TraceRecord<'arp.request'>;
    if (r.node === node && r.iface === iface && r.target === target) return r;
  }
  return undefined;
}

/** What the asker, the answerer and every station on the way made of an ARP frame. */
export const arpFrames: Decider = (visit, context) => {
  const { say } = context;
  // The asker and the answerer say what they made even if it never left (a link down).
  const request = first(visit, 'arp.request');
  if (request) {
    const { target, iface, probe, t } = request.record;
    // The frame says who asks (an address DHCP gave is in no document); else the document.
    const made = visit.frame && isArpFrame(visit.frame) ? visit.frame.arp.senderIp : undefined;
    const address = context.spec?.interfaces?.find((i) => i.name === iface)?.address?.address;
    const asker = made ?? address;
    const mac = ownMac(context, visit.node, iface);
    const text = say('arpFrame.asks', {
      target,
      iface,
      asker: asker === undefined ? '?' : formatIpv4(asker),
      mac: mac === undefined ? '?' : formatMac(mac),
      probe: String(probe),
    });
    return [step(t, 'out', text, { entry: neighLine(target, iface, null, 'INCOMPLETE') })];
  }
  const reply = first(visit, 'arp.reply');
  if (reply) {
    const { ip, mac, to, iface, t } = reply.record;
    const asked = sameMoment(context, visit.node, reply.index, 'link.rx', -1).find(
      (rx) => isArpFrame(rx.record.packet) && rx.record.packet.arp.operation === 'request',
    )?.record;
    const askerMac =
      asked && isArpFrame(asked.packet) ? formatMac(asked.packet.arp.senderMac) : null;
    const s = step(t, 'out', say('arpFrame.answers', { ip, mac, to, iface }), {
      entry: neighLine(to, iface, askerMac, 'REACHABLE'),
    });
    if (asked) s.about = asked.pkt;
    return [s];
  }
  const announce = first(visit, 'arp.announce');
  if (announce) {
    const { ip, mac, iface, count, t } = announce.record;
    const text = say('arpFrame.announces', { ip, mac, iface, count: String(count) });
    return [step(t, 'out', text)];
  }
  const frame = visit.frame;
  const rx = first(visit, 'link.rx');
  if (!rx || !frame || !isArpFrame(frame)) return [];
  return arrived(context, visit.node, rx, frame);
};

/** An ARP frame that reached a station: a request for it (or not), or the reply it waited for. */
function arrived(
  context: DecisionContext,
  node: string,
  rx: { index: number; record: TraceRecord<'link.rx'> },
  frame: ArpFrame,
): DecisionStep[] {
  const { say } = context;
  const { iface, t } = rx.record;
  const own = ownMac(context, node, iface);
  // A switch has no MAC on its ports; a frame for another station stops at the card.
  if (own === undefined || (frame.eth.dst !== own && !isBroadcast(frame.eth.dst))) return [];
  const { arp } = frame;
  const sender = formatIpv4(arp.senderIp);
  const senderMac = macText(context, arp.senderMac);
  const target = formatIpv4(arp.targetIp);
  const learn = sameMoment(context, node, rx.index, 'arp.learn', 1).find(
    (l) => l.record.iface === iface && l.record.ip === sender,
  );
  const entry = learn
    ? { entry: neighLine(sender, iface, learn.record.mac, 'REACHABLE') }
    : ({} as Partial<DecisionStep>);
  if (arp.operation === 'request') {
    const answer = sameMoment(context, node, rx.index, 'arp.reply', 1).find(
      (r) => r.record.iface === iface && r.record.to === sender,
    );
    if (answer) {
      const text = say('arpFrame.forMe', { target, iface, sender, mac: senderMac });
      return [step(t, 'in', text, { ...entry, sent: answer.record.pkt, outcome: 'end' })];
    }
    const key = learn
      ? 'arpFrame.gratuitous'
      : isGratuitous(arp)
        ? 'arpFrame.gratuitousIgnored'
        : 'arpFrame.notForMe';
    return [step(t, 'in', say(key, { target, sender, mac: senderMac }), { outcome: 'end' })];
  }
  if (!learn) {
    return [step(t, 'in', say('arpFrame.unasked', { sender }), { outcome: 'end' })];
  }
  const s = step(t, 'in', say('arpFrame.answer', { sender, mac: senderMac }), {
    ...entry,
    outcome: 'end',
  });
  const asked = requestBefore(context, node, iface, sender, rx.index);
  if (asked) s.about = asked.pkt;
  return [s];
}
