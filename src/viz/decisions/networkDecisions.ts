// Decisions at the IP layer: the checks on arrival (a node or interface down, a damaged header),
// the routing decision (for this node, or on by the route that matched, or no route), the TTL, and
// the hand-over to a transport. A router's forward names its route in the trace (`ip.forward`); a
// packet the node made, or one its FORWARD chain dropped, is routed again from the node's table.

import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { ROLE_KINDS } from '../../sim/index.ts';
import { dropReason } from '../packet/index.ts';
import {
  STAGE,
  type DecisionContext,
  type DecisionStep,
  type Decider,
  type Visit,
} from './decisionTypes.ts';
import { innerPacket } from './innerPacket.ts';
import { interfacesDown } from './nodeTables.ts';
import { all, first } from './packetVisits.ts';
import { forwardRoute, lookupRoute, type MatchedRoute } from './routeLookup.ts';

const BROADCAST = 0xffffffff;
const PROTOCOL_NAMES: Readonly<Record<number, string>> = { 1: 'ICMP', 6: 'TCP', 17: 'UDP' };

/** The roles whose nodes forward packets by their routing table (routers, firewalls). */
const FORWARDING: ReadonlySet<string> = new Set(
  ROLE_KINDS.filter((kind) => kind.forwards).map((kind) => kind.role),
);

/** Whether the packet left by an interface from this visit (forwarded, or made and sent). */
function leaving(visit: Visit): boolean {
  return visit.made || visit.own.some((i) => i.record.type === 'ip.forward');
}

/** Drops for a node or interface down, a damaged header, or no link plugged in. */
export const ipChecks: Decider = (visit, context) => {
  const steps: DecisionStep[] = [];
  for (const { record: r } of all(visit, 'ip.drop')) {
    if (!['nodeDown', 'interfaceDown', 'badChecksum', 'notConnected'].includes(r.reason)) continue;
    const out = r.reason === 'notConnected' || (r.reason === 'interfaceDown' && leaving(visit));
    steps.push({
      t: r.t,
      layer: r.reason === 'badChecksum' ? 'network' : 'link',
      way: out ? 'out' : 'in',
      text: context.say('drop.generic', { reason: dropReason(r.reason, context.language) }),
      outcome: 'drop',
      stage: out ? STAGE.linkOut : STAGE.ipChecks,
    });
  }
  return steps;
};

/** A matched route in words: through a router, straight to a neighbour, or by the default route. */
function routeStep(
  context: DecisionContext,
  t: number,
  dst: number,
  route: MatchedRoute,
  own: boolean,
): DecisionStep {
  const params = { dst: formatIpv4(dst), prefix: route.prefix, iface: route.dev };
  const key =
    route.via === undefined
      ? own
        ? 'route.ownDirect'
        : 'route.direct'
      : route.prefix === 'default'
        ? own
          ? 'route.ownDefault'
          : 'route.default'
        : own
          ? 'route.ownVia'
          : 'route.via';
  return {
    t,
    layer: 'network',
    way: own ? 'out' : 'in',
    text: context.say(key, { ...params, via: route.via ?? '' }),
    entry: route.line,
    outcome: 'go',
    stage: STAGE.routing,
  };
}

