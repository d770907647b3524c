// Decisions of a sender or router about the frame an IP packet leaves in: ARP finding the next
// hop's MAC (a hit in its cache, a wait for an ARP request's reply, or no reply and the packet
// dropped), then the Ethernet header written with it (its own interface's MAC to the next hop's,
// or the broadcast). Read from the trace: the packet's leaving (`link.txBegin`, `ip.forward`,
// `ip.drop` arpFailed or arpQueueFull) and the node's ARP records around it (arpTrace.ts).

import type { TraceRecord } from '../../engine/trace.ts';
import { formatDuration } from '../../engine/time.ts';
import { isArpFrame } from '../../net/wire/frame.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { formatMac, isBroadcast } from '../../net/wire/mac.ts';
import {
  STAGE,
  type DecisionContext,
  type DecisionStep,
  type Decider,
  type Indexed,
  type Visit,
} from './decisionTypes.ts';
import { innerPacket } from './innerPacket.ts';
import { arpCacheBefore, macText, neighLine } from './linkTables.ts';
import { interfacesDown, nodeRecordsBetween } from './nodeTables.ts';
import { all, first } from './packetVisits.ts';
import { lookupRoute } from './routeLookup.ts';

type ArpType = 'arp.request' | 'arp.learn' | 'arp.fail';
const ARP_TYPES: ReadonlySet<ArpType> = new Set(['arp.request', 'arp.learn', 'arp.fail'] as const);

/** Why a packet had to wait for ARP: no entry, an entry gone stale, or a request already out. */
export type ArpWhy = 'none' | 'stale' | 'pending';

/** A wait for ARP: why, the requests it waited on, and when the packet was ready to leave. */
interface ArpWait {
  iface: string;
  ip: string;
  why: ArpWhy;
  requests: Indexed<TraceRecord<'arp.request'>>[];
  readyAt: number;
}

/** How ARP found (or failed to find) the next hop's MAC for a packet leaving the node. */
export type ArpOutcome =
  | { kind: 'hit'; iface: string; ip: string; mac: string }
  | (ArpWait & {
      kind: 'waited';
      learn: Indexed<TraceRecord<'arp.learn'>>;
      /** The ARP frame that taught it (the reply, or the neighbour's own request). */
      teacher?: { pkt: number; operation: 'request' | 'reply' };
    })
  | (ArpWait & { kind: 'failed'; fail: TraceRecord<'arp.fail'> });

/** When the packet was ready to leave: forwarded, or made. */
function readyAt(visit: Visit): number {
  return first(visit, 'ip.forward')?.record.t ?? visit.t;
}

/** The next hop of a packet leaving by `iface`: the route's router, else the destination. */
function nextHopOf(visit: Visit, context: DecisionContext, iface: string): string | undefined {
  const packet = innerPacket(visit);
  if (!packet) return undefined;
  const dst = packet.ip.dst;
  const forward = first(visit, 'ip.forward');
  if (forward) return forward.record.via === '' ? formatIpv4(dst) : forward.record.via;
  const start = visit.own[0];
  if (!context.spec || !start) return undefined;
  const down = interfacesDown(context.records, visit.node, start.index);
  const route = lookupRoute(context.spec, dst, down);
  if (!route || route.dev !== iface) return undefined;
  return route.via ?? formatIpv4(dst);
}

/** The requests for `ip` on `iface` of one resolution: back from `before` to its first probe. */
function requestsOf(
  arp: readonly Indexed[],
  iface: string,
  ip: string,
  before: number,
): Indexed<TraceRecord<'arp.request'>>[] {
  const out: Indexed<TraceRecord<'arp.request'>>[] = [];
  for (let i = arp.length - 1; i >= 0; i--) {
    const item = arp[i] as Indexed;
    const r = item.record;
    if (item.index >= before || r.type !== 'arp.request') continue;
    if (r.iface !== iface || r.target !== ip) continue;
    out.unshift(item as Indexed<TraceRecord<'arp.request'>>);
    if (r.probe === 1) break;
  }
  return out;
}

