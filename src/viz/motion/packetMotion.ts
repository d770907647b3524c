// Where each packet dot is at time t, as pure math: a hop's first bit leaves the sender at txBegin
// and its last bit arrives at rx, so the dot moves along its link (serialisation, then
// propagation); dropped packets fall and fade; plus sizes, colours, labels and hit-testing.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { appMessageName, icmpMessageName, tcpFlagsLabel } from '../packet/index.ts';
import type { Hop, HopProtocol } from '../trace/index.ts';
import { motionPhrases } from './motionPhrases.ts';
import { isArpFrame, isBpduFrame, type Frame } from '../../net/wire/frame.ts';

/** A link as the animation needs it: where it leaves each card, which node is which end. */
export interface LinkGeometry {
  /** End a (where the line leaves a's card) and end b, in layout units. */
  ax: number;
  ay: number;
  bx: number;
  by: number;
  aNode: string;
  aIface: string | undefined;
  bNode: string;
  bIface: string | undefined;
  /** One-way propagation delay in ns, to place a packet whose arrival is not recorded yet. */
  latency: number;
}

/** A packet dot at one moment, in layout units (the radius is in CSS pixels). */
export interface Dot {
  hop: Hop;
  x: number;
  y: number;
  /** Where the packet's last bit is: the dot is drawn as a streak from here while it serialises. */
  tailX: number;
  tailY: number;
  /** The first bit, the other end of the streak. */
  headX: number;
  headY: number;
  r: number;
  /** 1, fading to 0 as a dropped packet falls. */
  alpha: number;
  falling: boolean;
  /** Why a falling packet was dropped: `lost`, `queue full`, `link down`. */
  dropText: string | null;
  protocol: HopProtocol;
  /** The direction of travel on screen before zooming (a unit vector). */
  dirX: number;
  dirY: number;
}

/** Packets in each direction keep to their own side of the line, this far from it. */
export const LANE = 5;
/** How far a dropped packet falls, in layout units. */
export const FALL = 42;

const MIN_RADIUS = 3.5;
const MAX_RADIUS = 10;
/** An Ethernet MTU: a full-size packet gets the largest dot. */
const MAX_FRAME_BYTES = 1500;

/** Radius in CSS px by bytes on the wire: area grows with size; 40 B ≈ 4.5 px, 1500 B = 10 px. */
export function radiusScale(bytes: number): number {
  const share = Math.min(Math.max(bytes, 0), MAX_FRAME_BYTES) / MAX_FRAME_BYTES;
  return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(share);
}

export interface MotionOptions {
  /** No falling or streaks: a drop stays in place, marked, until it is gone. */
  reducedMotion?: boolean;
  /** The language of a drop's words (English when absent). */
  language?: Language;
}

/** The dots of the hops showing at t (from TraceIndex.hopsAt), skipping links not drawn. */
export function packetDots(
  hops: readonly Hop[],
  t: number,
  links: ReadonlyMap<string, LinkGeometry>,
  options: MotionOptions = {},
): Dot[] {
  const dots: Dot[] = [];
  for (const hop of hops) {
    const link = links.get(hop.link);
    if (link) dots.push(dotOf(hop, t, link, options));
  }
  return dots;
}

/** Whether the hop's sender is end a of the link. */
function fromA(hop: Hop, link: LinkGeometry): boolean {
  if (link.aNode !== link.bNode) return link.aNode === hop.fromNode;
  return link.aIface === undefined || link.aIface === hop.fromIface;
}

/** The node a hop goes to: recorded on arrival, else the other end of its link. */
export function receiverOf(hop: Hop, link: LinkGeometry | undefined): string | null {
  if (hop.toNode !== null) return hop.toNode;
  if (!link) return null;
  return fromA(hop, link) ? link.bNode : link.aNode;
}

/** How far along the link (0 at the sender, 1 at the receiver) the first and last bits are. */
export function hopProgress(hop: Hop, t: number, latency: number): { head: number; tail: number } {
  const txEnd = hop.txEnd;
  const end =
    hop.rx ?? (hop.drop && !hop.drop.atQueue && hop.drop.reason === 'loss' ? hop.drop.t : null);
  // Propagation: from the recorded arrival when there is one, else the link's latency.
  const propagation = end !== null && txEnd !== null ? end - txEnd : latency;
  const at = (since: number) =>
    propagation <= 0 ? (t >= since ? 1 : 0) : clamp01((t - since) / propagation);
  const head = at(hop.txBegin);
  const tail = txEnd === null || t < txEnd ? 0 : at(txEnd);
  return { head, tail };
}

function dotOf(hop: Hop, t: number, link: LinkGeometry, options: MotionOptions): Dot {
  const forward = fromA(hop, link);
  const [sx, sy, ex, ey] = forward
    ? [link.ax, link.ay, link.bx, link.by]
    : [link.bx, link.by, link.ax, link.ay];
  const length = Math.hypot(ex - sx, ey - sy) || 1;
  // Keep to the right of the direction of travel.
  const ox = (-(ey - sy) / length) * LANE;
  const oy = ((ex - sx) / length) * LANE;
  const drop = hop.drop;
  const shownAt = drop ? Math.min(t, drop.t) : t;
  const { head, tail } = drop?.atQueue
    ? { head: 0, tail: 0 }
    : hopProgress(hop, shownAt, link.latency);
  const point = (p: number): [number, number] => [sx + (ex - sx) * p + ox, sy + (ey - sy) * p + oy];
  const [headX, headY] = point(head);
  const [tailX, tailY] = point(tail);
  let x = (headX + tailX) / 2;
  let y = (headY + tailY) / 2;
  let alpha = 1;
  const falling = drop !== null && t > drop.t;
  if (falling && !options.reducedMotion) {
    const u = clamp01((t - drop.t) / Math.max(1, hop.visibleUntil - drop.t));
    y += FALL * u * u;
    x += (ex - sx >= 0 ? 1 : -1) * 6 * u;
    alpha = 1 - u;
  }
  const streak = !options.reducedMotion && !falling;
  return {
    hop,
    x,
    y,
    tailX: streak ? tailX : x,
    tailY: streak ? tailY : y,
    headX: streak ? headX : x,
    headY: streak ? headY : y,
    r: radiusScale(hop.bytes),
    alpha,
    falling: drop !== null && t >= drop.t,
    dropText:
      drop !== null && t >= drop.t ? dropText(drop.reason, drop.atQueue, options.language) : null,
    protocol: hop.protocol,
    dirX: (ex - sx) / length,
    dirY: (ey - sy) / length,
  };
}