/** The routing decision, and the TTL on the way through. */
export const routing: Decider = (visit, context) => {
  const packet = innerPacket(visit);
  const { say, spec } = context;
  const start = visit.own[0];
  if (!start) return [];
  const steps: DecisionStep[] = [];
  const drop = (reason: string) => all(visit, 'ip.drop').find((d) => d.record.reason === reason);
  const noRoute = drop('noRoute');
  const dst = packet?.ip.dst;
  if (noRoute) {
    steps.push({
      t: noRoute.record.t,
      layer: 'network',
      way: visit.made ? 'out' : 'in',
      text: say('route.none', { dst: dst === undefined ? '?' : formatIpv4(dst) }),
      outcome: 'drop',
      stage: STAGE.routing,
    });
    return steps;
  }
  if (!packet || dst === undefined) return steps;
  if (visit.made) {
    const sent = first(visit, 'link.txBegin');
    if (!spec || !sent || dst === BROADCAST) return steps;
    const route = lookupRoute(spec, dst, interfacesDown(context.records, visit.node, start.index));
    // Only what agrees with where it left: a route the scenario no longer shows says nothing.
    if (route && route.dev === sent.record.iface)
      steps.push(routeStep(context, visit.t, dst, route, true));
    return steps;
  }
  const t = visit.t;
  const local =
    dst === BROADCAST ||
    visit.own.some(
      (i) =>
        i.record.type === 'ip.deliver' ||
        (i.record.type === 'fw.verdict' && i.record.chain === 'INPUT') ||
        (i.record.type === 'ip.drop' && i.record.reason === 'noProtocol'),
    );
  const notForMe = drop('notForMe');
  const forward = first(visit, 'ip.forward');
  const forwardVerdict = all(visit, 'fw.verdict').find((v) => v.record.chain === 'FORWARD');
  const ttl = drop('ttl');
  if (local) {
    const iface = first(visit, 'ip.deliver')?.record.iface ?? first(visit, 'link.rx')?.record.iface;
    steps.push({
      t,
      layer: 'network',
      way: 'in',
      text: say(dst === BROADCAST ? 'route.broadcast' : 'route.local', { dst: formatIpv4(dst) }),
      ...(dst === BROADCAST ? {} : { entry: `local ${formatIpv4(dst)} dev ${iface ?? '?'}` }),
      outcome: 'go',
      stage: STAGE.routing,
    });
  } else if (notForMe) {
    const iface = first(visit, 'link.rx')?.record.iface ?? '';
    const route = spec && lookupRoute(spec, dst);
    const same = route !== undefined && route.via === undefined && route.dev === iface;
    const forwards = spec !== undefined && FORWARDING.has(spec.role);
    steps.push({
      t: notForMe.record.t,
      layer: 'network',
      way: 'in',
      text: say(same && forwards ? 'route.sameSegment' : 'route.notForMe', {
        dst: formatIpv4(dst),
        iface,
      }),
      ...(same && forwards && route ? { entry: route.line } : {}),
      outcome: 'drop',
      stage: STAGE.routing,
    });
  } else if (forward) {
    steps.push(routeStep(context, t, dst, forwardRoute(spec, forward.record), false));
  } else if ((forwardVerdict || ttl) && spec) {
    const route = lookupRoute(spec, dst, interfacesDown(context.records, visit.node, start.index));
    if (route) steps.push(routeStep(context, t, dst, route, false));
  }
  if (ttl) {
    steps.push({
      t: ttl.record.t,
      layer: 'network',
      way: 'out',
      text: say('ttl.expired', { ttl: String(packet.ip.ttl) }),
      outcome: 'drop',
      stage: STAGE.ttl,
    });
  } else if (forward || forwardVerdict) {
    const from = packet.ip.ttl;
    steps.push({
      t,
      layer: 'network',
      way: 'out',
      text: say('ttl.decrement', { from: String(from), to: String(from - 1) }),
      outcome: 'go',
      stage: STAGE.ttl,
    });
  }
  return steps;
};

/** The hand-over to a transport (`ip.deliver`), or none speaking the protocol. */
export const delivery: Decider = (visit, context) => {
  const steps: DecisionStep[] = [];
  const deliver = first(visit, 'ip.deliver');
  if (deliver) {
    const number = deliver.record.protocol;
    steps.push({
      t: deliver.record.t,
      layer: 'network',
      way: 'in',
      text: context.say('deliver', {
        protocol: PROTOCOL_NAMES[number] ?? String(number),
        number: String(number),
      }),
      outcome: 'go',
      stage: STAGE.deliver,
    });
  }
  const none = all(visit, 'ip.drop').find((d) => d.record.reason === 'noProtocol');
  if (none && visit.packet) {
    const t = visit.packet.transport;
    const number = t.kind === 'raw' ? t.protocol : t.kind === 'tcp' ? 6 : t.kind === 'udp' ? 17 : 1;
    steps.push({
      t: none.record.t,
      layer: 'network',
      way: 'in',
      text: context.say('deliver.noProtocol', { number: String(number) }),
      outcome: 'drop',
      stage: STAGE.deliver,
    });
  }
  return steps;
};
