// Decisions at the transport layer: which socket takes a segment or datagram (demultiplexing by
// address and port: a TCP connection, else a listener; a bound UDP port), what that did to a TCP
// connection's state, and why none took it (no socket, a full backlog or SYN queue, a damaged
// segment). For a packet the node made, the socket that sent it (or TCP and ICMP themselves).

import type { TraceRecord } from '../../engine/trace.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { retransmitReason } from '../packet/index.ts';
import {
  STAGE,
  type DecisionContext,
  type DecisionStep,
  type Decider,
  type Visit,
} from './decisionTypes.ts';
import { innerPacket } from './innerPacket.ts';
import {
  nodeRecordsBetween,
  socketErrorAfter,
  socketsBefore,
  statesAfter,
  tcpLine,
  udpLine,
} from './nodeTables.ts';
import { findBehind, quotes, resets } from './packetAnswers.ts';
import { first } from './packetVisits.ts';

/** `10.0.0.20:80`. */
function end(address: number, port: number): string {
  return `${formatIpv4(address)}:${port}`;
}

function step(
  t: number,
  text: string,
  outcome: DecisionStep['outcome'],
  way: 'in' | 'out' = 'in',
  entry?: string,
): DecisionStep {
  return {
    t,
    layer: 'transport',
    way,
    text,
    ...(entry === undefined ? {} : { entry }),
    outcome,
    stage: way === 'in' ? STAGE.transport : STAGE.madeBySocket,
  };
}

/** The TCP drops and SYN answers that name the segment (`tcp.*` records with its `pkt`). */
function tcpRecordStep(r: TraceRecord, context: DecisionContext): DecisionStep | undefined {
  const { say } = context;
  const listener = (port: number) => tcpLine(`*:${port}`, 'LISTEN');
  switch (r.type) {
    case 'tcp.refused':
      return step(r.t, say('tcp.refused', { port: String(r.port) }), 'drop');
    case 'tcp.synDropped':
      return step(
        r.t,
        say('tcp.synDropped', { port: String(r.port), backlog: String(r.backlog) }),
        'drop',
        'in',
        listener(r.port),
      );
    case 'tcp.synQueueFull':
      return step(
        r.t,
        say('tcp.synQueueFull', { port: String(r.port), count: String(r.synBacklog) }),
        'drop',
        'in',
        listener(r.port),
      );
    case 'tcp.synCookie':
      return step(
        r.t,
        say('tcp.synCookie', { port: String(r.port) }),
        'end',
        'in',
        listener(r.port),
      );
    case 'tcp.cookieAck':
      return step(r.t, say('tcp.cookieAck'), 'go', 'in', listener(r.port));
    case 'tcp.cookieDropped':
      return step(
        r.t,
        say('tcp.cookieDropped', { port: String(r.port) }),
        'drop',
        'in',
        listener(r.port),
      );
    case 'transport.drop':
      return step(r.t, say('tcp.badChecksum', { protocol: r.protocol.toUpperCase() }), 'drop');
    default:
      return undefined;
  }
}

/** A TCP segment that arrived: its connection or listener, and what it changed. */
function tcpIn(
  visit: Visit,
  packet: Packet,
  at: number,
  t: number,
  context: DecisionContext,
): DecisionStep[] {
  const h = packet.transport;
  if (h.kind !== 'tcp') return [];
  const { say, records } = context;
  const steps: DecisionStep[] = [];
  for (const { record } of visit.own) {
    const s = tcpRecordStep(record, context);
    if (s) steps.push(s);
  }
  if (steps.length > 0) return steps;
  const local = end(packet.ip.dst, h.dstPort);
  const remote = end(packet.ip.src, h.srcPort);
  const conn = `${local}>${remote}`;
  const sockets = socketsBefore(records, visit.node, at);
  const state = sockets.tcp.get(conn);
  if (state) {
    steps.push(
      step(t, say('tcp.connection', { local, remote, state }), 'go', 'in', tcpLine(conn, state)),
    );
  } else if (sockets.tcp.get(`*:${h.dstPort}`) === 'LISTEN') {
    if (h.flags.rst) return [step(t, say('tcp.ignoredRst'), 'end')];
    steps.push(
      step(
        t,
        say('tcp.listener', { port: String(h.dstPort) }),
        'go',
        'in',
        tcpLine(`*:${h.dstPort}`, 'LISTEN'),
      ),
    );
  } else if (h.flags.rst) {
    return [step(t, say('tcp.ignoredRst'), 'end')];
  }
  const after = statesAfter(records, visit.node, conn, at);
  let from: string | undefined = state;
  for (const to of after) {
    if (from !== undefined && from !== to)
      steps.push(step(t, say('tcp.states', { from, to }), 'go'));
    from = to;
  }
  const error = socketErrorAfter(records, visit.node, conn, at);
  if (error) steps.push(step(t, say('tcp.error', { error: error.error }), 'end'));
  else if (packet.payload.length === 0 && !h.flags.syn && !h.flags.fin)
    steps.push(step(t, say('tcp.ackOnly'), 'end'));
  return steps;
}