/** What ARP did for the visit's packet on its way out, if it left (or died waiting). */
export function arpOutcome(visit: Visit, context: DecisionContext): ArpOutcome | undefined {
  const { node } = visit;
  const failed = all(visit, 'ip.drop').find((d) => d.record.reason === 'arpFailed');
  const sent = first(visit, 'link.txBegin');
  const end = failed ?? sent;
  if (!end) return undefined;
  const arp = nodeRecordsBetween(context.records, ARP_TYPES, node, 0, end.index + 1);
  if (failed) {
    // The failure is recorded just before the drops of the packets that waited.
    const fail = arp.findLast(
      (a) => a.record.type === 'arp.fail' && a.record.t === failed.record.t,
    );
    if (!fail || fail.record.type !== 'arp.fail') return undefined;
    const { iface, ip } = fail.record;
    const requests = requestsOf(arp, iface, ip, fail.index);
    const ready = readyAt(visit);
    const why = whyOf(context, node, iface, ip, ready);
    return { kind: 'failed', iface, ip, why, requests, readyAt: ready, fail: fail.record };
  }
  if (!sent || isArpFrame(sent.record.packet)) return undefined;
  const { iface } = sent.record;
  const eth = sent.record.packet.eth;
  if (eth === undefined || isBroadcast(eth.dst)) return undefined;
  const ip = nextHopOf(visit, context, iface);
  if (ip === undefined) return undefined;
  const ready = readyAt(visit);
  const row = rowBefore(context, node, iface, ip, ready);
  const mac = formatMac(eth.dst);
  if (row?.state === 'REACHABLE' && row.mac === mac) return { kind: 'hit', iface, ip, mac };
  // It waited: the last learning of the next hop before it left ended the wait.
  const learn = arp.findLast(
    (a) => a.record.type === 'arp.learn' && a.record.iface === iface && a.record.ip === ip,
  ) as Indexed<TraceRecord<'arp.learn'>> | undefined;
  if (!learn || learn.record.t < ready) return undefined;
  const requests = requestsOf(arp, iface, ip, learn.index);
  let readyAtThen = ready;
  if (visit.made && visit.own[0] === sent && learn.record.t === ready) {
    // Made with no record before it left (an attack tool's raw packet): it was made before the
    // first frame numbered after it, since every packet and frame takes the next number.
    const after = requests.find((r) => r.record.pkt > visit.pkt) ?? requests.at(-1);
    if (after) readyAtThen = after.record.t;
  }
  const outcome: ArpOutcome = {
    kind: 'waited',
    iface,
    ip,
    why:
      readyAtThen === ready
        ? whyOf(context, node, iface, ip, ready, row)
        : whyOf(context, node, iface, ip, readyAtThen),
    requests,
    learn,
    readyAt: readyAtThen,
  };
  const teacher = teacherOf(context, node, iface, learn);
  if (teacher) outcome.teacher = teacher;
  return outcome;
}

/** The entry for `ip` on `iface` in the node's cache just before `t`. */
function rowBefore(context: DecisionContext, node: string, iface: string, ip: string, t: number) {
  return arpCacheBefore(context, node, t).find((r) => r.iface === iface && r.ip === ip);
}

/** Why the packet ready at `t` had to wait: the state of its next hop's entry just before. */
function whyOf(
  context: DecisionContext,
  node: string,
  iface: string,
  ip: string,
  t: number,
  row = rowBefore(context, node, iface, ip, t),
): ArpWhy {
  return row?.state === 'INCOMPLETE' ? 'pending' : row?.state === 'STALE' ? 'stale' : 'none';
}

/** The ARP frame that arrived on `iface` just before the cache learned from it. */
function teacherOf(
  context: DecisionContext,
  node: string,
  iface: string,
  learn: Indexed<TraceRecord<'arp.learn'>>,
): { pkt: number; operation: 'request' | 'reply' } | undefined {
  const { records } = context;
  for (let i = learn.index - 1; i >= 0 && records.timeAt(i) === learn.record.t; i--) {
    if (records.typeAt(i) !== 'link.rx') continue;
    const r = records.get(i) as TraceRecord<'link.rx'>;
    if (r.node !== node || r.iface !== iface || !isArpFrame(r.packet)) continue;
    return { pkt: r.pkt, operation: r.packet.arp.operation };
  }
  return undefined;
}

/** When ARP let the packet go, if it waited for it (the departure's wait starts there). */
export function arpReleasedAt(visit: Visit, context: DecisionContext): number | undefined {
  const outcome = arpOutcome(visit, context);
  return outcome?.kind === 'waited' ? outcome.learn.record.t : undefined;
}

