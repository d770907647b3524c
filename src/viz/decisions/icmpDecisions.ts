// ICMP's decisions, at the network layer: an echo request is answered by the node's own ICMP, an
// echo reply goes to the ping that asked, an error is handed to the socket of the datagram it
// quotes; and for ICMP the node made, what it is and which packet it is about (the request it
// answers, the datagram that could not go on, the packet a REJECT rule refused).

import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { readQuote } from '../../net/wire/icmpErrors.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { icmpMessageName } from '../packet/index.ts';
import {
  STAGE,
  type DecisionContext,
  type DecisionStep,
  type Decider,
  type Visit,
} from './decisionTypes.ts';
import { socketErrorAfter } from './nodeTables.ts';
import { echoes, findBehind, quotes } from './packetAnswers.ts';
import { first } from './packetVisits.ts';

function step(
  t: number,
  text: string,
  way: 'in' | 'out',
  outcome: DecisionStep['outcome'],
): DecisionStep {
  return {
    t,
    layer: 'network',
    way,
    text,
    outcome,
    stage: way === 'in' ? STAGE.transport : STAGE.madeBySocket,
  };
}

/** An ICMP message that arrived for this node. */
function received(visit: Visit, packet: Packet, context: DecisionContext): DecisionStep[] {
  const h = packet.transport;
  const deliver = first(visit, 'ip.deliver');
  if (h.kind !== 'icmp' || !deliver) return [];
  const { say, records } = context;
  const { index: at, record } = deliver;
  const t = record.t;
  if (h.message === 'echoRequest') return [step(t, say('icmp.echoRequest'), 'in', 'end')];
  if (h.message === 'echoReply') {
    const s = step(
      t,
      say('icmp.echoReply', { id: String(h.identifier), seq: String(h.sequence) }),
      'in',
      'end',
    );
    const request = findBehind(records, visit.node, at, 'link.txBegin', (p) => echoes(packet, p));
    if (request) s.about = request.pkt;
    return [s];
  }
  if (h.message !== 'destinationUnreachable' && h.message !== 'timeExceeded') return [];
  const quote = readQuote(packet.payload);
  const q = quote.ok ? quote.quoted : undefined;
  const message = icmpMessageName(h);
  const protocol = q?.protocol === 6 ? 'TCP' : q?.protocol === 17 ? 'UDP' : 'ICMP';
  const dst = q ? `${formatIpv4(q.ip.dst)}${q.dstPort === undefined ? '' : `:${q.dstPort}`}` : '?';
  const s =
    q?.srcPort === undefined
      ? step(t, say('icmp.error', { message, protocol, dst }), 'in', 'end')
      : step(
          t,
          say('icmp.errorSocket', { message, protocol, dst, port: String(q.srcPort) }),
          'in',
          'go',
        );
  const sent = findBehind(records, visit.node, at, 'link.txBegin', (p) => quotes(packet, p));
  if (sent) s.about = sent.pkt;
  const steps = [s];
  if (q?.srcPort !== undefined) {
    const socket = `${formatIpv4(q.ip.src)}:${q.srcPort}`;
    const error = socketErrorAfter(records, visit.node, socket, at);
    if (error)
      steps.push({
        ...step(t, say('tcp.error', { error: error.error }), 'in', 'end'),
        layer: 'transport',
      });
  }
  return steps;
}

/** An ICMP message the node made: an echo request, the reply to one, or an error. */
function made(visit: Visit, packet: Packet, context: DecisionContext): DecisionStep[] {
  const h = packet.transport;
  if (h.kind !== 'icmp') return [];
  const { say, records } = context;
  const t = visit.t;
  const start = visit.own[0]?.index ?? 0;
  const cause = (test: (p: Packet) => boolean) =>
    findBehind(records, visit.node, start, 'link.rx', test)?.pkt;
  if (h.message === 'echoRequest') {
    const params = {
      id: String(h.identifier),
      seq: String(h.sequence),
      dst: formatIpv4(packet.ip.dst),
    };
    return [step(t, say('made.echoRequest', params), 'out', 'go')];
  }
  let s: DecisionStep;
  let about: number | undefined;
  if (h.message === 'echoReply') {
    s = step(t, say('made.echoReply'), 'out', 'go');
    about = cause((p) => echoes(packet, p));
  } else if (h.message === 'destinationUnreachable' || h.message === 'timeExceeded') {
    const own = context.spec?.interfaces?.some((i) => i.address?.address === packet.ip.src) ?? true;
    about = cause((p) => quotes(packet, p));
    const src = formatIpv4(packet.ip.src);
    s = own
      ? step(t, say('made.icmpError', { message: icmpMessageName(h) }), 'out', 'go')
      : step(t, say(about === undefined ? 'made.spoofed' : 'made.reject', { src }), 'out', 'go');
  } else {
    return [step(t, say('made.other'), 'out', 'go')];
  }
  if (about !== undefined) s.about = about;
  return [s];
}

/** ICMP: what arrived for this node, or what it made. */
export const icmp: Decider = (visit, context) => {
  const packet = visit.packet;
  if (!packet || packet.transport.kind !== 'icmp') return [];
  return visit.made ? made(visit, packet, context) : received(visit, packet, context);
};
