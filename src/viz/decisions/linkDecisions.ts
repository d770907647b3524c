// Decisions at the link layer: the packet arriving on an interface, a switch learning where its
// source is and then forwarding it by its table, flooding it or filtering it, and the packet
// leaving (after waiting in the queue, or dropped there, or lost on the wire). The switch learns
// and looks up IPv4 addresses for now; with Ethernet its table holds MAC addresses and these
// steps read its frames' records instead.

import { formatDuration } from '../../engine/time.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { dropReason } from '../packet/index.ts';
import { interfaceText, splitLinkEnd } from '../names/index.ts';
import { STAGE, type DecisionContext, type DecisionStep, type Decider } from './decisionTypes.ts';
import { all, first } from './packetVisits.ts';
import { learnedBefore, nodeRecordsBetween } from './nodeTables.ts';

const BROADCAST = 0xffffffff;

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

/** A switch: where the source is (learned now or known), then forward, flood or filter. */
export const switching: Decider = (visit, context) => {
  const forwards = all(visit, 'switch.forward');
  const filter = first(visit, 'switch.filter');
  const rx = first(visit, 'link.rx');
  const packet = visit.packet;
  if ((forwards.length === 0 && !filter) || !rx || !packet) return [];
  const { node } = visit;
  const { say } = context;
  const steps: DecisionStep[] = [];
  const decidedAt = (forwards[0] ?? filter)?.index ?? rx.index;
  const src = packet.ip.src;
  if (src !== 0 && src !== BROADCAST) {
    const address = formatIpv4(src);
    const learned = nodeRecordsBetween(context.records, LEARN, node, rx.index, decidedAt).find(
      (l) => l.record.address === address,
    );
    const port = rx.record.iface;
    steps.push({
      t: rx.record.t,
      layer: 'link',
      way: 'in',
      text: say(learned ? 'switch.learned' : 'switch.knew', { address, port }),
      entry: `${address} → ${learned?.record.port ?? port}`,
      outcome: 'go',
      stage: STAGE.switchLearn,
    });
  }
  const dst = packet.ip.dst;
  const address = formatIpv4(dst);
  const t = rx.record.t;
  const known = () => learnedBefore(context.records, node, address, decidedAt);
  if (filter) {
    const port = filter.record.port;
    steps.push({
      t,
      layer: 'link',
      way: 'out',
      text: say('switch.filter', { address, port }),
      entry: `${address} → ${known()?.port ?? port}`,
      outcome: 'drop',
      stage: STAGE.switchForward,
    });
    return steps;
  }
  const flooded = forwards.filter((f) => f.record.flood);
  if (flooded.length > 0) {
    const ports = flooded.map((f) => f.record.toPort).join(', ');
    steps.push({
      t,
      layer: 'link',
      way: 'out',
      text: say(dst === BROADCAST ? 'switch.broadcast' : 'switch.flood', { address, ports }),
      outcome: 'go',
      stage: STAGE.switchForward,
    });
  }
  for (const f of forwards.filter((f) => !f.record.flood)) {
    const port = f.record.toPort;
    steps.push({
      t,
      layer: 'link',
      way: 'out',
      text: say('switch.forward', { address, port }),
      entry: `${address} → ${known()?.port ?? port}`,
      outcome: 'go',
      stage: STAGE.switchForward,
    });
  }
  return steps;
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
  const readyAt = ready.length > 0 ? Math.max(...ready.map((i) => i.record.t)) : undefined;
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
        text: say('queueFull', { iface: r.iface }),
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
