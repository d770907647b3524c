// Decisions at the link layer: the frame arriving on an interface, a station's card taking it
// or not by its destination MAC, a switch learning which port its source MAC is behind and then
// forwarding it by its MAC table, flooding it or filtering it, and the frame leaving (after
// waiting in the queue, or dropped there, or lost on the wire).

import { formatDuration } from '../../engine/time.ts';
import { isArpFrame } from '../../net/wire/frame.ts';
import { formatMac, isBroadcast, isMulticast } from '../../net/wire/mac.ts';
import { dropReason } from '../packet/index.ts';
import { interfaceText, splitLinkEnd } from '../names/index.ts';
import { STAGE, type DecisionContext, type DecisionStep, type Decider } from './decisionTypes.ts';
import { all, first } from './packetVisits.ts';
import { arpReleasedAt } from './arpDecisions.ts';
import { fdbLine, macText, ownMac } from './linkTables.ts';
import { learnedBefore, nodeRecordsBetween } from './nodeTables.ts';

/** The node at the other end of `link` from `node`, by its name. */
function peerName(context: DecisionContext, link: string, node: string): string {
  const spec = context.scenario.links.find((l) => l.id === link);
  if (!spec) return link;
  const a = splitLinkEnd(spec.a);
  const b = splitLinkEnd(spec.b);
  return context.names.name(a.node === node ? b.node : a.node);
}

/** The packet arriving on an interface (`link.rx`), with that interface's address as its entry. */
export const arrival: Decider = (visit, context) => {
  const rx = first(visit, 'link.rx');
  if (!rx) return [];
  const { iface, link, node, t } = rx.record;
  const spec = context.spec?.interfaces?.find((i) => i.name === iface);
  const step: DecisionStep = {
    t,
    layer: 'link',
    way: 'in',
    text: context.say('arrived', { iface, link, peer: peerName(context, link, node) }),
    outcome: 'go',
    stage: STAGE.linkIn,
  };
  if (spec?.address) step.entry = interfaceText(spec);
  return [step];
};

const LEARN: ReadonlySet<'switch.learn'> = new Set(['switch.learn'] as const);

/**
 * A switch: it learns the frame's source MAC on the port it came in on (or knew it there), then
 * looks up its destination MAC: behind one port (forward), the port it came in on (filter), not
 * in its table or the broadcast (flood out of every other port).
 */
export const switching: Decider = (visit, context) => {
  const forwards = all(visit, 'switch.forward');
  const filter = first(visit, 'switch.filter');
  const rx = first(visit, 'link.rx');
  const eth = visit.frame?.eth;
  if ((forwards.length === 0 && !filter) || !rx || !eth) return [];
  const { node } = visit;
  const { say } = context;
  const steps: DecisionStep[] = [];
  const decidedAt = (forwards[0] ?? filter)?.index ?? rx.index;
  const t = rx.record.t;
  const step = (text: string, more: Partial<DecisionStep>): DecisionStep => ({
    t,
    layer: 'link',
    way: 'out',
    text,
    outcome: 'go',
    stage: STAGE.switchForward,
    ...more,
  });
  if (!isMulticast(eth.src)) {
    const src = formatMac(eth.src);
    const learned = nodeRecordsBetween(context.records, LEARN, node, rx.index, decidedAt).find(
      (l) => l.record.address === src,
    );
    const port = rx.record.iface;
    const mac = macText(context, src);
    steps.push(
      step(say(learned ? 'switch.learned' : 'switch.knew', { mac, port }), {
        way: 'in',
        entry: fdbLine(src, port, node),
        stage: STAGE.switchLearn,
      }),
    );
  }
  const dst = formatMac(eth.dst);
  const mac = macText(context, eth.dst);
  const known = (port: string) =>
    learnedBefore(context.records, node, dst, decidedAt)?.port ?? port;
  if (filter) {
    const port = filter.record.port;
    steps.push(
      step(say('switch.filter', { mac, port }), {
        entry: fdbLine(dst, known(port), node),
        outcome: 'drop',
      }),
    );
    return steps;
  }
  const flooded = forwards.filter((f) => f.record.flood);
  if (flooded.length > 0) {
    const ports = flooded.map((f) => f.record.toPort).join(', ');
    const key = isBroadcast(eth.dst)
      ? 'switch.broadcast'
      : isMulticast(eth.dst)
        ? 'switch.multicast'
        : 'switch.flood';
    steps.push(step(say(key, { mac, ports, port: rx.record.iface }), {}));
  }
  for (const f of forwards.filter((f) => !f.record.flood)) {
    const port = f.record.toPort;
    steps.push(
      step(say('switch.forward', { mac, port }), { entry: fdbLine(dst, known(port), node) }),
    );
  }
  return steps;
};