/** ARP for the next hop, then the Ethernet header of the frame the packet leaves in. */
export const resolution: Decider = (visit, context) => {
  // Only where the packet was framed anew: made here, or forwarded by a router (not a switch).
  if (!visit.made && !first(visit, 'ip.forward')) return [];
  if (visit.frame && isArpFrame(visit.frame)) return [];
  const steps: DecisionStep[] = [];
  const { say, language } = context;
  const outcome = arpOutcome(visit, context);
  const step = (t: number, text: string, more: Partial<DecisionStep> = {}): DecisionStep => ({
    t,
    layer: 'link',
    way: 'out',
    text,
    outcome: 'go',
    stage: STAGE.arp,
    ...more,
  });
  if (outcome?.kind === 'hit') {
    const { ip, iface, mac } = outcome;
    steps.push(
      step(readyAt(visit), say('arp.hit', { ip, mac: macText(context, mac) }), {
        entry: neighLine(ip, iface, mac, 'REACHABLE'),
      }),
    );
  } else if (outcome) {
    const { ip, iface, requests } = outcome;
    // The requests it waited on from its moment on (one already out counts as its first).
    const asked = requests.filter((r, i) => i === 0 || r.record.t >= outcome.readyAt);
    const key =
      outcome.why === 'pending'
        ? 'arp.pending'
        : outcome.why === 'stale'
          ? 'arp.miss.stale'
          : 'arp.miss.none';
    const first = outcome.kind === 'failed' ? requests : asked;
    steps.push(
      step(outcome.readyAt, say(key, { ip, iface, requests: frameList(first.slice(0, 1)) }), {
        entry: neighLine(ip, iface, null, 'INCOMPLETE'),
        frames: first.slice(0, 1).map((r) => r.record.pkt),
      }),
    );
    if (outcome.kind === 'failed') {
      const { fail } = outcome;
      steps.push(
        step(
          fail.t,
          say('arp.failed', { ip, count: String(requests.length), requests: frameList(requests) }),
          {
            entry: neighLine(ip, iface, null, 'FAILED'),
            frames: requests.map((r) => r.record.pkt),
            outcome: 'drop',
          },
        ),
      );
      return steps;
    }
    const { learn, teacher } = outcome;
    if (first.length > 1) {
      const again = first.slice(1);
      steps.push(
        step(
          again[0]?.record.t ?? learn.record.t,
          say('arp.again', { ip, requests: frameList(again) }),
          {
            frames: again.map((r) => r.record.pkt),
          },
        ),
      );
    }
    const wait = formatDuration(learn.record.t - outcome.readyAt, language);
    const by = teacher?.operation === 'request' ? 'arp.learnedFromRequest' : 'arp.learned';
    const frame = teacher ? `#${teacher.pkt}` : '?';
    steps.push(
      step(learn.record.t, say(by, { ip, mac: macText(context, learn.record.mac), wait, frame }), {
        entry: neighLine(ip, iface, learn.record.mac, 'REACHABLE'),
        ...(teacher ? { frames: [teacher.pkt] } : {}),
      }),
    );
  }
  const queueFull = all(visit, 'ip.drop').find((d) => d.record.reason === 'arpQueueFull');
  if (queueFull) steps.push(step(queueFull.record.t, say('arp.queueFull'), { outcome: 'drop' }));
  const sent = first(visit, 'link.txBegin');
  if (sent && !isArpFrame(sent.record.packet) && sent.record.packet.eth) {
    const { src, dst } = sent.record.packet.eth;
    const iface = sent.record.iface;
    const params = { iface, src: formatMac(src), dst: macText(context, dst) };
    steps.push(
      step(sent.record.t, say(isBroadcast(dst) ? 'eth.broadcast' : 'eth.header', params), {
        entry: `${formatMac(src)} → ${formatMac(dst)}`,
        stage: STAGE.ethernet,
      }),
    );
  }
  return steps;
};

/** `#2` or `#2, #9, #14`: the ARP requests by number. */
function frameList(requests: readonly Indexed<TraceRecord<'arp.request'>>[]): string {
  return requests.map((r) => `#${r.record.pkt}`).join(', ');
}