/** Why a packet was dropped, in two words. */
export function dropText(reason: string, atQueue: boolean, language: Language = ENGLISH): string {
  const { say } = motionPhrases.in(language);
  if (reason === 'queueFull') return say('drop.queueFull');
  if (reason === 'linkDown') return say('drop.linkDown');
  if (reason === 'nodeDown') return say('drop.nodeDown');
  if (reason === 'interfaceDown') return say('drop.interfaceDown');
  return say(atQueue ? 'drop.dropped' : 'drop.lost');
}

/**
 * A short label for a dot, and whether it matters enough to show among many: TCP control
 * segments (`SYN`, `FIN-ACK`, `RST`), HTTP methods (`GET`), `DNS`, ICMP messages matter;
 * `data`, `ACK` and `UDP` are shown only when few packets are on screen.
 */
export function shortLabel(
  packet: Frame | null,
  language: Language = ENGLISH,
): { text: string; important: boolean } | null {
  if (!packet) return null;
  // ARP's two messages, as Wireshark's protocol column and packet-arp.c name them.
  if (isArpFrame(packet)) return { text: `ARP ${packet.arp.operation}`, important: true };
  // Wireshark's protocol column says RSTP for an RST BPDU.
  if (isBpduFrame(packet)) return { text: 'RSTP', important: false };
  const t = packet.transport;
  switch (t.kind) {
    case 'tcp': {
      const app = appLabel(packet);
      if (app) return { text: app, important: true };
      if (t.flags.syn || t.flags.fin || t.flags.rst) {
        return { text: tcpFlagsLabel(t.flags), important: true };
      }
      return packet.payload.length > 0
        ? { text: motionPhrases.in(language).say('dot.data'), important: false }
        : { text: 'ACK', important: false };
    }
    case 'udp':
      if (t.srcPort === 53 || t.dstPort === 53) {
        return { text: appLabel(packet) ?? 'DNS', important: true };
      }
      if (t.dstPort === 7 || t.srcPort === 7) return { text: 'echo', important: false };
      return { text: 'UDP', important: false };
    case 'icmp':
      return { text: icmpMessageName(t), important: true };
    case 'raw':
      return null;
  }
}

/** Names that start with their protocol: a long one keeps its protocol and next word. */
const PROTOCOL_FIRST = new Set(['HTTP', 'DNS', 'FTP', 'TLS', 'SMTP', 'POP3']);

/** Longest application message name drawn on a dot; longer ones keep their first word. */
const MAX_APP_LABEL = 18;

/** `GET /index.html`, `HTTP 200`, `DNS A? example.com`, `TLS ClientHello` where short; else null. */
function appLabel(packet: Packet): string | null {
  const name = appMessageName(packet);
  if (!name) return null;
  if (name.length <= MAX_APP_LABEL) return name;
  const words = name.split(' ');
  return PROTOCOL_FIRST.has(words[0] ?? '')
    ? `${words[0]} ${words[1] ?? ''}`.slice(0, MAX_APP_LABEL)
    : (words[0] ?? null);
}

/** A point on screen with a radius, as drawn. */
export interface ScreenDot {
  x: number;
  y: number;
  r: number;
}

/**
 * The dot under a point (CSS px), the last drawn (topmost) winning among overlaps; `slop` px
 * of extra reach makes small dots easy to click. Returns the index in `dots`, or -1.
 */
export function hitTest(dots: readonly ScreenDot[], x: number, y: number, slop = 4): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = dots.length - 1; i >= 0; i--) {
    const d = dots[i] as ScreenDot;
    const distance = Math.hypot(d.x - x, d.y - y);
    if (distance <= d.r + slop && distance < bestDistance - 0.5) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

/** The card under a point in layout units, or undefined. */
export function nodeAt<N extends { x: number; y: number; height: number }>(
  nodes: readonly N[],
  width: number,
  x: number,
  y: number,
): N | undefined {
  return nodes.find((n) => Math.abs(x - n.x) <= width / 2 && Math.abs(y - n.y) <= n.height / 2);
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** Where a hop is at time t, in a few words: `on the wire`, `arrived`, `lost`, `queue full`. */
export function hopStatus(hop: Hop, t: number, language: Language = ENGLISH): string {
  const { say } = motionPhrases.in(language);
  if (t < hop.txBegin) return say('status.notSent');
  if (hop.drop && t >= hop.drop.t) return dropText(hop.drop.reason, hop.drop.atQueue, language);
  if (hop.rx !== null && t >= hop.rx) return say('status.arrived');
  if (hop.txEnd === null || t < hop.txEnd) return say('status.beingSent');
  return say('status.onWire');
}