/** Which socket (or which part of the stack) takes the packet, or sent it. */
export const sockets: Decider = (visit, context) => {
  const packet = innerPacket(visit);
  if (!packet) return [];
  if (visit.made) return madeBy(visit, packet, context);
  const deliver = first(visit, 'ip.deliver');
  const steps: DecisionStep[] = [];
  for (const { record } of visit.own) {
    if (record.type === 'transport.drop')
      steps.push(tcpRecordStep(record, context) as DecisionStep);
  }
  if (!deliver || steps.length > 0) return steps;
  const { index, record } = deliver;
  const h = packet.transport;
  if (h.kind === 'tcp') return tcpIn(visit, packet, index, record.t, context);
  if (h.kind !== 'udp') return [];
  const bound = socketsBefore(context.records, visit.node, index).udp.has(h.dstPort);
  const port = String(h.dstPort);
  return bound
    ? [step(record.t, context.say('udp.socket', { port }), 'go', 'in', udpLine(h.dstPort))]
    : [step(record.t, context.say('udp.noSocket', { port }), 'drop')];
};

const RETRANSMIT: ReadonlySet<'tcp.retransmit'> = new Set(['tcp.retransmit'] as const);

/** A packet the node made: the socket that sent it, or TCP, ICMP or the firewall on its own. */
function madeBy(visit: Visit, packet: Packet, context: DecisionContext): DecisionStep[] {
  const { say, records, spec } = context;
  const start = visit.own[0];
  if (!start) return [];
  const t = visit.t;
  const h = packet.transport;
  const own = spec?.interfaces?.some((i) => i.address?.address === packet.ip.src) ?? true;
  if (h.kind === 'icmp') return [];
  if (!own) return [notOwn(visit, packet, context)];
  if (h.kind === 'udp') {
    const dst = end(packet.ip.dst, h.dstPort);
    return [
      step(t, say('made.udp', { port: String(h.srcPort), dst }), 'go', 'out', udpLine(h.srcPort)),
    ];
  }
  if (h.kind !== 'tcp') return [];
  const local = end(packet.ip.src, h.srcPort);
  const remote = end(packet.ip.dst, h.dstPort);
  const conn = `${local}>${remote}`;
  const state = socketsBefore(records, visit.node, start.index).tcp.get(conn);
  if (!state)
    return [
      h.flags.rst
        ? aboutRefused(step(t, say('made.rst'), 'go', 'out'), visit, packet, context)
        : step(t, say('made.raw'), 'go', 'out'),
    ];

  const steps = [
    step(t, say('made.tcp', { local, remote, state }), 'go', 'out', tcpLine(conn, state)),
  ];
  // A resend is recorded just before it is sent (or queued): the last one of this segment.
  const again = nodeRecordsBetween(
    records,
    RETRANSMIT,
    visit.node,
    start.index - 20_000,
    start.index,
  )
    .filter((r) => r.record.conn === conn && r.record.seq === h.seq)
    .at(-1);
  if (again)
    steps.push(
      step(
        t,
        say('made.retransmit', { reason: retransmitReason(again.record.reason, context.language) }),
        'go',
        'out',
      ),
    );
  return steps;
}

/** `step` naming the packet a reset (or a REJECT's ICMP error) answers: the last that fits. */
function aboutRefused(
  s: DecisionStep,
  visit: Visit,
  answer: Packet,
  context: DecisionContext,
): DecisionStep {
  const start = visit.own[0]?.index ?? 0;
  const cause = findBehind(context.records, visit.node, start, 'link.rx', (p) =>
    answer.transport.kind === 'tcp' ? resets(answer, p) : quotes(answer, p),
  );
  if (cause) s.about = cause.pkt;
  return s;
}

/**
 * A packet whose source is not one of the node's addresses: a firewall's REJECT answer in the
 * name of the packet's destination, or a forged source (a SYN flood's).
 */
function notOwn(visit: Visit, packet: Packet, context: DecisionContext): DecisionStep {
  const src = formatIpv4(packet.ip.src);
  const answer = step(visit.t, context.say('made.reject', { src }), 'go', 'out');
  if (context.spec?.firewall) {
    aboutRefused(answer, visit, packet, context);
    if (answer.about !== undefined) return answer;
  }
  return step(visit.t, context.say('made.spoofed', { src }), 'go', 'out');
}
