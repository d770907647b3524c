// Decisions at the application layer: which program a packet's data reaches, or which program
// wrote it (or asked TCP to open or close with it), with the socket as the entry that decided:
// `10.0.0.20:80 → web`. The program is the one that holds the socket (socketOwner.ts); a pinger's
// request and an echo server's reply name their program in the trace with the packet's id.

import { appTitle } from '../names/index.ts';
import {
  STAGE,
  type DecisionContext,
  type DecisionStep,
  type Decider,
  type Visit,
} from './decisionTypes.ts';
import { innerPacket } from './innerPacket.ts';
import { first } from './packetVisits.ts';
import { pingOwners, socketOwners, type Program } from './socketOwner.ts';
import { actionIndexOf } from '../../sim/index.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { socketsBefore } from './nodeTables.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';

/** `Web server web`, `ping action2`, or two programs joined by "or". */
function programNames(context: DecisionContext, programs: readonly Program[]): string {
  const spec = context.spec;
  const titles = programs.map((p) =>
    actionIndexOf(p.label) !== undefined
      ? `${p.type ?? ''} (${p.label})`
      : spec
        ? appTitle(spec, p.label, context.language)
        : p.label,
  );
  return titles.reduce((first, second) => context.say('app.or', { first, second }));
}

/** The ping behind an echo request the node made, or an echo reply it received. */
function pingStep(visit: Visit, packet: Packet, context: DecisionContext): DecisionStep[] {
  const h = packet.transport;
  if (h.kind !== 'icmp' || !context.spec) return [];
  const request = visit.made && h.message === 'echoRequest';
  const reply = !visit.made && h.message === 'echoReply' && first(visit, 'ip.deliver');
  if (!request && !reply) return [];
  const peer = request ? packet.ip.dst : packet.ip.src;
  const pings = pingOwners(context.scenario, context.spec, peer);
  if (pings.length === 0) return [];
  const program = programNames(context, pings);
  return [
    {
      t: visit.t,
      layer: 'application',
      way: request ? 'out' : 'in',
      text: context.say(request ? 'app.ping' : 'app.pingReply', { program }),
      outcome: request ? 'go' : 'end',
      stage: request ? STAGE.madeByProgram : STAGE.application,
    },
  ];
}

/** Which programs hold the socket of `visit`'s packet on this node (`local` is this node's end). */
function owners(visit: Visit, context: DecisionContext, local: 'src' | 'dst'): Program[] {
  const packet = innerPacket(visit);
  const h = packet?.transport;
  if (!packet || !context.spec || (h?.kind !== 'tcp' && h?.kind !== 'udp')) return [];
  // A pinger's request and an echo server's reply name their program with the packet.
  if (local === 'src') {
    const named = first(visit, 'app.request') ?? first(visit, 'app.serve');
    if (named)
      return [
        { label: named.record.app, type: context.names.appType(visit.node, named.record.app) },
      ];
  }
  const port = local === 'src' ? h.srcPort : h.dstPort;
  const remote =
    local === 'src'
      ? { address: packet.ip.dst, port: h.dstPort }
      : { address: packet.ip.src, port: h.srcPort };
  return socketOwners(context.scenario, context.spec, h.kind, port, remote);
}

/** The program the data goes up to, or the program that made the packet. */
export const programs: Decider = (visit, context) => {
  const packet = innerPacket(visit);
  const h = packet?.transport;
  if (packet && h?.kind === 'icmp') return pingStep(visit, packet, context);
  if (!packet || (h?.kind !== 'tcp' && h?.kind !== 'udp')) return [];
  const { say } = context;
  if (visit.made) {
    // A reset comes from TCP or a firewall, not a program; a packet no socket sent is the program's own.
    if (h.kind === 'tcp' && h.flags.rst) return [];
    const key = withoutSocket(visit, packet, context)
      ? 'app.raw'
      : packet.payload.length > 0 || h.kind === 'udp'
        ? 'app.wrote'
        : h.flags.syn && !h.flags.ack
          ? 'app.connect'
          : h.flags.fin
            ? 'app.close'
            : undefined;
    const found = owners(visit, context, 'src');
    if (!key || found.length === 0) return [];
    return [
      {
        t: visit.t,
        layer: 'application',
        way: 'out',
        text: say(key, { program: programNames(context, found) }),
        ...(key === 'app.raw'
          ? {}
          : {
              entry: `${formatIpv4(packet.ip.src)}:${h.srcPort} → ${found.map((p) => p.label).join(', ')}`,
            }),
        outcome: 'go',
        stage: STAGE.madeByProgram,
      },
    ];
  }
  const deliver = first(visit, 'ip.deliver');
  if (!deliver || packet.payload.length === 0) return [];
  // Only data a socket took: a segment with no connection, or a datagram with no socket, stops below.
  const refused = visit.own.some(
    (i) => i.record.type.startsWith('tcp.') || i.record.type === 'transport.drop',
  );
  if (refused) return [];
  if (
    h.kind === 'udp' &&
    !socketsBefore(context.records, visit.node, deliver.index).udp.has(h.dstPort)
  )
    return [];
  const found = owners(visit, context, 'dst');
  const port = String(h.dstPort);
  const local = `${formatIpv4(packet.ip.dst)}:${port}`;
  const step: DecisionStep = {
    t: deliver.record.t,
    layer: 'application',
    way: 'in',
    text:
      found.length > 0
        ? say('app.reads', { program: programNames(context, found) })
        : say('app.readsSomeone', { port }),
    ...(found.length > 0 ? { entry: `${local} → ${found.map((p) => p.label).join(', ')}` } : {}),
    outcome: 'end',
    stage: STAGE.application,
  };
  return [step];
};

/** Whether the packet the node made left by no socket of its (made on the IP layer itself). */
function withoutSocket(visit: Visit, packet: Packet, context: DecisionContext): boolean {
  const h = packet.transport;
  const at = visit.own[0]?.index ?? 0;
  const sockets = socketsBefore(context.records, visit.node, at);
  if (h.kind === 'udp') return !sockets.udp.has(h.srcPort);
  if (h.kind !== 'tcp') return false;
  const conn = `${formatIpv4(packet.ip.src)}:${h.srcPort}>${formatIpv4(packet.ip.dst)}:${h.dstPort}`;
  return !sockets.tcp.has(conn);
}
