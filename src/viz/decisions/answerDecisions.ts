// What a node sent back because of a packet: an ICMP error (TTL ran out, no route, no transport, no
// UDP socket, a REJECT rule), a TCP reset (no socket, a REJECT rule), an echo reply. The answer is
// a packet of its own; it is found in the trace by what it quotes or answers (packetAnswers.ts),
// and a step names it so a learner can open it.

import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { mayTriggerIcmpError } from '../../net/ip/icmpPolicy.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { icmpMessageName } from '../packet/index.ts';
import { STAGE, type DecisionStep, type Decider, type Visit } from './decisionTypes.ts';
import { innerPacket } from './innerPacket.ts';
import { answerTo, type AnswerKind } from './packetAnswers.ts';
import { socketsBefore } from './nodeTables.ts';
import type { DecisionContext } from './decisionTypes.ts';

/** What the node should have answered the visit's packet with, if anything. */
function expected(visit: Visit, packet: Packet, context: DecisionContext): AnswerKind | undefined {
  let kind: AnswerKind | undefined;
  for (const { record: r, index } of visit.own) {
    if (r.type === 'ip.drop' && (r.reason === 'ttl' || r.reason === 'noProtocol'))
      kind = 'icmpError';
    else if (r.type === 'ip.drop' && r.reason === 'noRoute' && !visit.made) kind = 'icmpError';
    else if (r.type === 'ip.drop' && r.reason === 'arpFailed' && !visit.made) kind = 'icmpError';
    else if (r.type === 'tcp.refused') kind = 'rst';
    else if (r.type === 'fw.verdict' && r.verdict === 'REJECT')
      kind = packet.transport.kind === 'tcp' ? undefined : 'icmpError';
    else if (r.type === 'ip.deliver') {
      const h = packet.transport;
      if (h.kind === 'icmp' && h.message === 'echoRequest') kind = 'echoReply';
      else if (
        h.kind === 'udp' &&
        !socketsBefore(context.records, visit.node, index).udp.has(h.dstPort)
      )
        kind = 'icmpError';
    }
  }
  // A REJECT of a TCP segment answers with a reset or an ICMP error, as its rule says: look for both.
  const rejected = visit.own.some(
    (i) => i.record.type === 'fw.verdict' && i.record.verdict === 'REJECT',
  );
  if (rejected && packet.transport.kind === 'tcp') return 'rst';
  return kind;
}

/** The packet sent back, as a step naming it. */
export const answers: Decider = (visit, context) => {
  const packet = innerPacket(visit);
  const arrived = visit.packet;
  if (!packet || !arrived) return [];
  const kind = expected(visit, packet, context);
  if (!kind) return [];
  const last = visit.own.at(-1);
  if (!last) return [];
  const t = last.record.t;
  if (kind === 'icmpError' && !mayTriggerIcmpError(arrived)) {
    return [step(t, 'network', context.say('answer.noIcmp'))];
  }
  // The answer is about the packet as the node saw it (after PREROUTING), or as it came in; a
  // REJECT rule of a TCP segment may answer with an ICMP error instead of a reset.
  const abouts = packet === arrived ? [packet] : [packet, arrived];
  const kinds: AnswerKind[] = kind === 'rst' ? ['rst', 'icmpError'] : [kind];
  let sent: Packet | undefined;
  for (const k of kinds)
    for (const about of abouts)
      sent ??= answerTo(context.records, visit.node, last.index, about, k);
  if (!sent) return [];
  // An answer to a packet ARP gave up on comes after that failure.
  const afterArp = visit.own.some(
    (i) => i.record.type === 'ip.drop' && i.record.reason === 'arpFailed',
  );
  const dst = formatIpv4(sent.ip.dst);
  const h = sent.transport;
  const s =
    h.kind === 'icmp' && h.message === 'echoReply'
      ? step(t, 'network', context.say('answer.echoReply', { dst }))
      : h.kind === 'icmp'
        ? step(t, 'network', context.say('answer.icmpError', { message: icmpMessageName(h), dst }))
        : step(t, 'transport', context.say('answer.rst', { dst }));
  s.sent = sent.id;
  if (afterArp) s.stage = STAGE.arp + 1;
  return [s];
};

/** An answer: the packet it answers has ended here already. */
function step(t: number, layer: DecisionStep['layer'], text: string): DecisionStep {
  return { t, layer, way: 'out', text, outcome: 'end', stage: STAGE.answer };
}