/**
 * A station's card: the frame's destination MAC is the receiving interface's own (taken in), the
 * broadcast (every station takes it), or another station's, flooded here by a switch that did not
 * know where it is (dropped, `ip.drop` otherHost). Not at a switch, whose ports have no MAC.
 */
export const card: Decider = (visit, context) => {
  const rx = first(visit, 'link.rx');
  const eth = visit.frame?.eth;
  if (!rx || !eth) return [];
  const { iface, t } = rx.record;
  const own = ownMac(context, visit.node, iface);
  if (own === undefined) return [];
  const step: DecisionStep = {
    t,
    layer: 'link',
    way: 'in',
    text: '',
    entry: `${iface}: link/ether ${formatMac(own)} brd ff:ff:ff:ff:ff:ff`,
    outcome: 'go',
    stage: STAGE.card,
  };
  const mac = formatMac(eth.dst);
  const other = all(visit, 'ip.drop').some((d) => d.record.reason === 'otherHost');
  if (isBroadcast(eth.dst)) step.text = context.say('eth.inBroadcast');
  else if (eth.dst === own) step.text = context.say('eth.inOwn', { mac, iface });
  else if (other || (visit.frame && isArpFrame(visit.frame))) {
    // An IP frame for another MAC is dropped at the card (otherHost); an ARP frame too, silently.
    step.text = context.say('eth.inOther', { mac: macText(context, eth.dst), iface });
    step.outcome = 'drop';
  } else return [];
  return [step];
};

/** The packet leaving: onto a link (after a wait in its queue), dropped at a full queue, or lost. */
export const departure: Decider = (visit, context) => {
  const { say, language } = context;
  const steps: DecisionStep[] = [];
  // When it was ready to go: the last decision before it reached a queue.
  const ready = visit.own.filter(
    (i) =>
      i.record.type !== 'link.txBegin' &&
      i.record.type !== 'link.lost' &&
      i.record.type !== 'queue.drop',
  );
  const decided = ready.length > 0 ? Math.max(...ready.map((i) => i.record.t)) : undefined;
  // A packet that waited for ARP was ready when the next hop's MAC came.
  const released = arpReleasedAt(visit, context);
  const readyAt = released === undefined ? decided : Math.max(released, decided ?? released);
  for (const { record: r } of visit.own) {
    if (r.type === 'link.txBegin') {
      const peer = peerName(context, r.link, r.node);
      const wait = readyAt === undefined ? 0 : r.t - readyAt;
      const params = { iface: r.iface, link: r.link, peer };
      steps.push({
        t: r.t,
        layer: 'link',
        way: 'out',
        text:
          wait > 0
            ? say('sentAfterQueue', { ...params, wait: formatDuration(wait, language) })
            : say('sent', params),
        outcome: 'go',
        stage: STAGE.linkOut,
      });
    } else if (r.type === 'queue.drop') {
      steps.push({
        t: r.t,
        layer: 'link',
        way: 'out',
        text: say(r.reason === 'linkDown' ? 'linkDown' : 'queueFull', { iface: r.iface }),
        outcome: 'drop',
        stage: STAGE.linkOut,
      });
    } else if (r.type === 'link.lost') {
      steps.push({
        t: r.t,
        layer: 'link',
        way: 'out',
        text: say('lost', { link: r.link, reason: dropReason(r.reason, language) }),
        outcome: 'drop',
        stage: STAGE.linkOut,
      });
    }
  }
  return steps;
};
